"""Render a validated agreement to the document people sign: Markdown, HTML, or PDF ready for eID signing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from ..model import Agreement
from ..model.agreement import FINAL_STATUSES, Party, Person


@dataclass(frozen=True)
class SignatureSlot:
    """Room for one signature: a named signatory, or the party itself where the source names nobody."""

    field_name: str
    party: Party
    person: Person | None
    capacity: str | None
    delegation: str | None


def signature_slots(agreement: Agreement) -> list[tuple[Any, list[SignatureSlot]]]:
    parties = {p.id: p for p in agreement.parties}
    out: list[tuple[Any, list[SignatureSlot]]] = []
    if agreement.signing is None:
        return out
    for block in agreement.signing.blocks:
        party = parties[block.party]
        people = {r.id: r for r in party.representatives}
        slots = [
            SignatureSlot(
                field_name=f"handtekening-{party.id}-{s.person}",
                party=party,
                person=people[s.person],
                capacity=s.capacity or people[s.person].function,
                delegation=s.delegation.text if s.delegation else None,
            )
            for s in block.signatories
        ] or [SignatureSlot(f"handtekening-{party.id}", party, None, None, None)]
        out.append((block, slots))
    return out


def context(agreement: Agreement) -> dict[str, Any]:
    parties = {p.id: p for p in agreement.parties}
    return {
        "a": agreement,
        "parties": parties,
        "approvals": {ap.id: ap for ap in agreement.approvals},
        "bodies": {b.id: b for b in agreement.consultation.bodies} if agreement.consultation else {},
        "annexes": {an.id: an for an in agreement.annexes},
        "kind": str(agreement.kind),
        "final": agreement.status in FINAL_STATUSES,
        "signature_blocks": signature_slots(agreement),
        "party_names": lambda ids: ", ".join(parties[i].short_name or parties[i].name for i in ids),
    }


def render_text(agreement: Agreement, fmt: str, template_dir: Path | None = None) -> str:
    """Markdown or HTML."""
    from .env import make_env, template_error

    env = make_env(template_dir)
    name = {"md": "agreement.md.j2", "html": "agreement.html.j2"}[fmt]
    try:
        return env.get_template(name).render(context(agreement))
    except TemplateError as exc:
        raise template_error(exc) from None


def render_pdf(agreement: Agreement, template_dir: Path | None = None) -> bytes:
    from .pdf import html_to_signable_pdf

    html = render_text(agreement, "html", template_dir)
    return html_to_signable_pdf(html, agreement)
