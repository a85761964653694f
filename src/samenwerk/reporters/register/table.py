"""The register for the terminal: a table (``reporters.grid``), headings and words in the run's language, and
a summary line.

Text from the agreements goes through ``neutral.terminal``: no control or bidi character reaches the terminal,
and nothing in it is read as markup or an emoji code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ... import i18n
from ...deadlines import State
from ...diagnostics import Diagnostic
from ...i18n import _, ngettext
from ...neutral import diagnostic, terminal
from ...register.entries import Entry
from .. import grid
from ..deadlines.table import STATE_WORDS
from . import Options, status_words

STATE_STYLE = {
    State.EXPIRED: "red",
    State.EXPIRING: "bold yellow",
    State.ACTIVE: "green",
    State.NOT_STARTED: "cyan",
    State.OPEN_ENDED: "dim",
}


def _day(value: object) -> str:
    import datetime as dt

    return i18n.short_date(value) if isinstance(value, dt.date) else "–"


def report(entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    color = options.color
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
    rows: list[list[grid.Cell]] = []
    for e in entries:
        r = e.report
        state = (_(STATE_WORDS[r.state]), "dim" if r.closed else STATE_STYLE[r.state])
        change = _day(e.last_change.date) + f"\n{e.last_change.commit[:10]}" if e.last_change else "–"
        rows.append(
            [
                terminal(e.id),
                terminal(e.title),
                terminal(e.kind),
                terminal(", ".join(p.short for p in e.parties)),
                _day(r.start),
                _day(r.end),
                [(status_words(r.status), "dim"), state],
                i18n.number(r.days_left) if r.days_left is not None else "–",
                change,
            ]
        )
    grid.write(
        out,
        _("Agreements as of {date}").format(date=i18n.date(options.as_of)),
        headings,
        rows,
        width=grid.terminal_width(out, 120),
        color=color,
        right=(7,),
    )
    for d in errors:
        out.write(grid.styled(diagnostic(d).format(), "red", color) + "\n")
    out.write(
        ngettext("{n} agreement", "{n} agreements", len(entries)).format(n=i18n.number(len(entries)))
        + ("; " + _("{n} not loaded").format(n=len(errors)) if errors else "")
        + "\n"
    )
