"""What each field of the agreement model means to a reader, declared once for rules, render, diff and deadlines.

Keys are the model's field names (a test checks that each is one). Per field:

- ``label``: the Dutch word for the field in a sentence ("einddatum");
- ``section``: for a top-level field, the heading of its part of the agreement ("Duur");
- ``entry``: for a list, the Dutch word for one of its entries ("partij");
- ``substantive``: a change of its value changes what was agreed (who, when, how often, how long),
  whatever the wording;
- ``binding``: text under it binds the parties, so a change of wording is substantive (of punctuation
  or case, it is not);
- ``editorial``: notes about the agreement, not part of it: a change under it is editorial unless it
  changes a number, a date, a name or a negation;
- ``natural_key``: for a list whose entries have no ``id``, the fields that identify an entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Meaning:
    label: str | None = None
    section: str | None = None
    entry: str | None = None
    substantive: bool = False
    binding: bool = False
    editorial: bool = False
    natural_key: tuple[str, ...] = ()


NONE = Meaning()

FIELDS: dict[str, Meaning] = {
    "action_domain": Meaning(substantive=True),
    "action_domains": Meaning(entry="actiedomein"),
    "actions": Meaning(entry="actie", binding=True),
    "address": Meaning(label="adres", substantive=True),
    "after_signing": Meaning(substantive=True),
    "allowed": Meaning(label="opzegrecht", substantive=True),
    "ambition": Meaning(substantive=True),
    "ambitions": Meaning(section="Ambities", entry="ambitie"),
    "annexes": Meaning(section="Bijlagen", entry="bijlage"),
    "approvals": Meaning(section="Goedkeuringen", entry="goedkeuring"),
    "articles": Meaning(natural_key=("number", "title")),
    "basis": Meaning(label="grondslag"),
    "blocks": Meaning(entry="handtekeningblok", natural_key=("party",)),
    "bodies": Meaning(entry="overlegorgaan"),
    "body": Meaning(label="orgaan", substantive=True),
    "capacity": Meaning(label="hoedanigheid", substantive=True),
    "closing": Meaning(label="slot"),
    "commitments": Meaning(entry="engagement", binding=True),
    "communication": Meaning(section="Communicatie", natural_key=("title",)),
    "consultation": Meaning(section="Overlegstructuur"),
    "contact_points": Meaning(section="Aanspreekpunten"),
    "contacts": Meaning(entry="aanspreekpunt", natural_key=("party", "function")),
    "convener": Meaning(substantive=True),
    "dashboard": Meaning(substantive=True),
    "date": Meaning(label="datum", substantive=True),
    "decision": Meaning(substantive=True),
    "decision_number": Meaning(label="besluitnummer", substantive=True),
    "delegation": Meaning(substantive=True),
    "designation": Meaning(label="aanduiding"),
    "disputes": Meaning(label="geschillen", binding=True),
    "division": Meaning(label="afdeling"),
    "due": Meaning(label="vervaldatum", substantive=True),
    "duration": Meaning(section="Duur"),
    "end": Meaning(label="einddatum", substantive=True),
    "enterprise_number": Meaning(label="ondernemingsnummer", substantive=True),
    "every": Meaning(substantive=True),
    "file": Meaning(substantive=True),
    "follow_ups": Meaning(entry="opvolgingstermijn"),
    "function": Meaning(label="functie", substantive=True),
    "id": Meaning(substantive=True),
    "intro": Meaning(label="inleiding"),
    "items": Meaning(entry="punt"),
    "kind": Meaning(label="soort", substantive=True),
    "lead": Meaning(label="trekker", substantive=True),
    "members": Meaning(entry="lid", substantive=True, natural_key=("parties", "organisation", "function", "name")),
    "min_meetings_per_year": Meaning(label="minimum aantal vergaderingen per jaar", substantive=True),
    "monitoring": Meaning(section="Opvolging"),
    "municipality": Meaning(label="gemeente", substantive=True),
    "name": Meaning(label="naam", substantive=True),
    "nis_code": Meaning(label="NIS-code", substantive=True),
    "notes": Meaning(section="Notities", entry="notitie", editorial=True),
    "notice": Meaning(label="opzegtermijn", substantive=True),
    "number": Meaning(label="nummer", substantive=True),
    "objective": Meaning(section="Algemene doelstelling"),
    "obligations": Meaning(section="Verplichtingen", entry="verplichting"),
    "offices": Meaning(substantive=True),
    "officials": Meaning(entry="functionaris"),
    "organisation": Meaning(substantive=True),
    "outcome": Meaning(substantive=True),
    "parties": Meaning(section="Partijen", entry="partij", substantive=True),
    "party": Meaning(label="partij", substantive=True),
    "person": Meaning(label="persoon", substantive=True),
    "place": Meaning(label="plaats", substantive=True),
    "policy_framework": Meaning(section="Beleidskader", natural_key=("title",)),
    "postal_code": Meaning(label="postcode", substantive=True),
    "preamble": Meaning(section="Context", natural_key=("title",)),
    "present": Meaning(entry="aanwezige", natural_key=("name",)),
    "principles": Meaning(section="Principes", entry="principe", binding=True),
    "region": Meaning(label="regio"),
    "representatives": Meaning(entry="vertegenwoordiger"),
    "responsibilities": Meaning(entry="verantwoordelijkheid", binding=True),
    "review": Meaning(label="herziening"),
    "role": Meaning(label="rol"),
    "roles": Meaning(section="Rollen", entry="rol", natural_key=("party",)),
    "sections": Meaning(entry="onderdeel", natural_key=("title",)),
    "sha256": Meaning(substantive=True),
    "short_name": Meaning(label="korte naam"),
    "signatories": Meaning(entry="ondertekenaar", natural_key=("person",)),
    "signing": Meaning(section="Ondertekening"),
    "sources": Meaning(section="Bronnen", entry="bron", editorial=True, natural_key=("file",)),
    "start": Meaning(label="begindatum", substantive=True),
    "status": Meaning(label="status", substantive=True),
    "street": Meaning(label="straat", substantive=True),
    "subtitle": Meaning(label="ondertitel"),
    "targets": Meaning(section="Streefcijfers", entry="streefcijfer", binding=True),
    "tasks": Meaning(entry="taak", binding=True),
    "termination": Meaning(binding=True),
    "text": Meaning(label="tekst"),
    "themes": Meaning(section="Thema's en actiedomeinen", entry="thema"),
    "title": Meaning(label="titel", substantive=True),
    "unit": Meaning(label="eenheid", substantive=True),
    "value": Meaning(label="waarde", substantive=True),
    "version": Meaning(label="versie", substantive=True),
}


def of(name: str) -> Meaning:
    """The meaning of a field by name (no meaning declared: all defaults)."""
    return FIELDS.get(name, NONE)
