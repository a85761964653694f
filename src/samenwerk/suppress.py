"""Inline suppressions, written as YAML comments.

    status: signed  # samenwerk: ignore[expired-status] the text is kept as signed
    # samenwerk: ignore-file[contact-point] the source names no contact points

``ignore[...]`` on a line silences those rules for problems reported on that line; ``ignore-file[...]``
anywhere silences them in the whole file; without brackets, all rules. Anything after the bracket is the
reason, for the reviewer.

Only real comments count, as the YAML parser sees them: a directive inside a quoted or block string is data
and silences nothing. A file that does not parse has no comments that can be trusted, so no suppressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

MARK = "samenwerk:"
_DIRECTIVE = re.compile(r"#\s*samenwerk:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?")
DIRECTIVE = _DIRECTIVE
"""A suppression comment ('# samenwerk: ignore[rule] reason'), wherever it stands on a line."""
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


def parse(text: str, in_scalars: Callable[[list[int]], set[int]] | None) -> Suppressions:
    """The directives in ``text``'s comments. ``in_scalars`` tells which of some character offsets lie inside
    a scalar (``document.yaml.in_scalars`` over the file's node tree); None when the file did not parse."""
    if in_scalars is None or MARK not in text:  # fast path: most files have no suppressions
        return NONE
    found: list[tuple[int, int, str, str]] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):  # lines as YAML and line_col count them
        line_start, offset = offset, offset + len(line) + 1
        if MARK not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            if match.start() > 0 and not line[match.start() - 1].isspace():
                continue  # a '#' that YAML does not read as a comment
            found.append((line_start + match.start(), number, match.group(1), match.group(2) or ""))
    data = in_scalars([at for at, *_ in found]) if found else set()
    lines: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    for at, number, kind, rules in found:
        if at in data:
            continue  # inside a string: data, not a comment
        ids = frozenset(r.strip() for r in rules.split(",") if r.strip()) if rules else frozenset({ALL})
        if kind == "ignore-file":
            whole |= ids
        else:
            lines[number] = lines.get(number, frozenset()) | ids
    return Suppressions(lines, frozenset(whole))
