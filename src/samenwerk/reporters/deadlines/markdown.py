"""Deadlines in Dutch Markdown, for an issue or a pull-request comment.

Agreement text goes through ``neutral.markdown`` (``md_cell``), ids and locations through ``neutral.md_code``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ... import nl
from ...deadlines import Report, State
from ...diagnostics import Diagnostic
from ...neutral import md_code
from .. import md_cell
from . import Options, note, rows

STATE_NL = {
    State.EXPIRED: "verlopen",
    State.EXPIRING: "loopt binnenkort af",
    State.ACTIVE: "lopend",
    State.NOT_STARTED: "nog niet gestart",
    State.OPEN_ENDED: "zonder einddatum",
}


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    w = out.write
    w(f"## Looptijd en deadlines op {nl.date(options.as_of)}\n\n")
    w(f"Venster: tot en met {nl.date(options.until)}.\n\n")
    w("| Overeenkomst | Toestand | Einddatum | Dagen |\n|---|---|---|---|\n")
    for r in reports:
        end = nl.date(r.end) if r.end else "geen"
        days = str(r.days_left) if r.days_left is not None else "–"
        state = STATE_NL[r.state] + (" (afgesloten)" if r.closed else "")
        if r.amended_by:
            state += ", gewijzigd door " + ", ".join(md_code(a) for a in r.amended_by)
        if r.superseded_by:
            state += f", vervangen door {md_code(r.superseded_by)}"
        w(f"| {md_cell(r.title)} ({md_code(r.agreement_id)}) | {state} | {end} | {days} |\n")
    listed = rows(reports, options.as_of, options.until)
    if listed:
        w("\n### Deadlines\n\n| Datum | Overeenkomst | Deadline | Opmerking |\n|---|---|---|---|\n")
        for r, d in listed:
            when = nl.date(d.date) if d.date else "onbekend"
            w(f"| {when} | {md_code(r.agreement_id)} | {md_cell(d.title)} | {md_cell(note(d))} |\n")
    if errors:
        w("\n### Niet ingelezen\n\n")
        for e in errors:
            w(f"- {md_code(e.location, cell=False)}: {md_cell(e.message)}\n")
