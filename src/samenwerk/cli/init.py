"""samenwerk init: a repository ready for agreements, with its checks in CI and before each commit."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK
from . import options, output


class Ci(StrEnum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="[DIR]", help="The folder to set up; created when missing.", show_default=".")
    ] = Path("."),
    ci: Annotated[
        Ci, typer.Option("--ci", help="The CI pipeline to write: GitHub Actions, GitLab CI, or none.")
    ] = Ci.github,
    force: options.Force = False,
) -> int:
    """Set up a repository for agreements: agreements/, samenwerk.toml (the defaults, commented), the
    pre-commit hooks, a CI pipeline (lint with annotations and SARIF or Code Quality, deadlines), the JSON
    Schema mapped onto agreements/ for the editor, the git diff driver, and a short README in Dutch for the
    people who edit.

    Running it again changes nothing: a file that is there already is left as it is (--force overwrites it), one that is missing is written."""
    from ..fsutil import write_atomic
    from ..scaffold import init_files

    if folder.exists() and not folder.is_dir():
        from ..errors import SamenwerkError

        raise SamenwerkError(f"{folder}: is a file, not a folder")
    (folder / "agreements").mkdir(parents=True, exist_ok=True)
    kept = 0
    for planned in init_files(ci.value):
        target = folder / planned.path
        if target.is_symlink():
            output.warning(f"{target}: a symbolic link; left as it is")
            kept += 1
            continue
        if target.is_file() and target.read_text(encoding="utf-8", errors="replace") == planned.text:
            output.detail(f"{target}: up to date")
            continue
        if target.exists() and not force:
            output.notice(f"{target}: exists; left as it is (--force overwrites it)")
            kept += 1
            continue
        write_atomic(target, planned.text, force=force, make_parents=True)
        output.notice(f"{target}: written")
    output.notice(
        f"Ready{f' ({kept} file(s) left as they were)' if kept else ''}. "
        "Next: 'samenwerk new samenwerkingsovereenkomst --id ...' makes the first agreement in agreements/."
    )
    return EXIT_OK
