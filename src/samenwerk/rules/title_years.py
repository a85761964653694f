"""title-years: a year range in the title ("2020 - 2025") matches the agreement's dates.

The last year of the range must be the year of the end date, and the first year may not come after the
year the agreement starts (start date, or signing date where the start is "on signing").

Failing::

    title: Samen sterk voor lokaal werk in 2020 - 2026
    duration: {end: 31-12-2025}

Passing::

    title: Samen sterk voor lokaal werk in 2020 - 2025
    duration: {end: 31-12-2025}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import facts
from ..diagnostics import Finding, Level
from ..model import Agreement
from .base import Context, finding

id = "title-years"
level = Level.ERROR
summary = "A year range in the title or subtitle matches the start and end dates."

_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    start, end = facts.start(agreement), facts.end(agreement)
    for key in ("title", "subtitle"):
        text = getattr(agreement, key)
        if not text:
            continue
        for m in _RANGE.finditer(text):
            first, last = int(m[1]), int(m[2])
            if end and last != end.year:
                yield finding(id, level, (key,), f"the {key} says {m[0]} but the agreement ends in {end.year}")
            if start and first > start.year:
                yield finding(id, level, (key,), f"the {key} says {m[0]} but the agreement starts in {start.year}")
