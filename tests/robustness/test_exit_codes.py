"""The exit-code contract: every command over a corpus of broken input answers 0, 1 or 2, never 3, never a
traceback, and names the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import AGREEMENTS, FIXTURES, ROOT
from .invoke import invoke

MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")

# Broken on purpose: how each file goes wrong is in its name.
MADE = {
    "broken-reference.yaml": MINIMAL.replace("    - party: gemeente\n", "    - party: gemeent\n"),
    "unknown-signatory.yaml": MINIMAL.replace("{person: burgemeester}", "{person: niemand}"),
    "types-swapped.yaml": MINIMAL.replace("min_meetings_per_year: 2", "min_meetings_per_year: [2]"),
    "dates-swapped.yaml": MINIMAL.replace("start: 1-1-2020", "start: 2025-12-31").replace(
        "end: 2025-12-31", "end: 1-1-2020"
    ),
    "date-as-number.yaml": MINIMAL.replace("end: 2025-12-31", "end: 2025"),
    "parties-removed.yaml": MINIMAL.replace("parties:", "partijen:"),
    "huge-integer.yaml": MINIMAL.replace("min_meetings_per_year: 2", "min_meetings_per_year: " + "9" * 5000),
    "huge-period.yaml": MINIMAL.replace(
        "  end: 2025-12-31\n",
        "  end: 2025-12-31\n  termination: {allowed: true, notice: {value: 999999999999, unit: years}}\n",
    ),
    "far-future.yaml": MINIMAL.replace("end: 2025-12-31", "end: 31-12-9999"),
    "deep-nesting.yaml": MINIMAL + "notes: " + "[" * 300 + "]" * 300 + "\n",
    "control-characters.yaml": MINIMAL.replace("title: ", "title: \x1b[31m\u202e", 1),
    "long-title.yaml": MINIMAL.replace("title: ", "title: " + "lang " * 20000, 1),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for source in sorted((ROOT / "tests" / "document" / "hostile").iterdir()):
        shutil.copy(source, folder / f"hostile-{source.name}")
    for source in sorted((FIXTURES / "lint" / "negative").iterdir()):
        shutil.copy(source, folder / f"negative-{source.name}")
    for name, text in MADE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.iterdir())


def _check(result, allowed: tuple[int, ...] = (0, 1, 2)) -> None:
    assert result.returncode in allowed, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr + result.stdout


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "json-lines", "github", "gitlab", "junit", "sarif"])
def test_lint_over_the_whole_corpus(cli, corpus: Path, fmt: str) -> None:
    result = cli("lint", "--no-cache", "-f", fmt, str(corpus))
    _check(result, (1,))
    if fmt == "json":  # every file has its own result, whatever the others did
        assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(p) for p in _files(corpus)]


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "ics"])
def test_expiring_over_the_whole_corpus(cli, corpus: Path, fmt: str) -> None:
    result = cli("expiring", str(corpus), "-f", fmt, "--as-of", "2025-06-01")
    _check(result, (2,))  # some files cannot be loaded: that is the input's fault, said as such


def _check_in_process(code: int, output: str, path: Path) -> None:
    assert code in (0, 1, 2), (path.name, code, output[-2000:])
    assert "Traceback" not in output and "internal error" not in output, (path.name, output[-2000:])
    if code == 2:
        assert path.name in output, output[-2000:]


def test_render_over_each_file(corpus: Path, tmp_path: Path) -> None:
    for path in _files(corpus):
        for fmt in ("md", "html"):
            _check_in_process(*invoke("render", str(path), "-f", fmt, "-o", str(tmp_path / f"{path.stem}.{fmt}")), path)


def test_render_pdf_of_the_files_that_load(corpus: Path, tmp_path: Path) -> None:
    for name in ("control-characters.yaml", "long-title.yaml", "far-future.yaml", "broken-reference.yaml"):
        path = corpus / name
        _check_in_process(*invoke("render", str(path), "-f", "pdf", "-o", str(tmp_path / f"{name}.pdf")), path)


def test_diff_of_each_file_against_a_real_agreement(corpus: Path) -> None:
    real = AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml"
    for path in _files(corpus):
        for fmt in ("text", "json", "html"):
            _check_in_process(*invoke("diff", str(real), str(path), "--format", fmt), path)
        _check_in_process(*invoke("diff", str(path), str(path), "--format", "markdown"), path)
