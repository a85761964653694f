"""Inline suppressions, written as YAML comments.

    status: signed  # samenwerk: ignore[expired-status] the text is kept as signed
    # samenwerk: ignore-file[contact-point] the source names no contact points

``ignore[...]`` on a line silences those rules for problems reported on that line; ``ignore-file[...]``
anywhere silences them in the whole file; without brackets, all rules. Anything after the bracket is the
reason, for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARK = "samenwerk:"
_DIRECTIVE = re.compile(r"#\s*samenwerk:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?")
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    lines: dict[int, frozenset[str]] = field(default_factory=dict)
    file: frozenset[str] = frozenset()

    def hides(self, line: int, rule: str) -> bool:
        if ALL in self.file or rule in self.file:
            return True
        on_line = self.lines.get(line, frozenset())
        return ALL in on_line or rule in on_line


NONE = Suppressions()


def parse(text: str) -> Suppressions:
    if _MARK not in text:  # fast path: most files have no suppressions
        return NONE
    lines: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if _MARK not in line:
            continue
        for kind, rules in _DIRECTIVE.findall(line):
            ids = frozenset(r.strip() for r in rules.split(",") if r.strip()) if rules else frozenset({ALL})
            if kind == "ignore-file":
                whole |= ids
            else:
                lines[number] = lines.get(number, frozenset()) | ids
    return Suppressions(lines, frozenset(whole))
