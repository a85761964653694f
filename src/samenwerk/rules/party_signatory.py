"""party-signatory: every party signs, and every signature block names who signs.

A party without a signature block has not bound itself; a block without a named signatory leaves the
signer unknown (a press release may not say; then this is a warning to complete later).

Failing::

    parties:
      - {id: vdab, name: VDAB, kind: vdab}
      - {id: gent, name: Stad Gent, kind: gemeente}
    signing:
      blocks: [{party: vdab, signatories: [{person: wim-adriaens}]}]

Passing::

    signing:
      blocks:
        - {party: vdab, signatories: [{person: wim-adriaens}]}
        - {party: gent, signatories: [{person: mieke}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "party-signatory"
level = Level.WARNING
summary = "Every party has a signature block that names its signatories."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    blocks = agreement.signing.blocks if agreement.signing else []
    signing_parties = {b.party for b in blocks}
    for i, party in enumerate(agreement.parties):
        if party.id not in signing_parties:
            yield finding(
                id, level, ("parties", i, "id"), _("party '{party}' has no signature block").format(party=party.id)
            )
    for b, block in enumerate(blocks):
        if not block.signatories:
            yield finding(
                id,
                level,
                ("signing", "blocks", b),
                _("the signature block of '{party}' names no signatory").format(party=block.party),
            )
