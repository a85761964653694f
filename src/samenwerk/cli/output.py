"""Where a command's output goes, whether it may be coloured, and progress on long work."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TextIO


class _Verbosity:
    level = 0
    """-1 with --quiet, 0 by default, 1 and more with -v, -vv."""


VERBOSITY = _Verbosity()


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def color(output: Path | None) -> bool:
    """Colour only at a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return to_stdout(output) and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def plain_help() -> None:
    """--help without bold and dim when NO_COLOR is set, as without colour: Rich reads NO_COLOR as "no
    colours" only, and Typer's help is set in bold and dim. Called when the run shows help (Typer's help
    module is loaded for it anyway); it is set each time, since the tests run many commands in one process."""
    import typer.rich_utils

    typer.rich_utils.COLOR_SYSTEM = None if "NO_COLOR" in os.environ else "auto"


def stream(output: Path | None, force: bool) -> AbstractContextManager[TextIO]:
    """Standard output, or ``output`` written atomically (refused over an existing file without --force)."""
    if to_stdout(output):
        return contextlib.nullcontext(sys.stdout)
    from ..fsutil import atomic_writer

    assert output is not None
    writer: AbstractContextManager[TextIO] = atomic_writer(output, force=force)
    return writer


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long runs at a terminal; nothing in CI logs or pipes."""
    if total < 3 or VERBOSITY.level < 0 or not sys.stderr.isatty() or os.environ.get("CI"):
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def problems(diagnostics: Any) -> None:
    """Diagnostics of files that could not be used, one line each on stderr (neutralised for a terminal)."""
    from ..neutral import diagnostic

    for d in diagnostics:
        sys.stderr.write(f"{diagnostic(d)}\n")


def warning(message: str) -> None:
    """A warning about the run itself (not a finding), on stderr; not with --quiet."""
    if VERBOSITY.level >= 0:
        from ..i18n import level
        from ..neutral import terminal

        sys.stderr.write(f"samenwerk: {level('warning')}: {terminal(message)}\n")


def error(message: str) -> None:
    """A problem with the run itself, on stderr, even with --quiet."""
    from ..i18n import level
    from ..neutral import terminal

    sys.stderr.write(f"samenwerk: {level('error')}: {terminal(message)}\n")


def notice(message: str) -> None:
    """What the run did (a file written), on stderr; not with --quiet."""
    if VERBOSITY.level >= 0:
        from ..neutral import terminal

        sys.stderr.write(f"{terminal(message)}\n")


def detail(message: str) -> None:
    """More about the run, with -v: files, cache, time."""
    if VERBOSITY.level > 0:
        from ..neutral import terminal

        sys.stderr.write(f"samenwerk: {terminal(message)}\n")
