"""Lint's answer on an unchanged file does not depend on the day it runs: time questions are expiring's.

The calendar is moved for real (freezegun moves ``date.today`` everywhere) over the shipped agreements and
over agreements whose end date lies between the two days.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from freezegun import freeze_time

from samenwerk.lint import lint_file
from tests.conftest import AGREEMENTS

ENDED_BETWEEN = """\
id: t
title: Overeenkomst 2024-2027
kind: pact
status: signed
parties: [{id: vdab, name: VDAB, kind: vdab}]
duration: {start: 01-01-2024, end: 31-12-2027}
"""


@pytest.mark.parametrize("path", [*sorted(AGREEMENTS.glob("*.yaml")), None], ids=lambda p: p.stem if p else "ends-2027")
def test_the_same_answer_in_2024_and_in_2031(path: Path | None, tmp_path: Path) -> None:
    if path is None:
        path = tmp_path / "t.yaml"
        path.write_text(ENDED_BETWEEN, encoding="utf-8")
    with freeze_time("2024-01-01"):
        before = lint_file(path).diagnostics
    with freeze_time("2031-01-01"):
        after = lint_file(path).diagnostics
    assert [d.format() for d in before] == [d.format() for d in after]


def test_as_of_is_accepted_with_a_warning_and_changes_nothing(cli) -> None:
    plain = cli("lint", "--no-cache", "-f", "concise", "agreements")
    dated = cli("lint", "--no-cache", "-f", "concise", "--as-of", "2031-01-01", "agreements")
    assert dated.returncode == plain.returncode == 0
    assert dated.stdout == plain.stdout
    assert "--as-of is ignored" in dated.stderr
