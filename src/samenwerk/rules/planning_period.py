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

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .. import facts, i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "planning-period"
level = Level.WARNING
summary = "The end date is not beyond the planning period the agreement starts in."


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    calendar: Literal["planning_periods", "legislatures"] = "planning_periods"


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    end, start = facts.end(agreement), facts.first_known_date(agreement)
    if end is None or start is None:
        return
    options = Options.model_validate(ctx.options)
    for period in ctx.calendars.named(options.calendar):
        if start in period:
            if end > period.end:
                yield finding(
                    id,
                    level,
                    ("duration", "end"),
                    _("the end date {end} is after the end of the {period} ({period_end})").format(
                        end=i18n.date(end), period=period.name, period_end=i18n.date(period.end)
                    ),
                )
            return
