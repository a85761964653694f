"""A register in a real git repository: the shipped agreements, committed, then the Gent agreement extended
by a year (a substantive change) with a reworded note (an editorial one) in a second commit."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from samenwerk import i18n

from ..conftest import AGREEMENTS, git


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The register's tests read it in Dutch, as its readers do (tests/test_i18n.py checks both languages)."""
    monkeypatch.setenv("SAMENWERK_LANG", "nl")
    before = i18n._STATE.language
    i18n.use("nl")
    yield
    i18n.use(before)


AS_OF = dt.date(2025, 6, 30)
"""The date the tests take as today: the shipped agreements still run then."""
GENT = "gent-vdab-2020-2025"


def make_repo(root: Path) -> Path:
    (root / "agreements").mkdir(parents=True)
    for path in sorted(AGREEMENTS.glob("*.yaml")):
        shutil.copy(path, root / "agreements" / path.name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Alle overeenkomsten")
    gent = root / "agreements" / f"{GENT}.yaml"
    text = gent.read_text(encoding="utf-8")
    assert "  end: 31-12-2025" in text
    gent.write_text(text.replace("  end: 31-12-2025", "  end: 31-12-2026", 1), encoding="utf-8")
    git(root, "commit", "-qam", "Gent verlengd tot eind 2026")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


@pytest.fixture(autouse=True)
def user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's cache directory (the secret that authenticates site manifests) of this test run."""
    from ..conftest import CACHE_HOME

    monkeypatch.setenv("XDG_CACHE_HOME", str(CACHE_HOME))
