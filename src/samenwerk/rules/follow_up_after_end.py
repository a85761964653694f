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

from collections.abc import Iterator

from .. import facts, nl
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
    for i, fu in enumerate(d.follow_ups):
        due = facts.follow_up_due(agreement, fu)
        if due and due > d.end:
            key = "due" if fu.due else "after_signing"
            yield finding(
                id,
                level,
                ("duration", "follow_ups", i, key),
                f"'{fu.id}' is due on {nl.date(due)}, after the end date {nl.date(d.end)}",
            )
    start, notice = facts.start(agreement), facts.notice_date(agreement)
    if start is not None and notice is not None and notice < start:
        yield finding(
            id, level, ("duration", "termination", "notice"), "the notice period is longer than the whole term"
        )
