"""signed-after-end: the agreement is signed, or a decision approving it taken, after its end date.

Failing::

    duration: {end: 31-12-2025}
    signing: {date: 15-01-2026}

Passing::

    duration: {end: 31-12-2025}
    signing: {date: 22-11-2023}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts, i18n
from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "signed-after-end"
level = Level.ERROR
summary = "The signing date and approval dates are not after the end date."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    end, signed = facts.end(agreement), facts.signed(agreement)
    if end is None:
        return
    if signed is not None and signed > end:
        yield finding(
            id,
            level,
            ("signing", "date"),
            _("signed on {signed}, after the end date {end}").format(signed=i18n.date(signed), end=i18n.date(end)),
        )
    for i, approval in enumerate(agreement.approvals):
        if approval.date is not None and approval.date > end:
            yield finding(
                id,
                level,
                ("approvals", i, "date"),
                _("approved on {date}, after the end date {end}").format(
                    date=i18n.date(approval.date), end=i18n.date(end)
                ),
            )
