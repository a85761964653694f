"""samenwerk fix: each fixable check repairs a broken file so that it lints clean, with every comment kept;
what cannot be fixed is left and named; --diff shows and writes nothing; suppressions and the selection hold."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from samenwerk.format import comment_texts, format_text
from samenwerk.rules import FIXES, REGISTRY

from ..conftest import CACHE_HOME, git

HEAD = "# the parties sign in Gent\n"
BASE = (
    "id: t  # the id\n"
    "title: Samenwerking Gent en VDAB 2024 - 2025\n"
    "kind: pact\n"
    "# who signs\n"
    "parties: [{id: vdab, name: VDAB, kind: vdab}]\n"
    "duration:\n"
    "  start: 01-01-2024\n"
    "  end: 31-12-2025  # tot en met\n"
    "signing: {blocks: [{party: vdab}]}\n"
)


def _repo(tmp_path: Path, text: str, config: str = "") -> Path:
    """A repository with a schema folder and one agreement, agreements/a.yaml."""
    (tmp_path / "agreements").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "agreement.schema.json").write_text("{}\n", encoding="utf-8")
    if config:
        (tmp_path / "samenwerk.toml").write_text(config, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    path = tmp_path / "agreements" / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _lint(cli, tmp_path: Path, rule: str) -> list[dict]:
    done = cli("lint", "agreements/a.yaml", "-f", "json", "--no-cache", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return [d for d in json.loads(done.stdout)["diagnostics"] if d["rule"] == rule]


BROKEN = {
    "schema": (
        BASE.replace("start: 01-01-2024", "start: 1 januari 2024").replace("end: 31-12-2025", "end: 31/12/2025"),
        "",
    ),
    "title-years": (BASE.replace("2024 - 2025", "2024 - 2026"), ""),
    "trailing-whitespace": (
        BASE.replace("kind: pact\n", "kind: pact   \n").replace("# who signs\n", "# who signs \t\n")
        + "notes:\n  - |\n    Eerste regel.  \n    Tweede regel.\n",
        "",
    ),
    "schema-line": (BASE, "[rules.schema-line]\nrequired = true\n"),
}
"""A file with what each fixable check finds, and the configuration it needs."""


def test_every_fix_has_a_broken_file_here() -> None:
    assert set(BROKEN) == set(FIXES)
    assert all(getattr(REGISTRY[r], "fixable", False) for r in FIXES if r != "schema")


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_fix_repairs_the_file_and_keeps_its_comments(cli, tmp_path: Path, rule: str) -> None:
    text, config = BROKEN[rule]
    path = _repo(tmp_path, HEAD + text, config)
    assert _lint(cli, tmp_path, rule), "the broken file has the problem"
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"agreements/a.yaml: fixed {rule}: " in done.stderr
    assert _lint(cli, tmp_path, rule) == []
    lint = cli("lint", "agreements/a.yaml", "--no-cache", cwd=tmp_path)
    assert lint.returncode == 0, lint.stdout
    after = path.read_text(encoding="utf-8")
    assert set(comment_texts(HEAD + text)) <= set(comment_texts(after))
    assert format_text(after).text == after, "a fixed file is in canonical form"
    assert cli("fix", cwd=tmp_path).returncode == 0 and path.read_text(encoding="utf-8") == after, "idempotent"


def test_what_each_fix_writes(cli, tmp_path: Path) -> None:
    text = HEAD + BASE.replace("2024 - 2025", "2024 - 2026").replace("end: 31-12-2025", "end: 31 dec. 2025").replace(
        "kind: pact\n", "kind: pact \n"
    )
    path = _repo(tmp_path, text, "[rules.schema-line]\nrequired = true\n")
    assert cli("fix", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        + HEAD
        + BASE.replace("kind: pact\n", "kind: pact\n")
    )


def test_diff_shows_what_fix_would_do_and_writes_nothing(cli, tmp_path: Path) -> None:
    path = _repo(tmp_path, BASE.replace("2024 - 2025", "2024 - 2026"))
    before = path.read_bytes()
    done = cli("fix", "--diff", cwd=tmp_path)
    assert done.returncode == 1
    assert (
        "-title: Samenwerking Gent en VDAB 2024 - 2026\n+title: Samenwerking Gent en VDAB 2024 - 2025\n" in done.stdout
    )
    assert "would fix title-years" in done.stderr
    assert path.read_bytes() == before


def test_what_no_fix_repairs_is_left_and_named(cli, tmp_path: Path) -> None:
    path = _repo(tmp_path, BASE.replace("end: 31-12-2025", "end: 31/13/2025").replace("kind: pact\n", "kind: pact \n"))
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 1
    assert "agreements/a.yaml:8:8: error: '31/13/2025' is not a date" in done.stderr
    assert "1 problem left" in done.stderr
    text = path.read_text(encoding="utf-8")
    assert "kind: pact\n" in text and "end: 31/13/2025" in text


def test_a_suppressed_problem_is_not_fixed(cli, tmp_path: Path) -> None:
    text = BASE.replace("2024 - 2025", "2024 - 2026").replace(
        "title: Samenwerking Gent en VDAB 2024 - 2026\n",
        "title: Samenwerking Gent en VDAB 2024 - 2026  # samenwerk: ignore[title-years] so gesigned\n",
    )
    path = _repo(tmp_path, text)
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 0 and "0 of 1 file fixed" in done.stderr
    assert path.read_text(encoding="utf-8") == text


def test_select_and_ignore_choose_the_fixes(cli, tmp_path: Path) -> None:
    text = BASE.replace("2024 - 2025", "2024 - 2026").replace("kind: pact\n", "kind: pact \n")
    path = _repo(tmp_path, text)
    done = cli("fix", "--select", "trailing-whitespace", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    after = path.read_text(encoding="utf-8")
    assert "kind: pact\n" in after and "2024 - 2026" in after
    done = cli("fix", "--ignore", "title-years", cwd=tmp_path)
    assert "2024 - 2026" in path.read_text(encoding="utf-8")
    assert cli("fix", "--select", "nope", cwd=tmp_path).returncode == 2


def test_a_file_with_nothing_to_fix_is_not_touched(cli, tmp_path: Path) -> None:
    text = "kind: pact\nid: t\ntitle: T\nparties: [{id: vdab, name: VDAB, kind: vdab}]\n"  # not canonical
    path = _repo(tmp_path, text)
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 0
    assert path.read_text(encoding="utf-8") == text


def test_the_title_is_left_alone_when_the_dates_disagree(cli, tmp_path: Path) -> None:
    text = BASE.replace("start: 01-01-2024", "start: 01-01-2027").replace("2024 - 2025", "2024 - 2026")
    path = _repo(tmp_path, text)
    done = cli("fix", "--select", "title-years", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "title-years" in done.stderr
    assert path.read_text(encoding="utf-8") == text


def test_a_broken_file_is_an_error_at_its_place(cli, tmp_path: Path) -> None:
    _repo(tmp_path, "id: [t\n")
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 2 and "agreements/a.yaml:1:" in done.stderr and "Traceback" not in done.stderr


def test_fix_keeps_the_files_line_ending_and_byte_order_mark(cli, tmp_path: Path) -> None:
    """All three fixes that look at text (the schema line, trailing spaces, the title) on a CRLF file with a BOM."""
    text = HEAD + BASE.replace("2024 - 2025", "2024 - 2026").replace("kind: pact\n", "kind: pact  \n")
    path = _repo(tmp_path, "", "[rules.schema-line]\nrequired = true\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = "# yaml-language-server: $schema=../schemas/agreement.schema.json\n" + HEAD + BASE
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


def test_fix_refuses_a_read_only_file_without_force(cli, tmp_path: Path) -> None:
    path = _repo(tmp_path, BASE.replace("2024 - 2025", "2024 - 2026"))
    path.chmod(0o444)
    done = cli("fix", cwd=tmp_path)
    assert done.returncode == 2 and "agreements/a.yaml: the file is read-only" in done.stderr
    assert "2024 - 2026" in path.read_text(encoding="utf-8")
    assert cli("fix", "--force", cwd=tmp_path).returncode == 0
    assert "2024 - 2025" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_reads_standard_input_and_writes_standard_output(tmp_path: Path) -> None:
    _repo(tmp_path, "")
    broken = BASE.replace("2024 - 2025", "2024 - 2026").replace("\n", "\r\n").encode("utf-8")
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(CACHE_HOME)}
    done = subprocess.run(
        [sys.executable, "-m", "samenwerk", "fix", "--stdin-filename", "agreements/a.yaml", "-"],
        input=broken,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == BASE.replace("\n", "\r\n").encode("utf-8")
    assert b"agreements/a.yaml: fixed title-years: " in done.stderr
    assert (tmp_path / "agreements" / "a.yaml").read_bytes() == b"", "no file is written"
