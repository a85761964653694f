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

from dateutil.relativedelta import relativedelta

from . import facts, nl, versions
from .calendars import Calendars, default_calendars, non_working, previous_working_day
from .diagnostics import Diagnostic, Level
from .errors import SamenwerkError
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
        raise SamenwerkError(f"--within '{text}': write a number of days, weeks or months, such as 90d, 12w or 6m")
    n, unit = int(m[1][:7]), m[2][0]
    if n > {"d": 36_600, "w": 5_220, "m": 1_200, "y": 100}[unit]:
        raise SamenwerkError(f"--within '{text}': a window of more than 100 years is not a window")
    return {
        "d": relativedelta(days=n),
        "w": relativedelta(weeks=n),
        "m": relativedelta(months=n),
        "y": relativedelta(years=n),
    }[unit]


def _deadline(key: str, kind: Kind, day: dt.date | None, title: str, detail: str = "") -> Deadline:
    if day is None:
        return Deadline(key, kind, None, title, detail)
    why = non_working(day)
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
    start, end = facts.start(agreement), facts.end(agreement)
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


def compute(
    agreement: Agreement,
    as_of: dt.date,
    within: relativedelta,
    path: str = "",
    calendars: Calendars | None = None,
    horizon_years: int = 2,
) -> Report:
    """All deadlines of one agreement; recurring ones up to the end date (or ``horizon_years`` ahead)."""
    calendars = calendars or default_calendars()
    duration = agreement.duration
    end = facts.end(agreement)
    start = facts.start(agreement)
    deadlines: list[Deadline] = []

    if end is not None:
        deadlines.append(_deadline("end", Kind.END, end, f"Einde van de overeenkomst (tot en met {nl.date(end)})"))
        notice, last = facts.notice_period(agreement), facts.notice_date(agreement)
        if notice is not None and last is not None:
            deadlines.append(
                _deadline(
                    "notice",
                    Kind.NOTICE,
                    last,
                    "Laatste dag om op te zeggen",
                    f"opzegtermijn {notice.value} {nl.unit(notice.value, notice.unit)}",
                )
            )
    if duration:
        for fu in duration.follow_ups:
            day = facts.follow_up_due(agreement, fu)
            detail = "" if day else "de datum van ondertekening ontbreekt (signing.date)"
            deadlines.append(_deadline(f"follow-up/{fu.id}", Kind.FOLLOW_UP, day, fu.text, detail))

    # Recurring duties run from the start (or from the as-of year when the start is unknown) to the end.
    anchor = start or dt.date(as_of.year, 1, 1)
    until = end or _add(as_of, relativedelta(years=horizon_years))
    if agreement.consultation:
        for body in agreement.consultation.bodies:
            n = body.min_meetings_per_year
            if not n:
                continue
            months = max(1, 12 // n)
            year_start = dt.date(anchor.year, 1, 1)
            for i, due in enumerate(_occurrences(year_start, relativedelta(months=months), until)):
                if due < anchor:
                    continue
                nr = i % n + 1 if 12 % n == 0 else i + 1
                deadlines.append(
                    _deadline(
                        f"meeting/{body.id}/{due.isoformat()}",
                        Kind.MEETING,
                        due,
                        f"{body.name}: vergadering {nr} van minstens {n} in {due.year}"
                        if 12 % n == 0
                        else f"{body.name}: vergadering (minstens {n} per jaar)",
                        f"minstens {n} keer per jaar",
                    )
                )
    for obligation in agreement.obligations:
        for due in _occurrences(anchor, facts.delta(obligation.every), until):
            deadlines.append(
                _deadline(f"obligation/{obligation.id}/{due.isoformat()}", Kind.OBLIGATION, due, obligation.text)
            )
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
                        f"Einde van het {period.name}",
                    )
                )

    deadlines.sort(key=lambda d: (d.date is None, d.date or dt.date.max, d.key))
    return Report(
        agreement_id=agreement.id,
        title=agreement.title,
        path=path,
        state=state_of(agreement, as_of, within),
        start=start,
        end=end,
        days_left=(end - as_of).days if end else None,
        deadlines=tuple(deadlines),
        status=agreement.status,
        amends=agreement.amends,
        supersedes=tuple(agreement.supersedes),
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
