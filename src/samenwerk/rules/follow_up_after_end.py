"""follow-up-after-end: follow-ups, action plans and notice fall within the term of the agreement.

A follow-up due after the end date, an action plan running past it or starting before the agreement does,
or a notice period longer than the whole term, cannot be met. The end is the end date, or the term counted
from the start (``facts.end``).

Failing::

    duration:
      end: 31-12-2025
      follow_ups: [{id: actieplan, text: Eerste actieplan, due: 30-06-2026}]

Passing::

      follow_ups: [{id: actieplan, text: Eerste actieplan, due: 30-06-2025}]
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts, i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "follow-up-after-end"
level = Level.ERROR
summary = "Follow-ups and action plans fit in the term, and so does the notice period."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    d = agreement.duration
    last = facts.end(agreement)
    if d is None or last is None:
        return
    for i, fu in enumerate(d.follow_ups):
        due = facts.follow_up_due(agreement, fu)
        if due and due > last:
            key = "due" if fu.due else "after_signing"
            yield finding(
                id,
                level,
                ("duration", "follow_ups", i, key),
                _("'{id}' is due on {due}, after the end date {end}").format(
                    id=fu.id, due=i18n.date(due), end=i18n.date(last)
                ),
            )
    first = facts.start(agreement)
    for i, plan in enumerate(agreement.action_plans):
        if plan.end is not None and plan.end > last:
            yield finding(
                id,
                level,
                ("action_plans", i, "end"),
                _("'{id}' runs until {until}, after the agreement ends on {end}").format(
                    id=plan.id, until=i18n.date(plan.end), end=i18n.date(last)
                ),
            )
        if plan.start is not None and first is not None and plan.start < first:
            yield finding(
                id,
                level,
                ("action_plans", i, "start"),
                _("'{id}' starts on {start}, before the agreement starts on {first}").format(
                    id=plan.id, start=i18n.date(plan.start), first=i18n.date(first)
                ),
            )
    notice = facts.notice_date(agreement)
    if first is not None and notice is not None and notice < first:
        yield finding(
            id, level, ("duration", "termination", "notice"), _("the notice period is longer than the whole term")
        )
