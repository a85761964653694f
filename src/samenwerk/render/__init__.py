"""Render a validated agreement to the document people sign: Markdown, HTML, or PDF ready for eID signing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateRuntimeError
from pydantic import BaseModel

from .. import versions
from ..errors import SamenwerkError
from ..model import Agreement
from ..model.agreement import FINAL_STATUSES, Party, Person

if TYPE_CHECKING:
    from .pdf import Source


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


def plain(value: Any) -> Any:
    """Models, enums and tuples as plain data (dicts, lists, strings, numbers, dates): all a template may see.

    Jinja's sandbox blocks underscores, not a library's public methods; a Pydantic model has public methods
    that reach Python (and deprecated ones that unpickle), so no model object ever reaches a template.
    """
    if isinstance(value, BaseModel):  # a model's __dict__ holds exactly its fields (extra keys are forbidden)
        return {name: plain(field) for name, field in value.__dict__.items()}
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool, dt.date)):
        return value
    raise TypeError(f"no plain form for {type(value).__name__}")


@dataclass(frozen=True)
class Consolidation:
    """That a text is the agreement as in force on a date, with the amendments applied (``versions``)."""

    as_of: dt.date
    amendments: tuple[Agreement, ...]


def in_force(agreement: Agreement, path: Path, as_of: dt.date) -> tuple[Agreement, Consolidation]:
    """``agreement`` as in force on ``as_of``, with the amendments found among the agreement files of its
    folder (and below). An amendment that does not validate is left out here; lint reports it."""
    from .. import document
    from ..document.files import expand

    amendments = []
    for candidate in expand([path.parent]):
        if candidate.resolve() == path.resolve():
            continue
        other = document.read(candidate).agreement
        if other is not None and other.amends == agreement.id:
            amendments.append(other)
    try:
        result = versions.consolidate(agreement, amendments, as_of)
    except versions.ConsolidationError as exc:
        raise SamenwerkError(f"{path}: {exc}") from None
    return result.agreement, Consolidation(as_of, result.applied)


def context(agreement: Agreement, consolidation: Consolidation | None = None) -> dict[str, Any]:
    """What templates get: plain data only, references resolved by id."""
    a = plain(agreement)
    for p in a["parties"]:  # an association's members by name, whether or not linked to their party entry
        p["members"] = [m["name"] if isinstance(m, dict) else m for m in p["members"]]
    parties = {p["id"]: p for p in a["parties"]}

    def party_names(ids: list[str]) -> str:
        unknown = [i for i in ids if i not in parties]
        if unknown:
            raise TemplateRuntimeError(f"party_names: no party {', '.join(map(repr, unknown))}")
        return ", ".join(parties[i]["short_name"] or parties[i]["name"] for i in ids)

    people = {(p["id"], r["id"]): r for p in a["parties"] for r in p["representatives"]}
    blocks = [
        (
            plain(block),
            [
                {
                    "field_name": slot.field_name,
                    "party": parties[slot.party.id],
                    "person": people[slot.party.id, slot.person.id] if slot.person else None,
                    "capacity": slot.capacity,
                    "delegation": slot.delegation,
                }
                for slot in slots
            ],
        )
        for block, slots in signature_slots(agreement)
    ]
    return {
        "a": a,
        "parties": parties,
        "approvals": {ap["id"]: ap for ap in a["approvals"]},
        "bodies": {b["id"]: b for b in a["consultation"]["bodies"]} if a["consultation"] else {},
        "annexes": {an["id"]: an for an in a["annexes"]},
        "kind": str(agreement.kind),
        "final": agreement.status in FINAL_STATUSES,
        "signature_blocks": blocks,
        "party_names": party_names,
        "term": _term(agreement),
        "consolidation": None
        if consolidation is None
        else {
            "as_of": consolidation.as_of,
            "amendments": [
                {"title": m.title, "kind": str(m.kind), "effective": versions.effective(m)}
                for m in consolidation.amendments
            ],
        },
    }


def _term(agreement: Agreement) -> str:
    """The term in words, as the documents say it: 'vanaf de datum van ondertekening, voor een periode van
    5 jaar (tot en met 31 december 2025)'; empty without a start, end or term."""
    from .. import facts, nl

    d = agreement.duration
    if d is None:
        return ""
    parts = []
    if d.start == "on-signing":
        parts.append("vanaf de datum van ondertekening")
    elif d.start == "on-approval":
        parts.append("vanaf de datum van goedkeuring")
    elif d.start is not None:
        parts.append(f"vanaf {nl.date(d.start)}")
    end = facts.end(agreement)
    if d.term is not None:
        words = f"voor een periode van {d.term.value} {nl.unit(d.term.value, d.term.unit)}"
        parts.append(words + (f" (tot en met {nl.date(end)})" if end and d.end is None else ""))
    if d.end is not None:
        parts.append(f"tot en met {nl.date(d.end)}")
    if not parts:
        return ""
    if d.renewal is not None and d.renewal.tacit:
        period = d.renewal.period
        each = f" telkens met {period.value} {nl.unit(period.value, period.unit)}" if period else ""
        parts.append(f"daarna stilzwijgend verlengd{each}")
    elif end is None and d.term is None:
        parts.append("zonder einddatum")
    return ", ".join(parts) if d.term is not None or d.renewal else " ".join(parts)


def render_text(
    agreement: Agreement, fmt: str, template_dir: Path | None = None, consolidation: Consolidation | None = None
) -> str:
    """Markdown or HTML; with ``consolidation``, a note that this is the text as in force on a date."""
    from .env import make_env, render_limited, template_error

    env = make_env(template_dir, markdown=fmt == "md")
    name = {"md": "agreement.md.j2", "html": "agreement.html.j2"}[fmt]
    try:
        return render_limited(env.get_template(name), context(agreement, consolidation))
    except SamenwerkError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a template's code raises is the template's problem
        raise template_error(exc) from None


def render_pdf(
    agreement: Agreement,
    template_dir: Path | None = None,
    source: Source | None = None,
    consolidation: Consolidation | None = None,
) -> bytes:
    """The PDF to sign; with ``source`` (the YAML as read) it carries that YAML and its SHA-256."""
    from .pdf import html_to_signable_pdf

    html = render_text(agreement, "html", template_dir, consolidation)
    return html_to_signable_pdf(html, agreement, template_dir, source)
