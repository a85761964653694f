"""diff as a reviewer reads it: pairing, classification, names instead of ids, Dutch wording, marked words.

The classification table mutates the Gent agreement's data in memory (nothing is written back) and checks
the class of every change each mutation gives. The reviewer's example is a small fictional agreement.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samenwerk import document
from samenwerk.diff import Side, compare
from samenwerk.diff.describe import Describer, summary, where, words
from samenwerk.diff.engine import Kind
from samenwerk.diff.pairing import compare as paired
from samenwerk.reporters.diff import FORMATS, Options
from tests.conftest import AGREEMENTS, GIT_ENV, git

GENT = AGREEMENTS / "gent-vdab-2020-2025.yaml"
_doc = document.read(GENT)
assert _doc.agreement is not None
BASE: dict[str, Any] = _doc.agreement.model_dump(mode="json", exclude_defaults=True)

SUBSTANTIVE, EDITORIAL = "substantive", "editorial"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = data
        for p in parents:
            node = node[p]
        node[last] = value(node[last]) if callable(value) else value

    return mutate


def _edit(path: str, old: str, new: str) -> Callable[[dict[str, Any]], None]:
    return _set(path, lambda text: text.replace(old, new, 1))


def _append(path: str, item: Any) -> Callable[[dict[str, Any]], None]:
    return _set(path, lambda items: [*items, item])


def _drop(path: str, index: int) -> Callable[[dict[str, Any]], None]:
    return _set(path, lambda items: items[:index] + items[index + 1 :])


def _rename_everywhere(old: str, new: str) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        data.update(json.loads(json.dumps(data).replace(f'"{old}"', f'"{new}"')))

    return mutate


def _replace_representative(data: dict[str, Any]) -> None:
    party = data["parties"][0]
    old = party["representatives"][0]
    party["representatives"][0] = {"id": "nieuwe-schepen", "name": "Nieuwe Schepen", "function": old["function"]}
    for block in data["signing"]["blocks"]:
        for s in block["signatories"]:
            if s["person"] == old["id"]:
                s["person"] = "nieuwe-schepen"


def _reorder_parties(data: dict[str, Any]) -> None:
    data["parties"].reverse()


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # Who, when, how often, how long, how much: substantive.
    ("end date moved", _set("duration.end", "2026-12-31"), SUBSTANTIVE),
    ("start date set", _set("duration.start", "2020-06-01"), SUBSTANTIVE),
    ("party added", _append("parties", {"id": "nieuwe-partij", "name": "Nieuwe partij", "kind": "other"}), SUBSTANTIVE),
    ("party removed", _drop("parties", 1), SUBSTANTIVE),
    ("party renamed", _edit("parties.0.name", "Gent", "Gent en omgeving"), SUBSTANTIVE),
    ("street changed", _set("parties.0.address.street", "Zuidstraat"), SUBSTANTIVE),
    (
        "representative's function changed",
        _edit("parties.0.representatives.0.function", "schepen", "burgemeester"),
        SUBSTANTIVE,
    ),
    ("representative replaced", _replace_representative, SUBSTANTIVE),
    ("signatory removed", _drop("signing.blocks.0.signatories", 0), SUBSTANTIVE),
    ("approval date changed", _set("approvals.0.date", "2020-06-22"), SUBSTANTIVE),
    ("decision number changed", _set("approvals.0.decision_number", "2020_GRMW_00301"), SUBSTANTIVE),
    ("target lowered", _set("targets.0.value", 65), SUBSTANTIVE),
    ("target unit changed", _set("targets.1.unit", "%"), SUBSTANTIVE),
    ("number in a target's wording", _edit("targets.0.text", "70%", "75%"), SUBSTANTIVE),
    ("80% to 8,0% in a target's wording", _edit("targets.0.text", "70%", "7,0%"), SUBSTANTIVE),
    ("commitment reworded", _set("themes.themes.0.commitments.0", lambda c: _reword(c)), SUBSTANTIVE),
    (
        "commitment added",
        _append("themes.themes.0.commitments", {"text": "een nieuw engagement na te komen"}),
        SUBSTANTIVE,
    ),
    ("principle reworded", _set("principles.0.principles.0.text", lambda t: t + " Ook digitaal."), SUBSTANTIVE),
    ("meeting frequency raised", _set("consultation.bodies.0.min_meetings_per_year", 2), SUBSTANTIVE),
    (
        "body added",
        _append("consultation.bodies", {"id": "werkgroep-x", "kind": "working-group", "name": "Werkgroep X"}),
        SUBSTANTIVE,
    ),
    ("body member removed", _drop("consultation.bodies.0.members", 0), SUBSTANTIVE),
    ("annex added", _append("annexes", {"id": "bijlage-9", "number": "9", "title": "Nieuwe bijlage"}), SUBSTANTIVE),
    ("annex retitled", _edit("annexes.0.title", "Analyse", "Omgevingsanalyse"), SUBSTANTIVE),
    ("agreement title corrected", _edit("title", "toekomstgericht", "toekomstgerichte"), SUBSTANTIVE),
    ("status changed", _set("status", "terminated"), SUBSTANTIVE),
    ("kind changed", _set("kind", "convenant"), SUBSTANTIVE),
    ("follow-up period changed", _set("duration.follow_ups.0.after_signing.value", 9), SUBSTANTIVE),
    ("obligation period changed", _set("obligations.0.every.value", 2), SUBSTANTIVE),
    (
        "contact's function changed",
        _edit("contact_points.contacts.0.function", "stadsmanager", "regiomanager"),
        SUBSTANTIVE,
    ),
    ("number in a note", _edit("notes.0", "hoofdstuk 5", "hoofdstuk 6"), SUBSTANTIVE),
    ("negation in a note", _edit("notes.2", "vermeldt geen", "vermeldt wel een"), SUBSTANTIVE),
    ("name in a note", _edit("notes.1", "besluit", "besluit van Stad Antwerpen"), SUBSTANTIVE),
    ("number in the objective", _set("objective.text", lambda t: t + " Tegen 2030."), SUBSTANTIVE),
    ("monitoring body changed", _set("monitoring.body", "stuurgroep"), SUBSTANTIVE),
    ("approval outcome changed", _set("approvals.0.outcome", "approved"), SUBSTANTIVE),
    # How it is written, or notes about it: editorial.
    ("note reworded", _edit("notes.2", "Het document vermeldt", "Het document noemt"), EDITORIAL),
    ("note added", _append("notes", "Een nieuwe opmerking over de bron."), EDITORIAL),
    ("note removed", _drop("notes", 0), EDITORIAL),
    ("source described otherwise", _set("sources.0.description", lambda t: t + " (kopie)"), EDITORIAL),
    ("source added", _append("sources", {"file": "extra.txt", "description": "Een kopie"}), EDITORIAL),
    ("punctuation in a commitment", _set("themes.themes.0.commitments.0", lambda c: _punctuate(c)), EDITORIAL),
    ("case of a party's name", _edit("parties.0.name", "Stad", "stad"), EDITORIAL),
    ("parties reordered", _reorder_parties, EDITORIAL),
    ("objective reworded", _edit("objective.text", "Met deze overeenkomst", "Via deze overeenkomst"), EDITORIAL),
    ("role reworded", _edit("roles.roles.0.text", "verantwoordelijk", "bevoegd"), EDITORIAL),
    ("representative's id renamed", _rename_everywhere("bram-van-braeckevelt", "b-van-braeckevelt"), EDITORIAL),
    (
        "communication reworded",
        _edit("communication.0.text", "De samenwerkingsovereenkomst", "Deze overeenkomst"),
        EDITORIAL,
    ),
    ("themes' intro reworded", _edit("themes.intro", "heeft tot doel", "beoogt"), EDITORIAL),
    ("case in a note", _edit("notes.2", "Het document", "HET DOCUMENT"), EDITORIAL),
]


def _reword(commitment: Any) -> Any:
    if isinstance(commitment, dict):
        return {**commitment, "text": commitment["text"] + " en dat op te volgen"}
    return commitment + " en dat op te volgen"


def _punctuate(commitment: Any) -> Any:
    if isinstance(commitment, dict):
        return {**commitment, "text": commitment["text"].rstrip(";.") + "."}
    return commitment.rstrip(";.") + "."


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert {c for *_, c in CASES} == {SUBSTANTIVE, EDITORIAL}


@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_classification(name: str, mutate: Callable[[dict[str, Any]], None], expected: str) -> None:
    new = copy.deepcopy(BASE)
    mutate(new)
    changes = paired(BASE, new)
    assert changes, f"{name}: no change found"
    got = {SUBSTANTIVE if c.substantive else EDITORIAL for c in changes}
    assert got == {expected}, [(c.path, c.kind, c.substantive) for c in changes]
    words_for = Describer(BASE, new)
    for c in changes:  # every change reads in the agreement's words: no list index, no float
        text = words_for.describe(c).plain()
        assert not re.search(r"\b\d+\.0\b", text), text
        assert not re.match(r"^\d+ gewijzigd", text), text


# --- the reviewer's example -------------------------------------------------------------------------------

OLD = """\
id: voorbeeld-2024-2025
title: Samenwerkingsovereenkomst Voorbeeldegem - VDAB 2024-2025
kind: samenwerkingsovereenkomst
status: signed
parties:
  - id: vdab
    name: VDAB
    kind: vdab
    representatives:
      - {id: directeur, name: Directeur Voorbeeld, function: directeur}
  - id: voorbeeldegem
    name: Lokaal bestuur Voorbeeldegem
    kind: gemeente
    representatives:
      - {id: rob-mennes, name: Rob Mennes, function: burgemeester}
      - {id: els-claes, name: Els Claes, function: algemeen directeur}
targets:
  - id: werkzaamheidsgraad
    text: We ambiëren een werkzaamheidsgraad van 80%.
    indicator: werkzaamheidsgraad
    value: 80
    unit: "%"
consultation:
  bodies:
    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}
duration:
  start: 2024-01-01
  end: 2025-12-31
signing:
  blocks:
    - party: voorbeeldegem
      signatories: [{person: rob-mennes}, {person: els-claes}]
    - party: vdab
      signatories: [{person: directeur}]
notes:
  - "De bron is een ontwerp van de gemeenteraad."
"""

NEW = (
    OLD.replace(
        "title: Samenwerkingsovereenkomst Voorbeeldegem",
        "title: Samenwerkingsovereenkomst Lokaal bestuur Voorbeeldegem",
    )
    .replace("{id: rob-mennes, name: Rob Mennes,", "{id: an-peeters, name: An Peeters,")
    .replace("[{person: rob-mennes}", "[{person: an-peeters}")
    .replace("van 80%.", "van 75%.")
    .replace("value: 80", "value: 75")
    .replace("een ontwerp van de gemeenteraad", "een ontwerp, goedgekeurd door de gemeenteraad")
)


def _report(fmt: str, old: str = OLD, new: str = NEW, web: str | None = None) -> str:
    import io

    fd = compare(Side("oud.yaml", old.encode()), Side("nieuw.yaml", new.encode()))
    assert not fd.errors, fd.errors
    out = io.StringIO()
    FORMATS.writer(fmt)([fd], out, Options(web=web))
    return out.getvalue()


def test_the_reviewers_example_is_four_changes_named_in_the_agreements_terms() -> None:
    fd = compare(Side("oud.yaml", OLD.encode()), Side("nieuw.yaml", NEW.encode()))
    text = Describer(fd.old_data, fd.new_data)
    got = [(c.kind, c.substantive, text.describe(c).plain()) for c in fd.changes]
    assert got == [
        (
            Kind.CHANGED,
            True,
            "titel gewijzigd: Samenwerkingsovereenkomst{+ Lokaal bestuur+} Voorbeeldegem - VDAB 2024-2025",
        ),
        (Kind.REPLACED, True, "An Peeters vervangt Rob Mennes als burgemeester van Lokaal bestuur Voorbeeldegem"),
        (Kind.CHANGED, True, "streefcijfer werkzaamheidsgraad: waarde verlaagd van 80 % naar 75 %"),
        (
            Kind.CHANGED,
            False,
            "notitie 1 gewijzigd: De bron is een ontwerp{+,+} [-van-]{+goedgekeurd door+} de gemeenteraad.",
        ),
    ]
    md = _report("markdown")
    assert "4 wijzigingen: 3 inhoudelijke, 1 redactionele; Algemeen 1, Partijen 1, Streefcijfers 1, Notities 1." in md
    assert "- An Peeters vervangt Rob Mennes als burgemeester van Lokaal bestuur Voorbeeldegem (regel 15)" in md
    assert "ontwerp**,** ~~van~~**goedgekeurd door** de gemeenteraad. _(redactioneel)_" in md
    assert "rob-mennes" not in md and "an-peeters" not in md
    page = _report("html")
    assert "<del>van</del><ins>goedgekeurd door</ins>" in page


def test_references_follow_a_renamed_id_and_people_show_by_name() -> None:
    added = OLD.replace(
        "      signatories: [{person: rob-mennes}, {person: els-claes}]",
        "      signatories: [{person: rob-mennes}]",
    )
    md = _report("markdown", added, OLD)
    assert "ondertekenaar Els Claes (algemeen directeur, Lokaal bestuur Voorbeeldegem) toegevoegd" in md
    assert "bij handtekeningblok Lokaal bestuur Voorbeeldegem" in md
    rep = OLD.replace("      - {id: els-claes, name: Els Claes, function: algemeen directeur}\n", "")
    rep = rep.replace(", {person: els-claes}", "")
    md = _report("markdown", rep, OLD)
    assert "vertegenwoordiger Els Claes toegevoegd bij partij Lokaal bestuur Voorbeeldegem" in md


def test_a_move_within_a_list_and_to_another_list_is_one_move() -> None:
    two_bodies = OLD.replace(
        "    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}\n",
        "    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}\n"
        "    - {id: werkgroep, kind: working-group, name: Werkgroep}\n",
    )
    swapped = two_bodies.replace(
        "    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}\n"
        "    - {id: werkgroep, kind: working-group, name: Werkgroep}\n",
        "    - {id: werkgroep, kind: working-group, name: Werkgroep}\n"
        "    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}\n",
    )
    fd = compare(Side("a", two_bodies.encode()), Side("b", swapped.encode()))
    assert [(c.kind, c.substantive) for c in fd.changes] == [(Kind.MOVED, False)]
    # An action domain's action moved to another action domain: one move, its edit on top.
    old = {
        "themes": {
            "themes": [
                {
                    "id": "t",
                    "title": "Thema",
                    "action_domains": [
                        {"id": "a", "title": "Domein A", "actions": [{"id": "x", "text": "Actie X doen"}]},
                        {"id": "b", "title": "Domein B", "actions": []},
                    ],
                }
            ]
        }
    }
    new = copy.deepcopy(old)
    domains = new["themes"]["themes"][0]["action_domains"]
    domains[1]["actions"] = [{"id": "x", "text": "Actie X snel doen"}]
    domains[0]["actions"] = []
    changes = paired(old, new)
    assert [(c.kind, c.substantive) for c in changes] == [(Kind.MOVED, True), (Kind.CHANGED, True)]
    described = [Describer(old, new).describe(c).plain() for c in changes]
    assert described[0] == "actie Actie X snel doen verplaatst van actiedomein Domein A naar actiedomein Domein B"
    assert described[1] == "actie 1: tekst gewijzigd van “Actie X doen” naar “Actie X snel doen”"


def test_numbers_dates_and_unnamed_entries_in_dutch() -> None:
    fd = compare(Side("a", OLD.encode()), Side("b", OLD.replace("value: 80", "value: 80.5").encode()))
    (change,) = fd.changes
    assert Describer(fd.old_data, fd.new_data).describe(change).plain().endswith("verhoogd van 80 % naar 80,5 %")
    md = _report("markdown", OLD, OLD.replace("end: 2025-12-31", "end: 31-12-2026"))
    assert "einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in md
    md = _report("markdown", OLD, OLD.replace('  - "De bron', '  - "Tweede notitie."\n  - "De bron'))
    assert "- notitie “Tweede notitie.” toegevoegd _(redactioneel)_ (nieuwe regel 36)" in md
    assert "1 wijziging: 0 inhoudelijke, 1 redactionele" in md


def test_text_differing_only_in_unicode_form_or_spaces_is_no_change() -> None:
    nfc, nfd = "We ambiëren", "We ambie\u0308ren"
    assert nfc != nfd
    assert compare(Side("a", OLD.encode()), Side("b", OLD.replace(nfc, nfd).encode())).changes == ()
    spaced = OLD.replace("een werkzaamheidsgraad van 80%.", "een  werkzaamheidsgraad van 80%.   ")
    assert compare(Side("a", OLD.encode()), Side("b", spaced.encode())).changes == ()


def test_changed_words_are_marked_and_long_texts_shortened() -> None:
    long_old = " ".join(f"woord{i}" for i in range(60))
    long_new = long_old.replace("woord30", "ander30")
    pieces = words(long_old, long_new)
    shown = "".join(p.text for p in pieces)
    assert "woord30" in shown and "ander30" in shown
    assert "woord0 " not in shown and "woord59" not in shown and shown.count("…") == 2
    assert [p.op for p in pieces if p.op in "-+"] == ["-", "+"]


def test_both_versions_lines_and_summary_plurals() -> None:
    moved = OLD.replace("notes:\n", "# een regel erbij\n# en nog een\nnotes:\n").replace(
        "ontwerp van", "ontwerp vanwege"
    )
    fd = compare(Side("a", OLD.encode()), Side("b", moved.encode()))
    (change,) = fd.changes
    assert where(change) == f"regel {change.old_line} → {change.new_line}" and change.new_line == change.old_line + 2
    assert summary(list(fd.changes)) == "1 wijziging: 0 inhoudelijke, 1 redactionele; Notities 1"
    assert summary([]) == "0 wijzigingen: 0 inhoudelijke, 0 redactionele"


def test_json_carries_pairing_classes_and_both_lines_stably() -> None:
    first, second = _report("json"), _report("json")
    assert first == second
    (f,) = json.loads(first)["files"]
    kinds = [(c["kind"], c["class"]) for c in f["changes"]]
    assert kinds == [
        ("changed", "substantive"),
        ("replaced", "substantive"),
        ("changed", "substantive"),
        ("changed", "editorial"),
    ]
    replaced = f["changes"][1]
    assert (replaced["old"], replaced["new"], replaced["old_line"], replaced["new_line"]) == (
        "rob-mennes",
        "an-peeters",
        15,
        15,
    )
    assert replaced["description"].startswith("An Peeters vervangt Rob Mennes")


def test_markdown_links_each_line_when_the_web_address_is_known(tmp_path: Path, cli) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "remote", "add", "origin", "git@github.com:voorbeeld/overeenkomsten.git")
    (repo / "agreements" / "v.yaml").write_text(OLD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "a")
    (repo / "agreements" / "v.yaml").write_text(NEW, encoding="utf-8")
    git(repo, "commit", "-qam", "b")
    new_commit = git(repo, "rev-parse", "HEAD").strip()
    md = cli("diff", "HEAD~1", "HEAD", "-f", "markdown", cwd=repo, env=GIT_ENV).stdout
    url = f"https://github.com/voorbeeld/overeenkomsten/blob/{new_commit}/agreements/v.yaml#L15"
    assert f"[15](<{url}>)" in md
    # Configured, it wins over the remote; the working tree has no commit to link to.
    (repo / "samenwerk.toml").write_text('repository-url = "https://gitlab.example.be/groep/o"\n', encoding="utf-8")
    md = cli("diff", "HEAD~1", "HEAD", "-f", "markdown", cwd=repo, env=GIT_ENV).stdout
    assert "https://gitlab.example.be/groep/o/-/blob/" in md
    (repo / "agreements" / "v.yaml").write_text(OLD, encoding="utf-8")
    md = cli("diff", "-f", "markdown", cwd=repo, env=GIT_ENV).stdout
    assert "(regel [" in md and "→ 15)" in md


@pytest.mark.parametrize("path", sorted(AGREEMENTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_agreements_read_without_ids_indices_or_floats(path: Path) -> None:
    """Every kind of edit on each shipped agreement, reported in text and Markdown: no id where an entry has a
    name, no list index, no float where the agreement has a whole number."""
    doc = document.read(path)
    assert doc.agreement is not None
    old = doc.agreement.model_dump(mode="json", exclude_defaults=True)
    new = copy.deepcopy(old)
    new["duration"] = {**new.get("duration", {}), "end": "2027-12-31"}
    for party in new["parties"]:
        for rep in party.get("representatives", [])[:1]:
            rep["name"] = rep["name"] + " Junior"
    new["parties"].reverse()
    if new.get("targets"):
        new["targets"][0]["value"] = new["targets"][0]["value"] + 1
    if new.get("notes"):
        new["notes"][0] = new["notes"][0] + " Aangevuld."
    new.setdefault("notes", []).append("Een notitie erbij.")
    named = {e["id"] for e in _entries(old) if any(e.get(k) for k in ("name", "title", "indicator"))}
    text = Describer(old, new)
    lines = [text.describe(c).plain() for c in paired(old, new)]
    assert lines
    for line in lines:
        assert not re.search(r"\b\d+\.0\b", line), line
        assert not re.search(r"(^|: )\d+ (gewijzigd|toegevoegd|verwijderd)", line), line
        leaked = [i for i in named if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", line)]
        assert not leaked, (line, leaked)


def _entries(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        own = [data] if isinstance(data.get("id"), str) else []
        return own + [e for v in data.values() for e in _entries(v)]
    if isinstance(data, list):
        return [e for v in data for e in _entries(v)]
    return []


# --- what a first review found ----------------------------------------------------------------------------


def _changes(old: Any, new: Any) -> list[tuple[Kind, bool, str]]:
    words_for = Describer(old, new)
    return [(c.kind, c.substantive, words_for.describe(c).plain()) for c in paired(old, new)]


def _domains() -> dict[str, Any]:
    return {
        "themes": {
            "themes": [
                {
                    "id": "t",
                    "title": "Thema",
                    "action_domains": [
                        {"id": "a", "title": "Domein A", "actions": [{"id": "taal", "title": "Taal"}]},
                        {"id": "b", "title": "Domein B", "actions": [{"id": "opvang", "title": "Kinderopvang"}]},
                    ],
                }
            ]
        }
    }


def test_an_entry_moved_beside_a_rename_is_a_move_and_a_rename() -> None:
    old, new = _domains(), _domains()
    domains = new["themes"]["themes"][0]["action_domains"]
    domains[0]["actions"] = []
    domains[1]["actions"] = [{"id": "taal", "title": "Taal"}, {"id": "kinderopvang", "title": "Kinderopvang"}]
    assert _changes(old, new) == [
        (Kind.MOVED, True, "actie Taal verplaatst van actiedomein Domein A naar actiedomein Domein B"),
        (Kind.CHANGED, False, "actie Kinderopvang: sleutel (id) gewijzigd van ‘opvang’ naar ‘kinderopvang’"),
    ]


def test_a_period_whose_value_and_unit_change_is_one_change() -> None:
    old = {"obligations": [{"id": "o", "text": "Evaluatie", "every": {"value": 1, "unit": "years"}}]}
    new = copy.deepcopy(old)
    new["obligations"][0]["every"] = {"value": 6, "unit": "months"}
    assert _changes(old, new) == [
        (Kind.CHANGED, True, "verplichting Evaluatie: frequentie gewijzigd van 1 jaar naar 6 maanden")
    ]


def test_a_side_that_does_not_validate_is_compared_as_written() -> None:
    broken = OLD.replace("    value: 80\n", "    value: .nan\n")
    fd = compare(Side("a", OLD.encode()), Side("b", broken.encode()))
    assert fd.errors  # reported (exit 2 on the command line)
    assert [c.path for c in fd.changes] == [("targets", "werkzaamheidsgraad", "value")]


def test_enumerated_values_and_fields_read_in_dutch() -> None:
    new = OLD.replace("status: signed", "status: expired").replace("kind: steering-group", "kind: working-group")
    md = _report("markdown", OLD, new)
    assert "status gewijzigd van ondertekend naar verlopen" in md
    assert "soort gewijzigd van stuurgroep naar werkgroep" in md
    for english in ("signed", "expired", "steering-group", "working-group"):
        assert f" {english}" not in md.replace("`", " ").split("###", 1)[1]


def test_a_natural_key_in_another_unicode_form_is_the_same_entry() -> None:
    old = {
        "consultation": {
            "bodies": [
                {
                    "id": "s",
                    "kind": "steering-group",
                    "name": "S",
                    "members": [{"name": "Marleen Patteet", "function": "Coördinator"}],
                }
            ]
        }
    }
    new = copy.deepcopy(old)
    new["consultation"]["bodies"][0]["members"][0]["function"] = "Coo\u0308rdinator"
    assert _changes(old, new) == []


def test_a_member_or_signatory_in_the_same_place_and_role_is_replaced() -> None:
    old = {
        "parties": [
            {
                "id": "p",
                "name": "Lokaal bestuur P",
                "kind": "gemeente",
                "representatives": [
                    {"id": "rob", "name": "Rob Mennes", "function": "burgemeester"},
                    {"id": "an", "name": "An Peeters", "function": "schepen"},
                ],
            }
        ],
        "consultation": {
            "bodies": [
                {
                    "id": "s",
                    "kind": "steering-group",
                    "name": "Stuurgroep",
                    "members": [{"parties": ["p"], "name": "Marleen Patteet", "function": "coördinator"}],
                }
            ]
        },
        "signing": {"blocks": [{"party": "p", "signatories": [{"person": "rob"}]}]},
        "contact_points": {"contacts": [{"party": "p", "function": "de werkconsulent"}]},
    }
    new = copy.deepcopy(old)
    new["consultation"]["bodies"][0]["members"][0]["name"] = "Jan Janssens"
    new["signing"]["blocks"][0]["signatories"][0]["person"] = "an"
    new["contact_points"]["contacts"][0]["function"] = "de jobcoach"
    assert _changes(old, new) == [
        (Kind.REPLACED, True, "Jan Janssens vervangt Marleen Patteet als coördinator in overlegorgaan Stuurgroep"),
        (
            Kind.REPLACED,
            True,
            "ondertekenaar Rob Mennes (burgemeester, Lokaal bestuur P) vervangen door An Peeters (schepen, "
            "Lokaal bestuur P) bij handtekeningblok Lokaal bestuur P",
        ),
        (
            Kind.CHANGED,
            True,
            "aanspreekpunt Lokaal bestuur P: functie gewijzigd van “de werkconsulent” naar “de jobcoach”",
        ),
    ]


def test_the_redline_escapes_once() -> None:
    new = OLD.replace("We ambiëren een werkzaamheidsgraad van 80%.", "We ambiëren een werkzaamheidsgraad van <80%.")
    page = _report("html", OLD, new)
    assert "<ins>&lt;</ins>" in page or "<ins>&lt;80%." in page
    assert "&amp;lt;" not in page


def test_a_renamed_id_shows_both_ids_and_its_line() -> None:
    renamed = OLD.replace("id: voorbeeldegem", "id: lb-voorbeeldegem").replace(
        "party: voorbeeldegem", "party: lb-voorbeeldegem"
    )
    fd = compare(Side("a", OLD.encode()), Side("b", renamed.encode()))
    (change,) = fd.changes
    text = Describer(fd.old_data, fd.new_data).describe(change).plain()
    assert (
        text
        == "partij Lokaal bestuur Voorbeeldegem: sleutel (id) gewijzigd van ‘voorbeeldegem’ naar ‘lb-voorbeeldegem’"
    )
    assert (change.old_line, change.new_line, change.substantive) == (11, 11, False)


def test_numbers_in_json_are_whole_where_the_agreement_has_whole_numbers() -> None:
    (f,) = json.loads(_report("json"))["files"]
    target = next(c for c in f["changes"] if c["path"][0] == "targets")
    assert (target["old"], target["new"]) == (80, 75)
    assert isinstance(target["old"], int)


def test_two_folders_are_compared_file_by_file(tmp_path: Path, cli) -> None:
    for side, text in (("a", OLD), ("b", NEW)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "v.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "extra.yaml").write_text(OLD.replace("voorbeeld-2024-2025", "extra"), encoding="utf-8")
    result = cli("diff", str(tmp_path / "a"), str(tmp_path / "b"), "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [(Path(f["new"]).name, f["status"]) for f in files] == [("extra.yaml", "added"), ("v.yaml", "modified")]
    assert len(files[1]["changes"]) == 4


def test_an_entry_named_by_the_field_that_changed_goes_by_its_number() -> None:
    old = {"obligations": [{"id": "o", "text": "Het actieplan wordt jaarlijks geëvalueerd."}]}
    new = {"obligations": [{"id": "o", "text": "Het actieplan wordt halfjaarlijks geëvalueerd."}]}
    ((_, _, text),) = _changes(old, new)
    assert text.startswith("verplichting 1: tekst gewijzigd: ")


def test_nothing_left_reads_the_same_in_text_and_markdown() -> None:
    notes_only = OLD.replace("een ontwerp van de gemeenteraad", "een ontwerp, goedgekeurd door de gemeenteraad")
    import io

    fd = compare(Side("a", OLD.encode()), Side("b", notes_only.encode()))
    from samenwerk.diff import shown

    for fmt in ("text", "markdown"):
        out = io.StringIO()
        FORMATS.writer(fmt)(shown([fd], substantive_only=True), out, Options())
        assert "Geen wijzigingen." in out.getvalue()


def _history_pairs() -> list[tuple[str, str]]:
    import subprocess

    from tests.conftest import ROOT

    done = subprocess.run(
        ["git", "log", "--format=%H", "-n", "16", "--", "agreements/"], cwd=ROOT, capture_output=True, text=True
    )
    commits = done.stdout.split() if done.returncode == 0 else []
    return list(zip(commits[1:], commits[:-1]))


_ENGLISH_VALUES = re.compile(
    r"\b(signed|expired|terminated|superseded|steering-group|working-group|on-signing|unanimous)\b"
)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_shipped_agreements_git_history_reads_in_the_agreements_terms(cli, fmt: str) -> None:
    """Every change to agreements/ in this repository's own history (the last 15), as a reviewer reads it:
    no float, no list index, no id where the entry has a name, no English value of an enumeration."""
    from tests.conftest import ROOT

    pairs = _history_pairs()
    if not pairs:
        pytest.skip("this checkout has no history of agreements/ (a shallow clone)")
    named: set[str] = set()
    for path in AGREEMENTS.glob("*.yaml"):
        agreement = document.read(path).agreement
        if agreement is not None:
            data = agreement.model_dump(mode="json", exclude_defaults=True)
            named |= {e["id"] for e in _entries(data) if any(e.get(k) for k in ("name", "title", "indicator"))}
    named = {i for i in named if "-" in i}  # a one-word id ('stuurgroep', 'vdab') is also a word of the text
    checked = 0
    for old, new in pairs:
        result = cli("diff", old, new, "-f", fmt, "--", "agreements/", cwd=ROOT)
        assert result.returncode in (0, 2), result.stderr
        for line in result.stdout.splitlines():
            if not line.startswith(("  ", "- ")) or "sleutel (id)" in line:
                continue  # headers name files (whose names hold ids); a renamed id is shown as what it is
            checked += 1
            assert not re.search(r"\b\d+\.0\b", line), line
            assert not re.search(r"(^|: |  . )\d+ (gewijzigd|toegevoegd|verwijderd)", line), line
            assert not _ENGLISH_VALUES.search(line.split("[", 1)[0]), line
            leaked = [i for i in named if re.search(rf"(?<![\w./:-]){re.escape(i)}(?![\w-])", line)]
            assert not leaked, (line, leaked)
    assert checked > 0
