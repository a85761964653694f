"""approval-after-signing: a council approved the agreement only after it was signed.

The council decision comes first; the signatories act "in uitvoering van" it.

Failing::

    approvals:
      - {id: gr, party: gemeente, body: gemeenteraad, date: 25-06-2020}
    signing: {date: 01-06-2020}

Passing::

    approvals:
      - {id: gr, party: gemeente, body: gemeenteraad, date: 25-05-2020}
    signing: {date: 01-06-2020}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts, i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "approval-after-signing"
level = Level.ERROR
summary = "Approving decisions are dated on or before the signing date."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    signed = facts.signed(agreement)
    if signed is None:
        return
    for i, approval in enumerate(agreement.approvals):
        if approval.date is not None and approval.date > signed:
            yield finding(
                id,
                level,
                ("approvals", i, "date"),
                _("the {body} approved on {date}, after the signing on {signed}").format(
                    body=approval.body, date=i18n.date(approval.date), signed=i18n.date(signed)
                ),
            )
