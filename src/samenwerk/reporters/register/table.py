"""The register for the terminal: a Rich table, headings and words in the run's language, and a summary line.

Text from the agreements goes in as ``rich.text.Text`` after ``neutral.terminal``: no markup, emoji codes,
control or bidi characters reach the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ... import i18n
from ...deadlines import State
from ...diagnostics import Diagnostic
from ...i18n import _, ngettext
from ...neutral import diagnostic, terminal
from ...register.entries import Entry
from ..deadlines.table import STATE_WORDS
from . import Options, status_words

if TYPE_CHECKING:
    from rich.text import Text

STATE_STYLE = {
    State.EXPIRED: "red",
    State.EXPIRING: "bold yellow",
    State.ACTIVE: "green",
    State.NOT_STARTED: "cyan",
    State.OPEN_ENDED: "dim",
}


def _text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(terminal(value), style=style)


def _day(value: object) -> str:
    import datetime as dt

    return i18n.short_date(value) if isinstance(value, dt.date) else "–"


def report(entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, no_color=not options.color, highlight=False, width=max(120, Console(file=out).width))
    table = Table(title=_("Agreements as of {date}").format(date=i18n.date(options.as_of)), title_justify="left")
    headings = (
        _("id"),
        _("title"),
        _("kind"),
        _("parties"),
        _("start"),
        _("end"),
        _("status"),
        _("days"),
        _("last change"),
    )
    for n, heading in enumerate(headings):
        table.add_column(heading, overflow="fold", justify="right" if n == 7 else "left")
    for e in entries:
        r = e.report
        state = Text(_(STATE_WORDS[r.state]), style="dim" if r.closed else STATE_STYLE[r.state])
        recorded = status_words(r.status)
        status = Text(recorded + "\n", style="dim").append_text(state)
        change = _day(e.last_change.date) + f"\n{e.last_change.commit[:10]}" if e.last_change else "–"
        table.add_row(
            _text(e.id),
            _text(e.title),
            _text(e.kind),
            _text(", ".join(p.short for p in e.parties)),
            _day(r.start),
            _day(r.end),
            status,
            i18n.number(r.days_left) if r.days_left is not None else "–",
            change,
        )
    console.print(table)
    for d in errors:
        console.print(Text(diagnostic(d).format(), style="red"))
    console.print(
        ngettext("{n} agreement", "{n} agreements", len(entries)).format(n=i18n.number(len(entries)))
        + ("; " + _("{n} not loaded").format(n=len(errors)) if errors else ""),
        markup=False,
        emoji=False,
    )
