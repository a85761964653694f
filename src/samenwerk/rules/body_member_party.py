"""body-member-party: the members of a consultation body sit for a party to the agreement.

A member from an organisation that is not a party (a regional partner, a consultant) has no obligations
under the agreement; record it as a party, or accept the warning.

Failing::

    members:
      - {organisation: KINA, function: coördinator sociale economie}

Passing::

    members:
      - {parties: [vdab], function: teamleider}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "body-member-party"
level = Level.WARNING
summary = "Body members sit for a party to the agreement."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.consultation is None:
        return
    for i, body in enumerate(agreement.consultation.bodies):
        for m, member in enumerate(body.members):
            if not member.parties:
                who = member.organisation or member.name or member.function or _("a member")
                yield finding(
                    id,
                    level,
                    ("consultation", "bodies", i, "members", m),
                    _("{who} in '{body}' does not sit for a party to the agreement").format(who=who, body=body.id),
                )
        convener = body.convener
        if convener and convener.party is None and convener.organisation:
            yield finding(
                id,
                level,
                ("consultation", "bodies", i, "convener"),
                _("'{body}' is convened by {organisation}, which is not a party to the agreement").format(
                    body=body.id, organisation=convener.organisation
                ),
            )
