"""Files, safely: written atomically and never over a file without being asked; read only inside a root.

Everything in a repository is untrusted, file names and symbolic links included: ``escapes`` tells whether a
path reaches, through a link, outside the folder it belongs to, so that such a file is reported and never read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import SamenwerkError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # --force keeps the mode the file had
    except OSError:
        mode = 0o666 & ~_umask()  # a new file gets what the user's umask allows, as with any other tool
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
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


def repository_root(start: Path) -> Path:
    """The closest folder from ``start`` upwards that holds ``.git``; ``start`` itself outside a repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def escapes(path: Path, root: Path) -> str | None:
    """Why ``path`` must not be read: it leads through a symbolic link to outside ``root``; else None.

    A path with no link in it is the user's own choice (a file named on the command line may lie anywhere);
    a link inside the tree is the repository's, and may point only inside ``root``.
    """
    absolute = os.path.abspath(path)
    real = os.path.realpath(path)
    if real == absolute:
        return None
    top = os.path.realpath(root)
    if os.path.commonpath([real, top]) == top:
        return None
    return f"symbolic link to {real}, outside {top}: not followed"
