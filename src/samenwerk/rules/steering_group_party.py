"""steering-group-party: every party is represented in the steering group.

Failing::

    parties: [{id: vdab, ...}, {id: gent, ...}]
    consultation:
      bodies:
        - {id: stuurgroep, kind: steering-group, name: Stuurgroep, members: [{parties: [vdab]}]}

Passing::

        - {id: stuurgroep, kind: steering-group, name: Stuurgroep, members: [{parties: [vdab]}, {parties: [gent]}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import BodyKind
from .base import Context, finding

id = "steering-group-party"
level = Level.WARNING
summary = "Every party has a member in the steering group."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.consultation is None:
        return
    for i, body in enumerate(agreement.consultation.bodies):
        if body.kind is not BodyKind.STEERING_GROUP or not body.members:
            continue
        present = {p for m in body.members for p in m.parties}
        for party in agreement.parties:
            if party.id not in present:
                yield finding(
                    id,
                    level,
                    ("consultation", "bodies", i, "members"),
                    _("party '{party}' is not represented in the steering group '{body}'").format(
                        party=party.id, body=body.id
                    ),
                )
