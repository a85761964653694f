"""missing-end-date: a cooperation agreement has a hard end date.

Agreements between VDAB and local governments run for the legislature "met als uiterste einddatum ...".
Declarations and pacts may be open-ended.

Failing::

    kind: samenwerkingsovereenkomst
    duration: {start: on-signing}

Passing::

    kind: samenwerkingsovereenkomst
    duration: {start: on-signing, end: 31-12-2025}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import AgreementKind
from .base import Context, finding

id = "missing-end-date"
level = Level.WARNING
summary = "A samenwerkingsovereenkomst has an end date."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.kind is AgreementKind.SAMENWERKINGSOVEREENKOMST and not (
        agreement.duration and (agreement.duration.end or agreement.duration.term)
    ):
        yield finding(
            id,
            level,
            ("duration",) if agreement.duration else ("kind",),
            _("there is no end date (duration.end) nor a term (duration.term)"),
        )
