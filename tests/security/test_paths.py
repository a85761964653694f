"""Files stay inside the repository: symbolic links out of it are reported and never read, annexes cannot
climb out, and nothing of a file that was not read is printed."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ..conftest import AGREEMENTS, FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"
SECRET = "secret-agreement-title-4471"


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    """A repository, and an 'outside' folder holding an agreement with a secret title."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    text = MINIMAL.read_text(encoding="utf-8").replace("title: ", f"title: {SECRET} ", 1)
    (outside / "secret.yaml").write_text(text.replace("id: minimal", "id: [broken"), encoding="utf-8")
    return repo, outside


def _lint(cli, repo: Path, *args: str, fmt: str = "full") -> tuple[int, str]:
    result = cli("lint", "--no-cache", "--output-format", fmt, *args, cwd=repo)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("layout", ["file", "folder", "nested-folder", "parent-of-folder", "chain"])
def test_a_link_out_of_the_repository_is_reported_and_never_read(cli, world, layout: str) -> None:
    repo, outside = world
    agreements = repo / "agreements"
    if layout == "file":
        agreements.mkdir()
        (agreements / "a.yaml").symlink_to(outside / "secret.yaml")
    elif layout == "folder":
        agreements.symlink_to(outside)
    elif layout == "nested-folder":
        agreements.mkdir()
        (agreements / "sub").symlink_to(outside)
        (agreements / "own.yaml").symlink_to(agreements / "sub" / "secret.yaml")
    elif layout == "parent-of-folder":
        (repo / "data").symlink_to(outside.parent)
        agreements.symlink_to(repo / "data" / "outside")
    else:  # a link to a link inside the repository to the outside
        agreements.mkdir()
        (repo / "hop.yaml").symlink_to(outside / "secret.yaml")
        (agreements / "a.yaml").symlink_to(repo / "hop.yaml")
    for fmt in ("full", "concise", "json", "github", "gitlab", "junit", "sarif"):
        code, out = _lint(cli, repo, "agreements", fmt=fmt)
        assert code == 1, out
        assert "not followed" in out
        assert SECRET not in out and "[broken" not in out, fmt


def test_a_link_inside_the_repository_is_followed(cli, world) -> None:
    repo, _ = world
    shutil.copy(MINIMAL, repo / "real.yaml")
    (repo / "agreements").mkdir()
    (repo / "agreements" / "a.yaml").symlink_to(repo / "real.yaml")
    code, out = _lint(cli, repo, "agreements")
    assert code == 0, out


def test_a_file_named_on_the_command_line_outside_the_repository_is_read(cli, world) -> None:
    repo, _ = world
    code, out = _lint(cli, repo, str(MINIMAL))
    assert code == 0, out


def _with_annex(repo: Path, file: str, sha: str | None = None) -> Path:
    text = MINIMAL.read_text(encoding="utf-8") + f"annexes:\n  - id: bijlage\n    title: Bijlage\n    file: {file!r}\n"
    if sha:
        text += f"    sha256: '{sha}'\n"
    path = repo / "agreement.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("file", ["/etc/passwd", "../outside/secret.yaml", "bijlagen/../../outside/x", "C:\\x", ""])
def test_an_annex_path_cannot_climb_out(cli, world, file: str) -> None:
    repo, _ = world
    _with_annex(repo, file, "0" * 64)
    result = cli("lint", "--no-cache", "--output-format", "json", "agreement.yaml", cwd=repo)
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["line"], d["rule"]) for d in found] == [(41, "schema")], found
    assert "root:" not in result.stdout  # nothing of /etc/passwd


def test_an_annex_linked_out_of_the_repository_is_not_read(cli, world) -> None:
    repo, outside = world
    (repo / "bijlagen").mkdir()
    (repo / "bijlagen" / "dashboard.pdf").symlink_to(outside / "secret.yaml")
    real = hashlib.sha256((outside / "secret.yaml").read_bytes()).hexdigest()
    _with_annex(repo, "bijlagen/dashboard.pdf", "0" * 64)
    code, out = _lint(cli, repo, "agreement.yaml")
    assert code == 1 and "not followed" in out
    assert real not in out and SECRET not in out


def test_a_template_folder_linked_out_of_the_repository_is_refused(cli, world) -> None:
    repo, outside = world
    (outside / "agreement.md.j2").write_text("{{ a.title }}", encoding="utf-8")
    (repo / "templates").symlink_to(outside)
    shutil.copy(AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml", repo / "pact.yaml")
    result = cli("render", "pact.yaml", "-f", "md", "-o", "-", "--template-dir", "templates", cwd=repo)
    assert result.returncode == 2 and "not followed" in result.stderr


def test_a_configuration_linked_out_of_the_repository_is_refused(cli, world) -> None:
    repo, outside = world
    (outside / "samenwerk.toml").write_text('ignore = ["contact-point"]\n', encoding="utf-8")
    (repo / "samenwerk.toml").symlink_to(outside / "samenwerk.toml")
    shutil.copy(MINIMAL, repo / "a.yaml")
    result = cli("lint", "--no-cache", "a.yaml", cwd=repo)
    assert result.returncode == 2 and "not followed" in result.stderr


@pytest.mark.parametrize("where", ["root", "parent", "home"])
def test_links_out_are_refused_whatever_the_working_directory(cli, world, where: str) -> None:
    repo, outside = world
    (repo / "agreements").mkdir()
    (repo / "agreements" / "a.yaml").symlink_to(outside / "secret.yaml")
    (repo / "agreements" / "sub").symlink_to(outside)
    cwd = {"root": Path("/"), "parent": repo.parent, "home": Path.home()}[where]
    for cache in (["--no-cache"], []):  # a second run, served from the cache, shows no more
        for _ in range(2):
            paths = [str(repo / "agreements"), str(repo / "agreements" / "sub")]
            result = cli("lint", *cache, "--output-format", "full", *paths, cwd=cwd)
            out = result.stdout + result.stderr
            assert result.returncode == 1 and out.count("not followed") == 2, out
            assert SECRET not in out and "[broken" not in out
