"""samenwerk fmt: the canonical form, what it keeps, and the command as CI and pre-commit run it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from samenwerk.document.yaml import decode, parse
from samenwerk.format import FormatError, comment_texts, expected_data, format_text
from samenwerk.model import Agreement

from ..conftest import AGREEMENTS, ROOT

SHIPPED = sorted(AGREEMENTS.glob("*.yaml")) + sorted((ROOT / "examples" / "register").glob("*.yaml"))
FIXTURES = sorted(p for p in (ROOT / "tests").rglob("*.yaml") if "cases.yaml" not in p.name)
CANONICAL = [
    "tests/document/hostile/byte-order-mark.yaml",
    "tests/document/hostile/date-does-not-exist.yaml",
    "tests/document/hostile/sha-as-number.yaml",
    "tests/document/hostile/wrong-types.yaml",
    *(
        f"tests/fixtures/lint/negative/{name}.yaml"
        for name in (
            "approval-without-date",
            "bad-date",
            "bad-day",
            "bad-enum",
            "bad-reference",
            "date-as-number",
            "date-out-of-range",
            "duplicate-id",
            "missing-key",
            "missing-top-level",
            "period-too-long",
        )
    ),
]
"""Test fixtures already in canonical form (the others are written in other layouts on purpose)."""


def _text(path: Path) -> str | None:
    text, _ = decode(path.read_bytes())
    return text


def _formats(path: Path) -> bool:
    text = _text(path)
    try:
        return text is not None and bool(format_text(text))
    except FormatError:  # broken on purpose: test_a_file_that_does_not_parse_is_an_error_at_its_place
        return False


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_agreement_is_canonical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)).text == text, f"run 'samenwerk fmt {path.relative_to(ROOT)}'"


@pytest.mark.parametrize("name", CANONICAL)
def test_a_canonical_fixture_is_byte_identical(name: str) -> None:
    text = _text(ROOT / name)
    assert text is not None
    assert format_text(text).text == text


@pytest.mark.parametrize("path", [p for p in FIXTURES if _formats(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_other_fixture_is_idempotent_and_keeps_its_data(path: Path) -> None:
    text = _text(path)
    assert text is not None
    once = format_text(text).text
    assert format_text(once).text == once
    assert parse(once).data == expected_data(parse(text).data)
    assert sorted(comment_texts(once)) == sorted(comment_texts(text))
    try:
        before = Agreement.model_validate(parse(text).data)
    except ValueError:
        return  # a fixture that is broken on purpose: its data is compared above
    assert Agreement.model_validate(parse(once).data) == before


def test_the_canonical_form() -> None:
    text = (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "kind: 'pact'\n"
        'id: "pact-1"  # stays on its line\n'
        "title: Pact 2020 - 2025\n"
        "parties:\n"
        "    -   kind: vdab\n"
        "        id: vdab\n"
        '        address: {municipality: Brussel, postal_code: "1000", street: Keizerslaan, number: "11"}\n'
        "        name: VDAB\n"
        "duration:\n"
        "    end: 2025-12-31\n"
        "    start: 1-1-2020\n"
        "    text: >-\n"
        "      Van 1 januari 2020\n"
        "\n"
        "      tot en met 31 december 2025.\n"
        "notes:\n"
        "- 'it''s \"quoted\"'\n"
        '- "no: quotes needed? yes"\n'
        "- '2025-12-31'\n"
        '- "12"\n'
        '- ""\n'
        "- 'true'\n"
    )
    assert format_text(text).text == (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "id: pact-1  # stays on its line\n"
        "title: Pact 2020 - 2025\n"
        "kind: pact\n"
        "parties:\n"
        "  - id: vdab\n"
        "    name: VDAB\n"
        "    kind: vdab\n"
        '    address: {street: Keizerslaan, number: "11", postal_code: "1000", municipality: Brussel}\n'
        "duration:\n"
        "  start: 01-01-2020\n"
        "  end: 31-12-2025\n"
        "  text: |-\n"
        "    Van 1 januari 2020\n"
        "    tot en met 31 december 2025.\n"
        "notes:\n"
        '  - it\'s "quoted"\n'
        '  - "no: quotes needed? yes"\n'
        "  - 2025-12-31\n"
        '  - "12"\n'
        '  - ""\n'
        '  - "true"\n'
    )


def test_unknown_keys_follow_the_known_ones_in_their_order() -> None:
    text = "zeta: 1\nid: a\nalpha: 2\ntitle: T\n"
    assert format_text(text).text == "id: a\ntitle: T\nzeta: 1\nalpha: 2\n"


def test_an_amendments_changes_are_ordered_as_an_agreement() -> None:
    text = (
        "id: v\ntitle: Verlenging\nkind: verlenging\namends: a\n"
        "changes:\n  duration: {end: 2026-12-31}\n  title: T 2024-2026\n"
    )
    assert format_text(text).text == (
        "id: v\ntitle: Verlenging\nkind: verlenging\namends: a\n"
        "changes:\n  title: T 2024-2026\n  duration: {end: 31-12-2026}\n"
    )


def test_comments_blank_lines_and_texts_stay() -> None:
    text = (
        "# header\n"
        "\n"
        "id: a\n"
        "title: T\n"
        "\n"
        "# the term\n"
        "duration:\n"
        "  end: 31-12-2025  # inclusive\n"
        "\n"
        "kind: pact\n"
        "notes:\n"
        "  - |\n"
        "    Eerste regel.\n"
        "      Ingesprongen # geen commentaar\n"
        "# at the end\n"
    )
    out = format_text(text).text
    assert out == (
        "# header\n"
        "\n"
        "id: a\n"
        "title: T\n"
        "\n"
        "kind: pact\n"
        "\n"
        "# the term\n"
        "duration:\n"
        "  end: 31-12-2025  # inclusive\n"
        "notes:\n"
        "  - |\n"
        "    Eerste regel.\n"
        "      Ingesprongen # geen commentaar\n"
        "# at the end\n"
    )
    assert parse(out).data["notes"] == ["Eerste regel.\n  Ingesprongen # geen commentaar\n"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: [a\n", ":1:5:"),
        ("- a\n- b\n", ":1:1:"),
        ("id: a\nid: b\n", ":2:1:"),
        ("", ":1:1:"),
    ],
)
def test_a_file_that_does_not_parse_is_an_error_at_its_place(text: str, where: str) -> None:
    with pytest.raises(FormatError, match=f"^f.yaml{where}"):
        format_text(text, "f.yaml")


# --- the command ------------------------------------------------------------------------------------------


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "agreements"
    folder.mkdir()
    for source in (
        ROOT / "examples" / "register" / "voorbeeldegem-vdab-addendum-1.yaml",
        AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml",
    ):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "messy.yaml").write_text("title: T  # the title\nid: t\nkind: 'pact'\nparties: []\n", encoding="utf-8")
    return folder


def test_check_names_the_files_and_writes_nothing(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = {p: p.read_bytes() for p in folder.iterdir()}
    done = cli("fmt", "--check", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert (
        done.stdout
        == "agreements/messy.yaml: not in canonical form; 'samenwerk fmt agreements/messy.yaml' rewrites it\n"
    )
    assert "1 of 3 files would be reformatted" in done.stderr
    assert {p: p.read_bytes() for p in folder.iterdir()} == before


def test_diff_shows_and_writes_nothing(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    messy = folder / "messy.yaml"
    before = messy.read_bytes()
    done = cli("fmt", "--diff", "agreements/messy.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("--- a/agreements/messy.yaml\n+++ b/agreements/messy.yaml\n")
    assert "+id: t\n title: T  # the title\n-id: t\n-kind: 'pact'\n+kind: pact\n" in done.stdout
    assert messy.read_bytes() == before


def test_fmt_rewrites_only_what_changes_atomically_keeping_the_mode(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    messy = folder / "messy.yaml"
    messy.chmod(0o640)
    gent = folder / "voorbeeldegem-vdab-addendum-1.yaml"
    old = os.stat(gent).st_mtime_ns
    os.utime(gent, ns=(old - 10**9, old - 10**9))
    old = os.stat(gent).st_mtime_ns
    done = cli("fmt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert messy.read_text(encoding="utf-8") == "id: t\ntitle: T  # the title\nkind: pact\nparties: []\n"
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert os.stat(gent).st_mtime_ns == old, "a canonical file is not written"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary file is left"
    assert "agreements/messy.yaml: reformatted" in done.stderr
    again = cli("fmt", "--check", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == ""


def test_a_broken_file_is_reported_and_the_others_are_formatted(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.yaml").write_text("id: a\ntitle: [T\n", encoding="utf-8")
    done = cli("fmt", cwd=tmp_path)
    assert done.returncode == 2
    assert "agreements/broken.yaml:2:8:" in done.stderr and "Traceback" not in done.stderr
    assert (folder / "messy.yaml").read_text(encoding="utf-8").startswith("id: t\n")


def test_a_symbolic_link_is_never_written_through(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text("title: T\nid: t\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)
    done = cli("fmt", str(folder / "link.yaml"), cwd=tmp_path)
    assert done.returncode == 2 and "symbolic link" in done.stderr
    assert outside.read_text(encoding="utf-8") == "title: T\nid: t\n"
    assert (folder / "link.yaml").is_symlink()


def test_a_comment_after_a_block_texts_indicator_stays_on_its_line() -> None:
    """A suppression there keeps working: lint reports a block text at its key's line."""
    text = "id: a\nnotes:\n  - x\ntitle: |-  # samenwerk: ignore[title-years] as signed\n  Titel 2020 - 2026\n  tweede regel\n"
    assert format_text(text).text == (
        "id: a\ntitle: |-  # samenwerk: ignore[title-years] as signed\n  Titel 2020 - 2026\n  tweede regel\n"
        "notes:\n  - x\n"
    )
