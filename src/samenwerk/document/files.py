"""Which files a command works on."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import SamenwerkError

SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the agreement files below each directory, sorted; a missing path is an error."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file() and not _hidden(p, path))
            )
        elif path.exists():
            found.append(path)
        else:
            raise SamenwerkError(f"{path}: no such file or directory")
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
