"""Which files a command works on."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import SamenwerkError
from ..i18n import _

SUFFIXES = (".yaml", ".yml")
"""Agreement files, whatever the case of the extension (.YAML, .Yml)."""


def is_agreement_file(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the agreement files below each folder, sorted. A missing path, or no agreement
    file at all, is an error that says where samenwerk looked."""
    found: list[Path] = []
    given = list(paths)
    for path in given:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if is_agreement_file(p.name) and p.is_file() and not _hidden(p, path))
            )
        elif path.exists():
            found.append(path)
        else:
            raise SamenwerkError(_("{path}: no such file or directory").format(path=path))
    if not found:
        where = ", ".join(str(p) for p in given)
        raise SamenwerkError(
            _("no agreement files (*.yaml, *.yml) in {where}; name the files or folders to check").format(where=where)
        )
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
