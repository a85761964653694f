"""Written files respect the umask; --force keeps an existing file's mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from samenwerk.fsutil import write_atomic


@pytest.fixture
def umask():
    def set_to(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_to
    os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask, mask: int, mode: int) -> None:
    umask(mask)
    target = tmp_path / "out.txt"
    write_atomic(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664])
def test_force_keeps_the_mode(tmp_path: Path, umask, mode: int) -> None:
    umask(0o077)
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    write_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_the_cli_writes_reports_with_the_users_mode(cli, tmp_path: Path) -> None:
    from ..conftest import FIXTURES

    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        result = cli(
            "lint", "--no-cache", "-f", "json", "-o", str(out), str(FIXTURES / "lint" / "positive" / "minimal.yaml")
        )
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
