"""title-years: a year range in the title ("2020 - 2025") matches the agreement's dates.

The last year of the range must be the year of the end date, and the first year may not come after the
year the agreement starts (start date, or signing date where the start is "on signing").

Failing::

    title: Samen sterk voor lokaal werk in 2020 - 2026
    duration: {end: 31-12-2025}

Passing::

    title: Samen sterk voor lokaal werk in 2020 - 2025
    duration: {end: 31-12-2025}

A title may name other periods too ("... 2024-2025 in uitvoering van het regeerakkoord 2019-2024"): when
it holds several ranges, one of them matching the dates is enough, and when none does, the title is reported
once, and left to a person to correct.

``samenwerk fix`` makes the title agree with the dates: it trusts the dates, so check them first. It only
changes a title with a single year range (with several, which one is the term is not for a program to guess).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import facts
from ..diagnostics import Finding, Level
from ..i18n import N_, _
from ..model import Agreement
from .base import Context, finding

if TYPE_CHECKING:
    from .fixing import FixContext

id = "title-years"
level = Level.ERROR
summary = "A year range in the title or subtitle matches the start and end dates."

_ENDS = {
    "title": N_("the title says {years} but the agreement ends in {year}"),
    "subtitle": N_("the subtitle says {years} but the agreement ends in {year}"),
}
_STARTS = {
    "title": N_("the title says {years} but the agreement starts in {year}"),
    "subtitle": N_("the subtitle says {years} but the agreement starts in {year}"),
}
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    start, end = facts.start(agreement), facts.end(agreement)
    for key in ("title", "subtitle"):
        text = getattr(agreement, key)
        if not text:
            continue
        ranges = list(_RANGE.finditer(text))
        if len(ranges) > 1:
            agree = [m for m in ranges if (not end or int(m[2]) == end.year) and (not start or int(m[1]) <= start.year)]
            if not agree and (start or end):
                said = ", ".join(m[0] for m in ranges)
                term = f"{start.year if start else '?'}-{end.year if end else '?'}"
                yield finding(
                    id,
                    level,
                    (key,),
                    _("none of the year ranges in the {key} ({said}) is the term, {term}").format(
                        key=key, said=said, term=term
                    ),
                )
            continue
        for m in ranges:
            first, last = int(m[1]), int(m[2])
            if end and last != end.year:
                yield finding(id, level, (key,), _(_ENDS[key]).format(years=m[0], year=end.year))
            if start and first > start.year:
                yield finding(id, level, (key,), _(_STARTS[key]).format(years=m[0], year=start.year))


fixable = True
fix_summary = N_("makes the years in the title and subtitle those of the dates, trusting the dates")


def fix(data: Any, ctx: FixContext) -> list[str]:
    """The year range made to agree with the dates: the last year the end's, the first year the start's when
    it came after it. Only when the end is known and does not come before the start."""
    from ..document import write

    agreement = ctx.agreement()
    if agreement is None:
        return []
    start, end = facts.start(agreement), facts.end(agreement)
    if end is None or (start is not None and start > end):
        return []
    changed: list[str] = []
    for key in ("title", "subtitle"):
        text = data.get(key)
        if not isinstance(text, str) or len(_RANGE.findall(text)) != 1:
            continue

        def years(m: re.Match[str]) -> str:
            first = int(m[1])
            if start is not None and first > start.year:
                first = start.year
            return f"{first}{m[0][len(m[1]) : m.start(2) - m.start()]}{end.year}"

        fixed = _RANGE.sub(years, text)
        if fixed != text:
            write.put(data, key, fixed)
            changed.append(f"{key}: '{text}' -> '{fixed}'")
    return changed
