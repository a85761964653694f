"""The one loader: bytes -> YAML with positions -> Agreement, problems as values; and round-trip writing."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from samenwerk import document
from samenwerk.document import write
from samenwerk.document.yaml import line_col

from ..conftest import FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"


def test_a_valid_file_becomes_an_agreement() -> None:
    doc = document.read(MINIMAL)
    assert doc.agreement is not None and doc.agreement.id == "minimal"
    assert doc.findings == () and doc.diagnostics() == ()
    assert doc.name == str(MINIMAL)


def test_a_schema_error_is_placed_at_its_line_and_column() -> None:
    raw = MINIMAL.read_bytes().replace(b"title:", b"titel:", 1)
    doc = document.from_bytes(raw, "x.yaml")
    assert doc.agreement is None and doc.data["titel"]
    places = {(d.line, d.col, d.rule) for d in doc.diagnostics()}
    assert (2, 1, "schema") in places  # the unknown key, at the key
    assert any("titel" in d.message for d in doc.diagnostics())


def test_undecodable_bytes_are_a_finding_not_an_exception() -> None:
    doc = document.from_bytes(b"id: a\ntitle: caf\xe9\n", "bad.yaml")
    (diag,) = doc.diagnostics()
    assert (diag.path, diag.line, diag.col, diag.rule) == ("bad.yaml", 2, 11, "syntax")
    assert doc.text == "" and doc.agreement is None


def test_a_syntax_error_keeps_the_text() -> None:
    doc = document.from_bytes(b"id: a\ntitle: [unclosed\n", "bad.yaml")
    assert doc.text.startswith("id: a") and doc.data is None
    assert [d.rule for d in doc.diagnostics()] == ["syntax"]


def test_a_symlink_out_of_the_root_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(MINIMAL.read_bytes())
    root = tmp_path / "repo"
    root.mkdir()
    (root / "link.yaml").symlink_to(outside)
    doc = document.read(root / "link.yaml", root=root)
    assert doc.agreement is None and doc.text == ""
    assert "not followed" in doc.diagnostics()[0].message


def test_line_col_counts_characters_from_one() -> None:
    text = "ab\ncdé\nf"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 5) == (2, 3)
    assert line_col(text, len(text) - 1) == (3, 1)


def _title(agreement, path: str) -> str:  # module-level: picklable for worker processes
    return f"{os.path.basename(path)}: {agreement.title}"


def test_map_valid_keeps_file_order_and_reports_the_rest(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    results, errors = document.map_valid(partial(_title), [str(MINIMAL), str(broken), str(MINIMAL)], jobs=1)
    assert results == [f"minimal.yaml: {document.read(MINIMAL).agreement.title}"] * 2
    assert [(e.path, e.rule) for e in errors] == [(str(broken), "syntax")]


def test_round_trip_keeps_comments_order_and_quotes() -> None:
    text = (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "id: gent  # the city\n"
        "parties:\n"
        "  - id: vdab\n"
        '    postal_code: "9000"\n'
        "duration:\n"
        "  end: 31-12-2025  # samenwerk: ignore[missing-end-date] kept as signed\n"
    )
    data = write.load(text)
    data["duration"]["end"] = "31-12-2026"
    out = write.dump(data)
    assert out == text.replace("31-12-2025", "31-12-2026")
    assert write.dump(write.load(text)) == text


def test_texts_walks_every_text_at_any_depth_and_allows_edits_on_the_way() -> None:
    text = (
        "id: gent  # the city\n"
        "parties:\n"
        "  - id: vdab\n"
        "    name: 'VDAB'\n"
        "    numbers: [1, 2]\n"
        "duration:\n"
        "  end: null\n"
        "  note: drop\n"
        "notes:\n"
        "  - - deep\n"
    )
    data = write.load(text)
    seen = {(key, value) for _node, key, value in write.texts(data)}
    # Every text, keys and non-texts (numbers, null) not among them.
    assert seen == {("id", "gent"), ("id", "vdab"), ("name", "VDAB"), ("note", "drop"), (0, "deep")}
    for node, key, value in write.texts(data):
        if value == "drop":
            del node[key]  # deleting the text just given does not disturb the walk
        else:
            write.put(node, key, type(value)(value.upper()))  # the type keeps its quotes
    assert "note" not in data["duration"] and data["notes"][0][0] == "DEEP"
    out = write.dump(data)
    assert "id: GENT  # the city\n" in out and "name: 'VDAB'\n" in out and "numbers: [1, 2]" in out
    assert list(write.texts("a text alone")) == [] and list(write.texts(None)) == []


def test_a_plain_value_resolved_once_keeps_its_tag_and_a_quoted_one_stays_text() -> None:
    # Plain scalars' tags are remembered by value (a large file repeats its keys and values thousands of times):
    # the remembered tag is the one the rules give, and a quoted value is never looked up.
    from samenwerk.document.yaml import parse

    text = "a: true\nb: 'true'\nc: true\nd: 012\ne: '012'\nf: 012\ng: null\nh: 'null'\ni: null\nj: andere\n"
    for _ in range(2):  # the second pass is served from what the first remembered
        data = parse(text).data
        assert data == {
            "a": True,
            "b": "true",
            "c": True,
            "d": 12,
            "e": "012",
            "f": 12,
            "g": None,
            "h": "null",
            "i": None,
            "j": "andere",
        }
