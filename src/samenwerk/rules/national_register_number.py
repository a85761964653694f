"""national-register-number: no Belgian national register number (rijksregisternummer, INSZ) in the file.

Personal identification numbers have no place in a git repository that many people read. Any 11 digits,
written with or without dots and dashes (85.07.30-033.28, 85073003328), whose check digits are valid as
a national register or BIS number, are an error at their line and column.

Failing::

    notes: ["contact: 85.07.30-033.28"]

Passing::

    notes: ["contact via het onthaal"]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..model import Agreement
from .base import Context, finding

id = "national-register-number"
level = Level.ERROR
summary = "No national register (INSZ/BIS) numbers anywhere in the file."

_CANDIDATE = re.compile(r"(\d\d[. ]?\d\d[. ]?\d\d[ .-]?\d{3}[. -]?\d\d)")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    from stdnum.be import ssn

    # One scan of the whole text in C: a pattern that starts with a digit class lets the regex engine skip
    # ahead to the next digit.
    for m in _CANDIDATE.finditer(text):
        # Part of a longer number is no national register number (checked here: a look-behind in the
        # pattern makes the scan several times slower).
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isdigit() or before in ".-" or after.isdigit():
            continue
        if ssn.is_valid(m[1]):
            start = m.start(1)
            line = text.count("\n", 0, start) + 1
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            yield finding(
                id,
                level,
                (),
                "a Belgian national register number (INSZ) does not belong in the repository; remove it",
                line=line,
                col=col,
            )
