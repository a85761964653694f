"""The real agreements in agreements/ hold the facts of their sources.

For each source text in ../shared/sources the facts below were read off the source by hand. Each test
checks both directions it can: the fact is in the source text (so the list is not made up) and it is in
the YAML, at the place the model gives it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

import pytest

from samenwerk.lint import lint_file
from samenwerk.model import Agreement

from .conftest import AGREEMENTS, SOURCES


@dataclass
class Facts:
    yaml: str
    source: str
    parties: dict[str, str]
    representatives: dict[str, list[str]] = field(default_factory=dict)
    signatories: dict[str, list[str]] = field(default_factory=dict)
    end: dt.date | None = None
    end_phrase: str | None = None
    signed: dt.date | None = None
    signed_phrase: str | None = None
    bodies: dict[str, int | None] = field(default_factory=dict)
    body_phrases: list[str] = field(default_factory=list)
    action_domains: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    approval: tuple[str, dt.date, str] | None = None


ANTWERPEN = Facts(
    yaml="kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml",
    source="kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.txt",
    parties={
        "vdab": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
        "kalmthout": "Kalmthout",
        "ranst": "Ranst",
        "schelle": "Schelle",
        "schilde": "Schilde",
        "wijnegem": "Wijnegem",
        "zandhoven": "Zandhoven",
        "zoersel": "Zoersel",
    },
    representatives={
        "vdab": ["Wim Adriaens", "Bjorn Cuyt"],
        "kalmthout": ["Vincent Gabriels", "Maarten De Bock"],
        "ranst": ["Johan De Ryck", "Wim Van der Schoot"],
        "schelle": ["Rob Mennes", "Betty Van Cauteren"],
        "schilde": ["Dirk Bauwens", "Tine Vervisch"],
        "wijnegem": ["Leen Wouters", "Leen Nagels"],
        "zandhoven": ["Annick Smeets", "Paula Henderickx"],
        "zoersel": ["Liesbeth Verstreken", "Kristof Janssens"],
    },
    signatories={
        "kalmthout": ["Vincent Gabriels", "Maarten De Bock"],
        "ranst": ["Johan De Ryck", "Wim Van der Schoot"],
        "schelle": ["Rob Mennes", "Betty Van Cauteren"],
        "schilde": ["Dirk Bauwens", "Tine Vervisch"],
        "wijnegem": ["Leen Wouters", "Leen Nagels"],
        "zandhoven": ["Annick Smeets", "Paula Henderickx"],
        "zoersel": ["Liesbeth Verstreken", "Kristof Janssens"],
        "vdab": ["Bjorn Cuyt"],
    },
    end=dt.date(2025, 12, 31),
    end_phrase="uiterste einddatum 31 december 2025",
    bodies={"Stuurgroep": 2, "Operationeel overleg": 4, "Werkgroepen": None},
    body_phrases=["minstens 2 keer per jaar", "minimaal 4 keer per jaar"],
    action_domains=[
        "activeren en bemiddelen van de inwoners",
        "traject zo arbeidsmarktgericht",
        "wegwerken van job-obstakels",
        "inclusieve economie",
        "Dienstverlening aan werkgevers",
        "E-inclusie",
        "21-eeuwse vaardigheden",
        "mobiele opleidingen",
    ],
    members=[
        "Marleen Patteet",
        "Katrien Vrints",
        "Jannick Exsteens",
        "Karin Dillen",
        "Kristien Van Holderbeke",
        "Ellen Kuylen",
        "Janne Verstrepen",
        "Sofie Pareit",
        "Liesbeth Vrints",
    ],
)

GENT = Facts(
    yaml="gent-vdab-2020-2025.yaml",
    source="gent-vdab-2020-2025-gemeenteraadsbesluit.txt",
    parties={"stad-ocmw-gent": "Stad/OCMW Gent", "vdab": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"},
    representatives={
        "stad-ocmw-gent": ["Bram Van Braeckevelt", "Rudy Coddens", "Mieke Hullebroeck"],
        "vdab": ["Wim Adriaens", "Freddy Van Malderen"],
    },
    signatories={
        "stad-ocmw-gent": ["Mieke Hullebroeck", "Bram Van Braeckevelt", "Rudy Coddens"],
        "vdab": ["Freddy Van Malderen", "Wim Adriaens"],
    },
    end=dt.date(2025, 12, 31),
    end_phrase="tot en met 31 december 2025",
    bodies={
        "Strategisch beleidsoverleg": 1,
        "Stuurgroep": None,
        "Werkgroepen per beleidsprioriteit": None,
        "Werkgroep datamonitoring": None,
    },
    body_phrases=["Jaarlijks wordt een **strategisch beleidsoverleg**", "permanente werkgroep van dataspecialisten"],
    action_domains=["Overgang onderwijs-arbeidsmarkt", "Duurzame loopbanen"],
    approval=("2020_GRMW_00300", dt.date(2020, 5, 25), "25 mei 2020"),
)

PERSPECTIEF = Facts(
    yaml="perspectief-middenkust-vdab-2023-2025.yaml",
    source="perspectief-middenkust-vdab-2023-press-release.txt",
    parties={"vdab": "VDAB", "perspectief": "Perspectief"},
    signatories={"perspectief": [], "vdab": []},
    end=dt.date(2025, 12, 31),
    end_phrase="uiterste einddatum 31 december 2025",
    signed=dt.date(2023, 11, 22),
    signed_phrase="woensdag 22 november 2023",
    members=["Oostende", "Bredene", "De Haan", "Middelkerke", "Oudenburg", "Gistel", "Ichtegem"],
)

PACT = Facts(
    yaml="pact-samen-en-lokaal-voor-werk.yaml",
    source="pact-samen-en-lokaal-voor-werk-vvsg-serv.txt",
    parties={"vvsg": "VVSG", "serv": "Sociaal-Economische Raad van Vlaanderen"},
)

LIMBURG = Facts(
    yaml="engagementsverklaring-werkgelegenheidsconferentie-limburg.yaml",
    source="werkgelegenheidsconferentie-limburg-engagementsverklaring.txt",
    parties={
        "minister-werk": "minister van Werk",
        "minister-binnenlands-bestuur": "minister van Binnenlands Bestuur",
        "serv": "SERV",
        "vvsg": "VVSG",
        "vdab": "VDAB",
    },
    representatives={"minister-werk": ["Jo Brouns"], "minister-binnenlands-bestuur": ["Bart Somers"]},
    signatories={
        "minister-werk": ["Jo Brouns"],
        "minister-binnenlands-bestuur": ["Bart Somers"],
        "serv": [],
        "vvsg": [],
        "vdab": [],
    },
)

ALL = [ANTWERPEN, GENT, PERSPECTIEF, PACT, LIMBURG]


def _source_text(facts: Facts) -> str:
    path = SOURCES / facts.source
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"source text {path} is missing")
        pytest.skip(f"source text {path} is not here")
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def _agreement(facts: Facts) -> Agreement:
    result = lint_file(AGREEMENTS / facts.yaml)
    assert result.agreement is not None, result.diagnostics
    return result.agreement


def test_every_source_has_an_agreement() -> None:
    assert sorted(AGREEMENTS.glob("*.yaml")) == sorted(AGREEMENTS / f.yaml for f in ALL)
    if SOURCES.exists():
        assert sorted(p.name for p in SOURCES.glob("*.txt")) == sorted(f.source for f in ALL)


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_lints_without_errors(facts: Facts) -> None:
    # Real findings in the real texts are warnings, or suppressed in the YAML with the reason.
    result = lint_file(AGREEMENTS / facts.yaml)
    assert [d for d in result.diagnostics if d.level == "error"] == []


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_parties_and_people(facts: Facts) -> None:
    text = _source_text(facts)
    agreement = _agreement(facts)
    parties = {p.id: p for p in agreement.parties}
    assert sorted(parties) == sorted(facts.parties)
    for pid, name in facts.parties.items():
        assert name in text, name
        assert name in f"{parties[pid].name} {parties[pid].short_name or ''}"
    for pid, people in facts.representatives.items():
        names = [r.name for r in parties[pid].representatives]
        for person in people:
            # The Gent preamble misspells one name once; the decision and the signatures have it right.
            assert person in text, person
        assert sorted(names) == sorted(people)


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_signatories(facts: Facts) -> None:
    agreement = _agreement(facts)
    if not facts.signatories:
        assert agreement.signing is None
        return
    assert agreement.signing is not None
    people = {(p.id, r.id): r.name for p in agreement.parties for r in p.representatives}
    got = {b.party: [people[(b.party, s.person)] for s in b.signatories] for b in agreement.signing.blocks}
    assert got == facts.signatories


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_dates(facts: Facts) -> None:
    text = _source_text(facts)
    agreement = _agreement(facts)
    end = agreement.duration.end if agreement.duration else None
    assert end == facts.end
    if facts.end_phrase:
        assert facts.end_phrase in text
    signed = agreement.signing.date if agreement.signing else None
    assert signed == facts.signed
    if facts.signed_phrase:
        assert facts.signed_phrase in text


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_bodies_and_frequencies(facts: Facts) -> None:
    text = _source_text(facts)
    agreement = _agreement(facts)
    bodies = {b.name: b.min_meetings_per_year for b in agreement.consultation.bodies} if agreement.consultation else {}
    assert bodies == facts.bodies
    for phrase in facts.body_phrases:
        assert phrase in text


@pytest.mark.parametrize("facts", ALL, ids=lambda f: f.yaml)
def test_action_domains_members_and_approvals(facts: Facts) -> None:
    text = _source_text(facts)
    agreement = _agreement(facts)
    domains = [d.title for t in agreement.themes.themes for d in t.action_domains] if agreement.themes else []
    assert len(domains) == len(facts.action_domains)
    for expected, title in zip(facts.action_domains, domains):
        assert expected in title and expected in text
    everyone = " ".join(
        [m.name or "" for b in (agreement.consultation.bodies if agreement.consultation else []) for m in b.members]
        + [m for p in agreement.parties for m in p.members]
    )
    for name in facts.members:
        assert name in text and name in everyone, name
    if facts.approval:
        number, date, phrase = facts.approval
        (approval,) = agreement.approvals
        assert (approval.decision_number, approval.date) == (number, date)
        assert number.replace("_", "\\_") in text and phrase in text
