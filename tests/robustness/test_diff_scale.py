"""samenwerk diff stays linear: lists of 32,000 entries, keyed or not, reordered, edited or full of repeats.

The tests count the work the engine does (entries compared, pairs handed to the alignment, entry pairs given
to difflib) rather than timing it; a generous alarm only keeps a regression from hanging the run. The
alignment is checked too: what is neither removed nor added lines up, entry for entry, equal or changed.
"""

from __future__ import annotations

import difflib
import json
import random
import signal
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from samenwerk.diff import engine
from samenwerk.diff.engine import Change, Kind

from ..conftest import AGREEMENTS

N = 32_000
EDITS = N // 100  # of each kind: changed, removed, added, moved


@pytest.fixture(autouse=True)
def alarm() -> Iterator[None]:
    """A safety net, not the measure: the engine does this work in about a second."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("the diff took more than 120 seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Work:
    """Counts what the engine does while a diff runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.compared = 0  # calls of the recursive comparison: one per pair of values compared
        self.aligned = 0  # entries handed to the longest-increasing-subsequence step
        self.difflib_cells: list[int] = []  # len(a) * len(b) of every difflib alignment
        diff = engine._diff
        increasing = getattr(engine, "increasing", None)
        recorded = self.difflib_cells

        def counted_diff(*args: Any) -> Any:
            self.compared += 1
            return diff(*args)

        def counted_increasing(seq: list[int]) -> list[int]:
            self.aligned += len(seq)
            assert increasing is not None
            return increasing(seq)

        class Recording(difflib.SequenceMatcher):
            def __init__(self, a: Any = "", b: Any = "", **kw: Any) -> None:
                recorded.append(len(a) * len(b))
                # At once, before difflib starts on work that may take minutes.
                assert recorded[-1] <= getattr(engine, "SMALL", 4096), f"difflib given {len(a)} x {len(b)} entries"
                super().__init__(a=a, b=b, **kw)

        monkeypatch.setattr(engine, "_diff", counted_diff)
        if increasing is not None:
            monkeypatch.setattr(engine, "increasing", counted_increasing)
        monkeypatch.setattr(engine, "difflib", types.SimpleNamespace(SequenceMatcher=Recording))

    def assert_linear(self, entries: int) -> None:
        assert self.compared <= 8 * entries, self.compared
        assert self.aligned <= 4 * entries, self.aligned
        assert max(self.difflib_cells, default=0) <= getattr(engine, "SMALL", 4096), max(self.difflib_cells)
        assert sum(self.difflib_cells) <= getattr(engine, "BUDGET", 250_000), sum(self.difflib_cells)


def edited(entries: list[Any], change: Any, fresh: Any, seed: int = 1) -> tuple[list[Any], dict[str, set[int]]]:
    """The list with EDITS entries changed, removed, added and moved, and which (by original index)."""
    rng = random.Random(seed)
    picked = rng.sample(range(len(entries)), 3 * EDITS)
    changed, removed, moved = set(picked[:EDITS]), set(picked[EDITS : 2 * EDITS]), set(picked[2 * EDITS :])
    items = [(i, change(x) if i in changed else x) for i, x in enumerate(entries) if i not in removed]
    out = [(i, x) for i, x in items if i not in moved]
    for i, x in items:
        if i in moved:
            out.insert(rng.randrange(len(out) + 1), (i, x))
    for k in range(EDITS):
        out.insert(rng.randrange(len(out) + 1), (-1, fresh(k)))
    return [x for _, x in out], {"changed": changed, "removed": removed, "moved": moved}


def check_alignment(old: list[Any], new: list[Any], changes: list[Change]) -> None:
    """What is neither removed nor added pairs up in order, each pair equal or reported as changed."""
    removed = {c.old_loc[-1] for c in changes if c.kind is Kind.REMOVED and c.old_loc}
    added = {c.new_loc[-1] for c in changes if c.kind is Kind.ADDED and c.new_loc}
    changed = {(c.old_loc[-1], c.new_loc[-1]) for c in changes if c.kind is Kind.CHANGED and c.old_loc and c.new_loc}
    kept_old = [i for i in range(len(old)) if i not in removed]
    kept_new = [j for j in range(len(new)) if j not in added]
    assert len(kept_old) == len(kept_new)
    for i, j in zip(kept_old, kept_new, strict=True):
        assert old[i] == new[j] or (i, j) in changed, (i, j, old[i], new[j])


def note(i: int) -> str:
    return f"Notitie {i}: de tekst van notitie nummer {i}."


def test_notes_without_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    old = [note(i) for i in range(N)]
    new, edits = edited(old, lambda s: s.replace("notitie", "opmerking"), lambda k: f"Nieuwe notitie {k}.")
    work = Work(monkeypatch)
    changes = engine.diff({"notes": old}, {"notes": new})
    work.assert_linear(N)
    check_alignment(old, new, changes)
    # A changed note is one change (or a removal and an addition), a moved one a removal and an addition.
    assert 4 * EDITS <= len(changes) <= 6 * EDITS


def test_parties_with_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    old = [{"id": f"partij-{i}", "name": f"Partij {i}", "kind": "andere"} for i in range(N)]
    new, edits = edited(
        old,
        lambda p: {**p, "name": p["name"] + " vzw"},
        lambda k: {"id": f"nieuw-{k}", "name": f"Nieuw {k}", "kind": "andere"},
    )
    work = Work(monkeypatch)
    changes = engine.diff({"parties": old}, {"parties": new})
    work.assert_linear(4 * N)  # four values per entry: the mapping and its three fields
    by_kind: dict[Kind, set[str]] = {k: {c.path[1] for c in changes if c.kind is k} for k in Kind}
    assert by_kind[Kind.ADDED] == {f"nieuw-{k}" for k in range(EDITS)}
    assert by_kind[Kind.REMOVED] == {f"partij-{i}" for i in edits["removed"]}
    assert by_kind[Kind.CHANGED] == {f"partij-{i}" for i in edits["changed"]}
    moved = by_kind[Kind.MOVED]
    assert moved <= {f"partij-{i}" for i in edits["moved"]} and len(moved) >= EDITS * 9 // 10


def test_entries_with_repeated_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attendees whose names repeat have no usable key: aligned by content, repeats and all."""
    old = [{"name": f"lid {i % 1000}", "function": "schepen"} for i in range(N)]
    new, _ = edited(old, lambda p: {**p, "function": "raadslid"}, lambda k: {"name": f"nieuw lid {k}"})
    work = Work(monkeypatch)
    changes = engine.diff({"present": old}, {"present": new})
    work.assert_linear(3 * N)
    # Whole entries removed or added (path: present, index), or a field of two entries paired.
    assert all(len(c.path) == 2 or c.path[2] in ("name", "function") for c in changes)
    functions = [c for c in changes if c.path[2:] == ("function",) and c.kind is Kind.CHANGED]
    assert len(functions) >= EDITS * 9 // 10  # most changed entries are found as the change they are
    assert len(changes) <= 6 * EDITS


def test_a_list_of_two_values_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worst case of the old alignment (difflib on repeats: minutes): now a few changes, found at once."""
    old = [f"Zie bijlage {i % 2}." for i in range(N)]
    new = list(old)
    new[N // 2] = "Zie bijlage 7."
    del new[N // 3]
    new.insert(N // 4, "Nieuw.")
    work = Work(monkeypatch)
    changes = engine.diff({"notes": old}, {"notes": new})
    work.assert_linear(N)
    check_alignment(old, new, changes)
    assert len(changes) <= 6


@pytest.mark.parametrize("keyed", [True, False], ids=["ids", "no-keys"])
def test_everything_reordered(monkeypatch: pytest.MonkeyPatch, keyed: bool) -> None:
    old: list[Any] = [{"id": f"p-{i}", "name": f"P {i}"} if keyed else note(i) for i in range(N)]
    new = list(old)
    random.Random(3).shuffle(new)
    work = Work(monkeypatch)
    changes = engine.diff({"parties" if keyed else "notes": old}, {"parties" if keyed else "notes": new})
    work.assert_linear(3 * N)
    if keyed:
        assert {c.kind for c in changes} == {Kind.MOVED}
        assert len(changes) < N  # the entries that keep their order (a longest increasing run) did not move
    else:
        check_alignment(old, new, changes)


def test_increasing_keeps_the_earlier_entry() -> None:
    assert engine.increasing([]) == []
    assert engine.increasing([1, 0, 2, 3]) == [0, 2, 3]  # a swap of neighbours moves the second
    assert engine.increasing([3, 2, 1, 0]) == [0]
    seq = random.Random(5).sample(range(1000), 1000)
    run = engine.increasing(seq)
    assert all(seq[a] < seq[b] for a, b in zip(run, run[1:], strict=False))


def test_32000_notes_through_the_command_line(cli, tmp_path: Path) -> None:
    base = (AGREEMENTS / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    old = [note(i) for i in range(N)]
    new, _ = edited(old, lambda s: s.replace("notitie", "opmerking"), lambda k: f"Nieuwe notitie {k}.")
    for name, notes in (("old.yaml", old), ("new.yaml", new)):
        (tmp_path / name).write_text(base + "".join(f'  - "{n}"\n' for n in notes), encoding="utf-8")
    result = cli("diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    (f,) = json.loads(result.stdout)["files"]
    assert 4 * EDITS <= len(f["changes"]) <= 6 * EDITS
    assert all(c["path"][0] == "notes" for c in f["changes"])


def test_nesting_beyond_the_limit_is_refused(cli, tmp_path: Path) -> None:
    """Block nesting ('- - - x') is not bounded by the loader's bracket count; comparing it would recurse."""
    (tmp_path / "old.yaml").write_text("- " * 900 + "x\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text("- " * 900 + "y\n", encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        result = cli("diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", fmt)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert "nesting deeper than 200 levels: not compared" in result.stdout
        assert "old.yaml" in result.stdout and "new.yaml" in result.stdout
