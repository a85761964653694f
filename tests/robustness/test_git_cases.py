"""samenwerk diff on real git repositories that hold what agreement repositories sometimes hold: submodules,
symbolic links, type changes, renames, copies, binary files, deletions, odd file names, no commits at all.

Every case runs the command in a subprocess in text, Markdown and JSON: it must answer with exit 0, 1 or 2,
never a traceback or an internal error (exit 3), and say what it did with the file in a line of its own.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from samenwerk.document.yaml import MAX_FILE_BYTES

from ..conftest import AGREEMENTS, GIT_ENV, git

GENT = AGREEMENTS / "gent-vdab-2020-2025.yaml"
FORMATS = ("text", "markdown", "json")


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def extend(path: Path) -> None:
    """One substantive change: the end date a year later."""
    text = path.read_text(encoding="utf-8")
    assert "  end: 31-12-2025\n" in text
    path.write_text(text.replace("  end: 31-12-2025\n", "  end: 31-12-2026\n"), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "agreements").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copy(GENT, root / "agreements" / "gent.yaml")
    shutil.copy(GENT, root / "agreements" / "other.yaml")
    commit(root, "initial")
    return root


@dataclass(frozen=True)
class Case:
    setup: Callable[[Path], list[str]]
    """Changes the repository; returns the arguments of samenwerk diff."""
    code: int
    text: str
    """The start of a line of the text report ('…' stands for any text in a line: a message the loader words)."""
    markdown: str
    """Part of the Markdown report."""
    json: str
    """Part of the JSON report summarised as 'status old -> new: messages | change paths', one line per file."""
    stderr: bool = False
    """The answer is an error message on standard error (nothing compared), the same in every format."""


def _found(expected: str, text: str, *, start: bool = False) -> bool:
    """Whether ``expected`` is in ``text`` (at the start of a line with ``start``); '…' matches anything but a
    line break."""
    pattern = "[^\n]*?".join(re.escape(part) for part in expected.split("…"))
    return re.search(("(?m)^\\s*" if start else "") + pattern, text) is not None


def _summary(doc: dict) -> str:
    lines = []
    for f in doc["files"]:
        messages = "; ".join(e["message"] for e in f["errors"])
        paths = ", ".join(".".join(c["path"]) or "(file)" for c in f["changes"])
        lines.append(f"{f['status']} {f['old']} -> {f['new']}: {messages} | {paths}\n")
    return "".join(lines)


# --- the cases ----------------------------------------------------------------------------------------


def _gitlink(repo: Path, sha: str) -> None:
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{sha},agreements/sub.yaml")
    git(repo, "commit", "-qm", "submodule")


def submodule_added(repo: Path) -> list[str]:
    _gitlink(repo, "1" * 40)
    return ["HEAD~1", "HEAD"]


def submodule_moved_on(repo: Path) -> list[str]:
    _gitlink(repo, "1" * 40)
    _gitlink(repo, "2" * 40)
    return ["HEAD~1", "HEAD"]


def file_became_symlink(repo: Path) -> list[str]:
    (repo / "agreements" / "gent.yaml").unlink()
    (repo / "agreements" / "gent.yaml").symlink_to("other.yaml")
    commit(repo)
    return ["HEAD~1", "HEAD"]


def symlink_became_file(repo: Path) -> list[str]:
    file_became_symlink(repo)
    (repo / "agreements" / "gent.yaml").unlink()
    shutil.copy(GENT, repo / "agreements" / "gent.yaml")
    commit(repo)
    return ["HEAD~1", "HEAD"]


def file_became_symlink_in_work_tree(repo: Path) -> list[str]:
    (repo / "agreements" / "gent.yaml").unlink()
    (repo / "agreements" / "gent.yaml").symlink_to("other.yaml")
    return []


def symlink_out_of_the_repository(repo: Path) -> list[str]:
    (repo / "agreements" / "passwd.yaml").symlink_to("/etc/passwd")
    commit(repo)
    return ["HEAD~1", "HEAD"]


def renamed_and_changed(repo: Path) -> list[str]:
    git(repo, "mv", "agreements/gent.yaml", "agreements/gent-vdab.yaml")
    extend(repo / "agreements" / "gent-vdab.yaml")
    commit(repo)
    return ["HEAD~1..HEAD"]


def copied(repo: Path) -> list[str]:
    shutil.copy(repo / "agreements" / "gent.yaml", repo / "agreements" / "gent-copy.yaml")
    commit(repo)
    return ["HEAD~1", "HEAD"]


def renamed_to_another_kind_of_file(repo: Path) -> list[str]:
    git(repo, "mv", "agreements/gent.yaml", "agreements/gent.txt")
    commit(repo)
    return ["HEAD~1", "HEAD"]


def binary(repo: Path) -> list[str]:
    (repo / "agreements" / "gent.yaml").write_bytes(GENT.read_bytes().replace(b"Gent", b"G\xe9nt", 1))
    commit(repo)
    return ["HEAD~1", "HEAD"]


def deleted(repo: Path) -> list[str]:
    (repo / "agreements" / "gent.yaml").unlink()
    commit(repo)
    return ["HEAD~1", "HEAD"]


def deleted_in_work_tree(repo: Path) -> list[str]:
    (repo / "agreements" / "gent.yaml").unlink()
    return ["HEAD"]


def untracked(repo: Path) -> list[str]:
    shutil.copy(GENT, repo / "agreements" / "new one.yaml")
    return []


ODD = {
    "space": "a b.yaml",
    "newline": "new\nline.yaml",
    "quote": 'q"uote.yaml',
    "not-utf8": os.fsdecode(b"bad\xff.yaml"),
}


def odd_name(key: str) -> Callable[[Path], list[str]]:
    def setup(repo: Path) -> list[str]:
        path = repo / "agreements" / ODD[key]
        shutil.copy(GENT, path)
        commit(repo, "add")
        extend(path)
        commit(repo)
        return ["HEAD~1", "HEAD"]

    return setup


def empty_repository(repo: Path) -> list[str]:
    shutil.rmtree(repo / ".git")
    git(repo, "init", "-q", "-b", "main")
    return []


def outside_the_repository(repo: Path) -> list[str]:
    return ["HEAD", "--", str(repo.parent)]


def no_such_revision(repo: Path) -> list[str]:
    return ["HEAD", "no-such-revision"]


def unmerged(repo: Path) -> list[str]:
    path = repo / "agreements" / "gent.yaml"
    git(repo, "checkout", "-qb", "other")
    extend(path)
    commit(repo)
    git(repo, "checkout", "-q", "main")
    path.write_text(path.read_text(encoding="utf-8").replace("  end: 31-12-2025\n", "  end: 31-12-2027\n"))
    commit(repo)
    subprocess.run(["git", "merge", "-q", "other"], cwd=repo, capture_output=True, env={**os.environ, **GIT_ENV})
    return []


SYMLINK = "symbolische link, niet vergeleken"
SUBMODULE = "submodule, niet vergeleken"
CASES = {
    "submodule added": Case(
        submodule_added,
        2,
        f"HEAD:agreements/sub.yaml:1:1: warning: {SUBMODULE} [io]",
        f"`HEAD:agreements/sub.yaml:1:1`: {SUBMODULE}",
        f"added None -> HEAD:agreements/sub.yaml: {SUBMODULE} |",
    ),
    "submodule moved on": Case(
        submodule_moved_on,
        2,
        f"HEAD:agreements/sub.yaml:1:1: warning: {SUBMODULE} [io]",
        f"`HEAD:agreements/sub.yaml:1:1`: {SUBMODULE}",
        f"modified HEAD~1:agreements/sub.yaml -> HEAD:agreements/sub.yaml: {SUBMODULE} |",
    ),
    "file became a symbolic link": Case(
        file_became_symlink,
        2,
        f"HEAD:agreements/gent.yaml:1:1: warning: {SYMLINK} [io]",
        f"`HEAD:agreements/gent.yaml:1:1`: {SYMLINK}",
        f"modified HEAD~1:agreements/gent.yaml -> HEAD:agreements/gent.yaml: {SYMLINK} |",
    ),
    "symbolic link became a file": Case(
        symlink_became_file,
        2,
        f"HEAD~1:agreements/gent.yaml:1:1: warning: {SYMLINK} [io]",
        f"`HEAD~1:agreements/gent.yaml:1:1`: {SYMLINK}",
        f"modified HEAD~1:agreements/gent.yaml -> HEAD:agreements/gent.yaml: {SYMLINK} |",
    ),
    "file became a symbolic link in the work tree": Case(
        file_became_symlink_in_work_tree,
        2,
        f"agreements/gent.yaml:1:1: warning: {SYMLINK} [io]",
        f"`agreements/gent.yaml:1:1`: {SYMLINK}",
        f"modified HEAD:agreements/gent.yaml -> agreements/gent.yaml: {SYMLINK} |",
    ),
    "symbolic link out of the repository": Case(
        symlink_out_of_the_repository,
        2,
        f"HEAD:agreements/passwd.yaml:1:1: warning: {SYMLINK} [io]",
        f"`HEAD:agreements/passwd.yaml:1:1`: {SYMLINK}",
        f"added None -> HEAD:agreements/passwd.yaml: {SYMLINK} |",
    ),
    "renamed and changed": Case(
        renamed_and_changed,
        0,
        "  ~ einddatum gewijzigd van 31 december 2025 naar 31 december 2026  [inhoudelijk; regel 475]",
        "- einddatum gewijzigd van 31 december 2025 naar 31 december 2026 (regel 475)",
        "renamed HEAD~1:agreements/gent.yaml -> HEAD:agreements/gent-vdab.yaml:  | duration.end",
    ),
    "copied": Case(
        copied,
        0,
        "HEAD:agreements/gent-copy.yaml (nieuw)",
        "### `HEAD:agreements/gent-copy.yaml` (nieuw)",
        "added None -> HEAD:agreements/gent-copy.yaml:  | (file)",
    ),
    "renamed to a file that is no agreement": Case(
        renamed_to_another_kind_of_file,
        0,
        "HEAD~1:agreements/gent.yaml (verwijderd)",
        "### `HEAD~1:agreements/gent.yaml` (verwijderd)",
        "deleted HEAD~1:agreements/gent.yaml -> None:  | (file)",
    ),
    "not UTF-8": Case(
        binary,
        2,
        "HEAD:agreements/gent.yaml:3:50: error: …UTF-8… [syntax]",
        "`HEAD:agreements/gent.yaml:3:50`: …UTF-8",
        "modified HEAD~1:agreements/gent.yaml -> HEAD:agreements/gent.yaml: …UTF-8… | \n",
    ),
    "deleted": Case(
        deleted,
        0,
        "HEAD~1:agreements/gent.yaml (verwijderd)",
        "### `HEAD~1:agreements/gent.yaml` (verwijderd)",
        "deleted HEAD~1:agreements/gent.yaml -> None:  | (file)",
    ),
    "deleted in the work tree": Case(
        deleted_in_work_tree,
        0,
        "HEAD:agreements/gent.yaml (verwijderd)",
        "### `HEAD:agreements/gent.yaml` (verwijderd)",
        "deleted HEAD:agreements/gent.yaml -> None:  | (file)",
    ),
    "untracked": Case(
        untracked,
        0,
        '"agreements/new one.yaml" (nieuw)',
        '### `"agreements/new one.yaml"` (nieuw)',
        "added None -> agreements/new one.yaml:  | (file)",
    ),
    "name with a space": Case(
        odd_name("space"),
        0,
        '"HEAD:agreements/a b.yaml" (gewijzigd)',
        '### `"HEAD:agreements/a b.yaml"` (gewijzigd)',
        "modified HEAD~1:agreements/a b.yaml -> HEAD:agreements/a b.yaml:  | duration.end",
    ),
    "name with a line break": Case(
        odd_name("newline"),
        0,
        '"HEAD:agreements/new\\nline.yaml" (gewijzigd)',
        '### `"HEAD:agreements/new\\nline.yaml"` (gewijzigd)',
        "modified HEAD~1:agreements/new\nline.yaml -> HEAD:agreements/new\nline.yaml:  | duration.end",
    ),
    "name with a quote": Case(
        odd_name("quote"),
        0,
        '"HEAD:agreements/q\\"uote.yaml" (gewijzigd)',
        '### `"HEAD:agreements/q\\"uote.yaml"` (gewijzigd)',
        'modified HEAD~1:agreements/q"uote.yaml -> HEAD:agreements/q"uote.yaml:  | duration.end',
    ),
    "name that is not UTF-8": Case(
        odd_name("not-utf8"),
        0,
        '"HEAD:agreements/bad\\xff.yaml" (gewijzigd)',
        '### `"HEAD:agreements/bad\\xff.yaml"` (gewijzigd)',
        "modified HEAD~1:agreements/bad\\xff.yaml -> HEAD:agreements/bad\\xff.yaml:  | duration.end",
    ),
    "unmerged": Case(
        unmerged,
        2,
        "agreements/gent.yaml:47…: error: … [syntax]",
        "`agreements/gent.yaml:47…`: ",
        "modified HEAD:agreements/gent.yaml -> agreements/gent.yaml: … | \n",
    ),
    "empty repository": Case(empty_repository, 2, "de repository heeft nog geen commits", "", "", stderr=True),
    "path outside the repository": Case(outside_the_repository, 2, ": buiten de git-repository", "", "", stderr=True),
    "no such revision": Case(
        no_such_revision, 2, "'no-such-revision' is geen bestand en geen git-revisie", "", "", stderr=True
    ),
}


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The expected reports below are worded in Dutch (tests/test_i18n.py checks both languages)."""
    monkeypatch.setenv("SAMENWERK_LANG", "nl")


@pytest.mark.parametrize("name", CASES)
def test_git_case(cli, repo: Path, name: str) -> None:
    case = CASES[name]
    args = case.setup(repo)
    for fmt in FORMATS:
        result = cli("diff", *args, "--format", fmt, cwd=repo)
        assert result.returncode == case.code, (fmt, result.returncode, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        if case.stderr:
            assert _found(case.text, result.stderr) and result.stderr.count("\n") == 1, result.stderr
            assert result.stdout == ""
        elif fmt == "text":
            assert _found(case.text, result.stdout, start=True), result.stdout
        elif fmt == "markdown":
            assert _found(case.markdown, result.stdout), result.stdout
        else:
            assert _found(case.json, _summary(json.loads(result.stdout))), _summary(json.loads(result.stdout))


def test_not_a_repository(cli, tmp_path: Path) -> None:
    shutil.copy(GENT, tmp_path / "gent.yaml")
    for args in ([], ["HEAD"], ["HEAD", "gent.yaml"]):
        result = cli("diff", *args, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "staat niet in een git-repository" in result.stderr, result.stderr
    assert cli("diff", "gent.yaml", "gent.yaml", cwd=tmp_path).returncode == 0  # two files need no repository


def test_large_blob_is_refused_not_read(cli, repo: Path) -> None:
    """A file beyond the loader's size limit is named and refused, in a revision and on disk alike."""
    big = repo / "agreements" / "big.yaml"
    big.write_bytes(b"notes:\n" + b'  - "x"\n' * (MAX_FILE_BYTES // 8 + 1))
    size, limit = big.stat().st_size, MAX_FILE_BYTES // (1024 * 1024)
    commit(repo)
    for args in (
        ["HEAD~1", "HEAD"],
        ["HEAD~1", "agreements/big.yaml"],
        ["agreements/gent.yaml", "agreements/big.yaml"],
    ):
        result = cli("diff", *args, "--format", "text", cwd=repo)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        dutch = f"{size:,}".replace(",", ".")
        assert f"big.yaml:1:1: error: het bestand is {dutch} bytes; overeenkomsten zijn beperkt tot {limit} MiB" in (
            result.stdout
        )
