"""samenwerk extend and amend: the linked file beside the agreement, filled in, linting clean with its folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samenwerk.document.yaml import parse
from samenwerk.format import format_text

from ..conftest import ROOT, git

REGISTER = ROOT / "examples" / "register"
BASE = "voorbeeldegem-vdab-2024-2025"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(REGISTER, tmp_path / "agreements")
    # The examples name the schema from examples/register/; here it is one folder up, as in a repository.
    for path in (tmp_path / "agreements").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("=../../schemas/", "=../schemas/"), encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    shutil.copy(ROOT / "schemas" / "agreement.schema.json", tmp_path / "schemas")
    git(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def _clean(cli, repo: Path) -> None:
    done = cli("lint", "agreements", "-f", "json", "--no-cache", "--fail-on", "warning", cwd=repo)
    assert done.returncode == 0 and json.loads(done.stdout)["diagnostics"] == [], done.stdout + done.stderr


def test_extend_writes_the_extension_beside_the_agreement(cli, repo: Path) -> None:
    done = cli("extend", BASE, "--until", "31-12-2028", cwd=repo)
    assert done.returncode == 0, done.stderr
    path = repo / "agreements" / f"{BASE}-verlenging-2028.yaml"
    text = path.read_text(encoding="utf-8")
    data = parse(text).data
    assert data["kind"] == "verlenging" and data["amends"] == BASE and data["status"] == "draft"
    assert data["effective"] == "01-01-2027", "the day after the end the existing extension gave it"
    assert data["changes"] == {
        "title": "Samenwerkingsovereenkomst tussen de lokale besturen van Voorbeeldegem en Leerdorp en VDAB 2024-2028",
        "duration": {"end": "31-12-2028"},
    }
    assert data["title"].endswith("tot en met 31 december 2028")
    assert format_text(text).text == text
    _clean(cli, repo)
    path.write_text(text.replace("status: draft", "status: signed"), encoding="utf-8")
    expiring = cli("expiring", "agreements", "--as-of", "01-06-2028", "-f", "json", cwd=repo)
    (row,) = [r for r in json.loads(expiring.stdout)["agreements"] if r["id"] == BASE]
    assert row["end"] == "2028-12-31", "once signed, the extension moves the end"


def test_amend_writes_the_next_addendum(cli, repo: Path) -> None:
    done = cli("amend", BASE, "--effective", "01-09-2025", cwd=repo)
    assert done.returncode == 0, done.stderr
    data = parse((repo / "agreements" / f"{BASE}-addendum-2.yaml").read_text(encoding="utf-8")).data
    assert data["id"] == f"{BASE}-addendum-2" and data["kind"] == "addendum" and data["amends"] == BASE
    assert data["effective"] == "01-09-2025" and data["changes"] == {}
    assert data["title"].startswith("Addendum 2 bij ")
    _clean(cli, repo)


def test_new_makes_them_too(cli, repo: Path) -> None:
    assert cli("new", "verlenging", "--amends", BASE, "--end", "31-12-2027", cwd=repo).returncode == 0
    assert (repo / "agreements" / f"{BASE}-verlenging-2027.yaml").is_file()
    assert cli("new", "addendum", "--amends", BASE, "--title", "Addendum over de doelen", cwd=repo).returncode == 0
    data = parse((repo / "agreements" / f"{BASE}-addendum-2.yaml").read_text(encoding="utf-8")).data
    assert data["title"] == "Addendum over de doelen"
    _clean(cli, repo)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extend", BASE, "--until", "31-12-2026"], "is not after the present end"),
        (["extend", "geen-overeenkomst", "--until", "31-12-2030"], "no agreement with the id"),
        (["extend", "voorbeeldegem-vdab-addendum-1", "--until", "31-12-2030"], "is itself an amendment"),
        (["extend", BASE], "--until"),
        (["amend", BASE, "--effective", "01-01-2020"], "comes before"),
        (["new", "verlenging", "--amends", BASE], "--end"),
    ],
)
def test_wrong_input_is_a_usage_error(cli, repo: Path, args: list[str], message: str) -> None:
    before = sorted(p.name for p in (repo / "agreements").iterdir())
    done = cli(*args, cwd=repo)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert sorted(p.name for p in (repo / "agreements").iterdir()) == before


def test_an_existing_file_is_never_overwritten_unasked(cli, repo: Path) -> None:
    target = repo / "agreements" / f"{BASE}-verlenging-2028.yaml"
    target.write_text("mine\n", encoding="utf-8")
    done = cli("extend", BASE, "--until", "31-12-2028", "agreements", cwd=repo)
    assert done.returncode == 2 and "--force" in done.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_draft_extension_changes_nothing_in_force_until_it_is_signed(cli, repo: Path) -> None:
    assert cli("extend", BASE, "--until", "31-12-2028", cwd=repo).returncode == 0
    path = repo / "agreements" / f"{BASE}-verlenging-2028.yaml"

    def end() -> tuple[str, int]:
        done = cli("expiring", "agreements", "--as-of", "15-01-2027", "-f", "json", "--fail-on", "expired", cwd=repo)
        (row,) = [r for r in json.loads(done.stdout)["agreements"] if r["id"] == BASE]
        return row["end"], done.returncode

    assert end() == ("2026-12-31", 1), "a draft: the agreement as agreed ended on 31-12-2026"
    render = cli("render", f"agreements/{BASE}.yaml", "--as-of", "01-06-2027", "-f", "md", "-o", "-", cwd=repo)
    assert "31 december 2028" not in render.stdout
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: signed"), encoding="utf-8")
    assert end() == ("2028-12-31", 0)


def test_the_title_and_id_of_an_extension_read_well(cli, tmp_path: Path) -> None:
    (tmp_path / "agreements").mkdir()
    long_id = "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025"
    source = ROOT / "agreements" / f"{long_id}.yaml"
    shutil.copy(source, tmp_path / "agreements")
    done = cli("extend", long_id, "--until", "31-12-2026", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = parse(done.stdout).data
    assert data["id"] == "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-verlenging-2026"
    assert data["title"].startswith("Verlenging van de samenwerkingsovereenkomst ")
    assert ". tot en met" not in data["title"] and data["title"].endswith(" tot en met 31 december 2026")


def test_new_addendum_takes_the_id_it_is_given(cli, repo: Path) -> None:
    done = cli("new", "addendum", "--amends", BASE, "--id", "mijn-addendum", "-o", "-", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert parse(done.stdout).data["id"] == "mijn-addendum"
    taken = cli("amend", BASE, "--id", "voorbeeldegem-vdab-addendum-1", cwd=repo)
    assert taken.returncode == 2 and "is there already" in taken.stderr
    party = cli("new", "addendum", "--amends", BASE, "--party", "p:P:andere", cwd=repo)
    assert party.returncode == 2 and "an addendum takes its parties" in party.stderr, party.stderr
