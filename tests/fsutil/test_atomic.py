"""Nothing is lost: a write that is killed or interrupted halfway leaves the old file as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samenwerk.errors import SamenwerkError
from samenwerk.fsutil import write_atomic

# A child that writes 400 MB through write_atomic, slowly enough to be caught in the middle.
CHILD = """
import sys
from pathlib import Path
from samenwerk.cli import handle_termination
from samenwerk.fsutil import write_atomic
handle_termination()  # as the command line does
write_atomic(Path(sys.argv[1]), b"N" * (400 * 1024 * 1024), force=True)
"""


def _start_and_catch_mid_write(target: Path) -> subprocess.Popen[bytes]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        temps = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
        if temps and temps[0].stat().st_size > 0:
            return child
        if child.poll() is not None:
            pytest.fail("the writer finished before it could be interrupted")
        time.sleep(0.002)
    child.kill()
    pytest.fail("the writer never started writing")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_interrupted_write_leaves_the_old_file(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"the signed original")
    child = _start_and_catch_mid_write(target)
    child.send_signal(sig)
    child.wait(timeout=60)
    assert child.returncode != 0
    assert target.read_bytes() == b"the signed original"
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    if sig is not signal.SIGKILL:  # a catchable interruption also cleans up its temporary file
        assert leftovers == [], leftovers


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_text("hand written", encoding="utf-8")
    with pytest.raises(SamenwerkError, match="already exists; use --force"):
        write_atomic(target, "generated")
    assert target.read_text(encoding="utf-8") == "hand written"
    write_atomic(target, "generated", force=True)
    assert target.read_text(encoding="utf-8") == "generated"
    assert os.listdir(tmp_path) == ["x.md"]
