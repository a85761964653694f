"""Limits in the model: dates within 1900-2200, bounded periods and targets, no number too long to read.

Each limit is a finding at the value's line and column, never a crash; the JSON Schema carries the same bounds,
and the date arithmetic stays within the calendar at the edges of what is allowed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from samenwerk import document
from samenwerk.document.yaml import decode, parse

from ..conftest import FIXTURES, ROOT

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"
SCHEMA = json.loads((ROOT / "schemas" / "agreement.schema.json").read_text(encoding="utf-8"))
HEAD = "id: a\ntitle: T\nkind: pact\nparties: [{id: vdab, name: VDAB, kind: vdab}]\n"


def _found(text: str) -> list[tuple[int, int, str, str]]:
    doc = document.from_bytes(text.encode("utf-8"), "x.yaml")
    return [(d.line, d.col, d.rule, d.message) for d in doc.diagnostics()]


def _schema_errors(text: str) -> list[str]:
    decoded, error = decode(text.encode("utf-8"))
    assert error is None and decoded is not None
    loaded = parse(decoded)
    assert loaded.error is None
    return [e.message for e in Draft202012Validator(SCHEMA).iter_errors(loaded.data)]


# --- dates: years 1900 to 2200 -----------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["01-01-1900", "1900-01-01", "31-12-2200", "2200-12-31"])
def test_dates_at_the_bounds_are_accepted(day: str) -> None:
    text = HEAD + f"duration:\n  end: {day}\n"
    assert _found(text) == []
    assert _schema_errors(text) == []


@pytest.mark.parametrize("day", ["31-12-1899", "1899-12-31", "01-01-2201", "2201-01-01", "01-01-0000", "9999-12-31"])
def test_dates_out_of_bounds_are_refused_at_their_line(day: str) -> None:
    text = HEAD + f"duration:\n  start: 01-01-2020\n  end: {day}\n"
    ((line, col, rule, message),) = _found(text)
    assert (line, col, rule) == (7, 8, "schema")
    assert message == f"'{day}' is out of range: the year must lie between 1900 and 2200"
    assert _schema_errors(text)


def test_a_tagged_timestamp_is_bounded_too() -> None:
    ((line, col, _, message),) = _found(HEAD + "signing:\n  date: !!timestamp 1850-06-01\n")
    assert (line, col) == (6, 9) and "between 1900 and 2200" in message


# --- periods: at most 100 years in any unit ------------------------------------------------------------------

LARGEST = {"days": 36_500, "weeks": 5_200, "months": 1_200, "years": 100}


def _notice(value: int | str, unit: str) -> str:
    return (
        HEAD
        + f"duration:\n  end: 31-12-2025\n  termination:\n    allowed: true\n    notice:\n      value: {value}\n      unit: {unit}\n"
    )


@pytest.mark.parametrize("unit", sorted(LARGEST))
def test_the_largest_period_is_accepted(unit: str) -> None:
    text = _notice(LARGEST[unit], unit)
    assert _found(text) == []
    assert _schema_errors(text) == []


@pytest.mark.parametrize("unit", sorted(LARGEST))
def test_a_longer_period_is_refused_at_its_value(unit: str) -> None:
    text = _notice(LARGEST[unit] + 1, unit)
    ((line, col, rule, message),) = _found(text)
    assert (line, col, rule) == (10, 14, "schema")
    assert message.startswith(f"{LARGEST[unit] + 1}")
    assert message == f"{LARGEST[unit] + 1} {unit} is too long: at most {LARGEST[unit]} {unit}" + (
        "" if unit == "years" else " (100 years)"
    )
    assert _schema_errors(text)


def test_a_period_of_zero_is_refused() -> None:
    ((line, col, _, message),) = _found(_notice(0, "months"))
    assert (line, col) == (10, 14)
    assert message == "0 is too small: the smallest allowed is 1"


def test_a_period_in_a_flow_mapping_is_placed_at_its_value() -> None:
    text = HEAD + "obligations:\n  - {id: eval, text: Evaluatie, every: {value: 101, unit: years}}\n"
    ((line, col, _, message),) = _found(text)
    assert (line, col) == (6, 48)
    assert message == "101 years is too long: at most 100 years"


# --- targets -----------------------------------------------------------------------------------------------


def _target(value: str, unit: str) -> str:
    return (
        HEAD
        + f"targets:\n  - id: t\n    text: T\n    indicator: werkzaamheidsgraad\n    value: {value}\n    unit: {unit}\n"
    )


@pytest.mark.parametrize(("value", "unit"), [("0", '"%"'), ("100", '"%"'), ("80.5", '"%"'), ("100000000", "personen")])
def test_targets_within_bounds(value: str, unit: str) -> None:
    text = _target(value, unit)
    assert _found(text) == []
    assert _schema_errors(text) == []


@pytest.mark.parametrize(
    ("value", "unit", "message"),
    [
        ("100.5", '"%"', "100.5% is too large: at most 100%"),
        ("800", '"%"', "800% is too large: at most 100%"),
        ("100000001", "personen", "100,000,001 personen is too large: at most 100,000,000 personen"),
        ("-1", "personen", "-1 is too small: the smallest allowed is 0"),
        (".inf", "personen", "inf is not a finite number"),
        (".nan", '"%"', "nan is not a finite number"),
        ("1" + "0" * 400, "personen", "the number is too large"),
    ],
)
def test_targets_out_of_bounds(value: str, unit: str, message: str) -> None:
    ((line, col, rule, said),) = _found(_target(value, unit))
    assert (line, col, rule) == (9, 12, "schema")
    assert said.startswith(message)


def test_the_schema_bounds_targets_by_unit() -> None:
    assert _schema_errors(_target("101", '"%"'))
    assert _schema_errors(_target("100000001", "personen"))
    assert _schema_errors(_target("-1", "personen"))


# --- numbers too long to read ------------------------------------------------------------------------------


def test_an_int_of_4301_digits_is_a_finding_at_its_place() -> None:
    ((line, col, rule, message),) = _found(_notice("9" * 4301, "days"))
    assert (line, col, rule) == (10, 14, "syntax")
    assert message.startswith("a number of more than 4,300 digits is refused")


def test_an_int_of_4300_digits_is_read_and_refused_by_the_model() -> None:
    ((line, col, rule, message),) = _found(_notice("9" * 4300, "days"))
    assert (line, col, rule) == (10, 14, "schema")
    assert message.startswith("999999… (a number of 4300 digits) days is too long") and len(message) < 100


def test_a_huge_hexadecimal_int_is_refused_too() -> None:
    ((line, col, rule, _),) = _found(HEAD + "region: 0x" + "f" * 4000 + "\n")
    assert (line, col, rule) == (5, 9, "syntax")


def test_lint_reports_a_4301_digit_int_and_goes_on(cli, tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text(_notice("9" * 4301, "months"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    tagged = tmp_path / "tagged.yaml"
    tagged.write_text(HEAD + "region: !!int abc\n", encoding="utf-8")
    result = cli("lint", "--no-cache", "-f", "json", str(huge), str(good), str(tagged))
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr and "internal" not in result.stdout
    report = json.loads(result.stdout)
    assert sorted(f["path"] for f in report["files"]) == sorted(map(str, (huge, good, tagged)))
    places = {(d["path"], d["line"], d["col"], d["rule"]) for d in report["diagnostics"]}
    assert (str(huge), 10, 14, "syntax") in places
    assert (str(tagged), 5, 9, "syntax") in places
    assert not [d for d in report["diagnostics"] if d["path"] == str(good)]


# --- date arithmetic at the edges ----------------------------------------------------------------------------


def _far(unit: str) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    largest = LARGEST[unit]
    return text.replace(
        "  start: 1-1-2020\n  end: 2025-12-31\n",
        "  start: 01-01-1900\n  end: 31-12-2200\n  termination:\n    allowed: true\n"
        f"    notice: {{value: {largest}, unit: {unit}}}\n"
        f"  follow_ups:\n    - {{id: plan, text: Actieplan, after_signing: {{value: {largest}, unit: {unit}}}}}\n",
    ).replace(
        "signing:\n",
        f"obligations:\n  - {{id: eval, text: Evaluatie, every: {{value: {largest}, unit: {unit}}}}}\n"
        "signing:\n  date: 31-12-2200\n",
    )


@pytest.mark.parametrize("unit", sorted(LARGEST))
@pytest.mark.parametrize("fmt", ["table", "json", "ics"])
def test_expiring_at_the_last_allowed_date_does_not_crash(cli, tmp_path: Path, unit: str, fmt: str) -> None:
    path = tmp_path / "far.yaml"
    path.write_text(_far(unit), encoding="utf-8")
    assert document.read(path).agreement is not None
    for as_of in ("1900-01-01", "2200-12-31"):
        result = cli("expiring", "-f", fmt, "--as-of", as_of, "--within", "1y", str(path))
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
