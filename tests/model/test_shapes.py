"""Every shape of a real agreement the model holds (issue: amendments, terms, approvals, signing, parties),
each as a small fictional agreement: clean where it is right, the expected line:col where it is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samenwerk import facts
from samenwerk.lint import lint_file
from samenwerk.render import render_text

HEAD = """\
id: vb
title: Partnerschapsovereenkomst Voorbeeldegem en VDAB
kind: partnerschapsovereenkomst
parties:
  - id: vdab
    name: VDAB
    kind: vdab
    representatives: [{id: rd, name: Dirk Voorbeeld, function: regiodirecteur}]
  - id: vb
    name: Lokaal bestuur Voorbeeldegem
    kind: lokaal-bestuur
    representatives:
      - {id: bg, name: Bea Voorbeeld, function: burgemeester}
      - {id: ad, name: Ward Voorbeeld, function: algemeen directeur}
"""


def _lint(tmp_path: Path, text: str) -> tuple[list[str], object]:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    result = lint_file(path)
    errors = [f"{d.line}:{d.col} {d.rule}" for d in result.diagnostics if d.level == "error"]
    return errors, result.agreement


def test_a_term_as_a_period_from_the_signing(tmp_path: Path) -> None:
    text = HEAD + "duration: {start: on-signing, term: {value: 5, unit: years}}\n"
    errors, unsigned = _lint(tmp_path, text)
    assert errors == []
    assert facts.end(unsigned) is None  # not signed yet: the end is not known
    assert "vanaf de datum van ondertekening, voor een periode van 5 jaar" in render_text(unsigned, "md")
    errors, signed = _lint(tmp_path, text + "signing: {date: 15-03-2021}\n")
    assert errors == [] and facts.end(signed) == dt.date(2026, 3, 14)
    assert "voor een periode van 5 jaar (tot en met 14 maart 2026)" in render_text(signed, "md")


def test_a_start_on_approval_and_tacit_renewal(tmp_path: Path) -> None:
    text = HEAD + (
        "approvals:\n  - {id: gr, party: vb, body: gemeenteraad, date: 20-01-2022, outcome: approved}\n"
        "duration:\n  start: on-approval\n  term: {value: 1, unit: years}\n"
        "  renewal: {tacit: true, period: {value: 1, unit: years}}\n"
    )
    errors, agreement = _lint(tmp_path, text)
    assert errors == []
    assert facts.start(agreement) == dt.date(2022, 1, 20) and facts.end(agreement) == dt.date(2023, 1, 19)
    assert "daarna stilzwijgend verlengd telkens met 1 jaar" in render_text(agreement, "md")


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ("{id: ap, title: Actieplan 2020-2022, start: 01-01-2020, end: 31-12-2022}", []),
        ("{id: ap, title: Actieplan 2024-2026, start: 01-01-2024, end: 31-12-2026}", ["17:66 follow-up-after-end"]),
        ("{id: ap, title: Actieplan 2019, start: 01-01-2019, end: 31-12-2019}", ["17:44 follow-up-after-end"]),
    ],
)
def test_an_action_plan_with_its_own_period_lies_within_the_term(tmp_path: Path, plan: str, expected: list) -> None:
    text = HEAD + f"duration: {{start: 01-01-2020, end: 31-12-2025}}\naction_plans:\n  - {plan}\n"
    assert _lint(tmp_path, text)[0] == expected


def test_approvals_without_a_date_with_the_reason_and_attendance(tmp_path: Path) -> None:
    ok = HEAD + (
        "approvals:\n  - id: gr\n    party: vb\n    body: raad voor maatschappelijk welzijn\n"
        "    date_unknown: de bron vermeldt de datum van de beslissing niet\n    outcome: approved\n"
        "    present: [{name: Bea Voorbeeld, function: voorzitter}]\n    excused: [{name: Jan Voorbeeld}]\n"
        "    absent: [{name: Piet Voorbeeld}]\n"
    )
    assert _lint(tmp_path, ok)[0] == []
    silent = HEAD + "approvals:\n  - {id: gr, party: vb, body: gemeenteraad}\n"
    assert _lint(tmp_path, silent)[0] == ["16:5 schema"]


def test_an_association_with_members_linked_to_their_parties_and_a_managing_municipality(tmp_path: Path) -> None:
    association = """\
  - id: cluster
    name: Cluster Voorbeeldegem-Leerdorp
    kind: interlokale-vereniging
    legal_personality: false
    managing_party: vb
    members:
      - {name: Gemeente Voorbeeldegem, party: vb}
      - Gemeente Leerdorp
"""
    errors, agreement = _lint(tmp_path, HEAD + association)
    assert errors == []
    assert "met als leden Gemeente Voorbeeldegem en Gemeente Leerdorp" in render_text(agreement, "md")
    wrong = association.replace("party: vb}", "party: vbb}").replace("managing_party: vb", "managing_party: vdb")
    assert _lint(tmp_path, HEAD + wrong)[0] == ["19:21 references", "21:47 references"]


def test_an_amendment_names_only_what_it_changes(tmp_path: Path) -> None:
    text = (
        "id: vb-addendum\ntitle: Addendum\nkind: addendum\namends: vb\neffective: 01-01-2023\n"
        "changes:\n  duration: {end: 31-12-2026}\n"
    )
    assert _lint(tmp_path, text)[0] == []
    assert _lint(tmp_path, HEAD + "changes: {title: Y}\n")[0] == ["15:10 schema"]  # changes belong to an amendment


def test_list_fields_default_to_a_new_empty_list_each() -> None:
    # List defaults come from a factory (not a deep copy of one shared list): each model has its own, and the
    # published schema still says the default is an empty list.
    from samenwerk.model import Party
    from samenwerk.schema import json_schema

    a, b = Party(id="a", name="A", kind="andere"), Party(id="b", name="B", kind="andere")
    assert a.representatives == [] and a.representatives is not b.representatives
    assert json_schema()["$defs"]["Party"]["properties"]["representatives"]["default"] == []
    assert "representatives" not in a.model_dump(exclude_defaults=True)
