"""end-before-start: the end date comes before the start date.

An agreement that ends before it starts was mistyped: usually a day and month swapped, or the wrong year.

Failing::

    duration:
      start: 01-01-2026
      end: 31-12-2025

Passing::

    duration:
      start: 01-01-2020
      end: 31-12-2025
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "end-before-start"
level = Level.ERROR
summary = "The end date is not before the start date."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    d = agreement.duration
    if d and d.end and isinstance(d.start, dt.date) and d.end < d.start:
        yield finding(
            id,
            level,
            ("duration", "end"),
            _("the end date {end} is before the start date {start}").format(
                end=i18n.date(d.end), start=i18n.date(d.start)
            ),
        )
