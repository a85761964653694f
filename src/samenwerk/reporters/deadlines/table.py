"""Deadlines for the terminal: two Rich tables (agreements, then deadlines) and a summary line.

Text from the agreements and file names is put in the tables as ``rich.text.Text``, never as a markup string:
Rich reads no ``[style]`` tags and no ``:emoji:`` codes in it. It goes through ``neutral`` first, so no
control or bidi character reaches the terminal either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ... import i18n
from ...deadlines import Deadline, Report, State
from ...diagnostics import Diagnostic
from ...i18n import N_, _, ngettext
from ...neutral import diagnostic, quote_path, terminal
from . import Options, note, rows

if TYPE_CHECKING:
    from rich.text import Text

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


def _text(value: str, style: str = "") -> Text:
    """Untrusted text for a cell: escaped for the terminal, and plain text to Rich."""
    from rich.text import Text

    return Text(terminal(value), style=style)


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    as_of, until = options.as_of, options.until
    console = Console(file=out, no_color=not options.color, highlight=False, width=max(100, Console(file=out).width))
    summary = Table(
        title=_("Agreements as of {date} (window to {until})").format(date=as_of.isoformat(), until=until.isoformat()),
        title_justify="left",
    )
    for column in (_("agreement"), _("state"), _("end"), _("days left")):
        summary.add_column(column, overflow="fold")
    for r in reports:
        agreement = _text(r.agreement_id)
        if r.path:
            agreement.append("\n").append_text(_text(quote_path(r.path), "dim"))
        state = Text(_(STATE_WORDS[r.state]), style="dim" if r.closed else STATE_STYLE[r.state])
        if r.status:
            state.append("\n" + _("status: {status}").format(status=r.status), style="dim")
        if r.amended_by:
            state.append("\n" + _("amended by: {ids}").format(ids=", ".join(r.amended_by)), style="dim")
        if r.superseded_by:
            state.append("\n" + _("superseded by: {id}").format(id=r.superseded_by), style="dim")
        summary.add_row(
            agreement,
            state,
            r.end.isoformat() if r.end else "-",
            i18n.number(r.days_left) if r.days_left is not None else "-",
        )
    console.print(summary)
    listed = rows(reports, as_of, until)
    if listed:
        detail = Table(title=_("Deadlines"), title_justify="left")
        for column in (_("date"), _("agreement"), _("kind"), _("deadline"), _("note")):
            detail.add_column(column, overflow="fold")
        for r, d in listed:
            style = "red" if d.date and d.date < as_of else ""
            detail.add_row(
                Text(_when(d), style=style),
                _text(r.agreement_id),
                _(KIND_WORDS.get(str(d.kind), str(d.kind))),
                _text(d.title),
                _text(note(d)),
            )
        console.print(detail)
    for e in errors:
        console.print(Text(diagnostic(e).format(), style="red"))
    counts = {s: sum(r.state is s for r in reports) for s in State}
    closed = sum(r.closed for r in reports)
    console.print(
        ngettext("{n} agreement", "{n} agreements", len(reports)).format(n=i18n.number(len(reports)))
        + ": "
        + ", ".join(f"{i18n.number(n)} {_(STATE_WORDS[s])}" for s, n in counts.items() if n)
        + ("; " + _("{n} of them closed by their status").format(n=i18n.number(closed)) if closed else "")
        + ("; " + _("{n} could not be loaded").format(n=i18n.number(len(errors))) if errors else ""),
        markup=False,
        emoji=False,
    )
