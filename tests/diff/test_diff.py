"""samenwerk diff on real git repositories made in a temporary directory."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from samenwerk.diff import compare_files
from samenwerk.diff.engine import Kind

from ..conftest import AGREEMENTS, git

KALMTHOUT = AGREEMENTS / "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "agreements").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copy(KALMTHOUT, root / "agreements" / "antwerpen.yaml")
    shutil.copy(AGREEMENTS / "gent-vdab-2020-2025.yaml", root / "agreements" / "gent.yaml")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "initial")
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def changes(cli, repo: Path, *args: str) -> list[dict]:
    result = cli("diff", *args, "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["files"]


def test_edit_end_date_and_frequency(cli, repo: Path) -> None:
    edit(repo / "agreements" / "antwerpen.yaml", "  end: 31-12-2025", "  end: 31-12-2026")
    edit(repo / "agreements" / "antwerpen.yaml", "      min_meetings_per_year: 2", "      min_meetings_per_year: 4")
    commit(repo, "extend")
    (f,) = changes(cli, repo, "HEAD~1", "HEAD")
    assert (f["old"], f["new"], f["status"]) == (
        "HEAD~1:agreements/antwerpen.yaml",
        "HEAD:agreements/antwerpen.yaml",
        "modified",
    )
    got = [(c["path"], c["kind"], c["old"], c["new"], c["substantive"]) for c in f["changes"]]
    assert got == [
        (["consultation", "bodies", "stuurgroep", "min_meetings_per_year"], "changed", 2, 4, True),
        (["duration", "end"], "changed", "2025-12-31", "2026-12-31", True),
    ]
    end = f["changes"][1]
    text = (repo / "agreements" / "antwerpen.yaml").read_text(encoding="utf-8").splitlines()
    assert text[end["new_line"] - 1].strip() == "end: 31-12-2026"
    assert end["old_line"] == end["new_line"]
    md = cli("diff", "HEAD~1..HEAD", "--format", "markdown", cwd=repo).stdout
    assert "- einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in md
    assert "overlegorgaan Stuurgroep: minimum aantal vergaderingen per jaar verhoogd van 2 naar 4" in md


def test_reorder_is_not_substantive(cli, repo: Path) -> None:
    path = repo / "agreements" / "antwerpen.yaml"
    text = path.read_text(encoding="utf-8")
    first = "      - id: klant-centraal\n"
    start = text.index(first)
    second = text.index("      - id: eigenaarschap\n")
    third = text.index("      - id: solide-organisatienetwerk\n")
    path.write_text(text[:start] + text[second:third] + text[start:second] + text[third:], encoding="utf-8")
    commit(repo, "reorder")
    (f,) = changes(cli, repo, "HEAD~1", "HEAD")
    assert [c["substantive"] for c in f["changes"]] == [False]
    assert f["changes"][0]["kind"] == "moved"
    assert cli("diff", "HEAD~1", "HEAD", "--substantive-only", "--exit-code", cwd=repo).returncode == 0


def test_party_added_then_removed(cli, repo: Path) -> None:
    path = repo / "agreements" / "gent.yaml"
    edit(path, "\napprovals:\n", "\n  - {id: in-gent, name: In-Gent, kind: andere}\n\napprovals:\n")
    commit(repo, "add party")
    (f,) = changes(cli, repo, "HEAD~1", "HEAD")
    assert [(c["path"], c["kind"], c["substantive"]) for c in f["changes"]] == [(["parties", "in-gent"], "added", True)]
    assert f["changes"][0]["new"] == {"id": "in-gent", "name": "In-Gent", "kind": "andere"}
    edit(path, "\n  - {id: in-gent, name: In-Gent, kind: andere}\n", "\n")
    commit(repo, "remove party")
    (f,) = changes(cli, repo, "HEAD~1", "HEAD")
    assert [(c["path"], c["kind"]) for c in f["changes"]] == [(["parties", "in-gent"], "removed")]
    assert changes(cli, repo, "HEAD~2", "HEAD") == []
    md = cli("diff", "HEAD~2", "HEAD~1", "--format", "markdown", cwd=repo).stdout
    assert "- partij In-Gent toegevoegd" in md


def test_renamed_file(cli, repo: Path) -> None:
    git(repo, "mv", "agreements/gent.yaml", "agreements/gent-vdab.yaml")
    commit(repo, "rename")
    (f,) = changes(cli, repo, "HEAD~1..HEAD")
    assert (f["status"], f["old"], f["new"], f["changes"]) == (
        "renamed",
        "HEAD~1:agreements/gent.yaml",
        "HEAD:agreements/gent-vdab.yaml",
        [],
    )


def test_added_and_deleted_files(cli, repo: Path) -> None:
    shutil.copy(AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml", repo / "agreements" / "pact.yaml")
    (repo / "agreements" / "gent.yaml").unlink()
    commit(repo, "add and delete")
    files = changes(cli, repo, "HEAD~1", "HEAD")
    assert sorted((f["status"], f["old"] or f["new"]) for f in files) == [
        ("added", "HEAD:agreements/pact.yaml"),
        ("deleted", "HEAD~1:agreements/gent.yaml"),
    ]


def test_whitespace_only_edit_is_editorial(cli, repo: Path) -> None:
    edit(
        repo / "agreements" / "antwerpen.yaml",
        "vertrouwen op elkaars inschattingen",
        "vertrouwen  op elkaars inschattingen,",
    )
    (f,) = changes(cli, repo)  # bare: working tree against HEAD
    assert [(c["kind"], c["substantive"]) for c in f["changes"]] == [("changed", False)]
    assert f["new"] == "agreements/antwerpen.yaml"


def test_wording_of_a_commitment_is_substantive(cli, repo: Path) -> None:
    edit(
        repo / "agreements" / "gent.yaml",
        "via een organisatieoverstijgende accountwerking",
        "via een gezamenlijke accountwerking",
    )
    (f,) = changes(cli, repo, "HEAD")
    assert [(c["path"][-2:], c["substantive"]) for c in f["changes"]] == [(["vacatures-snel-ontsluiten", "text"], True)]


def test_date_notation_is_no_change(cli, repo: Path) -> None:
    edit(repo / "agreements" / "antwerpen.yaml", "  end: 31-12-2025", "  end: 2025-12-31")
    assert changes(cli, repo) == []
    assert cli("diff", "--exit-code", cwd=repo).returncode == 0


def test_exit_code(cli, repo: Path) -> None:
    edit(repo / "agreements" / "antwerpen.yaml", "  end: 31-12-2025", "  end: 30-06-2025")
    assert cli("diff", "--exit-code", cwd=repo).returncode == 1
    assert cli("diff", cwd=repo).returncode == 0


def test_side_that_does_not_validate_is_located_and_still_compared(cli, repo: Path) -> None:
    path = repo / "agreements" / "antwerpen.yaml"
    edit(path, "  end: 31-12-2025", "  end: 31-13-2025")
    edit(path, "      min_meetings_per_year: 2", "      min_meetings_per_year: 3")
    result = cli("diff", "--format", "json", cwd=repo)
    assert result.returncode == 2
    (f,) = json.loads(result.stdout)["files"]
    (err,) = f["errors"]
    line = path.read_text(encoding="utf-8").splitlines().index("  end: 31-13-2025") + 1
    assert (err["path"], err["line"], err["col"]) == ("agreements/antwerpen.yaml", line, 8)
    paths = [c["path"][-1] for c in f["changes"]]
    assert "min_meetings_per_year" in paths


def test_two_files(cli, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    shutil.copy(KALMTHOUT, new)
    # The same person under a new id, references and all: one editorial change, not a removal and an addition.
    new.write_text(KALMTHOUT.read_text(encoding="utf-8").replace("annick-smeets", "annick-smeets-2"), "utf-8")
    result = compare_files(KALMTHOUT, new)
    assert [(c.kind, c.path[-1], c.old, c.new, c.substantive) for c in result.changes] == [
        (Kind.CHANGED, "id", "annick-smeets", "annick-smeets-2", False)
    ]


@pytest.mark.parametrize("path", sorted(AGREEMENTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_real_agreement_against_itself_is_empty(path: Path) -> None:
    assert compare_files(path, path).changes == ()


def test_revisions_and_paths_are_never_options(cli, repo: Path) -> None:
    for hostile in ("--output=/tmp/pwned", "-p", "--help"):
        result = cli("diff", "HEAD", "--", hostile, cwd=repo)
        assert result.returncode in (0, 2)
        assert "Traceback" not in result.stderr
    bad = cli("diff", "--exit-code", "HEAD", "-x", cwd=repo)
    assert bad.returncode == 2
    # '-oops..HEAD' is '-o ops..HEAD' (the output file), as for any command: no revision can start with '-'.
    written = cli("diff", "-oops..HEAD", cwd=repo)
    assert written.returncode == 0 and (repo / "ops..HEAD").is_file()
    # Below the command line, a revision that looks like an option never reaches git as one.
    from samenwerk.diff import compare_revisions
    from samenwerk.errors import SamenwerkError

    for rev in ("--output=/tmp/pwned", "-p", "--exec=touch /tmp/pwned"):
        with pytest.raises(SamenwerkError, match="geen bestand en geen git-revisie|geen revisie"):
            compare_revisions(rev, "HEAD", ["."], repo)
    assert not Path("/tmp/pwned").exists()


def test_html_redline(cli, repo: Path) -> None:
    # An extension changes the end date and the sentence that says it (the document says its term once).
    edit(repo / "agreements" / "antwerpen.yaml", "  end: 31-12-2025", "  end: 31-12-2026")
    edit(repo / "agreements" / "antwerpen.yaml", "einddatum 31 december 2025.", "einddatum 31 december 2026.")
    page = cli("diff", "--format", "html", cwd=repo).stdout
    assert '<html lang="nl">' in page
    assert "<del>2025.</del><ins>2026.</ins>" in page or "<del>2025</del><ins>2026</ins>" in page
    assert "einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in page


def test_git_diff_driver(repo: Path) -> None:
    samenwerk = Path(sys.executable).parent / "samenwerk"
    assert samenwerk.exists()
    (repo / ".gitattributes").write_text("agreements/*.yaml diff=samenwerk\n", encoding="utf-8")
    git(repo, "config", "diff.samenwerk.command", f"{samenwerk} git-diff-driver")
    edit(repo / "agreements" / "antwerpen.yaml", "  end: 31-12-2025", "  end: 31-12-2026")
    out = git(repo, "diff")
    assert "~ einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in out
    commit(repo, "extend")
    log = git(repo, "log", "-p", "--ext-diff", "-1")
    assert "~ einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in log
