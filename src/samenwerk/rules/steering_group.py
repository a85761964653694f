"""steering-group: a cooperation agreement has a steering group.

The steering group follows the agreement up; the VDAB framework for samenwerkingsovereenkomsten expects
one. Only for kind samenwerkingsovereenkomst. How often it meets is ``meeting-frequency``'s question, a
warning: real agreements differ there (the Kalmthout cluster's sets twice a year, Gent's stuurgroep has
no frequency), and a faithful transcription of such a text is right.

Failing::

    kind: samenwerkingsovereenkomst
    consultation:
      bodies:
        - {id: werkgroep, kind: working-group, name: Werkgroep}

Passing::

    kind: samenwerkingsovereenkomst
    consultation:
      bodies:
        - {id: stuurgroep, kind: steering-group, name: Stuurgroep}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import AgreementKind, BodyKind
from .base import Context, finding

id = "steering-group"
level = Level.ERROR
summary = "A samenwerkingsovereenkomst has a steering group."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.kind is not AgreementKind.SAMENWERKINGSOVEREENKOMST:
        return
    bodies = agreement.consultation.bodies if agreement.consultation else []
    if not any(b.kind is BodyKind.STEERING_GROUP for b in bodies):
        yield finding(
            id,
            level,
            ("consultation",) if agreement.consultation else ("kind",),
            _("there is no steering group (a body of kind steering-group)"),
        )
