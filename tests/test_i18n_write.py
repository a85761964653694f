"""The commands that write files speak the user's language too (issue 21): fmt, fix and init, and the
messages of new, extend and amend, in Dutch and in English, with no word of the other language outside quoted
agreement text, file names and proper names (the word lists and the filter of tests/test_i18n.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CACHE_HOME, git
from .test_i18n import DUTCH_WORDS, ENGLISH_WORDS, _own_words

GOOD = (
    "id: a\n"
    "title: Samenwerking Gent en VDAB 2024 - 2025\n"
    "kind: pact\n"
    "parties: [{id: vdab, name: VDAB, kind: vdab}]\n"
    "duration:\n"
    "  start: 01-01-2024\n"
    "  end: 31-12-2025\n"
    "signing: {blocks: [{party: vdab}]}\n"
)
MESSY = GOOD.replace("id: a\n", "id: m\n").replace("kind: pact\n", "kind:    'pact'\n")
"""Not in canonical form: fmt rewrites it."""
BROKEN = GOOD.replace("start: 01-01-2024", "start: 1 januari 2024").replace("2024 - 2025", "2024 - 2026") + (
    "notes:\n  - 'Opgesteld door de stuurgroep.'   \n"
)
"""What fix repairs: a date written in words, a title whose years disagree, trailing spaces."""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    (repo / "schemas").mkdir()
    (repo / "schemas" / "agreement.schema.json").write_text("{}\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    (repo / "agreements" / "messy.yaml").write_text(MESSY, encoding="utf-8")
    (repo / "agreements" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (repo / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    return repo


def _run(lang: str, *args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(CACHE_HOME), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "samenwerk", "--lang", lang, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


RUNS: list[tuple[tuple[str, ...], str | None, int, bool]] = [
    # (arguments, standard input, exit code, whether standard output is samenwerk's own text)
    (("fmt", "--check", "agreements/messy.yaml"), None, 1, True),
    (("fmt", "--check", "-", "--stdin-filename", "agreements/messy.yaml"), MESSY, 1, True),
    (("fmt", "-", "agreements/messy.yaml"), None, 2, True),  # '-' stands alone
    (("fmt", "--check", "agreements/messy.yaml", "bad.yaml"), None, 2, True),  # bad.yaml does not parse
    (("fix", "--diff", "agreements/broken.yaml"), None, 1, False),
    (("fix", "-", "--stdin-filename", "agreements/broken.yaml"), BROKEN, 0, False),
    (("fix", "agreements/broken.yaml"), None, 0, True),
    (("fmt", "agreements"), None, 0, True),
    (("init", "site"), None, 0, True),
    (("init", "site"), None, 0, True),  # again: every file is up to date
    (("new", "pact", "--id", "Geen Id"), None, 2, True),
    (("new", "pact", "--id", "x", "--party", "p:P:planeet"), None, 2, True),
    (("new", "pact", "--id", "x", "--start", "01-01-2027", "--end", "31-12-2026"), None, 2, True),
    (("new", "addendum", "--id", "x", "--party", "p:P:andere"), None, 2, True),
    (("new", "verlenging"), None, 2, True),
    (("extend", "geen-overeenkomst", "--until", "31-12-2030"), None, 2, True),
    (("extend", "a", "--until", "31-12-2024", "agreements"), None, 2, True),
]


def _outputs(lang: str, tmp_path: Path) -> str:
    repo = _repo(tmp_path / lang)
    texts = []
    for args, stdin, code, own_stdout in RUNS:
        if args == ("init", "site") and (repo / "site").exists():
            (repo / "site" / "samenwerk.toml").write_text("# changed by hand\n", encoding="utf-8")
        done = _run(lang, *args, cwd=repo, stdin=stdin)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        texts.append((done.stdout if own_stdout else "") + done.stderr)
    return "\n".join(texts)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    where = tmp_path_factory.mktemp("write")
    return {lang: _outputs(lang, where) for lang in ("nl", "en")}


def test_no_english_word_in_a_dutch_run(outputs: dict[str, str]) -> None:
    words = _own_words(outputs["nl"])
    assert len(words) > 150
    assert sorted(set(words) & ENGLISH_WORDS) == []


def test_no_dutch_word_in_an_english_run(outputs: dict[str, str]) -> None:
    words = _own_words(outputs["en"])
    assert len(words) > 150
    assert sorted(set(words) & DUTCH_WORDS) == []


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("agreements/messy.yaml: not in canonical form; ", "agreements/messy.yaml: niet in canonieke vorm; "),
        ("1 of 1 file would be reformatted", "1 van 1 bestand te herschrijven"),
        ("'-' (standard input) cannot be given with other paths", "'-' (standaardinvoer) kan niet samen met"),
        (
            "1 of 2 files would be reformatted; 1 file could not be read or written",
            "1 van 2 bestanden te herschrijven; 1 bestand niet te lezen",
        ),
        ("agreements/broken.yaml: would fix title-years: ", "agreements/broken.yaml: te herstellen: title-years: "),
        ("agreements/broken.yaml: fixed schema: ", "agreements/broken.yaml: hersteld: schema: "),
        ("1 of 1 file fixed; 0 problems left", "1 van 1 bestand hersteld; 0 problemen over"),
        ("1 of 2 files reformatted", "1 van 2 bestanden herschreven"),
        ("site/samenwerk.toml: exists and differs; left as it is", "site/samenwerk.toml: bestaat al en verschilt"),
        ("Ready (1 file left as it was", "Klaar (1 bestand gelaten zoals het was"),
        ("--party 'p:P:planeet': the kind 'planeet' is not one of", "--party 'p:P:planeet': de soort 'planeet' is"),
        ("the end (31-12-2026) comes before the start (01-01-2027)", "het einde (31-12-2026) valt voor het begin"),
        ("--party: an addendum takes its parties", "--party: een addendum neemt zijn partijen"),
        ("a verlenging changes an agreement: name it with --amends ID", "een verlenging wijzigt een overeenkomst"),
        ("no agreement with the id 'geen-overeenkomst'", "geen overeenkomst met de id 'geen-overeenkomst'"),
        ("--until 31-12-2024 is not after the present end of 'a'", "--until 31-12-2024 valt niet na het huidige"),
    ],
)
def test_each_language_says_it_in_its_own_words(outputs: dict[str, str], english: str, dutch: str) -> None:
    assert english in outputs["en"] and dutch not in outputs["en"]
    assert dutch in outputs["nl"] and english not in outputs["nl"]
