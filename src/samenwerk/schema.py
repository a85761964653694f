"""The JSON Schema (draft 2020-12) of the agreement model, for editors and for check-jsonschema."""

from __future__ import annotations

import json
from typing import Any

from .model import Agreement

SCHEMA_ID = "https://samenwerk.invalid/schemas/agreement.schema.json"


def json_schema() -> dict[str, Any]:
    schema = Agreement.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def render_schema() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
