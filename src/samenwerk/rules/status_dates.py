"""status-dates: the status agrees with the agreement's own dates, whatever today's date is.

A status is a record of where the agreement stands; it cannot say what the agreement's own dates rule out.
An agreement without an end date does not expire (it is terminated, or superseded); a draft or proposal
has no signing date yet. Whether an agreement has run out by now is not a question for lint, whose answer
must not change when the calendar moves on: ``samenwerk expiring`` answers it.

Failing::

    status: expired
    duration: {start: 01-01-2024}

Passing::

    status: expired
    duration: {start: 01-01-2024, end: 31-12-2025}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import Status
from .base import Context, finding

id = "status-dates"
level = Level.ERROR
summary = "The status agrees with the agreement's own dates (an agreement without an end date does not expire)."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    duration = agreement.duration
    if agreement.status is Status.EXPIRED and (duration is None or duration.end is None):
        yield finding(
            id,
            level,
            ("status",),
            _(
                "the status is 'expired' but the agreement has no end date; an open-ended agreement ends by "
                "termination ('terminated') or by a new one ('superseded')"
            ),
        )
    signing = agreement.signing
    if agreement.status in (Status.DRAFT, Status.PROPOSED) and signing is not None and signing.date is not None:
        yield finding(
            id,
            level,
            ("status",),
            _("the status is '{status}' but the agreement records its signing on {date}").format(
                status=agreement.status, date=i18n.date(signing.date)
            ),
        )
