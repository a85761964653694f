"""nis-code: a municipality's NIS code belongs to a Belgian arrondissement and to a local government.

A NIS code has five digits: the first two are the arrondissement (11 Antwerpen ... 93 Philippeville).
A NIS code on a party that is not a local government is a mistake too.

Failing::

    parties:
      - {id: gemeente, name: Gemeente, kind: gemeente, nis_code: "10001"}

Passing::

    parties:
      - {id: gent, name: Stad Gent, kind: gemeente, nis_code: "44021"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..model.agreement import PartyKind
from .base import Context, finding

id = "nis-code"
level = Level.ERROR
summary = "NIS codes start with a real arrondissement and belong to local governments."

# Statbel's arrondissement codes (first two digits of a municipality's NIS code).
ARRONDISSEMENTS = frozenset(
    {
        11,
        12,
        13,
        21,
        23,
        24,
        25,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        38,
        41,
        42,
        43,
        44,
        45,
        46,
        51,
        52,
        53,
        55,
        56,
        57,
        58,
        61,
        62,
        63,
        64,
        71,
        72,
        73,
        81,
        82,
        83,
        84,
        85,
        91,
        92,
        93,
    }
)
LOCAL = {PartyKind.GEMEENTE, PartyKind.OCMW, PartyKind.LOKAAL_BESTUUR}


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    for i, party in enumerate(agreement.parties):
        code = party.nis_code
        if not code:
            continue
        loc = ("parties", i, "nis_code")
        if int(code[:2]) not in ARRONDISSEMENTS:
            yield finding(
                id, level, loc, _("NIS code {code} does not start with a Belgian arrondissement code").format(code=code)
            )
        elif party.kind not in LOCAL:
            yield finding(
                id,
                level,
                loc,
                _("a NIS code identifies a municipality, but '{party}' is of kind {kind}").format(
                    party=party.id, kind=party.kind
                ),
            )
