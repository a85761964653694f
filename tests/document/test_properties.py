"""Property-based tests (hypothesis): generated agreements and mutated bytes never crash anything."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from samenwerk.deadlines import compute, parse_within
from samenwerk.diff import Side, compare
from samenwerk.document.validate import validate
from samenwerk.document.yaml import parse
from samenwerk.lint import lint_file, load_resolved
from samenwerk.neutral import markdown_document
from samenwerk.render import render_text

from ..conftest import AGREEMENTS, ROOT

SCHEMA = Draft202012Validator(json.loads((ROOT / "schemas" / "agreement.schema.json").read_text(encoding="utf-8")))
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda s: s.strip() == s and s
)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
KINDS = st.sampled_from(["vdab", "gemeente", "ocmw", "lokaal-bestuur", "projectvereniging", "sociale-partner"])


_YAML12_SCALAR = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


class _Yaml12Dumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1: a text such as '0E0' goes out unquoted, and a YAML 1.2 reader (samenwerk's)
    reads it back as a number. This dumper quotes every text that YAML 1.2 would read as something else."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _YAML12_SCALAR.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Yaml12Dumper.add_representer(str, _text)


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Yaml12Dumper, allow_unicode=True, sort_keys=False)


def _date_text(day: dt.date, flemish: bool) -> str:
    return day.strftime("%d-%m-%Y") if flemish else day.isoformat()


@st.composite
def agreements(draw: st.DrawFn) -> dict:
    party_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    parties = []
    for pid in party_ids:
        people = draw(st.lists(IDS, max_size=3, unique=True))
        parties.append(
            {
                "id": pid,
                "name": draw(TEXT),
                "kind": draw(KINDS),
                "representatives": [{"id": p, "name": draw(TEXT), "function": draw(TEXT)} for p in people],
            }
        )
    start, end = sorted(draw(st.lists(DATES, min_size=2, max_size=2)))
    data = {
        "id": draw(IDS),
        "title": draw(TEXT),
        "kind": draw(st.sampled_from(["samenwerkingsovereenkomst", "pact", "engagementsverklaring"])),
        "status": draw(st.sampled_from(["draft", "signed", "active"])),
        "parties": parties,
        "duration": {"start": _date_text(start, draw(st.booleans())), "end": _date_text(end, draw(st.booleans()))},
        "consultation": {
            "bodies": [
                {
                    "id": "stuurgroep",
                    "kind": "steering-group",
                    "name": draw(TEXT),
                    "min_meetings_per_year": draw(st.integers(1, 12)),
                    "members": [{"parties": party_ids}],
                }
            ]
        },
        "signing": {
            "blocks": [
                {"party": p["id"], "signatories": [{"person": r["id"]} for r in p["representatives"]]} for p in parties
            ]
        },
    }
    return data


def _mangle(draw: st.DrawFn, data: dict) -> dict:
    """Sometimes break the document the way people do: a typo in a key, a wrong type, a missing key."""
    how = draw(st.sampled_from(["none", "typo", "type", "missing", "enum"]))
    data = json.loads(json.dumps(data))
    if how == "typo":
        data["titel"] = data.pop("title")
    elif how == "type":
        data["consultation"]["bodies"][0]["min_meetings_per_year"] = "twee"
    elif how == "missing":
        del data["parties"][0]["kind"]
    elif how == "enum":
        data["kind"] = "overeenkomst"
    return data


@st.composite
def documents(draw: st.DrawFn) -> dict:
    return _mangle(draw, draw(agreements()))


COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(documents())
def test_loader_model_and_json_schema_agree(data: dict) -> None:
    text = dump(data)
    loaded = parse(text)
    assert loaded.error is None
    agreement, findings = validate(loaded.data)
    schema_ok = not list(SCHEMA.iter_errors(loaded.data))
    assert (agreement is not None) == schema_ok, findings
    if agreement is not None:
        assert agreement.title == data["title"]
        assert [p.id for p in agreement.parties] == [p["id"] for p in data["parties"]]


@COMMON
@given(agreements())
def test_diff_of_an_agreement_with_itself_is_empty(data: dict) -> None:
    raw = dump(data).encode()
    assert compare(Side("a", raw), Side("b", raw)).changes == ()
    # The same agreement written in another key order and date notation is still no change.
    other = dict(reversed(list(data.items())))
    assert compare(Side("a", raw), Side("b", dump(other).encode())).changes == ()


@COMMON
@given(agreements())
def test_render_never_fails_on_a_valid_agreement(data: dict) -> None:
    agreement, findings = validate(parse(dump(data)).data)
    assert agreement is not None, findings
    md = render_text(agreement, "md")
    html = render_text(agreement, "html")
    # A Markdown document shows text neutralised (raw HTML as entities, mentions in code), which renders as written.
    assert markdown_document(agreement.parties[0].name) in md
    assert "<script" not in html.lower()


SEEDS = [AGREEMENTS / "perspectief-middenkust-vdab-2023-2025.yaml", AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.sampled_from(["flip", "insert", "delete"]), st.integers(0, 10_000), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_random_byte_mutations_never_crash_any_command(seed: Path, mutations: list[tuple[str, int, int]]) -> None:
    original = seed.read_bytes()
    raw = bytearray(original)
    for op, pos, byte in mutations:
        pos %= max(len(raw), 1)
        if op == "flip":
            raw[pos] = byte
        elif op == "insert":
            raw.insert(pos, byte)
        elif raw:
            del raw[pos]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutated.yaml"
        path.write_bytes(bytes(raw))
        result = lint_file(path)
        for d in result.diagnostics:
            assert d.line >= 1 and d.col >= 1 and d.message
        fd = compare(Side("old", original), Side("new", bytes(raw)))
        assert fd.status == "modified"
        if result.agreement is not None:
            compute(result.agreement, dt.date(2025, 6, 1), parse_within("90d"))
        resolved, _ = load_resolved(path)  # render goes no further than a file whose references resolve
        if resolved is not None:
            render_text(resolved, "md")
            render_text(resolved, "html")


def test_the_dumper_writes_yaml_1_2_texts_that_read_back_as_texts() -> None:
    """'0E0' is a number in YAML 1.2 but not in PyYAML's 1.1: hypothesis found it as a party's name."""
    for text in ("0E0", "1e3", ".inf", "0o17", "Null", "TRUE", "12", "-1.5", "gewoon tekst"):
        assert parse(dump({"name": text})).data == {"name": text}
