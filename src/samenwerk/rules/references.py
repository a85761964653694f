"""references: every id that points somewhere must exist.

A body member, convener, lead party, role, contact point, signature block, approval, association member or
managing party must name a party;
a commitment may name an action domain that exists; an authority must name an approval; monitoring
must name a body and an annex; a theme must name an ambition.

Failing::

    parties:
      - id: vdab
        representatives: [{id: wim-adriaens, name: Wim Adriaens}]
    signing:
      blocks:
        - party: vdba            # no party 'vdba'
          signatories: [{person: wim-adriaens}]

Passing::

    signing:
      blocks:
        - party: vdab
          signatories: [{person: wim-adriaens}]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ..diagnostics import Finding, Level, Loc
from ..i18n import N_, _
from ..model import Agreement
from ..model.agreement import Action, Authority, Commitment, Convener, Member, Monitoring, Obligation, Theme
from .base import Context

id = "references"
level = Level.ERROR
summary = "References to parties, people, approvals, bodies, annexes and ambitions must exist."


_UNKNOWN = {
    "party": N_("unknown party '{ref}'"),
    "action domain": N_("unknown action domain '{ref}'"),
    "approval": N_("unknown approval '{ref}'"),
    "body": N_("unknown body '{ref}'"),
    "annex": N_("unknown annex '{ref}'"),
    "ambition": N_("unknown ambition '{ref}'"),
}


def _missing(kind: str, ref: str, known: Iterable[str], loc: Loc) -> Finding:
    known = list(known)
    close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
    if close:
        hint = "; " + _("did you mean '{id}'?").format(id=close[0])
    elif 0 < len(known) <= 8:
        hint = "; " + _("known: {ids}").format(ids=", ".join(known))
    else:
        hint = ""
    return Finding(loc, _(_UNKNOWN[kind]).format(ref=ref) + hint, rule=id, level=level)


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    parties = {p.id: p for p in agreement.parties}
    approvals = {a.id for a in agreement.approvals}
    bodies = {b.id for b in agreement.consultation.bodies} if agreement.consultation else set()
    annexes = {a.id for a in agreement.annexes}
    ambitions = {a.id for a in agreement.ambitions}
    domains = {d.id for t in agreement.themes.themes for d in t.action_domains} if agreement.themes else set()

    def party(ref: str | None, loc: Loc) -> Iterator[Finding]:
        if ref is not None and ref not in parties:
            yield _missing("party", ref, parties, loc)

    for i, member_party in enumerate(agreement.parties):
        yield from party(member_party.managing_party, ("parties", i, "managing_party"))
        for k, member in enumerate(member_party.members):
            if not isinstance(member, str):
                yield from party(member.party, ("parties", i, "members", k, "party"))
    for i, approval in enumerate(agreement.approvals):
        yield from party(approval.party, ("approvals", i, "party"))
    if agreement.signing:
        for b, block in enumerate(agreement.signing.blocks):
            yield from party(block.party, ("signing", "blocks", b, "party"))
    if agreement.roles:
        for i, role in enumerate(agreement.roles.roles):
            yield from party(role.party, ("roles", "roles", i, "party"))
    if agreement.contact_points:
        for i, contact in enumerate(agreement.contact_points.contacts):
            yield from party(contact.party, ("contact_points", "contacts", i, "party"))

    for loc, node in ctx.nodes(agreement):
        if isinstance(node, Member):
            for k, ref in enumerate(node.parties):
                yield from party(ref, (*loc, "parties", k))
        elif isinstance(node, Convener):
            yield from party(node.party, (*loc, "party"))
        elif isinstance(node, (Commitment, Action)):
            yield from party(node.lead, (*loc, "lead"))
            if isinstance(node, Commitment):
                for k, ref in enumerate(node.parties):
                    yield from party(ref, (*loc, "parties", k))
                if node.action_domain and node.action_domain not in domains:
                    yield _missing("action domain", node.action_domain, domains, (*loc, "action_domain"))
        elif isinstance(node, Authority) and node.decision and node.decision not in approvals:
            yield _missing("approval", node.decision, approvals, (*loc, "decision"))
        elif isinstance(node, Monitoring):
            if node.body and node.body not in bodies:
                yield _missing("body", node.body, bodies, (*loc, "body"))
            if node.dashboard and node.dashboard not in annexes:
                yield _missing("annex", node.dashboard, annexes, (*loc, "dashboard"))
        elif isinstance(node, Obligation) and node.body and node.body not in bodies:
            yield _missing("body", node.body, bodies, (*loc, "body"))
        elif isinstance(node, Theme) and node.ambition and node.ambition not in ambitions:
            yield _missing("ambition", node.ambition, ambitions, (*loc, "ambition"))
