"""The timeline's geometry: where each agreement's term, the planning periods, the legislatures and today
fall on one time axis. Plain numbers for the SVG template (``templates/site/tijdlijn.html.j2``) to draw.

The axis runs from 1 January of the first year any date falls in to 1 January after the last, in SVG user
units: ``YEAR`` per year, each day at its fraction of its own year, so 1 January of every year lies on a
tick. An agreement whose start is unknown starts at the left edge (drawn open, "begin onbekend"); one
without an end runs to the right edge ("zonder einddatum"); one with neither has a row without a bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..calendars import Calendars, Period
from .entries import Entry

YEAR = 120
"""Width of one year, in SVG user units."""
ROW = 24
LABEL = 330
"""Width of the column of agreement labels, left of the axis."""
TOP = 86
"""Height of the header: year labels, planning periods, legislatures."""
FIRST_YEAR, LAST_YEAR = 1990, 2060
"""The axis is clipped to these years: a date far away still shows, at the edge."""


def _years(entries: Sequence[Entry], as_of: dt.date) -> tuple[int, int]:
    known = [d for e in entries for d in (e.report.start, e.report.end) if d is not None] + [as_of]
    first = max(FIRST_YEAR, min(d.year for d in known))
    last = min(LAST_YEAR, max(d.year for d in known))
    if any(e.report.start is None and e.report.end is not None for e in entries):
        first = max(FIRST_YEAR, first - 1)  # room for a term whose start is unknown
    if any(e.report.end is None and e.report.start is not None for e in entries):
        last = min(LAST_YEAR, last + 1)
    return first, last + 1


def position(day: dt.date, first: int, end: int) -> float:
    """The x of the start of ``day`` on an axis from 1 January ``first`` to 1 January ``end``."""
    if day.year < first:
        return 0.0
    if day.year >= end:
        return float((end - first) * YEAR)
    days = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return round((day.year - first + (day.timetuple().tm_yday - 1) / days) * YEAR, 2)


def _band(period: Period, first: int, end: int) -> dict[str, Any] | None:
    if period.end.year < first or period.start.year >= end:
        return None
    x0 = position(period.start, first, end)
    x1 = position(period.end + dt.timedelta(days=1), first, end)
    return {"name": period.name, "x": x0, "width": round(x1 - x0, 2), "start": period.start, "end": period.end}


def layout(entries: Sequence[Entry], as_of: dt.date, calendars: Calendars) -> dict[str, Any]:
    """Everything the template draws, as plain data; one row per entry, in the order given."""
    first, end = _years(entries, as_of)
    width = (end - first) * YEAR
    rows = []
    for n, e in enumerate(entries):
        r = e.report
        bar = None
        if r.start is not None or r.end is not None:
            x0 = position(r.start, first, end) if r.start else 0.0
            x1 = position(r.end + dt.timedelta(days=1), first, end) if r.end and r.end < dt.date.max else float(width)
            bar = {
                "x": x0,
                "width": max(round(x1 - x0, 2), 1.0),
                "open_start": r.start is None,
                "open_end": r.end is None,
            }
        rows.append({"entry": e, "y": TOP + n * ROW, "bar": bar})
    return {
        "first": first,
        "end": end,
        "width": width,
        "label": LABEL,
        "row": ROW,
        "top": TOP,
        "height": TOP + len(rows) * ROW + 8,
        "ticks": [{"year": y, "x": (y - first) * YEAR} for y in range(first, end + 1)],
        "today": position(as_of, first, end) if first <= as_of.year < end else None,
        "planning_periods": [b for p in calendars.planning_periods if (b := _band(p, first, end))],
        "legislatures": [b for p in calendars.legislatures if (b := _band(p, first, end))],
        "rows": rows,
    }
