from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from samenwerk.document.yaml import decode, parse
from samenwerk.schema import render_schema

from .conftest import AGREEMENTS, FIXTURES, ROOT

SCHEMA_FILE = ROOT / "schemas" / "agreement.schema.json"


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), "run 'make schema' and commit the result"


def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _data(path: Path) -> object:
    text, err = decode(path.read_bytes())
    assert err is None and text is not None
    loaded = parse(text)
    assert loaded.error is None
    return loaded.data


@pytest.mark.parametrize(
    "path",
    sorted(AGREEMENTS.glob("*.yaml")) + sorted((FIXTURES / "lint" / "positive").glob("*.yaml")),
    ids=lambda p: p.stem,
)
def test_schema_accepts_what_samenwerk_accepts(path: Path) -> None:
    errors = list(_validator().iter_errors(_data(path)))
    assert errors == []


@pytest.mark.parametrize("name", ["unknown-key", "missing-key", "bad-enum", "bad-date", "type-error"])
def test_schema_rejects_schema_level_mistakes(name: str) -> None:
    errors = list(_validator().iter_errors(_data(FIXTURES / "lint" / "negative" / f"{name}.yaml")))
    assert errors


def test_schema_has_descriptions_for_editors() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    party = schema["$defs"]["Party"]["properties"]
    assert "description" in party["representatives"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
