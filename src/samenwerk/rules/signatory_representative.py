"""signatory-representative: a signatory is a representative of the party they sign for.

The person in a signature block must appear among the representatives of that block's party
("vertegenwoordigd door ..."). Someone who signs but does not represent the party, or a representative
of another party, is a mistake.

Failing::

    parties:
      - {id: vdab, name: VDAB, kind: vdab, representatives: [{id: wim-adriaens, name: Wim Adriaens}]}
      - {id: gent, name: Stad Gent, kind: gemeente, representatives: [{id: mieke, name: Mieke Hullebroeck}]}
    signing:
      blocks: [{party: gent, signatories: [{person: wim-adriaens}]}]

Passing::

    signing:
      blocks: [{party: gent, signatories: [{person: mieke}]}]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "signatory-representative"
level = Level.ERROR
summary = "Every signatory is a representative of the party of their signature block."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.signing is None:
        return
    parties = {p.id: p for p in agreement.parties}
    for b, block in enumerate(agreement.signing.blocks):
        party = parties.get(block.party)
        if party is None:
            continue  # the references rule reports the unknown party
        people = [r.id for r in party.representatives]
        for s, signatory in enumerate(block.signatories):
            if signatory.person in people:
                continue
            other = next(
                (p.id for p in agreement.parties if any(r.id == signatory.person for r in p.representatives)), None
            )
            if other:
                hint = "; " + _("'{person}' represents '{party}'").format(person=signatory.person, party=other)
            else:
                close = difflib.get_close_matches(signatory.person, people, n=1)
                if close:
                    hint = "; " + _("did you mean '{id}'?").format(id=close[0])
                elif people:
                    hint = "; " + _("representatives: {ids}").format(ids=", ".join(people))
                else:
                    hint = "; " + _("the party has no representatives")
            yield finding(
                id,
                level,
                ("signing", "blocks", b, "signatories", s, "person"),
                _("'{person}' is not a representative of '{party}'").format(person=signatory.person, party=party.id)
                + hint,
            )
