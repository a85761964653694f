"""samenwerk new: an agreement from its kind that lints with only the warnings that say what to fill in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samenwerk.document.yaml import parse
from samenwerk.format import format_text

NEEDS_FILLING = {"todo", "meeting-frequency", "missing-end-date"}
"""The warnings a new agreement may have: each says what is still to be written."""
PARTIES = ["--party", "voorbeeldegem:Lokaal bestuur Voorbeeldegem:lokaal-bestuur", "--party", "partner:Partner:andere"]


def _lint(cli, root: Path, path: str) -> list[dict]:
    done = cli("lint", path, "-f", "json", "--no-cache", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)["diagnostics"]


def _repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "agreement.schema.json").write_text("{}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "kind", ["samenwerkingsovereenkomst", "partnerschapsovereenkomst", "engagementsverklaring", "pact", "convenant"]
)
def test_a_new_agreement_lints_with_only_what_to_fill_in(cli, tmp_path: Path, kind: str) -> None:
    root = _repo(tmp_path)
    done = cli(
        "new", kind, "--id", "nieuw-2026-2031", *PARTIES, "--start", "01-01-2026", "--end", "31-12-2031", cwd=root
    )
    assert done.returncode == 0, done.stderr
    path = root / "agreements" / "nieuw-2026-2031.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/agreement.schema.json\n")
    found = _lint(cli, root, "agreements/nieuw-2026-2031.yaml")
    assert {d["rule"] for d in found} <= NEEDS_FILLING and all(d["level"] == "warning" for d in found), found
    assert any(d["rule"] == "todo" and "de naam van wie tekent voor Partner" in d["message"] for d in found)
    assert format_text(text).text == text
    data = parse(text).data
    assert data["kind"] == kind and data["duration"] == {"start": "01-01-2026", "end": "31-12-2031"}
    assert [p["id"] for p in data["parties"]] == ["voorbeeldegem", "partner"]
    assert [b["party"] for b in data["signing"]["blocks"]] == ["voorbeeldegem", "partner"]


def test_what_is_not_given_is_a_todo(cli, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    done = cli("new", "samenwerkingsovereenkomst", "--id", "nieuw", "-o", "nieuw.yaml", "--no-prompt", cwd=root)
    assert done.returncode == 0, done.stderr
    found = _lint(cli, root, "nieuw.yaml")
    assert {d["rule"] for d in found} <= NEEDS_FILLING and all(d["level"] == "warning" for d in found), found
    messages = [d["message"] for d in found if d["rule"] == "todo"]
    assert "a placeholder to fill in: 'de titel van de overeenkomst, zoals de tekst ze geeft'" in messages
    assert "a placeholder to fill in: 'de naam van de partij'" in messages
    assert any("de looptijd" in m for m in messages)
    data = parse((root / "nieuw.yaml").read_text(encoding="utf-8")).data
    assert "start" not in data["duration"] and "end" not in data["duration"]


def test_texts_are_data_never_yaml(cli, tmp_path: Path) -> None:
    title = 'Pact "2026": samen # sterk, [voor] {werk}'
    name = "Naam: met 'quotes' & #hekje"
    done = cli("new", "pact", "--id", "pact", "--title", title, "--party", f"p:{name}:andere", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = parse(done.stdout).data
    assert data["title"] == title and data["parties"][0]["name"] == name
    assert data["parties"][0]["representatives"][0]["name"] == f"TODO: de naam van wie tekent voor {name}"


def test_prompts_ask_for_what_the_options_do_not_give(tmp_path: Path) -> None:
    answers = "nieuw-2026\nSamenwerking 2026\np:Partij P:andere\n\non-signing\n31-12-2026\n"
    done = subprocess.run(
        [sys.executable, "-m", "samenwerk", "new", "pact", "--prompt"],
        input=answers,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    data = parse((tmp_path / "agreements" / "nieuw-2026.yaml").read_text(encoding="utf-8")).data
    assert data["title"] == "Samenwerking 2026"
    assert data["parties"][0]["name"] == "Partij P"
    assert data["duration"] == {"start": "on-signing", "end": "31-12-2026"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pact", "--id", "Geen Id"], "lower-case letters"),
        (["pact", "--no-prompt"], "--id"),
        (["pact", "--id", "x", "--party", "p-zonder-soort"], "ID:NAME:KIND"),
        (["pact", "--id", "x", "--party", "p:P:planeet"], "is not one of"),
        (["pact", "--id", "x", "--party", "p:P:andere", "--party", "p:Q:andere"], "same id"),
        (["pact", "--id", "x", "--start", "01-01-2027", "--end", "31-12-2026"], "comes before"),
        (["pact", "--id", "x", "--start", "morgen"], "--start"),
        (["planeet", "--id", "x"], "is not a kind"),
        (["addendum", "--id", "x"], "--amends"),
    ],
)
def test_wrong_input_is_a_usage_error(cli, tmp_path: Path, args: list[str], message: str) -> None:
    done = cli("new", *args, "--no-prompt", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "agreements").exists()


def test_an_existing_file_is_never_overwritten_unasked(cli, tmp_path: Path) -> None:
    assert cli("new", "pact", "--id", "x", "--no-prompt", cwd=tmp_path).returncode == 0
    path = tmp_path / "agreements" / "x.yaml"
    path.write_text("mine\n", encoding="utf-8")
    done = cli("new", "pact", "--id", "x", "--no-prompt", cwd=tmp_path)
    assert done.returncode == 2 and "--force" in done.stderr and path.read_text(encoding="utf-8") == "mine\n"
    assert cli("new", "pact", "--id", "x", "--no-prompt", "--force", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def _prompted(tmp_path: Path, answers: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samenwerk", "new", "pact", "--prompt"],
        input=answers,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def test_a_wrong_answer_is_asked_again_and_nothing_is_lost(tmp_path: Path) -> None:
    # a bad id, a bad party, a bad start and a bad end date, each followed by a good one
    answers = "G 3 ../x\nnieuw\n\np-zonder-soort\np:Partij P:andere\n\nmorgen\non-signing\n31/31/2031\n31-12-2031\n"
    done = _prompted(tmp_path, answers)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Error:") == 4, done.stdout
    data = parse((tmp_path / "agreements" / "nieuw.yaml").read_text(encoding="utf-8")).data
    assert data["parties"][0]["name"] == "Partij P"
    assert data["duration"] == {"start": "on-signing", "end": "31-12-2031"}


def test_the_end_of_the_input_at_a_prompt_is_a_usage_error(tmp_path: Path) -> None:
    done = _prompted(tmp_path, "nieuw\n")
    assert done.returncode == 2 and "the input ended" in done.stderr, done.stderr
    assert not (tmp_path / "agreements").exists()


def test_what_the_user_gives_is_never_read_for_placeholders(cli, tmp_path: Path) -> None:
    done = cli("new", "pact", "--id", "x", "--party", "p:{{end}} en {{party.kind}}:andere", "--no-prompt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = parse((tmp_path / "agreements" / "x.yaml").read_text(encoding="utf-8")).data
    assert data["parties"][0]["name"] == "{{end}} en {{party.kind}}"


def test_on_standard_output_the_schema_line_is_the_one_for_agreements(cli, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    done = cli("new", "pact", "--id", "x", "--no-prompt", "-o", "-", cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# yaml-language-server: $schema=../schemas/agreement.schema.json\n")


def test_agreements_leading_outside_the_folder_is_refused(cli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "agreements").symlink_to(outside)
    done = cli("new", "pact", "--id", "x", "--no-prompt", cwd=tmp_path / "repo")
    assert done.returncode == 2 and "outside" in done.stderr, done.stderr
    assert list(outside.iterdir()) == []
