"""Deadlines for the terminal: two tables (agreements, then deadlines) and a summary line.

The tables are laid out by ``reporters.grid`` (Rich's look without its per-cell cost: 6,000 rows for 3,000
agreements). Text from the agreements and file names goes through ``neutral.terminal`` first, so no control
or bidi character reaches the terminal, and nothing in it is read as markup or an emoji code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ... import i18n
from ...deadlines import Deadline, Report, State
from ...diagnostics import Diagnostic
from ...i18n import N_, _, ngettext
from ...neutral import diagnostic, quote_path, terminal
from .. import grid
from . import Options, note, rows

STATE_WORDS = {
    State.EXPIRED: N_("expired"),
    State.EXPIRING: N_("expiring"),
    State.ACTIVE: N_("active"),
    State.NOT_STARTED: N_("not-yet-started"),
    State.OPEN_ENDED: N_("open-ended"),
}
KIND_WORDS = {
    "end": N_("end"),
    "notice": N_("notice"),
    "follow-up": N_("follow-up"),
    "meeting": N_("meeting"),
    "obligation": N_("obligation"),
    "planning-period": N_("planning period"),
}

STATE_STYLE = {
    State.EXPIRED: "bold red",
    State.EXPIRING: "bold yellow",
    State.ACTIVE: "green",
    State.NOT_STARTED: "cyan",
    State.OPEN_ENDED: "dim",
}


def _when(d: Deadline) -> str:
    return d.date.isoformat() if d.date else _("unknown")


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    as_of, until = options.as_of, options.until
    color, width = options.color, grid.terminal_width(out, 100)
    summary: list[list[grid.Cell]] = []
    for r in reports:
        agreement = [(terminal(r.agreement_id), "")]
        if r.path:
            agreement.append((terminal(quote_path(r.path)), "dim"))
        state = [(_(STATE_WORDS[r.state]), "dim" if r.closed else STATE_STYLE[r.state])]
        if r.status:
            state.append((_("status: {status}").format(status=terminal(r.status)), "dim"))
        if r.amended_by:
            state.append((_("amended by: {ids}").format(ids=terminal(", ".join(r.amended_by))), "dim"))
        if r.superseded_by:
            state.append((_("superseded by: {id}").format(id=terminal(r.superseded_by)), "dim"))
        summary.append(
            [
                agreement,
                state,
                r.end.isoformat() if r.end else "-",
                i18n.number(r.days_left) if r.days_left is not None else "-",
            ]
        )
    grid.write(
        out,
        _("Agreements as of {date} (window to {until})").format(date=as_of.isoformat(), until=until.isoformat()),
        [_("agreement"), _("state"), _("end"), _("days left")],
        summary,
        width=width,
        color=color,
    )
    listed = rows(reports, as_of, until)
    if listed:
        grid.write(
            out,
            _("Deadlines"),
            [_("date"), _("agreement"), _("kind"), _("deadline"), _("note")],
            (
                [
                    [(_when(d), "red" if d.date and d.date < as_of else "")],
                    terminal(r.agreement_id),
                    _(KIND_WORDS.get(str(d.kind), str(d.kind))),
                    terminal(d.title),
                    terminal(note(d)),
                ]
                for r, d in listed
            ),
            width=width,
            color=color,
        )
    for e in errors:
        out.write(grid.styled(diagnostic(e).format(), "red", color) + "\n")
    counts = {s: sum(r.state is s for r in reports) for s in State}
    closed = sum(r.closed for r in reports)
    out.write(
        ngettext("{n} agreement", "{n} agreements", len(reports)).format(n=i18n.number(len(reports)))
        + ": "
        + ", ".join(f"{i18n.number(n)} {_(STATE_WORDS[s])}" for s, n in counts.items() if n)
        + ("; " + _("{n} of them closed by their status").format(n=i18n.number(closed)) if closed else "")
        + ("; " + _("{n} could not be loaded").format(n=i18n.number(len(errors))) if errors else "")
        + "\n"
    )
