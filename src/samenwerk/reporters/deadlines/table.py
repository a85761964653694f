"""Deadlines for the terminal: two Rich tables (agreements, then deadlines) and a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ...deadlines import Deadline, Report, State
from ...diagnostics import Diagnostic
from . import Options, note, rows

STATE_STYLE = {
    State.EXPIRED: "bold red",
    State.EXPIRING: "bold yellow",
    State.ACTIVE: "green",
    State.NOT_STARTED: "cyan",
    State.OPEN_ENDED: "dim",
}


def _when(d: Deadline) -> str:
    return d.date.isoformat() if d.date else "onbekend"


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    as_of, until = options.as_of, options.until
    console = Console(file=out, no_color=not options.color, highlight=False, width=max(100, Console(file=out).width))
    summary = Table(title=f"Agreements as of {as_of.isoformat()} (window to {until.isoformat()})", title_justify="left")
    for column in ("agreement", "state", "end", "days left"):
        summary.add_column(column, overflow="fold")
    for r in reports:
        summary.add_row(
            f"{r.agreement_id}\n[dim]{r.path}[/dim]" if r.path else r.agreement_id,
            f"[{STATE_STYLE[r.state]}]{r.state}[/]",
            r.end.isoformat() if r.end else "-",
            str(r.days_left) if r.days_left is not None else "-",
        )
    console.print(summary)
    listed = rows(reports, as_of, until)
    if listed:
        detail = Table(title="Deadlines", title_justify="left")
        for column in ("date", "agreement", "kind", "deadline", "note"):
            detail.add_column(column, overflow="fold")
        for r, d in listed:
            style = "red" if d.date and d.date < as_of else ""
            detail.add_row(
                f"[{style}]{_when(d)}[/]" if style else _when(d), r.agreement_id, str(d.kind), d.title, note(d)
            )
        console.print(detail)
    for e in errors:
        console.print(f"[red]{escape(e.format())}[/red]", markup=True)
    counts = {s: sum(r.state is s for r in reports) for s in State}
    console.print(
        f"{len(reports)} agreements: "
        + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        + (f"; {len(errors)} could not be loaded" if errors else "")
    )
