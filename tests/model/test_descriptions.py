"""Every field of the schema is described, in Dutch with an English line, as editors show it while typing.

The descriptions are the docstrings of the fields, models and enumerations in src/samenwerk/model/agreement.py
(Pydantic's ``use_attribute_docstrings``). Each property of each model in the generated JSON Schema, each entry
of ``$defs`` and the schema itself has one, in this form::

    Dutch: what it is, in the agreement's own words ('tot en met'); one or more lines.
    EN: the same in English; one or more lines.
    Voorbeeld: a value as it is written in YAML; one line, last, where the form is not obvious.

Dutch comes first, as an agreement's content is Dutch. "EN: " starts the English line, so the English stands
out in a tooltip whether the editor keeps the line breaks or joins the lines into one paragraph; "Voorbeeld: "
likewise. An example is required for a date, an id or a list of ids (a reference) and a period, and every
example must be valid for its field: it is loaded as samenwerk loads YAML and checked against the schema.

The types' own descriptions (in ``model/types.py``, English: how an id or a date is written) stay on the types,
inside ``anyOf`` and ``items``; a field's docstring takes their place on the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from samenwerk.document.validate import validate
from samenwerk.document.yaml import parse
from samenwerk.model.types import DATE_PATTERN, ID_PATTERN
from samenwerk.schema import render_schema

EN = "EN: "
EXAMPLE = "Voorbeeld: "

SCHEMA: dict[str, Any] = json.loads(render_schema())
DEFS: dict[str, Any] = SCHEMA["$defs"]


def properties() -> Iterator[tuple[str, dict[str, Any]]]:
    """Each property of each model, as 'Model.field' and its schema; the top level is 'Agreement'."""
    for name, schema in [("Agreement", SCHEMA), *DEFS.items()]:
        for field, prop in schema.get("properties", {}).items():
            yield f"{name}.{field}", prop


def described() -> Iterator[tuple[str, str]]:
    """Every description the form applies to: the schema's, each definition's and each property's."""
    yield "Agreement", SCHEMA.get("description", "")
    for name, schema in DEFS.items():
        yield name, schema.get("description", "")
    for name, prop in properties():
        yield name, prop.get("description", "")


def parts(description: str) -> tuple[str, str, str | None]:
    """The Dutch, the English and the example of a description; ValueError saying what is wrong with its form."""
    lines = description.split("\n")
    english = [i for i, line in enumerate(lines) if line.startswith(EN)]
    examples = [i for i, line in enumerate(lines) if line.startswith(EXAMPLE)]
    if len(english) != 1:
        raise ValueError(f"needs one line starting with {EN!r}, has {len(english)}")
    if len(examples) > 1 or (examples and examples[0] != len(lines) - 1):
        raise ValueError(f"the example is one line starting with {EXAMPLE!r}, the last")
    first, last = english[0], examples[0] if examples else len(lines)
    dutch = " ".join(lines[:first]).strip()
    text = " ".join(lines[first:last])[len(EN) :].strip()
    example = lines[examples[0]][len(EXAMPLE) :].strip() if examples else None
    if not dutch:
        raise ValueError("starts with the Dutch, before the 'EN: ' line")
    if not text:
        raise ValueError("the 'EN: ' line is empty")
    if example == "":
        raise ValueError("the 'Voorbeeld: ' line is empty")
    if dutch == text:
        raise ValueError("the Dutch and the English are the same text")
    return dutch, text, example


def _kinds(prop: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The schema of a property and of what it may hold: the members of ``anyOf`` and the items of a list."""
    yield prop
    for member in prop.get("anyOf", []):
        yield from _kinds(member)
    if "items" in prop:
        yield from _kinds(prop["items"])


def needs_example(prop: dict[str, Any]) -> str | None:
    """Why a property's form is not obvious, if it is not: it holds a date, an id or a period."""
    for kind in _kinds(prop):
        if kind.get("pattern") == DATE_PATTERN:
            return "a date"
        if kind.get("pattern") == ID_PATTERN:
            return "an id"
        if kind.get("$ref") == "#/$defs/Period":
            return "a period"
    return None


# --- the tests ----------------------------------------------------------------------------------------


def test_the_schema_has_properties_to_check() -> None:
    assert len(list(properties())) > 200
    assert {"Agreement.title", "Duration.end", "Party.id", "Period.unit", "Signatory.person"} <= dict(
        properties()
    ).keys()


def test_every_property_has_a_description() -> None:
    missing = [name for name, prop in properties() if not prop.get("description", "").strip()]
    assert not missing, (
        f"{len(missing)} fields have no description; give each a docstring in src/samenwerk/model/agreement.py "
        f"(Dutch, then 'EN: ' and the English, then 'Voorbeeld: ' where the form is not obvious): {missing}"
    )


def test_every_model_and_enumeration_has_a_description() -> None:
    missing = [name for name, schema in [("Agreement", SCHEMA), *DEFS.items()] if not schema.get("description")]
    assert not missing, f"give these classes a docstring (Dutch, then 'EN: ' and the English): {missing}"


def test_descriptions_are_dutch_then_english() -> None:
    wrong = []
    for name, description in described():
        if not description:
            continue  # reported by the tests above
        try:
            parts(description)
        except ValueError as exc:
            wrong.append(f"{name}: {exc}: {description!r}")
    assert not wrong, "\n".join(wrong)


def test_dates_ids_and_periods_have_an_example() -> None:
    missing = [
        f"{name} ({why})"
        for name, prop in properties()
        if (why := needs_example(prop)) and prop.get("description") and parts(prop["description"])[2] is None
    ]
    assert not missing, f"these fields need a 'Voorbeeld: ' line, as their form is not obvious: {missing}"


@pytest.mark.parametrize(
    ("name", "example"),
    [
        (name, example)
        for name, prop in properties()
        if prop.get("description") and (example := parts(prop["description"])[2]) is not None
    ],
)
def test_every_example_is_valid_for_its_field(name: str, example: str) -> None:
    """An example is YAML as a file holds it: loaded as samenwerk loads it and checked against the field's
    schema, so that what the tooltip shows can be typed as it stands."""
    loaded = parse(example)
    assert loaded.error is None, f"{name}: the example is not YAML: {loaded.error.message}"
    prop = dict(properties())[name]
    errors = list(Draft202012Validator({"$defs": DEFS, **prop}).iter_errors(loaded.data))
    assert not errors, f"{name}: {example!r} is not a valid value: {[e.message for e in errors]}"


def test_the_form_of_a_description() -> None:
    assert parts("Einddatum, inbegrepen ('tot en met').\nEN: End date, inclusive.\nVoorbeeld: 31-12-2025") == (
        "Einddatum, inbegrepen ('tot en met').",
        "End date, inclusive.",
        "31-12-2025",
    )
    assert parts("Lange tekst\nover twee regels.\nEN: Long text\nover two lines.")[:2] == (
        "Lange tekst over twee regels.",
        "Long text over two lines.",
    )
    for wrong in [
        "Only English.",
        "EN: English first.",
        "Nederlands.\nEN: English.\nEN: Twice.",
        "Nederlands.\nVoorbeeld: 1\nEN: English after the example.",
        "Nederlands.\nEN: English.\nVoorbeeld: ",
        "Same.\nEN: Same.",
    ]:
        with pytest.raises(ValueError):
            parts(wrong)


def test_a_value_of_the_wrong_form_is_reported_with_its_form_not_the_fields_description() -> None:
    """A field's description says what it means, in two languages; a message about a malformed value says how
    the type is written, in the one line a message has."""
    data = {
        "id": "a",
        "title": "T",
        "kind": "pact",
        "parties": [{"id": "Stad_Gent", "name": "Stad Gent", "kind": "gemeente", "nis_code": "4402"}],
        "themes": {"themes": [{"id": "t", "title": "T", "commitments": [{"id": "c", "text": "x", "lead": "VDAB"}]}]},
    }
    agreement, findings = validate(data)
    assert agreement is None
    messages = {".".join(str(part) for part in f.loc): f.message for f in findings}
    ids = "An identifier: lower-case letters, digits and hyphens, such as 'vdab' or 'stad-gent'."
    assert messages["parties.0.id"] == f"'Stad_Gent' does not have the expected form: {ids}"
    assert messages["themes.themes.0.commitments.0.lead"] == f"'VDAB' does not have the expected form: {ids}"
    assert messages["parties.0.nis_code"].endswith("five digits, such as 44021 for Gent.")
    assert all("\n" not in message and EN not in message for message in messages.values())
