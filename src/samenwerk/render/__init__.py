"""Render a validated agreement to the document people sign: Markdown, HTML, or PDF ready for eID signing."""

from __future__ import annotations

import datetime as dt
import re
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


LOCALES = {"nl": "nl_BE"}
"""The locale of a document by the agreement's own ``language`` (never the user's): Flemish Dutch."""

STATUS_NL = {
    "draft": "ontwerp",
    "proposed": "voorgelegd",
    "approved": "goedgekeurd",
    "signed": "ondertekend",
    "active": "lopend",
    "terminated": "opgezegd",
    "expired": "afgelopen",
    "superseded": "vervangen",
}
"""A status as the document says it: all fixed text in a document is Dutch."""


def and_list(items: list[str], language: str = "nl") -> str:
    """'A, B en C': a list in the document's language (Babel's CLDR patterns)."""
    from babel.lists import format_list

    return format_list(list(items), locale=LOCALES.get(language, "nl_BE")) if items else ""


def party_label(party: dict[str, Any]) -> str:
    """How the text names a party mid-sentence: its short name ('VDAB'), else how the source introduces it
    ('het lokaal bestuur Kalmthout', never 'Voor Lokaal bestuur Kalmthout'), else its name."""
    return str(party.get("short_name") or party.get("designation") or party["name"])


_NUMBER = re.compile(r"^(?P<prefix>.*?)(?P<n>\d+|[IVXLCDM]+|[A-Z])$")
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def _from_roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(text, [*text[1:], ""]):
        total += -values[a] if b and values[b] > values[a] else values[a]
    return total


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def next_number(previous: str | None) -> str | None:
    """The number after ``previous`` in its own scheme: '3' -> '4', 'Deel II' -> 'Deel III', 'A' -> 'B';
    None where the scheme cannot be continued (the part is then unnumbered, never numbered twice)."""
    if previous is None:
        return "1"
    m = _NUMBER.match(previous.strip())
    if m is None:
        return None
    prefix, n = m["prefix"], m["n"]
    if n.isdigit():
        return f"{prefix}{int(n) + 1}"
    if set(n) <= set("IVXLCDM") and (len(n) > 1 or prefix):
        return f"{prefix}{_to_roman(_from_roman(n) + 1)}"
    if len(n) == 1 and n < "Z":
        return f"{prefix}{chr(ord(n) + 1)}"
    return None


def heading(number: str | None, title: str) -> str:
    """'5.1 Title', 'Deel I. Title', 'Doelstelling 1: Title' as the source prints them; the title alone
    without a number."""
    if not number:
        return title
    if number[-1] in ".:":
        return f"{number} {title}"
    if re.fullmatch(r"\d+(\.\d+)+", number):  # '5.1 Vacatures ...', as the sources print sub-numbers
        return f"{number} {title}"
    if " " in number:  # 'Doelstelling 1: ...'; 'Deel I' is a part: 'Deel I. ...'
        return f"{number}. {title}" if number.split()[0].lower() == "deel" else f"{number}: {title}"
    return f"{number}. {title}"


def _common_parent(numbers: list[str | None]) -> str | None:
    """'5' when every sub-part is numbered '5.x' (a part numbered by its children, as Gent's 5.1-5.3)."""
    matches = [re.match(r"^(\d+)\.\d+", n or "") for n in numbers]
    heads = {m[1] if m else None for m in matches}
    return heads.pop() if len(heads) == 1 and None not in heads else None


def _text_of(value: Any) -> str:
    """Every string inside plain data, joined: what the document's text contains (for what it repeats)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_text_of(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_text_of(v) for v in value)
    return ""


def _squash(text: str) -> str:
    return re.sub(r"[\s*_]+", " ", text).strip().lower()


def layout(a: dict[str, Any], targets: list[dict[str, Any]]) -> dict[str, Any]:
    """The document's top-level parts in order, each with its heading as the source numbers it.

    Numbers given in the agreement win; a part without one continues the scheme of the part before it
    ('Deel II' -> 'Deel III', '3' -> '4'), or takes the number its sub-parts share ('5' for 5.1-5.3). Without
    any numbers the parts are numbered 1, 2, 3, ... A part with nothing to show gets no heading at all."""
    principles = a["principles"]
    single_group = len(principles) == 1 and bool(principles[0]["title"])
    monitoring = a["monitoring"]
    parts: list[tuple[str, str | None, str]] = []  # key, explicit number, title
    if a["objective"]:
        parts.append(("objective", a["objective"]["number"], a["objective"]["title"] or "Algemene doelstelling"))
    elif targets or a["ambitions"]:
        parts.append(("targets", None, "Streefcijfers" if targets else "Ambities"))
    for i, s in enumerate(a["policy_framework"]):
        parts.append((f"policy_framework.{i}", s["number"], s["title"] or "Beleidskader"))
    if a["roles"] and (a["roles"]["intro"] or a["roles"]["roles"] or a["roles"]["closing"]):
        parts.append(("roles", None, "Rollen"))
    if single_group:
        parts.append(("principles", principles[0]["number"], principles[0]["title"]))
    elif principles:
        parts.append(("principles", None, "Principes"))
    if a["themes"]:
        themes = a["themes"]["themes"]
        parts.append(
            (
                "themes",
                _common_parent([t["number"] for t in themes]),
                a["themes"]["title"] or "Thema's en actiedomeinen",
            )
        )
    if a["consultation"]:
        parts.append(("consultation", None, a["consultation"]["title"] or "Overlegstructuur"))
    if monitoring and (monitoring["text"] or monitoring["dashboard"]):
        parts.append(("monitoring", None, monitoring["title"] or "Opvolging"))
    if a["communication"]:
        parts.append(("communication", None, "Communicatie"))
    elif a["contact_points"]:
        parts.append(("contact_points", None, a["contact_points"]["title"] or "Aanspreekpunten"))
    if a["duration"]:
        parts.append(("duration", None, "Duur"))
    if a["annexes"]:
        parts.append(("annexes", None, "Bijlagen"))
    headings: dict[str, str] = {}
    previous: str | None = None
    for n, (key, number, title) in enumerate(parts):
        if number is None and (n == 0 or previous is not None):
            number = next_number(previous)
        headings[key] = heading(number, title)
        previous = number
    return {"headings": headings, "single_principle_group": single_group}


def domain_heading(number: str | None, title: str) -> str:
    """'Actiedomein 1: Title' for a numbered action domain; 'A. Title' where the source letters them."""
    if number and number.isdigit():
        return f"Actiedomein {number}: {title}"
    return heading(number, title)


def clauses(commitments: list[dict[str, Any]]) -> bool:
    """Whether commitments continue an intro ('... engageren zich om:' + 'vacatures snel te ontsluiten;'): they
    start in lower case. Full sentences ('De ondertekenaars engageren zich om ...') get no intro of ours."""
    first = commitments[0]["text"] if commitments else ""
    return bool(first) and first[:1] == first[:1].lower()


def _lines(groups: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"who": g["who"], "what": ", ".join(w for w in g["what"] if w)} for g in groups]


def context(agreement: Agreement, consolidation: Consolidation | None = None) -> dict[str, Any]:
    """What templates get: plain data only, references resolved by id."""
    a = plain(agreement)
    language = str(agreement.language)
    for p in a["parties"]:  # an association's members by name, whether or not linked to their party entry
        p["members"] = [m["name"] if isinstance(m, dict) else m for m in p["members"]]
        p["label"] = party_label(p)
    parties = {p["id"]: p for p in a["parties"]}

    def party_names(ids: list[str]) -> str:
        unknown = [i for i in ids if i not in parties]
        if unknown:
            raise TemplateRuntimeError(f"party_names: no party {', '.join(map(repr, unknown))}")
        return and_list([parties[i]["label"] for i in ids], language)

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
    # A target is data taken from the text: where the text already says it, the document does not say it twice.
    said = _squash(_text_of({k: v for k, v in a.items() if k not in ("targets", "notes", "sources", "approvals")}))
    targets = [t for t in a["targets"] if _squash(t["text"]) not in said]
    bodies = []
    for b in (a["consultation"] or {}).get("bodies", []):
        groups: list[dict[str, Any]] = []  # consecutive members of the same party or organisation, as one line
        for m in b["members"]:
            who = party_names(m["parties"]) if m["parties"] else (m["organisation"] or "")
            what = (m["function"] or "") + (f" ({m['name']})" if m["name"] else "")
            if groups and groups[-1]["who"] == who and who:
                groups[-1]["what"].append(what)
            else:
                groups.append({"who": who, "what": [what]})
        bodies.append({"id": b["id"], "members": _lines(groups)})
    contact_groups: list[dict[str, Any]] = []
    for c in (a["contact_points"] or {}).get("contacts", []):
        who = parties[c["party"]]["label"] if c["party"] in parties else c["party"]
        what = c["function"] + (f" ({c['name']})" if c["name"] else "")
        if contact_groups and contact_groups[-1]["who"] == who:
            contact_groups[-1]["what"].append(what)
        else:
            contact_groups.append({"who": who, "what": [what]})
    return {
        "a": a,
        "lang": LOCALES.get(language, "nl_BE").replace("_", "-"),
        "status_nl": STATUS_NL.get(a["status"] or "", ""),
        "parties": parties,
        "approvals": {ap["id"]: ap for ap in a["approvals"]},
        "bodies": {b["id"]: b for b in a["consultation"]["bodies"]} if a["consultation"] else {},
        "member_lines": {b["id"]: b["members"] for b in bodies},
        "annexes": {an["id"]: an for an in a["annexes"]},
        "kind": str(agreement.kind),
        "final": agreement.status in FINAL_STATUSES,
        "signature_blocks": blocks,
        "party_names": party_names,
        "and_list": lambda items: and_list(items, language),
        "heading": heading,
        "domain_heading": domain_heading,
        "clauses": clauses,
        "contact_lines": _lines(contact_groups),
        "targets": targets,
        "layout": layout(a, targets),
        "term": _term(agreement),
        "term_said": _term_said(agreement),
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


def _term_said(agreement: Agreement) -> bool:
    """Whether the duration's own text already says the end date ('tot en met 31 december 2025'): then the term
    is not said again; where the text does not (an end date changed without its text), the term is shown."""
    from .. import facts, nl

    d = agreement.duration
    end = facts.end(agreement)
    if d is None or not d.text or end is None:
        return bool(d and d.text)
    return nl.date(end) in " ".join(d.text.split())


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
        text = render_limited(env.get_template(name), context(agreement, consolidation))
        if fmt == "md":  # one blank line between blocks and one space between words, whatever the template did
            text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", re.sub(r"\n{3,}", "\n\n", text))
        return text
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
