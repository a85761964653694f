"""The register's parts on their own: party identity and page names, safe output paths, the timeline's axis,
git history with renames, and broken inputs that end in a clear exit code."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from samenwerk.register import folder, parties
from samenwerk.register.history import log
from samenwerk.register.timeline import YEAR, position
from tests.robustness.invoke import invoke

from ..conftest import AGREEMENTS, FIXTURES, ROOT, git


@pytest.mark.parametrize(
    ("rel", "ok"),
    [
        ("index.html", True),
        ("partij/vdab-30928508.html", True),
        ("../x.html", False),
        ("partij/../../x", False),
        ("/etc/passwd", False),
        ("a//b", False),
        (".samenwerk-site.json", False),
        ("Partij/X.html", False),
        ("a/b/c/d/e.html", False),
        ("", False),
    ],
)
def test_only_names_samenwerk_makes_are_paths(rel: str, ok: bool) -> None:
    assert folder.safe_relative(rel) is ok


@pytest.mark.parametrize("members", [0, 1, 511, 512, 513, 1025])
def test_the_manifest_in_pieces_is_the_text_json_would_make(members: int) -> None:
    """The manifest is written in pieces (never whole in memory): they join to exactly what ``json.dumps``
    makes of the same data, however many batches, with quotes, backslashes, non-ASCII and undecodable names,
    and whether a row was kept as a dict or as its JSON text."""
    import json

    names = [f'agreements/{i}-"q"\\-é-\udcff-☃.yaml' for i in range(members)]
    files = {f"partij/p{i}.html": {"key": f"k{i}", "size": i, "mtime": i * 10**9} for i in range(members)}
    data = {
        "entries": {name: {"id": f"id-{i}", "end": None, "tags": ["a", 1, 2.5, True]} for i, name in enumerate(names)},
        "slugs": {name: f"id-{i}" for i, name in enumerate(names)},
        "failed": {},
    }
    whole = {"format": folder.FORMAT, "fingerprint": "fp", "files": files, "data": data}
    expected = json.dumps(whole, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogateescape")
    # Rows a build keeps as JSON text already (folder.Encoded) are taken as they are.
    data["entries"] = {k: folder.Encoded.of(v) if i % 2 else v for i, (k, v) in enumerate(data["entries"].items())}
    pieces = list(folder.manifest_pieces("fp", files, data))
    assert b"".join(pieces) == expected
    assert max(len(p) for p in pieces) < len(expected) or members <= 1  # never the whole text at once


def test_page_names_depend_on_the_identity_only() -> None:
    slug = parties.slug("naam:vdab")
    assert slug.startswith("vdab-") and slug == parties.slug("naam:vdab")
    assert parties.slug("naam:../../etc/passwd").startswith("etc-passwd-")
    assert parties.slug("naam:Ünïcödé / ☃") == "unicode-" + parties.slug("naam:Ünïcödé / ☃").split("-")[-1]
    assert parties.slug("naam:☃☃").isalnum()  # nothing readable: the digest alone
    assert parties.slug("naam:a") != parties.slug("naam:A")


def test_the_axis_puts_every_first_of_january_on_a_tick() -> None:
    assert position(dt.date(2020, 1, 1), 2020, 2030) == 0
    assert position(dt.date(2021, 1, 1), 2020, 2030) == YEAR
    assert position(dt.date(2020, 7, 2), 2020, 2030) == pytest.approx(YEAR * 183 / 366, abs=0.01)  # a leap year
    assert position(dt.date(1900, 1, 1), 2020, 2030) == 0  # clipped to the axis
    assert position(dt.date(2200, 1, 1), 2020, 2030) == 10 * YEAR


def test_history_follows_a_rename(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    shutil.copy(AGREEMENTS / "gent-vdab-2020-2025.yaml", repo / "agreements" / "gent.yaml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "toegevoegd")
    git(repo, "mv", "agreements/gent.yaml", "agreements/gent-vdab.yaml")
    git(repo, "commit", "-qm", "hernoemd")
    path = repo / "agreements" / "gent-vdab.yaml"
    path.write_text(path.read_text("utf-8").replace("end: 31-12-2025", "end: 31-12-2026"), "utf-8")
    git(repo, "commit", "-qam", "verlengd")
    found = log([path])
    steps = found.steps[str(path)]
    assert [(s.commit.subject, s.status) for s in steps] == [
        ("verlengd", "modified"),
        ("hernoemd", "renamed"),
        ("toegevoegd", "added"),
    ]
    assert steps[1].old_path == "agreements/gent.yaml" and steps[0].pair is not None


def test_broken_inputs_end_in_exit_code_2_and_no_traceback(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "document" / "hostile", corpus)
    for path in (FIXTURES / "lint" / "negative").glob("*.yaml"):
        shutil.copy(path, corpus / f"negative-{path.name}")
    for path in AGREEMENTS.glob("*.yaml"):
        shutil.copy(path, corpus)
    runs = [["list", str(corpus), "-f", f] for f in ("table", "json", "csv")]
    runs.append(["list", str(corpus), "-f", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    runs.append(["site", str(corpus), "--output-dir", str(tmp_path / "site")])
    for args in runs:
        code, text = invoke(*args)
        assert code == 2, (args, text[-2000:])
        assert "internal error" not in text and "Traceback" not in text, args
    assert (tmp_path / "site" / "index.html").is_file()
