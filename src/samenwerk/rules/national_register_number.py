"""national-register-number: no Belgian national register number (rijksregisternummer, INSZ) or BIS number in the file.

Personal identification numbers have no place in a git repository that many people read. Eleven digits in
the groups of the number (birth date, serial number, check digits: YY MM DD NNN CC) whose check digits are
valid as a national register or BIS number are an error at the line and column where the number starts.
The message never repeats the number. Every written form is found:

- compact or grouped: 85073003328, 850730-033-28, 85.07.30-033.28;
- between two groups up to three separators: dots, dashes (also en dash, non-breaking hyphen, minus sign),
  slashes and spaces (also tabs, no-break, thin, ideographic and zero-width spaces), as in 85-07-30-033-28,
  85 07 30 033 28, 85.07.30 - 033.28, 85/07/30/033/28;
- wrapped: a line break and indentation between two groups, as in folded text;
- in other decimal digits, such as full-width ８５．０７．３０－０３３．２８;
- glued to a label (INSZ85073003328, INSZ nr.85073003328, INSZ-85073003328), and anywhere in the file: at
  its start or end, in quotes, in flow mappings, in comments.

Not reported: a number that is part of a longer one (a digit right before or after it, or digits joined to
its front by a dot, dash or slash, as in 1.85073003328 or 2024-85073003328), an international phone
number (after a +), and eleven digits whose check digits are not valid.

Failing::

    notes: ["INSZ nr.85-07-30-033-28"]

Passing::

    notes: ["contact via het onthaal", "telefoon +32 9 266 55 00"]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..diagnostics import Finding, Level
from ..document.yaml import line_col
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "national-register-number"
level = Level.ERROR
summary = "No national register (INSZ/BIS) numbers anywhere in the file."
sensitive = True
"""What this rule finds is personal data: reporters never show the source text at its place."""

_SPACES = r" \t\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff"
# Dots, dashes and slashes: between digits they join groups into one number.
_JOINERS = (
    r".\-/\u00ad\u00b7\u2010-\u2015\u2024\u2027\u2212\u2215\u2219\u22c5"  # ASCII, soft hyphen, dashes, dots
    r"\u30fb\ufe52\ufe58\ufe63\uff0d\uff0e\uff0f\uff65"  # their small, full-width and half-width forms
)
_SEP = rf"[{_SPACES}{_JOINERS}]{{0,3}}(?:\r?\n[ \t]*)?"
# The pattern starts with a digit class, so the engine skips in C to the next digit, and matches only that
# first digit: the rest of the number is captured in a look-ahead, so a candidate that turns out invalid
# never hides a number that starts inside it. The look-behinds come after the first digit (a pattern that
# starts with one is scanned several times slower): no digit right before it, no digit joined to its front
# by a dot, dash or slash, no "+" of a phone number. Every quantifier is bounded or runs over characters
# that cannot start the next part, so each start costs a bounded amount of work: the scan is linear.
_CANDIDATE = re.compile(
    rf"\d(?<!\d\d)(?<!\d[{_JOINERS}]\d)(?<!\+\d)"
    rf"(?=(\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d\d\d{_SEP}\d\d)(?!\d))"
)
_NOT_DIGIT = re.compile(r"\D")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def _digits(written: str) -> str:
    """The eleven digits of a written number, in ASCII (``\\d`` also matches full-width and other digits)."""
    digits = _NOT_DIGIT.sub("", written)
    return digits if digits.isascii() else "".join(str(int(c)) for c in digits)


def _check_digits_possible(digits: str) -> bool:
    """The mod-97 check that python-stdnum makes, for either century: most candidates fail it cheaply."""
    body, check = int(digits[:9]), int(digits[9:])
    return check == 97 - body % 97 or check == 97 - (2_000_000_000 + body) % 97


@lru_cache(maxsize=4096)
def _valid(digits: str) -> bool:
    # stdnum's ssn.is_valid is exactly this (a national register or a BIS number), with more overhead per call.
    from stdnum.be import bis, nn

    return bool(nn.is_valid(digits) or bis.is_valid(digits))


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    # Line and column come from line_col over the text since the previous finding: many numbers in one file
    # cost linear time, not a count from the top of the file for each.
    at, line, col = 0, 1, 1
    end = 0
    for m in _CANDIDATE.finditer(text):
        start = m.start()
        if start < end:  # inside a number already reported
            continue
        digits = _digits(text[start : m.end(1)])
        if not (_check_digits_possible(digits) and _valid(digits)):
            continue
        end = m.end(1)
        lines, column = line_col(text[at:start], start - at)
        line, col = (line, col + start - at) if lines == 1 else (line + lines - 1, column)
        at = start
        yield finding(
            id,
            level,
            (),
            _("a Belgian national register number (INSZ) does not belong in the repository; remove it"),
            line=line,
            col=col,
        )
