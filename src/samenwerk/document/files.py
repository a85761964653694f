"""Which files a command works on."""

from __future__ import annotations

import os
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
            found.extend(sorted(_below(path)))
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


def _below(root: Path) -> Iterable[Path]:
    """The agreement files in a folder and the folders below it, as ``root.rglob`` finds them: no hidden file
    or folder (a name starting with a dot), no folder reached through a symbolic link (a linked file counts),
    and a folder that cannot be read is passed over. One ``scandir`` per folder: the type of each entry comes
    with its name, where ``rglob`` and ``is_file`` asked the system about every file again."""
    folders = [str(root)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            folders.append(entry.path)
                        elif is_agreement_file(entry.name) and entry.is_file():
                            yield Path(entry.path)
                    except OSError:
                        continue
        except OSError:
            continue
