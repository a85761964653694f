"""kbo-branch-number: a party's enterprise number is a KBO enterprise number, not a branch-unit number.

KBO numbers of enterprises start with 0 or 1; numbers starting with 2 to 8 are branch units
(vestigingseenheden), which cannot be a party to an agreement. Both have mod-97 check digits, which the
model checks.

Failing::

    parties:
      - {id: gemeente, name: Gemeente, kind: gemeente, enterprise_number: 2123.456.791}

Passing::

    parties:
      - {id: gemeente, name: Gemeente, kind: gemeente, enterprise_number: 0207.451.227}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "kbo-branch-number"
level = Level.ERROR
summary = "A party's enterprise number is not a branch-unit number (first digit 2-8)."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    for i, party in enumerate(agreement.parties):
        number = party.enterprise_number
        if number and number[0] in "2345678":
            yield finding(
                id,
                level,
                ("parties", i, "enterprise_number"),
                _(
                    "{number} is a branch-unit number (vestigingseenheid); a party needs its enterprise number "
                    "(starting with 0 or 1)"
                ).format(number=number),
            )
