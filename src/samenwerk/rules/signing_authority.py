"""signing-authority: local governments sign as the Decreet over het Lokaal Bestuur prescribes.

Art. 279 DLB: an act of the municipal council (gemeenteraad) is signed by the chair of the council and
co-signed by the algemeen directeur; an act of the OCMW council by its chair and the algemeen directeur;
an act of the college or the burgemeester by the burgemeester and the algemeen directeur. A signatory
counts as chair or burgemeester when their function or their recorded ``offices`` say so (a burgemeester
may chair the council), or when a written delegation (art. 281, 283) is recorded on the signature.

The deciding body is taken from the approving decision, else from the party's ``authority.body``.

Failing::

    parties:
      - id: gemeente
        kind: gemeente
        authority: {body: haar gemeenteraad}
        representatives:
          - {id: schepen, name: A, function: schepen}
          - {id: ad, name: B, function: algemeen directeur}
    signing:
      blocks: [{party: gemeente, signatories: [{person: schepen}, {person: ad}]}]

Passing::

        representatives:
          - {id: voorzitter, name: A, function: voorzitter van de gemeenteraad}
          - {id: ad, name: B, function: algemeen directeur}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import i18n
from ..diagnostics import Finding, Level
from ..i18n import N_, _
from ..model import Agreement
from ..model.agreement import PartyKind, Person
from .base import Context, finding

id = "signing-authority"
level = Level.WARNING
summary = "Local governments' signatories match the signing rule of the deciding body (DLB art. 279)."

LOCAL = {PartyKind.GEMEENTE, PartyKind.OCMW, PartyKind.LOKAAL_BESTUUR}


def _holds(person: Person, *alternatives: tuple[str, ...]) -> bool:
    """Whether the person's function or one of their offices names all words of one of the alternatives."""
    texts = [t.lower() for t in (person.function or "", *person.offices)]
    return any(all(w in t for w in words) for words in alternatives for t in texts)


_DIRECTOR = (("algemeen directeur",),)


def _required(body: str) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    body = body.lower()
    needs: list[tuple[str, tuple[tuple[str, ...], ...]]] = []
    if "college" in body or body.strip() == "burgemeester":
        needs.append((N_("the burgemeester"), (("burgemeester",),)))
    else:
        # "voorzitter van het Bijzonder comité" chairs a committee, not the council: the office must name a raad.
        if "gemeenteraad" in body or "gemeente-" in body:
            needs.append((N_("the chair of the gemeenteraad"), (("voorzitter", "raad"),)))
        if "ocmw" in body or "maatschappelijk welzijn" in body:
            # The OCMW council is the 'raad voor maatschappelijk welzijn': its chair goes by either name.
            chair = (("voorzitter", "ocmw"), ("voorzitter", "maatschappelijk welzijn"))
            needs.append((N_("the chair of the raad voor maatschappelijk welzijn"), chair))
    if needs:
        needs.append((N_("the algemeen directeur"), _DIRECTOR))
    return needs


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.signing is None:
        return
    parties = {p.id: p for p in agreement.parties}
    approvals = {a.party: a for a in agreement.approvals}
    blocks: dict[str, list[int]] = {}  # a party may sign in several blocks: its signatories together count
    for b, block in enumerate(agreement.signing.blocks):
        blocks.setdefault(block.party, []).append(b)
    for party_id, numbers in blocks.items():
        party = parties.get(party_id)
        signatories = [s for b in numbers for s in agreement.signing.blocks[b].signatories]
        if party is None or party.kind not in LOCAL or not signatories:
            continue
        body = approvals[party.id].body if party.id in approvals else (party.authority.body if party.authority else "")
        people = {r.id: r for r in party.representatives}
        signers = [(people.get(s.person), s) for s in signatories]
        missing = []
        for label, alternatives in _required(body):
            ok = any(
                person is not None
                and (_holds(person, *alternatives) or (s.delegation is not None and alternatives != _DIRECTOR))
                for person, s in signers
            )
            if not ok and label not in missing:
                missing.append(label)
        if missing:
            yield finding(
                id,
                level,
                ("signing", "blocks", numbers[0], "party"),
                _(
                    "an act of the {body} is signed by {signers} (DLB art. 279); record the office in 'offices' "
                    "or the delegation on the signatory"
                ).format(
                    body=body.removeprefix("haar ").removeprefix("de "),
                    signers=i18n.join([_(label) for label in dict.fromkeys(missing)]),
                ),
            )
