"""duplicate-signature: a person signs once.

One party may sign in several blocks (its chief executive in one, a regional director in another), but no
one signs twice, in one block or in two.

Failing::

    signing:
      blocks:
        - {party: vdab, signatories: [{person: wim-adriaens}, {person: wim-adriaens}]}

Passing::

    signing:
      blocks:
        - {party: vdab, signatories: [{person: wim-adriaens}, {person: bjorn-cuyt}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "duplicate-signature"
level = Level.ERROR
summary = "No one signs twice (a party may sign in several blocks)."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.signing is None:
        return
    signed: dict[tuple[str, str], int] = {}  # (party, person) -> the block they first sign in; ids are per party
    for b, block in enumerate(agreement.signing.blocks):
        for s, signatory in enumerate(block.signatories):
            first = signed.setdefault((block.party, signatory.person), b)
            if first is not b or any(x.person == signatory.person for x in block.signatories[:s]):
                where = "" if first == b else " " + _("(already in signing.blocks[{n}])").format(n=first)
                yield finding(
                    id,
                    level,
                    ("signing", "blocks", b, "signatories", s, "person"),
                    _("'{person}' signs twice").format(person=signatory.person) + where,
                )
