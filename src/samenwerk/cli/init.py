"""samenwerk init: a repository ready for agreements, with its checks in CI and before each commit."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK
from ..i18n import _, ngettext
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
    from ..errors import SamenwerkError
    from ..fsutil import write_atomic
    from ..scaffold import init_files

    if folder.exists() and not folder.is_dir():
        raise SamenwerkError(_("{path}: is a file, not a folder").format(path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        top = folder.resolve()
        agreements = folder / "agreements"
        if not _inside(agreements, top):
            raise SamenwerkError(
                _("{path}: leads outside {folder} (a symbolic link); not followed").format(
                    path=agreements, folder=folder
                )
            )
        agreements.mkdir(exist_ok=True)
        if not any(agreements.iterdir()):
            # git keeps no empty folder: without a file, a clone has no agreements/ for CI to look in
            (agreements / ".gitkeep").touch()
    except OSError as exc:
        raise SamenwerkError(
            _("{path}: cannot make the folder: {reason}").format(
                path=exc.filename or folder, reason=exc.strerror or exc
            )
        ) from None
    kept = 0
    for planned in init_files(ci.value):
        target = folder / planned.path
        if target.is_symlink():
            output.warning(_("{path}: a symbolic link; left as it is").format(path=target))
            kept += 1
            continue
        if not _inside(target, top):
            output.warning(
                _("{path}: leads outside {folder} (a symbolic link on the way); left as it is").format(
                    path=target, folder=folder
                )
            )
            kept += 1
            continue
        if target.is_file() and target.read_text(encoding="utf-8", errors="replace") == planned.text:
            output.detail(_("{path}: up to date").format(path=target))
            continue
        if target.exists() and not force:
            output.notice(_("{path}: exists and differs; left as it is (--force overwrites it)").format(path=target))
            if target.is_file() and output.VERBOSITY.level > 0:
                for line in _difference(target, planned.text):
                    output.detail(line)
            kept += 1
            continue
        write_atomic(target, planned.text, force=force, make_parents=True)
        output.notice(_("{path}: written").format(path=target))
    ready = (
        ngettext(
            "Ready ({n} file left as it was: -v shows what init would write in it).",
            "Ready ({n} files left as they were: -v shows what init would write in each).",
            kept,
        ).format(n=kept)
        if kept
        else _("Ready.")
    )
    nxt = _("Next: 'samenwerk new samenwerkingsovereenkomst --id ...' makes the first agreement in agreements/.")
    output.notice(f"{ready} {nxt}")
    return EXIT_OK


def _inside(path: Path, top: Path) -> bool:
    """Whether ``path`` (through any symbolic links on the way) stays below ``top``."""
    return path.resolve().is_relative_to(top)


def _difference(target: Path, wanted: str) -> list[str]:
    """What init would write into ``target``, as the lines of a unified diff against what is there (-v)."""
    import difflib

    have = target.read_text(encoding="utf-8", errors="replace")
    diff = difflib.unified_diff(have.split("\n"), wanted.split("\n"), str(target), "samenwerk init", lineterm="")
    return list(diff)
