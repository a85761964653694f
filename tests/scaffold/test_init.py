"""samenwerk init: every file a repository for agreements needs, idempotent, never over a file unasked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from samenwerk.resources import repository_url
from samenwerk.scaffold import ci_pipeline
from samenwerk.schema import render_schema

from ..conftest import ROOT

BIN = Path(sys.executable).parent
FILES = {
    "samenwerk.toml",
    ".pre-commit-config.yaml",
    ".gitattributes",
    ".vscode/settings.json",
    "schemas/agreement.schema.json",
    "README.md",
    ".github/workflows/agreements.yml",
    "agreements/.gitkeep",
}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_writes_a_repository_for_agreements(cli, tmp_path: Path) -> None:
    done = cli("init", "repo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    root = tmp_path / "repo"
    assert set(_files(root)) == FILES and (root / "agreements").is_dir()
    assert (root / ".github/workflows/agreements.yml").read_text(encoding="utf-8") == (
        ROOT / "docs" / "github-actions.yml"
    ).read_text(encoding="utf-8")
    assert json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8")) == {
        "yaml.schemas": {"./schemas/agreement.schema.json": "agreements/**/*.yaml"}
    }
    assert (root / "schemas/agreement.schema.json").read_text(encoding="utf-8") == render_schema()
    assert "agreements/**/*.yaml diff=samenwerk" in (root / ".gitattributes").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Samenwerkingsovereenkomsten\n") and f"pipx install git+{repository_url()}" in readme
    assert "REPOSITORY_URL" not in "".join(p.decode("utf-8") for p in _files(root).values())


def test_init_again_changes_nothing_and_keeps_what_people_changed(cli, tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    before = _files(tmp_path)
    stamps = {p: os.stat(tmp_path / p).st_mtime_ns for p in before}
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 0 and "written" not in again.stderr
    assert _files(tmp_path) == before
    assert {p: os.stat(tmp_path / p).st_mtime_ns for p in before} == stamps
    (tmp_path / "samenwerk.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (tmp_path / "README.md").unlink()
    kept = cli("init", cwd=tmp_path)
    assert kept.returncode == 0
    assert "samenwerk.toml: exists and differs; left as it is (--force overwrites it)" in kept.stderr
    assert (tmp_path / "samenwerk.toml").read_text(encoding="utf-8") == 'fail-on = "warning"\n'
    assert (tmp_path / "README.md").read_bytes() == before["README.md"], "a missing file is written again"
    assert cli("init", "--force", cwd=tmp_path).returncode == 0
    assert _files(tmp_path) == before


@pytest.mark.parametrize(("ci", "path"), [("gitlab", ".gitlab-ci.yml"), ("none", None)])
def test_the_ci_is_chosen_by_a_flag(cli, tmp_path: Path, ci: str, path: str | None) -> None:
    assert cli("init", "--ci", ci, cwd=tmp_path).returncode == 0
    pipelines = {p for p in _files(tmp_path) if p in (".gitlab-ci.yml", ".github/workflows/agreements.yml")}
    assert pipelines == ({path} if path else set())
    if path:
        assert (tmp_path / path).read_text(encoding="utf-8") == (ROOT / "docs" / "gitlab-ci.yml").read_text("utf-8")
    assert cli("init", "--ci", "jenkins", cwd=tmp_path).returncode == 2


@pytest.mark.parametrize(("ci", "doc"), [("github", "github-actions.yml"), ("gitlab", "gitlab-ci.yml")])
def test_the_pipeline_is_the_documented_one(ci: str, doc: str) -> None:
    """templates/init makes the pipelines docs/ shows: the two cannot drift apart."""
    assert ci_pipeline(ci) == (ROOT / "docs" / doc).read_text(encoding="utf-8")


def test_the_pre_commit_configuration_uses_the_hooks_of_the_repository(cli, tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    config = tmp_path / ".pre-commit-config.yaml"
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (entry,) = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert entry["repo"] == repository_url()
    assert [h["id"] for h in entry["hooks"]] == [h["id"] for h in manifest] == ["samenwerk-lint", "samenwerk-fmt"]


def test_the_configuration_is_the_defaults_and_lint_reads_it(cli, tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    text = (tmp_path / "samenwerk.toml").read_text(encoding="utf-8")
    assert '# select = ["ALL"]' in text and "required = true" in text
    (tmp_path / "agreements" / "a.yaml").write_text(
        "id: a\ntitle: T\nkind: pact\nparties: [{id: p, name: P, kind: andere}]\n", encoding="utf-8"
    )
    done = cli("lint", "-f", "concise", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "[schema-line]" in done.stdout, "init's configuration requires the schema line"


def test_init_into_a_file_is_refused(cli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = cli("init", "file", cwd=tmp_path)
    assert done.returncode == 2 and "is a file" in done.stderr


def test_bad_places_are_usage_errors(cli, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n", encoding="utf-8")
    (tmp_path / "g6").mkdir()
    (tmp_path / "g6" / "agreements").write_text("x\n", encoding="utf-8")
    for folder in ("afile/sub", "g6"):
        done = cli("init", folder, cwd=tmp_path)
        assert done.returncode == 2 and folder.split("/")[0] in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_nothing_is_written_through_a_link_leading_outside(cli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "schemas").symlink_to(outside)
    done = cli("init", str(repo), "--force", cwd=tmp_path)
    assert done.returncode == 0 and "leads outside" in done.stderr, done.stderr
    assert list(outside.iterdir()) == []
    other = tmp_path / "other"
    other.mkdir()
    (other / "agreements").symlink_to(outside)
    done = cli("init", str(other), cwd=tmp_path)
    assert done.returncode == 2 and "leads outside" in done.stderr, done.stderr
    assert list(outside.iterdir()) == []


def test_the_agreements_folder_reaches_a_clone_and_ci_waits_for_an_agreement(cli, tmp_path: Path) -> None:
    assert cli("init", "repo", cwd=tmp_path).returncode == 0
    assert (tmp_path / "repo" / "agreements" / ".gitkeep").is_file()
    github = yaml.safe_load(ci_pipeline("github"))
    steps = [s for s in github["jobs"]["lint"]["steps"] if s.get("run", "").startswith("samenwerk")]
    assert steps and all("hashFiles('agreements/**/*.yaml'" in s["if"] for s in steps)
    gitlab = yaml.safe_load(ci_pipeline("gitlab"))
    assert gitlab["agreements"]["rules"] == [{"exists": ["agreements/**/*.yaml", "agreements/**/*.yml"]}]


def test_a_file_left_as_it_was_shows_what_init_would_write(cli, tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    (tmp_path / ".gitattributes").write_text("*.pdf binary\n", encoding="utf-8")
    done = cli("init", "-v", cwd=tmp_path)
    assert done.returncode == 0 and "exists and differs" in done.stderr
    assert "-*.pdf binary" in done.stderr and "+" in done.stderr
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == "*.pdf binary\n"
