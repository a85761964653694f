"""The diff tests read the changes in Dutch, the words the people who edit agreements use: every test here runs
with SAMENWERK_LANG=nl (tests/test_i18n.py checks the English wording of the same reports)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from samenwerk import i18n


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SAMENWERK_LANG", "nl")
    before = i18n._STATE.language
    i18n.use("nl")
    yield
    i18n.use(before)
