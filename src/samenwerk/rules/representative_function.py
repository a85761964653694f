"""representative-function: every representative and signatory has a function.

"Wim Adriaens" alone does not say in which capacity he binds the party; "gedelegeerd bestuurder" does.

Failing::

    representatives: [{id: wim-adriaens, name: Wim Adriaens}]

Passing::

    representatives: [{id: wim-adriaens, name: Wim Adriaens, function: gedelegeerd bestuurder}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "representative-function"
level = Level.WARNING
summary = "Representatives have a function."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    for i, party in enumerate(agreement.parties):
        for r, person in enumerate(party.representatives):
            if not person.function:
                yield finding(
                    id,
                    level,
                    ("parties", i, "representatives", r),
                    _("representative '{person}' of '{party}' has no function").format(
                        person=person.id, party=party.id
                    ),
                )
