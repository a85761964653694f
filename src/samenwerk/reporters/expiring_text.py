"""Deadlines for people: a table for the terminal (Rich) and Markdown in Dutch for an issue or PR comment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TextIO

from ..deadlines import Deadline, Report, State, dutch_date
from ..diagnostics import Diagnostic

STATE_NL = {
    State.EXPIRED: "verlopen",
    State.EXPIRING: "loopt binnenkort af",
    State.ACTIVE: "lopend",
    State.NOT_STARTED: "nog niet gestart",
    State.OPEN_ENDED: "zonder einddatum",
}
STATE_STYLE = {
    State.EXPIRED: "bold red",
    State.EXPIRING: "bold yellow",
    State.ACTIVE: "green",
    State.NOT_STARTED: "cyan",
    State.OPEN_ENDED: "dim",
}


def _shown(r: Report, as_of: dt.date, until: dt.date) -> list[Deadline]:
    """Deadlines in the window, plus the end date, plus deadlines whose date is unknown."""
    return [
        d
        for d in r.deadlines
        if d.date is None or (as_of <= d.date <= until) or (d.key == "end")
    ]


def _when(d: Deadline) -> str:
    if d.date is None:
        return "onbekend"
    return d.date.isoformat()


def _note(d: Deadline) -> str:
    parts = [d.detail] if d.detail else []
    if d.non_working and d.working_day:
        parts.append(f"{d.non_working}; vorige werkdag {d.working_day.isoformat()}")
    return "; ".join(parts)


def table(
    reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, *, as_of: dt.date, until: dt.date, color: bool
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, no_color=not color, highlight=False, width=max(100, Console(file=out).width))
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
    rows = [(r, d) for r in reports for d in _shown(r, as_of, until)]
    if rows:
        detail = Table(title="Deadlines", title_justify="left")
        for column in ("date", "agreement", "kind", "deadline", "note"):
            detail.add_column(column, overflow="fold")
        for r, d in sorted(rows, key=lambda rd: (rd[1].date is None, rd[1].date or dt.date.max, rd[0].agreement_id)):
            style = "red" if d.date and d.date < as_of else ""
            detail.add_row(f"[{style}]{_when(d)}[/]" if style else _when(d), r.agreement_id, str(d.kind), d.title, _note(d))
        console.print(detail)
    for e in errors:
        console.print(f"[red]{e.path}:{e.line}:{e.col}: error: {e.message} [{e.rule}][/red]", markup=True)
    counts = {s: sum(r.state is s for r in reports) for s in State}
    console.print(
        f"{len(reports)} agreements: "
        + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        + (f"; {len(errors)} could not be loaded" if errors else "")
    )


def markdown(
    reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, *, as_of: dt.date, until: dt.date
) -> None:
    w = out.write
    w(f"## Looptijd en deadlines op {dutch_date(as_of)}\n\n")
    w(f"Venster: tot en met {dutch_date(until)}.\n\n")
    w("| Overeenkomst | Toestand | Einddatum | Dagen |\n|---|---|---|---|\n")
    for r in reports:
        end = dutch_date(r.end) if r.end else "geen"
        days = str(r.days_left) if r.days_left is not None else "–"
        w(f"| {_md(r.title)} (`{r.agreement_id}`) | {STATE_NL[r.state]} | {end} | {days} |\n")
    rows = [(r, d) for r in reports for d in _shown(r, as_of, until)]
    if rows:
        w("\n### Deadlines\n\n| Datum | Overeenkomst | Deadline | Opmerking |\n|---|---|---|---|\n")
        for r, d in sorted(rows, key=lambda rd: (rd[1].date is None, rd[1].date or dt.date.max, rd[0].agreement_id)):
            when = dutch_date(d.date) if d.date else "onbekend"
            w(f"| {when} | `{r.agreement_id}` | {_md(d.title)} | {_md(_note(d))} |\n")
    if errors:
        w("\n### Niet ingelezen\n\n")
        for e in errors:
            w(f"- `{e.path}:{e.line}:{e.col}`: {_md(e.message)}\n")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
