"""samenwerk list: one row per agreement, filtered and sorted, as a table, JSON, CSV or a spreadsheet."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, EXIT_USAGE, SamenwerkError
from ..i18n import _
from ..register import SORTS
from ..reporters.register import BINARY, FORMATS
from . import options, output

if TYPE_CHECKING:
    Format = str
    SortKey = str
else:
    Format = options.choices(FORMATS)
    SortKey = options.choices(SORTS)


def list_(
    paths: options.Paths = None,
    party: Annotated[
        str | None, typer.Option("--party", metavar="TEXT", help="Only agreements with a party whose name has TEXT.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar="KIND", help="Only agreements of this kind: samenwerkingsovereenkomst, pact, ..."
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only agreements with this recorded status: signed, ...; 'none': no status.",
        ),
    ] = None,
    ends_before: Annotated[
        dt.date | None,
        typer.Option(
            "--ends-before",
            parser=options.parse_date,
            metavar="DATE",
            help="Only agreements whose last day lies before DATE (31-12-2025 or 2025-12-31).",
        ),
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", metavar="TEXT", help="Only agreements whose region has TEXT.")
    ] = None,
    sort: Annotated[SortKey, typer.Option("--sort", help="Sort by this column; missing values last.")] = "end",
    reverse: Annotated[bool, typer.Option("--reverse", help="Sort in descending order.")] = False,
    as_of: options.AsOf = None,
    fmt: Annotated[Format, options.format_option("Output format.")] = "table",
    out: options.Output = None,
    force: options.Force = False,
    jobs: options.Jobs = None,
) -> int:
    """List the agreements: id, title, kind, parties, start, end, status, days left and the last change in git.

    Exit 2 when a file cannot be loaded (the others are still listed) or on usage errors.
    """
    from ..document.files import expand
    from ..model.agreement import AgreementKind, Status
    from ..register.entries import Change, Filter, collect, consolidated, order, with_changes
    from ..register.history import log
    from ..reporters.register import Options

    _one_of("--kind", kind, [k.value for k in AgreementKind])
    _one_of("--status", status, [*(s.value for s in Status), "none"])
    if str(fmt) in BINARY and output.to_stdout(out) and sys.stdout.isatty():
        raise SamenwerkError(_("{format} is binary: write it to a file with -o/--output").format(format=fmt))
    day = as_of or dt.date.today()
    files = expand(paths or [Path("agreements")])
    entries, errors = collect(files, day, jobs or (os.cpu_count() or 1))
    entries, problems = consolidated(entries, day)
    errors += problems
    wanted = Filter(
        party=party,
        kind=kind,
        status=status,
        ends_before=ends_before,
        region=region,
    )
    entries = [e for e in entries if wanted(e)]
    history = log(Path(e.path) for e in entries)
    for note in history.notes:
        output.detail(note)
    changes = {
        path: Change(s.commit.sha, s.commit.time.date(), s.commit.author, s.commit.subject)
        for path in history.steps
        if (s := history.last(path)) is not None
    }
    entries = order(with_changes(entries, changes), str(sort), reverse)
    with output.stream(out, force) as stream:
        FORMATS.writer(str(fmt))(entries, errors, stream, Options(as_of=day, color=output.color(out)))
    return EXIT_USAGE if errors else EXIT_OK


def _one_of(option: str, value: str | None, allowed: list[str]) -> None:
    """The model's values are read when the command runs, not when the command line is built (start-up)."""
    if value is not None and value not in allowed:
        raise SamenwerkError(
            _("{option} '{value}': choose one of {choices}").format(
                option=option, value=value, choices=", ".join(allowed)
            )
        )
