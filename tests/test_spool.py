"""The spool: values held on disk in order, read back whole, and kept in memory when the disk fails."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from samenwerk.diagnostics import Diagnostic, Level
from samenwerk.lint import FileResult
from samenwerk.spool import Spool


def _result(i: int) -> FileResult:
    diagnostic = Diagnostic(f"agreements/{i}.yaml", i + 1, 3, Level.WARNING, "todo", f"nog in te vullen: é {i}")
    return FileResult(f"agreements/{i}.yaml", (diagnostic,) * (i % 3), source_read=i % 2 == 0)


def test_values_come_back_in_order_by_index_slice_and_iteration() -> None:
    values = [_result(i) for i in range(50)]
    with Spool(values) as spool:
        assert len(spool) == 50
        assert list(spool) == values
        assert spool[0] == values[0] and spool[49] == values[49] and spool[-1] == values[-1]
        assert list(spool[10:20:3]) == values[10:20:3]
        with pytest.raises(IndexError):
            spool[50]
        with pytest.raises(IndexError):
            spool[-51]
        # A second pass started inside the first (JSON's writer walks the results twice) disturbs neither.
        pairs = [(a, next(iter(spool))) for a in spool]
        assert [a for a, _ in pairs] == values and all(b == values[0] for _, b in pairs)
        spool.append(_result(50))
        assert spool[-1] == _result(50) and len(spool) == 51


def test_the_file_has_no_name_in_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spool = Spool([_result(i) for i in range(5)])
    assert spool[4] == _result(4)
    assert os.listdir(tmp_path) == []  # nothing another process could open
    spool.close()
    assert len(spool) == 0


def test_without_a_usable_temporary_folder_values_are_kept_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("No usable temporary directory found")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    values = [_result(i) for i in range(20)]
    spool = Spool(values)
    assert list(spool) == values and spool[7] == values[7] and len(spool) == 20


def test_a_full_disk_part_way_keeps_every_value_in_order(tmp_path: Path) -> None:
    # A real write failure: the file size limit (RLIMIT_FSIZE) makes the kernel cut a write short, then refuse
    # the next (EFBIG; Python ignores SIGXFSZ). In a process of its own, so that pytest's files are not limited.
    script = textwrap.dedent(
        """
        import resource, tempfile
        from samenwerk.lint import FileResult
        from samenwerk.diagnostics import Diagnostic, Level
        from samenwerk.spool import Spool

        tempfile.tempdir = TMP
        resource.setrlimit(resource.RLIMIT_FSIZE, (5000, resource.RLIM_INFINITY))
        values = [FileResult(f"f{i}.yaml", (Diagnostic(f"f{i}.yaml", i, 1, Level.ERROR, "schema", "x" * 300),))
                  for i in range(40)]
        spool = Spool(values)
        assert 0 < len(spool._spans) < 40, len(spool._spans)  # some on disk, the rest in memory
        assert list(spool) == values, "order or content lost"
        assert [spool[i] for i in range(40)] == values
        print("ok", len(spool._spans))
        """
    ).replace("TMP", repr(str(tmp_path)))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_a_value_pickle_cannot_take_keeps_it_and_every_later_one_in_memory_in_order() -> None:
    values: list[object] = [_result(0), _result(1), lambda: None, _result(2)]  # a lambda cannot be pickled
    spool = Spool(values)
    assert len(spool) == 4 and spool[0] == values[0] and spool[2] is values[2] and spool[3] == values[3]
    assert list(spool)[:2] == values[:2]


def test_a_spool_kept_in_memory_never_makes_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a spool with disk=False made a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    values = [_result(i) for i in range(10)]
    spool = Spool(values, disk=False)
    assert list(spool) == values and spool[-1] is values[-1] and len(spool) == 10
