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

_CANDIDATE = re.compile(r"(?<![\d.\-])(\d{2}[.\s]?\d{2}[.\s]?\d{2}[\s.-]?\d{3}[.\s-]?\d{2})(?![\d])")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    if not any(ch.isdigit() for ch in text):
        return
    from stdnum.be import ssn

    for number, line in enumerate(text.splitlines(), start=1):
        if sum(ch.isdigit() for ch in line) < 11:
            continue
        for m in _CANDIDATE.finditer(line):
            if ssn.is_valid(m[1]):
                yield finding(id, level, (), "a Belgian national register number (INSZ) does not belong in the repository; remove it",
                              line=number, col=m.start(1) + 1)
