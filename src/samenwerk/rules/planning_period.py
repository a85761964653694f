"""planning-period: the end date lies within the planning period in which the agreement starts.

Local governments plan in multi-year periods (meerjarenplannen 2020-2025, 2026-2031) and legislatures
(2019-2024, 2025-2030). An agreement that runs past the period it starts in commits a next council. The
calendars are data (samenwerk/data/calendars.toml), replaceable in [tool.samenwerk.calendars].

Options: ``calendar = "planning_periods"`` (default) or ``"legislatures"``.

Failing::

    duration: {start: 01-01-2020, end: 31-12-2027}

Passing::

    duration: {start: 01-01-2020, end: 31-12-2025}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..deadlines import dutch_date
from ..diagnostics import Finding, Level
from ..model import Agreement
from .base import Context, finding

id = "planning-period"
level = Level.WARNING
summary = "The end date is not beyond the planning period the agreement starts in."


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    calendar: Literal["planning_periods", "legislatures"] = "planning_periods"


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    d = agreement.duration
    if d is None or d.end is None:
        return
    start = d.start if isinstance(d.start, dt.date) else None
    start = start or (agreement.signing.date if agreement.signing else None)
    start = start or min((a.date for a in agreement.approvals), default=None)
    if start is None:
        return
    options = Options.model_validate(ctx.options)
    for name, p_start, p_end in getattr(ctx.calendars, options.calendar):
        if p_start <= start <= p_end:
            if d.end > p_end:
                yield finding(id, level, ("duration", "end"), f"the end date {dutch_date(d.end)} is after the end of the {name} ({dutch_date(p_end)})")
            return
