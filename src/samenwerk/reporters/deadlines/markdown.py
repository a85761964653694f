"""Deadlines in Markdown, in the run's language, for an issue or a pull-request comment.

Agreement text goes through ``neutral.markdown`` (``md_cell``), ids and locations through ``neutral.md_code``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ... import i18n
from ...deadlines import Report, State
from ...diagnostics import Diagnostic
from ...i18n import N_, _
from ...neutral import md_code
from .. import md_cell
from . import Options, note, rows

STATE_WORDS = {
    State.EXPIRED: N_("expired"),
    State.EXPIRING: N_("expiring soon"),
    State.ACTIVE: N_("running"),
    State.NOT_STARTED: N_("not started yet"),
    State.OPEN_ENDED: N_("without an end date"),
}


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    w = out.write
    w("## " + _("Terms and deadlines as of {date}").format(date=i18n.date(options.as_of)) + "\n\n")
    w(_("Window: up to and including {date}.").format(date=i18n.date(options.until)) + "\n\n")
    w("| " + " | ".join((_("Agreement"), _("State"), _("End date"), _("Days"))) + " |\n|---|---|---|---|\n")
    for r in reports:
        end = i18n.date(r.end) if r.end else _("none")
        days = i18n.number(r.days_left) if r.days_left is not None else "–"
        state = _(STATE_WORDS[r.state]) + (" " + _("(closed)") if r.closed else "")
        if r.amended_by:
            state += ", " + _("amended by {ids}").format(ids=", ".join(md_code(a) for a in r.amended_by))
        if r.superseded_by:
            state += ", " + _("superseded by {id}").format(id=md_code(r.superseded_by))
        w(f"| {md_cell(r.title)} ({md_code(r.agreement_id)}) | {state} | {end} | {days} |\n")
    listed = rows(reports, options.as_of, options.until)
    if listed:
        w("\n### " + _("Deadlines") + "\n\n")
        w("| " + " | ".join((_("Date"), _("Agreement"), _("Deadline"), _("Note"))) + " |\n")
        w("|---|---|---|---|\n")
        for r, d in listed:
            when = i18n.date(d.date) if d.date else _("unknown")
            w(f"| {when} | {md_code(r.agreement_id)} | {md_cell(d.title)} | {md_cell(note(d))} |\n")
    if errors:
        w("\n### " + _("Not loaded") + "\n\n")
        for e in errors:
            w(f"- {md_code(e.location, cell=False)}: {md_cell(e.message)}\n")
