"""Options shared by the commands, defined once: the same option has the same name, type and help everywhere.

Each is an ``Annotated`` type; a command declares ``output: options.Output = None`` and gets the same flag,
help text and parsing as every other command. Values are parsed here (an ``--as-of`` date, a list of rule
ids), so a command receives what it needs and the core never sees a string it has to parse again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer


def _date(value: str) -> dt.date:
    from ..model.types import parse_date  # here, not at the top: the model costs start-up time

    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def ids(value: str | None) -> tuple[str, ...] | None:
    """'a, b' -> ('a', 'b'): rule ids given on the command line."""
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


Paths = Annotated[list[Path] | None, typer.Argument(help="Agreement files or folders.", show_default="agreements/")]
_OUTPUT_HELP = "Write to this file, atomically; '-' is standard output."
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", "--output-file", help=_OUTPUT_HELP, show_default="standard output"),
]
LongOutput = Annotated[
    Path | None, typer.Option("--output", "--output-file", help=_OUTPUT_HELP, show_default="standard output")
]
"""For diff, whose arguments are git revisions: '-oops..HEAD' must be refused, not read as -o ops..HEAD."""
Force = Annotated[bool, typer.Option("--force", help="Overwrite output files that exist.")]
AsOf = Annotated[
    dt.date | None,
    typer.Option(
        "--as-of",
        parser=_date,
        metavar="DATE",
        help="The date taken as today (31-12-2025 or 2025-12-31).",
        show_default="today",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes; by default all cores when there are many files."),
]


def choices(names: Iterable[str]) -> Any:
    """A Typer choice of the names in a reporters registry, so that a new format needs no edit here.

    (At type-checking time the value is a plain ``str``; at run time a ``StrEnum``, which Typer lists.)
    """
    return StrEnum("Format", [(name.replace("-", "_"), name) for name in names])


def format_option(help_text: str, short: bool = True) -> Any:
    """``-f/--format`` (also ``--output-format``) with a command's own choices."""
    names = ("--format", "-f", "--output-format") if short else ("--format", "--output-format")
    return typer.Option(*names, help=help_text)
