"""Two large sides are read at once, the old one in a worker process: the diff is the same as read one after
the other, to the line and the error, and a worker that fails costs nothing but the time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import samenwerk.diff as diff
from samenwerk.diff import compare_files

from ..conftest import AGREEMENTS

GENT = (AGREEMENTS / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
EDITED = (
    GENT.replace("end: 31-12-2025", "end: 31-12-2026")
    .replace("organisatieoverstijgende", "gezamenlijke")
    .replace("      - {name: de heer Johan Deckmyn}\n", "")
)
NOT_VALID = GENT.replace("title:", "titel:", 1)  # a schema error: compared as written, placed at its line
NOT_YAML = GENT.replace("parties:\n", "parties: [\n", 1)  # a syntax error: nothing compared, the error placed
AMENDMENT = """\
id: gent-verlenging
title: Verlenging van de samenwerkingsovereenkomst Gent en VDAB
kind: verlenging
amends: gent-vdab-2020-2025
effective: 01-01-2026
end: 31-12-2026
"""

CASES = {
    "edited": (GENT, EDITED),
    "old side not valid": (NOT_VALID, EDITED),
    "new side not valid": (GENT, NOT_VALID),
    "old side not YAML": (NOT_YAML, GENT),
    "an amendment": (GENT, AMENDMENT),
}


def _both(tmp_path: Path, old: str, new: str, monkeypatch: pytest.MonkeyPatch, threshold: int) -> diff.FileDiff:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    monkeypatch.setattr(diff, "PARALLEL_BYTES", threshold)
    return compare_files(a, b)


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    started: list[int] = []
    real = diff._Worker.__init__

    def init(self: diff._Worker, side: diff.Side) -> None:
        real(self, side)
        started.append(self._pid)

    monkeypatch.setattr(diff._Worker, "__init__", init)
    return started


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
@pytest.mark.parametrize("case", list(CASES))
def test_read_in_a_worker_or_here_the_diff_is_the_same(tmp_path: Path, monkeypatch, case: str) -> None:
    old, new = CASES[case]
    here = _both(tmp_path, old, new, monkeypatch, 10**12)
    started = _spy(monkeypatch)
    there = _both(tmp_path, old, new, monkeypatch, 0)
    assert len(started) == 1 or os.cpu_count() == 1
    assert there == here  # status, every change with its lines, every error at its line and column
    assert there.changes or there.errors
    assert [c.old_line for c in there.changes] == [c.old_line for c in here.changes]
    assert there.old_agreement == here.old_agreement and there.new_agreement == here.new_agreement
    assert there.old_data == here.old_data and there.new_data == here.new_data


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_a_worker_that_dies_before_answering_costs_only_time(tmp_path: Path, monkeypatch) -> None:
    here = _both(tmp_path, GENT, EDITED, monkeypatch, 10**12)
    monkeypatch.setattr(diff, "_serve", lambda side, conn: os._exit(1))
    started = _spy(monkeypatch)
    there = _both(tmp_path, GENT, EDITED, monkeypatch, 0)
    assert started and there == here and any(c.old_line for c in there.changes)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_a_worker_that_fails_finding_lines_is_a_bug_said_as_such(tmp_path: Path, monkeypatch) -> None:
    parent = os.getpid()
    real = diff._Lines.__call__

    def lines(self: diff._Lines, locs: list) -> list:
        if os.getpid() != parent:
            raise ValueError("broken in the worker")
        return real(self, locs)

    monkeypatch.setattr(diff._Lines, "__call__", lines)
    with pytest.raises(RuntimeError, match="(?s)old.yaml.s changes failed in the worker.*broken in the worker"):
        _both(tmp_path, GENT, EDITED, monkeypatch, 0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_a_worker_that_dies_before_the_lines_costs_only_time(tmp_path: Path, monkeypatch) -> None:
    # Killed after it sent what it read (out of memory, say): the lines are found here, from the side read again.
    here = _both(tmp_path, GENT, EDITED, monkeypatch, 10**12)
    parent = os.getpid()
    real = diff._Lines.__call__

    def lines(self: diff._Lines, locs: list) -> list:
        if os.getpid() != parent:
            os._exit(9)
        return real(self, locs)

    monkeypatch.setattr(diff._Lines, "__call__", lines)
    there = _both(tmp_path, GENT, EDITED, monkeypatch, 0)
    assert there == here and any(c.old_line for c in there.changes)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_the_worker_is_ended_and_collected_when_reading_the_other_side_fails(tmp_path: Path, monkeypatch) -> None:
    started = _spy(monkeypatch)
    real = diff._load
    parent = os.getpid()

    def load(side: diff.Side):
        if os.getpid() == parent:
            raise KeyboardInterrupt  # Ctrl-C while this process reads the new side
        return real(side)

    monkeypatch.setattr(diff, "_load", load)
    with pytest.raises(KeyboardInterrupt):
        _both(tmp_path, GENT, EDITED, monkeypatch, 0)
    assert started
    with pytest.raises(ProcessLookupError):  # not running, and not left as a zombie either: collected
        os.kill(started[0], 0)
