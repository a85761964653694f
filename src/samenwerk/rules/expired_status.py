"""expired-status: a signed or active agreement whose end date has passed.

The status should say what is true today: an agreement past its end date is expired (or renewed, with a
new end date). "Today" is the day lint runs.

Failing::

    status: signed
    duration: {end: 31-12-2020}

Passing::

    status: expired
    duration: {end: 31-12-2020}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts, nl
from ..diagnostics import Finding, Level
from ..model import Agreement
from ..model.agreement import Status
from .base import Context, finding

id = "expired-status"
level = Level.ERROR
summary = "A signed or active agreement has not passed its end date."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    end = facts.end(agreement)
    if end and agreement.status in (Status.SIGNED, Status.ACTIVE) and end < ctx.today:
        yield finding(
            id, level, ("status",), f"the status is '{agreement.status}' but the agreement ended on {nl.date(end)}"
        )
