"""What follows from an agreement, computed once: effective start, notice date, follow-up due dates.

Rules, deadlines, render and diff ask here instead of working these out for themselves, so that "when does
this agreement start" has one answer everywhere. Pure functions of a validated model; no I/O, no today.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from .model.agreement import Agreement, FollowUp, Period


def delta(period: Period) -> relativedelta:
    """A period of the model ('3 months') as calendar-aware arithmetic."""
    value = period.value
    return {
        "days": relativedelta(days=value),
        "weeks": relativedelta(weeks=value),
        "months": relativedelta(months=value),
        "years": relativedelta(years=value),
    }[period.unit]


def signed(agreement: Agreement) -> dt.date | None:
    """The signing date, when it is recorded."""
    return agreement.signing.date if agreement.signing else None


def approved(agreement: Agreement) -> dt.date | None:
    """The date of the last approving decision, when the approvals have dates."""
    return max((a.date for a in agreement.approvals if a.date is not None), default=None)


def start(agreement: Agreement) -> dt.date | None:
    """The effective start: the start date; the last approval's date where the start is 'on approval'; else
    the signing date (the start is 'on signing' or not given)."""
    duration = agreement.duration
    if duration is not None and isinstance(duration.start, dt.date):
        return duration.start
    if duration is not None and duration.start == "on-approval":
        return approved(agreement)
    return signed(agreement)


def first_known_date(agreement: Agreement) -> dt.date | None:
    """The start, or failing that the earliest approval: the best guess at when the agreement begins."""
    return start(agreement) or min((a.date for a in agreement.approvals if a.date is not None), default=None)


def end(agreement: Agreement) -> dt.date | None:
    """The last day the agreement runs (inclusive): the end date, or the day before the term has passed since
    the start ('vijf jaar vanaf de ondertekening', once signed); None when open-ended or not yet known."""
    duration = agreement.duration
    if duration is None:
        return None
    if duration.end is not None:
        return duration.end
    first = start(agreement)
    if duration.term is not None and first is not None:
        after = _shift(first, delta(duration.term))
        return after - dt.timedelta(days=1) if after is not None else None
    return None


def notice_period(agreement: Agreement) -> Period | None:
    duration = agreement.duration
    if duration and duration.termination and duration.termination.notice:
        return duration.termination.notice
    return None


def notice_date(agreement: Agreement) -> dt.date | None:
    """The last day on which notice can be given before the end date."""
    last, period = end(agreement), notice_period(agreement)
    if last is None or period is None:
        return None
    return _shift(last, -delta(period))


def follow_up_due(agreement: Agreement, follow_up: FollowUp) -> dt.date | None:
    """A follow-up's due date: its own date, or a period after signing once the signing date is known."""
    if follow_up.due is not None:
        return follow_up.due
    when = signed(agreement)
    if follow_up.after_signing is not None and when is not None:
        return _shift(when, delta(follow_up.after_signing))
    return None


def _shift(day: dt.date, by: relativedelta) -> dt.date | None:
    """``day`` moved by ``by``; None when that lies outside the calendar (years 1 to 9999)."""
    try:
        return day + by
    except (OverflowError, ValueError):
        return None
