"""contact-point: every party has a contact point for the agreement.

Failing::

    parties: [{id: vdab, ...}, {id: gent, ...}]
    contact_points:
      contacts: [{party: vdab, function: de stadsmanager}]

Passing::

    contact_points:
      contacts: [{party: vdab, function: de stadsmanager}, {party: gent, function: de netwerkmanager}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import AgreementKind
from .base import Context, finding

id = "contact-point"
level = Level.WARNING
summary = "Every party of a samenwerkingsovereenkomst has a contact point."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.kind is not AgreementKind.SAMENWERKINGSOVEREENKOMST:
        return
    have = {c.party for c in agreement.contact_points.contacts} if agreement.contact_points else set()
    for i, party in enumerate(agreement.parties):
        if party.id not in have:
            yield finding(
                id, level, ("parties", i, "id"), _("party '{party}' has no contact point").format(party=party.id)
            )
