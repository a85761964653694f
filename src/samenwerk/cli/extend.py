"""samenwerk extend and samenwerk amend: the file that extends an agreement or amends it, beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK
from . import options
from .new import ID_HELP, TITLE_HELP, _write, dash, new_file

AgreementId = Annotated[str, typer.Argument(metavar="ID", help="The id of the agreement.")]
NewId = Annotated[
    str | None,
    typer.Option("--id", metavar="ID", help=ID_HELP, show_default="the agreement's id, numbered"),
]
Where = Annotated[
    list[Path] | None,
    typer.Argument(metavar="[PATH]...", help="Where to look for the agreement: files or folders.", show_default="."),
]


def extend(
    agreement_id: AgreementId,
    until: Annotated[
        dt.date,
        typer.Option("--until", parser=options.parse_date, metavar="DATE", help="The new end date, inclusive."),
    ],
    paths: Where = None,
    new_id: NewId = None,
    out: Annotated[Path | None, new_file("beside the agreement")] = None,
    force: options.Force = False,
) -> int:
    """Extend the agreement ID until DATE: a 'verlenging' beside it that amends it, changes its end date (and
    the years in its title), and takes effect the day after its present end (its extensions counted).

    The agreement is found among the agreement files below the current folder (or PATH...). The new file, a draft to complete and sign, lints clean with the agreement's folder; it counts for 'expiring' and 'render --as-of' once its status says it is agreed (approved, signed, active), not while it is draft or proposed."""
    from .. import scaffold

    found = scaffold.find(agreement_id, paths or [Path(".")])
    planned = scaffold.extension(found, until, None if dash(out) else out, new_id)
    _write(out if dash(out) else planned.path, planned.text, force)
    return EXIT_OK


def amend(
    agreement_id: AgreementId,
    paths: Where = None,
    effective: Annotated[
        dt.date | None,
        typer.Option("--effective", parser=options.parse_date, metavar="DATE", help="The day its changes take effect."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help=TITLE_HELP)] = None,
    new_id: NewId = None,
    out: Annotated[Path | None, new_file("beside the agreement")] = None,
    force: options.Force = False,
) -> int:
    """Amend the agreement ID: an addendum beside it, numbered after the ones it has, with what it changes to
    be written under 'changes' (as in the agreement itself).

    The agreement is found among the agreement files below the current folder (or PATH...). The new file, a draft, lints clean with the agreement's folder; its changes count once its status says it is agreed, not while it is draft or proposed."""
    from .. import scaffold

    found = scaffold.find(agreement_id, paths or [Path(".")])
    planned = scaffold.addendum(found, effective, title, None if dash(out) else out, new_id)
    _write(out if dash(out) else planned.path, planned.text, force)
    return EXIT_OK
