"""Hostile and broken input: every bad file gets a clear error at its place; nothing crashes or hangs."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from samenwerk.config import parse_config
from samenwerk.lint import Settings, lint_file

from ..conftest import ROOT

HERE = Path(__file__).parent
FILES = HERE / "hostile"
EXPECTED = yaml.safe_load((HERE / "hostile-expected.yaml").read_text(encoding="utf-8"))
SUITE = ROOT.parent / "shared" / "yaml-test-suite"
NO_RULES = Settings(config=parse_config({"select": []}))


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts a file that takes too long."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def found(path: Path, settings: Settings = NO_RULES) -> list[str]:
    with deadline(20):
        result = lint_file(path, settings=settings)
    return [f"{d.line}:{d.col} {d.rule} {d.message}" for d in result.diagnostics]


def test_every_corpus_file_has_expectations() -> None:
    assert sorted(p.name for p in FILES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_corpus(name: str) -> None:
    got = found(FILES / name)
    expected = EXPECTED[name]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g.startswith(e), (g, e)


def test_yaml_1_1_words_stay_text(tmp_path: Path) -> None:
    agreement = lint_file(FILES / "byte-order-mark.yaml", settings=NO_RULES).agreement
    assert agreement is not None and agreement.id == "bom"
    text = (FILES / "yaml11-surprises.yaml").read_text(encoding="utf-8")
    fixed = text.replace("version: 0777", 'version: "0777"').replace("duration: {end: 1:20}\n", "")
    path = tmp_path / "yaml11.yaml"
    path.write_text(fixed, encoding="utf-8")
    agreement = lint_file(path, settings=NO_RULES).agreement
    assert agreement is not None
    assert (agreement.title, agreement.region, agreement.version, agreement.parties[0].name) == (
        "no",
        "on",
        "0777",
        "yes",
    )


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        (
            "deep-flow",
            lambda: "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
            "1:204 syntax nesting deeper than 200 levels is refused",
        ),
        (
            "deep-block",
            lambda: "".join(" " * i + f"k{i}:\n" for i in range(3000)),
            "2002:1 syntax indentation deeper than 2000 columns is refused",
        ),
        (
            "compact-sequences",
            lambda: "- " * 5000 + "x\n",
            "1:1 syntax indentation deeper than 2000 columns is refused",
        ),
        (
            "too-large",
            lambda: "a: " + "x" * (17 * 1024 * 1024) + "\n",
            "1:1 syntax the file is 17,825,796 bytes; agreements are limited to 5 MiB (max-file-size in samenwerk.toml)",
        ),
        (
            "long-line",
            lambda: "id: x\ntitle: " + "woord " * 800_000 + "\nkind: pact\n",
            "1:1 schema an agreement names at least one party",
        ),
    ],
)
def test_generated_hostile_files(tmp_path: Path, name: str, make, expected: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(make(), encoding="utf-8")
    got = found(path)
    assert got and got[0].startswith(expected), got


def test_tens_of_megabytes_of_valid_yaml_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    notes = "".join(f"  - notitie {i} " + "x" * 100 + "\n" for i in range(120_000))
    path.write_text(
        "id: big\ntitle: Groot\nkind: pact\nparties: [{id: a, name: A, kind: vdab}]\nnotes:\n" + notes, encoding="utf-8"
    )
    assert path.stat().st_size > 12 * 1024 * 1024
    assert found(path, Settings()) == [
        f"1:1 syntax the file is {path.stat().st_size:,} bytes; agreements are limited to 5 MiB"
        " (max-file-size in samenwerk.toml)"
    ]
    bigger = Settings(config=parse_config({"max-file-size": "20 MiB"}))
    assert found(path, bigger) == ["4:16 party-signatory party 'a' has no signature block"]


def test_symlink_out_of_the_repository_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    (repo / "link.yaml").symlink_to(secret)
    (repo / "inside.yaml").write_text(
        (FILES / "byte-order-mark.yaml").read_text(encoding="utf-8-sig"), encoding="utf-8"
    )
    (repo / "link-inside.yaml").symlink_to(repo / "inside.yaml")
    monkeypatch.chdir(repo)
    (outside,) = found(Path("link.yaml"))
    assert outside.startswith("1:1 io symbolic link to") and "not followed" in outside
    assert found(Path("link-inside.yaml")) == []


def test_code_execution_tags_do_nothing(tmp_path: Path) -> None:
    target = Path("/tmp/samenwerk-pwned")
    target.unlink(missing_ok=True)
    found(FILES / "python-tag.yaml")
    assert not target.exists()


# --- the YAML Test Suite ------------------------------------------------------------------------------

SUITE_CASES = sorted(SUITE.rglob("in.yaml")) if SUITE.exists() else []


def test_suite_is_there() -> None:
    if not SUITE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SUITE} is missing")
        pytest.skip("the YAML Test Suite is not beside the project")
    assert len(SUITE_CASES) == 402


@pytest.mark.parametrize("path", SUITE_CASES, ids=lambda p: str(p.parent.relative_to(SUITE)))
def test_yaml_test_suite_case(path: Path) -> None:
    # Every case ends in a value: clean, or problems with a position and a message. Never an exception.
    with deadline(20):
        result = lint_file(path)
    for d in result.diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.message


def test_yaml_test_suite_through_the_command_line() -> None:
    if not SUITE_CASES:
        pytest.skip("the YAML Test Suite is not beside the project")
    result = subprocess.run(
        [sys.executable, "-m", "samenwerk", "lint", "--format", "json", *map(str, SUITE_CASES)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=SUITE,
    )
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["files"]) == 402
    per_file: dict[str, int] = {}
    for d in doc["diagnostics"]:
        per_file[d["path"]] = per_file.get(d["path"], 0) + 1
    # Not one of these is an agreement: every file gets at least one clear message.
    assert len(per_file) == 402
