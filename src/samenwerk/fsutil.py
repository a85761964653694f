"""Writing files safely: atomically (temporary file + rename), and never over a file without being asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import SamenwerkError


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, never half."""
    with atomic_writer(path, force=force, binary=isinstance(data, bytes)) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False, binary: bool = False) -> Iterator[Any]:
    """A stream whose content replaces ``path`` only when the block completes; on any error, nothing.

    The temporary file sits beside the target (same file system, so the rename is atomic) and is removed
    on any exception, Ctrl-C and SIGTERM included; only a SIGKILL can leave it behind, never half a target.
    """
    if path.exists() and not force:
        raise SamenwerkError(f"{path}: already exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
