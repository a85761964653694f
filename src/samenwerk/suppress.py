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
from bisect import bisect_right
from dataclasses import dataclass, field

MARK = "samenwerk:"
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


def parse(text: str, scalars: list[tuple[int, int]] | None) -> Suppressions:
    """The directives in ``text``'s comments; ``scalars`` are the sorted character spans of its scalars
    (``document.yaml.scalar_spans``), None when the file did not parse."""
    if scalars is None or MARK not in text:  # fast path: most files have no suppressions
        return NONE
    starts = [start for start, _ in scalars]

    def in_scalar(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and scalars[i][0] <= offset < scalars[i][1]

    lines: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):  # lines as YAML and line_col count them
        line_start, offset = offset, offset + len(line) + 1
        if MARK not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            at = line_start + match.start()
            if in_scalar(at) or (match.start() > 0 and not line[match.start() - 1].isspace()):
                continue  # data, or a '#' that YAML does not read as a comment
            kind, rules = match.group(1), match.group(2) or ""
            ids = frozenset(r.strip() for r in rules.split(",") if r.strip()) if rules else frozenset({ALL})
            if kind == "ignore-file":
                whole |= ids
            else:
                lines[number] = lines.get(number, frozenset()) | ids
    return Suppressions(lines, frozenset(whole))
