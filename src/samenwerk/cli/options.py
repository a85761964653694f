"""Options shared by the commands, defined once: the same option has the same name, type and help everywhere.

Each is an ``Annotated`` type; a command declares ``output: options.Output = None`` and gets the same flag,
help text and parsing as every other command. Values are parsed here (an ``--as-of`` date, a list of rule
ids), so a command receives what it needs and the core never sees a string it has to parse again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..i18n import _


def parse_date(value: str) -> dt.date:
    """A date from the command line (31-12-2025 or 2025-12-31), or a usage error that says what is wrong."""
    from ..model import types  # here, not at the top: the model costs start-up time

    try:
        return types.parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def ids(value: str | None) -> tuple[str, ...] | None:
    """'a, b' -> ('a', 'b'): rule ids given on the command line."""
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


Paths = Annotated[
    list[Path] | None,
    typer.Argument(metavar="[PATH]...", help="Agreement files or folders.", show_default="agreements/"),
]
OUTPUT_HELP = "Write to this file, atomically; '-' is standard output."
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help=OUTPUT_HELP, show_default="standard output"),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite output files that exist.")]
AS_OF_HELP = "The date taken as today (31-12-2025 or 2025-12-31)."
AsOf = Annotated[
    dt.date | None,
    typer.Option(
        "--as-of",
        parser=parse_date,
        metavar="DATE",
        help=AS_OF_HELP,
        show_default="today",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes; by default all cores when there are many files."),
]
Select = Annotated[
    str | None, typer.Option("--select", help="Comma-separated rule ids to run (replaces the configured).")
]
Ignore = Annotated[
    str | None, typer.Option("--ignore", help="Comma-separated rule ids to skip (added to the configured).")
]
Config = Annotated[
    Path | None,
    typer.Option("--config", help="Configuration file (default: closest samenwerk.toml or pyproject.toml)."),
]
"""The configuration and the rules it turns on, as lint and fix take them (values for ``ids``)."""
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the lint cache.")]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="SAMENWERK_CACHE_DIR",
        help="Where the lint cache lives.",
        show_default="one folder per repository in the user's cache directory",
    ),
]
"""lint's cache, which expiring reads too."""


def choices(names: Iterable[str]) -> Any:
    """A Typer choice of the names in a reporters registry, so that a new format needs no edit here.

    (At type-checking time the value is a plain ``str``; at run time a ``StrEnum``, which Typer lists.)
    """
    return StrEnum("Format", [(name.replace("-", "_"), name) for name in names])


def format_option(help_text: str) -> Any:
    """``-f/--format`` with a command's own choices."""
    return typer.Option("--format", "-f", help=help_text)


def everywhere() -> list[Any]:
    """``-q/--quiet``, ``-v/--verbose`` and ``--debug``, as click options for every command and the app
    itself: each sets the run's state when given, wherever it stands on the line."""
    import click

    from . import output

    def quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            output.VERBOSITY.level = -1

    def verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
        if value:
            output.VERBOSITY.level = max(output.VERBOSITY.level, 0) + value

    def debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            os.environ["SAMENWERK_DEBUG"] = "1"

    def lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if value:  # already chosen before the app was built (``language.early``); this keeps it in force
            from .. import i18n

            i18n.use(value)

    return [
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=quiet,
            help="Only the report and errors: no progress, notices or warnings about the run.",
        ),
        click.Option(
            ["-v", "--verbose"],
            count=True,
            metavar="",
            expose_value=False,
            callback=verbose,
            help="Say more about the run (files, cache, time) on standard error.",
        ),
        click.Option(
            ["--debug"], is_flag=True, expose_value=False, callback=debug, help="Show a traceback on internal errors."
        ),
        click.Option(
            ["--lang"],
            type=click.Choice(LANGUAGES),
            expose_value=False,
            is_eager=True,
            callback=lang,
            help="The language of messages, help and reports: nl or en. Default: SAMENWERK_LANG, else the locale "
            "(LC_ALL, LC_MESSAGES, LANG), else en. Rendered documents follow the agreement's own language.",
        ),
    ]


LANGUAGES = ("nl", "en")


DEPRECATED = {"--output-format": "--format", "--output-file": "--output"}
"""Spellings of 0.1.0 that still work in this release, with a warning; they go in the next one."""


def modernise(args: list[str], warn: Callable[[str], None]) -> list[str]:
    """The command line with deprecated option names replaced by the current ones, each warned about once
    (not with -q/--quiet). Nothing after ``--`` is touched: those are paths."""
    options = args[: args.index("--")] if "--" in args else args
    if "-q" in options or "--quiet" in options:
        warn = _silent
    result: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            return result + args[i:]
        name, eq, value = arg.partition("=")
        if name in DEPRECATED:
            warn(
                _("{option} is deprecated and goes in the next release; use {new}").format(
                    option=name, new=DEPRECATED[name]
                )
            )
            arg = DEPRECATED[name] + eq + value
        result.append(arg)
    return result


def _silent(message: str) -> None:
    """Where --quiet sends a warning."""
