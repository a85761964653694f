"""follow-up-after-end: follow-ups and notice fall within the term of the agreement.

A follow-up due after the end date, or a notice period longer than the whole term, cannot be met.

Failing::

    duration:
      end: 31-12-2025
      follow_ups: [{id: actieplan, text: Eerste actieplan, due: 30-06-2026}]

Passing::

      follow_ups: [{id: actieplan, text: Eerste actieplan, due: 30-06-2025}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..deadlines import dutch_date, period_delta
from ..diagnostics import Finding, Level
from ..model import Agreement
from .base import Context, finding

id = "follow-up-after-end"
level = Level.ERROR
summary = "Follow-ups are due before the end date, and notice fits in the term."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    d = agreement.duration
    if d is None or d.end is None:
        return
    signed = agreement.signing.date if agreement.signing else None
    for i, fu in enumerate(d.follow_ups):
        due = fu.due or (signed + period_delta(fu.after_signing) if signed and fu.after_signing else None)
        if due and due > d.end:
            key = "due" if fu.due else "after_signing"
            yield finding(id, level, ("duration", "follow_ups", i, key), f"'{fu.id}' is due on {dutch_date(due)}, after the end date {dutch_date(d.end)}")
    start = d.start if isinstance(d.start, dt.date) else signed
    if d.termination and d.termination.notice and start and d.end - period_delta(d.termination.notice) < start:
        yield finding(id, level, ("duration", "termination", "notice"), "the notice period is longer than the whole term")
