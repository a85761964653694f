"""duplicate-signature: a party has one signature block, and a person signs once.

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
from ..model import Agreement
from .base import Context, finding

id = "duplicate-signature"
level = Level.ERROR
summary = "No party has two signature blocks and no one signs twice."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.signing is None:
        return
    seen_blocks: dict[str, int] = {}
    for b, block in enumerate(agreement.signing.blocks):
        if block.party in seen_blocks:
            yield finding(
                id,
                level,
                ("signing", "blocks", b, "party"),
                f"'{block.party}' already has a signature block (signing.blocks[{seen_blocks[block.party]}])",
            )
        else:
            seen_blocks[block.party] = b
        people: set[str] = set()
        for s, signatory in enumerate(block.signatories):
            if signatory.person in people:
                yield finding(
                    id,
                    level,
                    ("signing", "blocks", b, "signatories", s, "person"),
                    f"'{signatory.person}' signs twice for '{block.party}'",
                )
            people.add(signatory.person)
