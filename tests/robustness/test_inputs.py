"""Empty and unusual input gets a clear answer, never a silent 'nothing to do'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"


@pytest.mark.parametrize("command", ["lint", "expiring"])
@pytest.mark.parametrize("content", ["empty", "no-yaml", "only-hidden"])
def test_no_agreement_files_is_an_error_naming_where(cli, tmp_path: Path, command: str, content: str) -> None:
    folder = tmp_path / "agreements"
    folder.mkdir()
    if content == "no-yaml":
        (folder / "README.md").write_text("# nothing here\n", encoding="utf-8")
        (folder / "a.json").write_text("{}", encoding="utf-8")
    elif content == "only-hidden":
        (folder / ".draft").mkdir()
        shutil.copy(MINIMAL, folder / ".draft" / "a.yaml")
    result = cli(command, str(folder))
    assert result.returncode == 2
    assert "no agreement files" in result.stderr and str(folder) in result.stderr


@pytest.mark.parametrize("name", ["a.YAML", "b.Yml", "c.yml", "d.yaml"])
def test_extensions_are_matched_whatever_their_case(cli, tmp_path: Path, name: str) -> None:
    shutil.copy(MINIMAL, tmp_path / name)
    result = cli("lint", "--no-cache", "-f", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(tmp_path / name)]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('ignore = ["ALL"]\n', "cannot hold ALL"),
        ('ignore = ["schema"]\n', "always checked and cannot be ignored"),
        ("[calendars]\nplanning_periodes = []\n", "unknown key 'planning_periodes'; did you mean 'planning_periods'?"),
        ('[rules.planning-period]\ncalender = "legislatures"\n', "unknown key 'calender'"),
        ('[[overrides]]\npaths = ["x"]\nignore = ["contact-pont"]\n', "unknown rule id(s) in 'overrides[0].ignore'"),
        ("fail-on = 3\n", "fail-on"),
    ],
)
def test_configuration_mistakes_are_errors(cli, tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "samenwerk.toml").write_text(toml, encoding="utf-8")
    shutil.copy(MINIMAL, tmp_path / "a.yaml")
    result = cli("lint", "--no-cache", "a.yaml", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "samenwerk.toml" in result.stderr


def test_the_loaders_checks_can_be_selected(cli, tmp_path: Path) -> None:
    broken = tmp_path / "a.yaml"
    broken.write_text(MINIMAL.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = cli("lint", "--no-cache", "-f", "json", "--select", "schema", str(broken))
    assert result.returncode == 1
    assert {d["rule"] for d in json.loads(result.stdout)["diagnostics"]} == {"schema"}
