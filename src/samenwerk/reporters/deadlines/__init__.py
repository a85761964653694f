"""Deadline report formats. Add a format: a module here with a writer, and one line in ``FORMATS``."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from ...i18n import _
from .. import Format, Registry

if TYPE_CHECKING:
    from ...deadlines import Deadline, Report
    from ...diagnostics import Diagnostic


@dataclass(frozen=True)
class Options:
    as_of: dt.date
    until: dt.date
    color: bool = False
    alarm_days: int = 14
    """ics: days before each deadline to alert."""
    problems: TextIO = field(default_factory=lambda: sys.stderr)
    """Where a format that cannot hold them (ics) writes the files that could not be loaded."""


class Writer(Protocol):
    def __call__(
        self, reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options
    ) -> None: ...


FORMATS: Registry[Writer] = Registry(
    __name__,
    {
        "table": Format("table:report"),
        "json": Format("json:report"),
        "markdown": Format("markdown:report"),
        "ics": Format("ics:report"),
    },
)


def shown(r: Report, as_of: dt.date, until: dt.date) -> list[Deadline]:
    """Deadlines in the window, plus the end date, plus deadlines whose date is unknown."""
    return [d for d in r.deadlines if d.date is None or (as_of <= d.date <= until) or (d.key == "end")]


def rows(reports: Sequence[Report], as_of: dt.date, until: dt.date) -> list[tuple[Report, Deadline]]:
    """The deadlines to list, across agreements, by date (unknown dates last)."""
    pairs = [(r, d) for r in reports for d in shown(r, as_of, until)]
    return sorted(pairs, key=lambda rd: (rd[1].date is None, rd[1].date or dt.date.max, rd[0].agreement_id))


def note(d: Deadline) -> str:
    parts = [d.detail] if d.detail else []
    if d.non_working and d.working_day:
        parts.append(_("{day}; previous working day {date}").format(day=d.non_working, date=d.working_day.isoformat()))
    return "; ".join(parts)
