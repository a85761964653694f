"""Changes worded in Dutch, for Markdown comments and the redline summary."""

from __future__ import annotations

import re
from typing import Any

from .engine import Change, Kind

SECTIONS = {
    "parties": "Partijen",
    "approvals": "Goedkeuringen",
    "preamble": "Context",
    "objective": "Algemene doelstelling",
    "ambitions": "Ambities",
    "targets": "Streefcijfers",
    "policy_framework": "Beleidskader",
    "principles": "Principes",
    "themes": "Thema's en actiedomeinen",
    "roles": "Rollen",
    "consultation": "Overlegstructuur",
    "monitoring": "Opvolging",
    "communication": "Communicatie",
    "contact_points": "Aanspreekpunten",
    "duration": "Duur",
    "obligations": "Verplichtingen",
    "annexes": "Bijlagen",
    "signing": "Ondertekening",
    "notes": "Notities",
    "sources": "Bronnen",
}
ENTITIES = {
    "parties": "partij",
    "representatives": "vertegenwoordiger",
    "officials": "functionaris",
    "approvals": "goedkeuring",
    "targets": "streefcijfer",
    "ambitions": "ambitie",
    "principles": "principe",
    "themes": "thema",
    "action_domains": "actiedomein",
    "actions": "actie",
    "commitments": "engagement",
    "roles": "rol",
    "bodies": "overlegorgaan",
    "members": "lid",
    "contacts": "aanspreekpunt",
    "follow_ups": "opvolgingstermijn",
    "obligations": "verplichting",
    "annexes": "bijlage",
    "blocks": "handtekeningblok",
    "signatories": "ondertekenaar",
    "present": "aanwezige",
    "sections": "onderdeel",
    "items": "punt",
    "responsibilities": "verantwoordelijkheid",
    "tasks": "taak",
}
FIELDS = {
    "end": "einddatum",
    "start": "begindatum",
    "date": "datum",
    "due": "vervaldatum",
    "name": "naam",
    "title": "titel",
    "subtitle": "ondertitel",
    "text": "tekst",
    "function": "functie",
    "status": "status",
    "kind": "soort",
    "min_meetings_per_year": "minimum aantal vergaderingen per jaar",
    "capacity": "hoedanigheid",
    "place": "plaats",
    "intro": "inleiding",
    "closing": "slot",
    "basis": "grondslag",
    "disputes": "geschillen",
    "review": "herziening",
    "version": "versie",
    "region": "regio",
    "address": "adres",
    "street": "straat",
    "number": "nummer",
    "postal_code": "postcode",
    "municipality": "gemeente",
    "enterprise_number": "ondernemingsnummer",
    "nis_code": "NIS-code",
    "role": "rol",
    "lead": "trekker",
    "decision_number": "besluitnummer",
    "body": "orgaan",
    "value": "waarde",
    "unit": "eenheid",
    "notice": "opzegtermijn",
    "allowed": "opzegrecht",
    "party": "partij",
    "person": "persoon",
    "designation": "aanduiding",
    "short_name": "korte naam",
    "division": "afdeling",
}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def value(v: Any, limit: int = 160) -> str:
    if v is None:
        return "(leeg)"
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, str):
        if m := _ISO.match(v):
            return f"{m[3]}-{m[2]}-{m[1]}"
        text = " ".join(v.split())
        return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
    if isinstance(v, dict):
        return label(v) or "…"
    if isinstance(v, list):
        return ", ".join(value(x, 40) for x in v)
    return str(v)


def label(entry: Any) -> str:
    if not isinstance(entry, dict):
        return value(entry, 60)
    for key in ("name", "title", "function", "party", "person", "text", "id"):
        v = entry.get(key)
        if isinstance(v, str) and v:
            text = " ".join(v.split())
            return text if len(text) <= 80 else text[:80] + "…"
    return ""


def at(data: Any, loc: tuple[Any, ...] | None) -> Any:
    for part in loc or ():
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def section(change: Change) -> str:
    top = change.path[0] if change.path else ""
    return SECTIONS.get(top, "Algemeen")


def _entity(change: Change) -> str | None:
    """The list an entry belongs to, such as 'parties' for ('parties', 'vdab')."""
    if len(change.path) >= 2:
        return change.path[-2]
    return None


def _context(change: Change, old_data: Any, new_data: Any) -> str:
    """The nearest named entry above the change, such as the body 'Stuurgroep'."""
    loc = change.new_loc if change.new_loc is not None else change.old_loc
    data = new_data if change.new_loc is not None else old_data
    if loc is None:
        return ""
    for cut in range(len(loc) - 1, 0, -1):
        if isinstance(loc[cut - 1], str) and isinstance(loc[cut], int):
            entry = at(data, loc[: cut + 1])
            name = label(entry)
            if name:
                list_name = str(loc[cut - 1])
                return f"{ENTITIES.get(list_name, list_name)} {name}"
    return ""


def describe(change: Change, old_data: Any = None, new_data: Any = None) -> str:
    if not change.path:
        title = change.new if change.kind is Kind.ADDED else change.old
        return f"overeenkomst {'toegevoegd' if change.kind is Kind.ADDED else 'verwijderd'}: {value(title)}"
    leaf = change.path[-1]
    if change.kind in (Kind.ADDED, Kind.REMOVED):
        entry = change.new if change.kind is Kind.ADDED else change.old
        verb = "toegevoegd" if change.kind is Kind.ADDED else "verwijderd"
        entity = _entity(change)
        if isinstance(entry, dict) and entity in ENTITIES:
            return f"{ENTITIES[entity]} {label(entry) or leaf} {verb}"
        if entity in ENTITIES and leaf.isdigit():
            return f"{ENTITIES[entity]} {value(entry)} {verb}"
        where = _context(change, None if change.kind is Kind.ADDED else {}, None)
        return f"{FIELDS.get(leaf, leaf)} {verb}: {value(entry)}" + (f" ({where})" if where else "")
    if change.kind is Kind.MOVED:
        entity = _entity(change) or ""
        entry = at(new_data, change.new_loc)
        return f"{ENTITIES.get(entity, entity)} {label(entry) or leaf} verplaatst van plaats {int(change.old) + 1} naar {int(change.new) + 1}"
    where = _context(change, old_data, new_data)
    field = FIELDS.get(leaf, ENTITIES.get(_entity(change) or "", leaf) if leaf.isdigit() else leaf)
    prefix = f"{where}: " if where else ""
    return f"{prefix}{field} gewijzigd van {value(change.old)} naar {value(change.new)}"
