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
    "after_signing": Meaning(label="termijn na de ondertekening", substantive=True),
    "allowed": Meaning(label="opzegrecht", substantive=True),
    "ambition": Meaning(substantive=True),
    "ambitions": Meaning(section="Ambities", entry="ambitie"),
    "annexes": Meaning(section="Bijlagen", entry="bijlage"),
    "approvals": Meaning(section="Goedkeuringen", entry="goedkeuring"),
    "articles": Meaning(entry="artikel", natural_key=("number", "title")),
    "basis": Meaning(label="grondslag"),
    "blocks": Meaning(entry="handtekeningblok", natural_key=("party",)),
    "bodies": Meaning(entry="overlegorgaan"),
    "body": Meaning(label="orgaan", substantive=True),
    "building": Meaning(label="gebouw", substantive=True),
    "capacity": Meaning(label="hoedanigheid", substantive=True),
    "closing": Meaning(label="slot"),
    "commitments": Meaning(entry="engagement", binding=True),
    "commitments_intro": Meaning(label="inleiding bij de engagementen"),
    "communication": Meaning(section="Communicatie", entry="communicatieafspraak", natural_key=("title",)),
    "consultation": Meaning(section="Overlegstructuur"),
    "contact_points": Meaning(section="Aanspreekpunten"),
    "contacts": Meaning(entry="aanspreekpunt", natural_key=("party", "function")),
    "convener": Meaning(label="bijeenroeper", substantive=True),
    "dashboard": Meaning(label="dashboard", substantive=True),
    "date": Meaning(label="datum", substantive=True),
    "decision": Meaning(label="besluit", substantive=True),
    "decision_number": Meaning(label="besluitnummer", substantive=True),
    "delegation": Meaning(substantive=True),
    "description": Meaning(label="omschrijving"),
    "designation": Meaning(label="aanduiding"),
    "disputes": Meaning(label="geschillen", binding=True),
    "division": Meaning(label="afdeling"),
    "due": Meaning(label="vervaldatum", substantive=True),
    "duration": Meaning(section="Duur"),
    "end": Meaning(label="einddatum", substantive=True),
    "enterprise_number": Meaning(label="ondernemingsnummer", substantive=True),
    "every": Meaning(label="frequentie", substantive=True),
    "file": Meaning(substantive=True),
    "follow_ups": Meaning(entry="opvolgingstermijn"),
    "function": Meaning(label="functie", substantive=True),
    "heading": Meaning(label="hoofding"),
    "id": Meaning(substantive=True),
    "indicator": Meaning(label="indicator", substantive=True),
    "intro": Meaning(label="inleiding"),
    "items": Meaning(entry="punt"),
    "kind": Meaning(label="soort", substantive=True),
    "language": Meaning(label="taal"),
    "lead": Meaning(label="trekker", substantive=True),
    "meeting": Meaning(label="vergadering"),
    "members": Meaning(entry="lid", substantive=True, natural_key=("parties", "organisation", "function", "name")),
    "min_meetings_per_year": Meaning(label="minimum aantal vergaderingen per jaar", substantive=True),
    "monitoring": Meaning(section="Opvolging"),
    "motivation": Meaning(label="motivering"),
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
    "organisation": Meaning(label="organisatie", substantive=True),
    "outcome": Meaning(label="uitslag", substantive=True),
    "parties": Meaning(section="Partijen", entry="partij", substantive=True),
    "party": Meaning(label="partij", substantive=True),
    "person": Meaning(label="persoon", substantive=True),
    "place": Meaning(label="plaats", substantive=True),
    "policy_framework": Meaning(section="Beleidskader", entry="beleidskader", natural_key=("title",)),
    "postal_code": Meaning(label="postcode", substantive=True),
    "preamble": Meaning(section="Context", entry="contextparagraaf", natural_key=("title",)),
    "present": Meaning(entry="aanwezige", natural_key=("name",)),
    "principles": Meaning(section="Principes", entry="principe", binding=True),
    "region": Meaning(label="regio"),
    "representatives": Meaning(entry="vertegenwoordiger"),
    "responsibilities": Meaning(entry="verantwoordelijkheid", binding=True),
    "review": Meaning(label="herziening"),
    "role": Meaning(label="rol"),
    "roles": Meaning(section="Rollen", entry="rol", natural_key=("party",)),
    "salutation": Meaning(label="aanspreking"),
    "scope": Meaning(label="toepassingsgebied", substantive=True),
    "sections": Meaning(entry="onderdeel", natural_key=("title",)),
    "sha256": Meaning(substantive=True),
    "short_name": Meaning(label="korte naam"),
    "signatories": Meaning(entry="ondertekenaar", natural_key=("person",)),
    "signing": Meaning(section="Ondertekening"),
    "source": Meaning(label="bron"),
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


VALUES: dict[str, dict[str, str]] = {
    "status": {
        "draft": "ontwerp",
        "proposed": "voorgesteld",
        "approved": "goedgekeurd",
        "signed": "ondertekend",
        "active": "lopend",
        "terminated": "beëindigd",
        "expired": "verlopen",
        "superseded": "vervangen",
    },
    "kind": {
        "steering-group": "stuurgroep",
        "operational-meeting": "operationeel overleg",
        "working-group": "werkgroep",
        "strategic-policy-meeting": "strategisch beleidsoverleg",
        "data-working-group": "werkgroep datamonitoring",
        "other": "ander",
        "lokaal-bestuur": "lokaal bestuur",
        "interlokale-vereniging": "interlokale vereniging",
        "dienstverlenende-vereniging": "dienstverlenende vereniging",
        "sociale-partner": "sociale partner",
    },
    "outcome": {
        "unanimous": "unaniem",
        "majority": "bij meerderheid",
        "rejected": "verworpen",
        "postponed": "uitgesteld",
    },
    "start": {"on-signing": "vanaf de ondertekening"},
}
"""Values of the model's enumerations as a Dutch sentence says them, by field: what ``diff`` shows."""


def value(field: str, raw: str) -> str | None:
    """The Dutch words for a value of an enumerated field ('signed' -> 'ondertekend'), or None."""
    return VALUES.get(field, {}).get(raw)
