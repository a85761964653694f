"""Deadlines of an agreement: pure date arithmetic. "Today" is always passed in, never read here.

From an agreement and an as-of date this derives the state of the agreement (expired, expiring, active,
not yet started, open-ended) and its deadlines: the end date, the last day to give notice, follow-ups due
some time after signing, the meetings each body owes per year, recurring obligations, and the end of the
planning period. A deadline on a weekend or a Belgian public holiday is flagged with the previous working
day (holidays library).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from dateutil.relativedelta import relativedelta

from . import facts, i18n, versions
from .calendars import Calendars, default_calendars, non_working, previous_working_day
from .diagnostics import Diagnostic, Level
from .errors import SamenwerkError
from .i18n import _, ngettext
from .model import Agreement
from .model.agreement import Status


class State(StrEnum):
    EXPIRED = "expired"
    EXPIRING = "expiring"
    ACTIVE = "active"
    NOT_STARTED = "not-yet-started"
    OPEN_ENDED = "open-ended"


FAIL_ON: dict[str, frozenset[State]] = {
    "expired": frozenset({State.EXPIRED}),
    "expiring": frozenset({State.EXPIRED, State.EXPIRING}),
    "never": frozenset(),
}
"""What ``expiring --fail-on`` counts as a finding: 'expiring' includes 'expired'."""


CLOSED = frozenset({Status.EXPIRED, Status.TERMINATED, Status.SUPERSEDED})
"""Statuses that record an agreement as over: its end date having passed is known, not news."""


def failing(reports: list[Report], fail_on: str) -> bool:
    """Whether any agreement is in a state that ``fail_on`` counts. An agreement whose status already says it
    is over (expired, terminated, superseded) never counts: the finding is an end date passed unrecorded."""
    return any(r.state in FAIL_ON[fail_on] and not r.closed for r in reports)


class Kind(StrEnum):
    END = "end"
    NOTICE = "notice"
    FOLLOW_UP = "follow-up"
    MEETING = "meeting"
    OBLIGATION = "obligation"
    PLANNING_PERIOD = "planning-period"


@dataclass(frozen=True, slots=True)
class Deadline:
    key: str
    """Stable within the agreement: used for calendar UIDs."""
    kind: Kind
    date: dt.date | None
    title: str
    detail: str = ""
    non_working: str | None = None
    """Why the date is not a working day: 'zaterdag', 'zondag' or the holiday's name."""
    working_day: dt.date | None = None
    """The previous working day, where the date is not one."""


@dataclass(frozen=True, slots=True)
class Report:
    agreement_id: str
    title: str
    path: str
    state: State
    start: dt.date | None
    end: dt.date | None
    days_left: int | None
    deadlines: tuple[Deadline, ...] = field(default=())
    status: Status | None = None
    """The status the agreement records (draft, signed, expired, ...), when it has one."""
    amends: str | None = None
    """For an amendment: the id of the agreement it changes (its report is folded into that one's)."""
    supersedes: tuple[str, ...] = ()
    amended_by: tuple[str, ...] = ()
    """The amendments in effect on the as-of date, applied to this report's dates (consolidated)."""
    superseded_by: str | None = None
    """The id of the agreement that replaces this one, when it is among the files."""

    @property
    def closed(self) -> bool:
        """The agreement is over by its status, or replaced by a newer one."""
        return self.status in CLOSED or self.superseded_by is not None


_WITHIN = re.compile(r"^\s*(\d+)\s*(d|w|m|y|days?|weeks?|months?|years?)\s*$")


def parse_within(text: str) -> relativedelta:
    """'90d', '12w', '6m', '1y' (or '90 days', '6 months') -> a calendar-aware duration."""
    m = _WITHIN.match(text.lower())
    if not m:
        raise SamenwerkError(
            _("--within '{text}': write a number of days, weeks or months, such as 90d, 12w or 6m").format(text=text)
        )
    n, unit = int(m[1][:7]), m[2][0]
    if n > {"d": 36_600, "w": 5_220, "m": 1_200, "y": 100}[unit]:
        raise SamenwerkError(_("--within '{text}': a window of more than 100 years is not a window").format(text=text))
    return {
        "d": relativedelta(days=n),
        "w": relativedelta(weeks=n),
        "m": relativedelta(months=n),
        "y": relativedelta(years=n),
    }[unit]


def _deadline(key: str, kind: Kind, day: dt.date | None, title: str, detail: str = "") -> Deadline:
    if day is None:
        return Deadline(key, kind, None, title, detail)
    why = non_working(day, i18n.language())
    return Deadline(key, kind, day, title, detail, why, previous_working_day(day) if why else None)


def _add(day: dt.date, delta: relativedelta) -> dt.date:
    """``day + delta``, or the last day there is when that lies beyond the calendar."""
    try:
        return day + delta
    except (OverflowError, ValueError):
        return dt.date.max


def window_end(as_of: dt.date, within: relativedelta) -> dt.date:
    """The last day of the window that ``expiring`` looks ahead."""
    return _add(as_of, within)


def state_of(agreement: Agreement, as_of: dt.date, within: relativedelta) -> State:
    return _state(facts.start(agreement), facts.end(agreement), as_of, within)


def _state(start: dt.date | None, end: dt.date | None, as_of: dt.date, within: relativedelta) -> State:
    if start and start > as_of:
        return State.NOT_STARTED
    if end is None:
        return State.OPEN_ENDED
    if end < as_of:  # the end date is inclusive: on the end date itself the agreement still runs
        return State.EXPIRED
    if end <= _add(as_of, within):
        return State.EXPIRING
    return State.ACTIVE


def _occurrences(first_start: dt.date, step: relativedelta, until: dt.date) -> list[dt.date]:
    """Ends of consecutive periods of length ``step`` from ``first_start`` (last day of each), up to ``until``."""
    out: list[dt.date] = []
    k = 1
    while True:
        try:
            due = first_start + step * k - dt.timedelta(days=1)
        except (OverflowError, ValueError):  # beyond the calendar: nothing more is due
            return out
        if due > until or k > 400:
            return out
        out.append(due)
        k += 1


@dataclass(frozen=True, slots=True)
class Inputs:
    """What an agreement's deadlines are made of, whatever the day: its dates as ``facts`` works them out,
    and what recurs. Read from the agreement once (``inputs``); small and plain, so the cache can keep it
    beside the file's lint result (``to_json``). ``report`` adds the day."""

    agreement_id: str
    title: str
    status: str | None = None
    amends: str | None = None
    supersedes: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    notice: tuple[int, str] | None = None
    """The notice period (value, unit), where the agreement has one."""
    notice_date: dt.date | None = None
    follow_ups: tuple[tuple[str, str, dt.date | None], ...] = ()
    """(id, text, due date or None)."""
    meetings: tuple[tuple[str, str, int], ...] = ()
    """(body id, body name, meetings per year) of each body that owes meetings."""
    obligations: tuple[tuple[str, str, int, str], ...] = ()
    """(id, text, every value, every unit)."""

    def to_json(self) -> dict[str, Any]:
        day = _iso
        return {
            "id": self.agreement_id,
            "title": self.title,
            "status": self.status,
            "amends": self.amends,
            "supersedes": list(self.supersedes),
            "start": day(self.start),
            "end": day(self.end),
            "notice": list(self.notice) if self.notice else None,
            "notice_date": day(self.notice_date),
            "follow_ups": [[i, t, day(d)] for i, t, d in self.follow_ups],
            "meetings": [list(m) for m in self.meetings],
            "obligations": [list(o) for o in self.obligations],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Inputs:
        """The inverse of ``to_json``; raises (KeyError, TypeError, ValueError) on anything else."""
        day = _day
        notice = data["notice"]
        return cls(
            str(data["id"]),
            str(data["title"]),
            None if data["status"] is None else str(data["status"]),
            None if data["amends"] is None else str(data["amends"]),
            tuple(str(x) for x in data["supersedes"]),
            day(data["start"]),
            day(data["end"]),
            None if notice is None else (int(notice[0]), str(notice[1])),
            day(data["notice_date"]),
            tuple((str(i), str(t), day(d)) for i, t, d in data["follow_ups"]),
            tuple((str(i), str(n), int(k)) for i, n, k in data["meetings"]),
            tuple((str(i), str(t), int(v), str(u)) for i, t, v, u in data["obligations"]),
        )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("a date must be written as text")
    return dt.date.fromisoformat(value)


def _period(value: int, unit: str) -> relativedelta:
    """``facts.delta`` of a period given as (value, unit)."""
    if unit == "days":
        return relativedelta(days=value)
    if unit == "weeks":
        return relativedelta(weeks=value)
    if unit == "months":
        return relativedelta(months=value)
    if unit == "years":
        return relativedelta(years=value)
    raise ValueError(f"unknown unit {unit!r}")


def inputs(agreement: Agreement) -> Inputs:
    """The deadlines' material of one agreement (see ``Inputs``)."""
    duration = agreement.duration
    notice = facts.notice_period(agreement)
    follow_ups = tuple(
        (fu.id, fu.text, facts.follow_up_due(agreement, fu)) for fu in (duration.follow_ups if duration else ())
    )
    meetings: tuple[tuple[str, str, int], ...] = ()
    if agreement.consultation:
        meetings = tuple(
            (body.id, body.name, body.min_meetings_per_year)
            for body in agreement.consultation.bodies
            if body.min_meetings_per_year
        )
    return Inputs(
        agreement_id=agreement.id,
        title=agreement.title,
        status=str(agreement.status) if agreement.status is not None else None,
        amends=agreement.amends,
        supersedes=tuple(agreement.supersedes),
        start=facts.start(agreement),
        end=facts.end(agreement),
        notice=(notice.value, notice.unit) if notice is not None else None,
        notice_date=facts.notice_date(agreement),
        follow_ups=follow_ups,
        meetings=meetings,
        obligations=tuple((o.id, o.text, o.every.value, o.every.unit) for o in agreement.obligations),
    )


def compute(
    agreement: Agreement,
    as_of: dt.date,
    within: relativedelta,
    path: str = "",
    calendars: Calendars | None = None,
    horizon_years: int = 2,
) -> Report:
    """All deadlines of one agreement; recurring ones up to the end date (or ``horizon_years`` ahead)."""
    return report(inputs(agreement), as_of, within, path, calendars, horizon_years)


def report(
    given: Inputs,
    as_of: dt.date,
    within: relativedelta,
    path: str = "",
    calendars: Calendars | None = None,
    horizon_years: int = 2,
) -> Report:
    """``compute`` from an agreement's ``Inputs``: the same report, without the agreement."""
    calendars = calendars or default_calendars()
    end = given.end
    start = given.start
    deadlines: list[Deadline] = []

    if end is not None:
        deadlines.append(
            _deadline(
                "end", Kind.END, end, _("End of the agreement (up to and including {date})").format(date=i18n.date(end))
            )
        )
        notice, last = given.notice, given.notice_date
        if notice is not None and last is not None:
            deadlines.append(
                _deadline(
                    "notice",
                    Kind.NOTICE,
                    last,
                    _("Last day to give notice"),
                    _("notice period {period}").format(period=i18n.period(notice[0], notice[1])),
                )
            )
    for fu_id, text, day in given.follow_ups:
        detail = "" if day else _("the signing date is missing (signing.date)")
        deadlines.append(_deadline(f"follow-up/{fu_id}", Kind.FOLLOW_UP, day, text, detail))

    # Recurring duties run from the start (or from the as-of year when the start is unknown) to the end.
    anchor = start or dt.date(as_of.year, 1, 1)
    until = end or _add(as_of, relativedelta(years=horizon_years))
    for body_id, name, n in given.meetings:
        months = max(1, 12 // n)
        year_start = dt.date(anchor.year, 1, 1)
        for i, due in enumerate(_occurrences(year_start, relativedelta(months=months), until)):
            if due < anchor:
                continue
            nr = i % n + 1 if 12 % n == 0 else i + 1
            deadlines.append(
                _deadline(
                    f"meeting/{body_id}/{due.isoformat()}",
                    Kind.MEETING,
                    due,
                    _("{body}: meeting {nr} of at least {n} in {year}").format(body=name, nr=nr, n=n, year=due.year)
                    if 12 % n == 0
                    else _("{body}: meeting (at least {n} a year)").format(body=name, n=n),
                    ngettext("at least {n} time a year", "at least {n} times a year", n).format(n=n),
                )
            )
    for ob_id, text, value, unit in given.obligations:
        for due in _occurrences(anchor, _period(value, unit), until):
            deadlines.append(_deadline(f"obligation/{ob_id}/{due.isoformat()}", Kind.OBLIGATION, due, text))
    if end is not None or start is not None:
        term_start, term_end = start or end, end or until
        assert term_start is not None
        for period in calendars.planning_periods:
            if period.overlaps(term_start, term_end):
                deadlines.append(
                    _deadline(
                        f"planning-period/{period.end.isoformat()}",
                        Kind.PLANNING_PERIOD,
                        period.end,
                        _("End of the {period}").format(period=period.name),
                    )
                )

    deadlines.sort(key=lambda d: (d.date is None, d.date or dt.date.max, d.key))
    return Report(
        agreement_id=given.agreement_id,
        title=given.title,
        path=path,
        state=_state(start, end, as_of, within),
        start=start,
        end=end,
        days_left=(end - as_of).days if end else None,
        deadlines=tuple(deadlines),
        status=Status(given.status) if given.status is not None else None,
        amends=given.amends,
        supersedes=given.supersedes,
    )


def with_versions(
    reports: list[Report],
    as_of: dt.date,
    within: relativedelta,
    load: Callable[[str], Agreement | None],
    calendars: Calendars | None = None,
) -> tuple[list[Report], list[Diagnostic]]:
    """Reports of agreements as in force on ``as_of``: an agreement with amendments among the reports is
    consolidated (``versions``) and reported with its amended dates; the amendments themselves are folded
    into it; an agreement superseded by another among the reports is closed. ``load`` reads a report's
    agreement again (only for those with amendments). Returns the reports and the problems met (an
    amendment whose changes do not give a valid agreement)."""
    by_base: dict[str, list[Report]] = {}
    for r in reports:
        if r.amends is not None:
            by_base.setdefault(r.amends, []).append(r)
    superseding = {old: r.agreement_id for r in reports for old in r.supersedes}
    if not by_base and not superseding:
        return reports, []
    present = {r.agreement_id for r in reports}
    problems: list[Diagnostic] = []
    out: list[Report] = []
    for r in reports:
        if r.amends is not None and r.amends in present:
            continue  # folded into the agreement it amends
        if r.agreement_id in by_base:
            base = load(r.path)
            amendments = [a for a in (load(m.path) for m in by_base[r.agreement_id]) if a is not None]
            if base is not None:
                try:
                    consolidated = versions.consolidate(base, amendments, as_of)
                except versions.ConsolidationError as exc:
                    problems.append(Diagnostic(r.path, 1, 1, Level.ERROR, versions.RULE, str(exc)))
                else:
                    applied = tuple(a.id for a in consolidated.applied)
                    r = replace(compute(consolidated.agreement, as_of, within, r.path, calendars), amended_by=applied)
        if r.agreement_id in superseding:
            r = replace(r, superseded_by=superseding[r.agreement_id])
        out.append(r)
    return out, problems
