"""Signatures for the terminal: a Rich table of the fields, the problems, and what was and was not checked.

Names from the PDF (fields, signers, parties, the embedded file) go to Rich as ``rich.text.Text`` after
``neutral.terminal``: no markup, emoji codes, control or bidi characters reach the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ...i18n import N_, _
from ...neutral import quote_path, terminal
from ...signatures import Field, Match, Report, Signature, Unreadable
from . import Options, checks, message, signer, summary, when, who

if TYPE_CHECKING:
    from rich.text import Text


def _text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(terminal(value), style=style)


def _integrity(s: Signature) -> tuple[str, str]:
    if not s.intact:
        return _("changed after signing"), "bold red"
    if not s.valid:
        return _("invalid"), "bold red"
    if s.coverage == "partial" or s.changes not in ("none", "signing"):
        return _("intact; later changes"), "bold red"
    return (_("intact") if s.changes == "none" else _("intact; later: signing only")), "green"


_MATCH = {
    Match.MATCH: (N_("the signatory"), "green"),
    Match.MISMATCH: (N_("NOT the signatory"), "bold red"),
    Match.NO_SIGNATORY: (N_("no signatory named"), "dim"),
    Match.NOT_IN_AGREEMENT: (N_("field not in the agreement"), "bold red"),
    Match.UNKNOWN: (N_("not compared"), "yellow"),
}


def _for(field: Field) -> Text:
    """The signatory, and their party below it, dimmed."""
    if field.signatory and field.party:
        return _text(field.signatory).append("\n").append_text(_text(field.party, "dim"))
    return _text(who(field))


def _row(field: Field) -> list[Text]:
    """Field, the signatory it is for, who signed and when, and what the checks found."""
    from rich.text import Text

    name = _text(field.name)
    if field.required:
        name.append("\n" + _("required"), style="dim")
    s = field.signature
    if s is None:
        state = _("not in the PDF") if not field.present else _("not signed")
        return [name, _for(field), Text(state, style="bold red" if field.required else "yellow"), Text("-")]
    if isinstance(s, Unreadable):
        return [name, _for(field), Text(_("unreadable"), style="bold red"), _text(s.reason, "bold red")]
    integrity, style = _integrity(s)
    if s.trusted:
        integrity += "; " + _("trusted")
    match, match_style = _MATCH[field.match or Match.UNKNOWN]
    match = _(match)
    at = when(s.timestamp) + " (" + _("timestamp") + ")" if s.timestamp else when(s.signed_at)
    signed = _text(signer(s)).append("\n").append(at, style="dim")
    return [name, _for(field), signed, Text(integrity, style=style).append("\n").append(match, match_style)]


def report(report: Report, out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, no_color=not options.color, highlight=False, width=max(100, Console(file=out).width))
    title = Text(_("Signatures in") + " ")
    title.append_text(_text(quote_path(report.pdf)))
    if report.title:
        title.append(": ").append_text(_text(report.title))
    table = Table(title=title, title_justify="left")
    for column in (_("field"), _("for"), _("signed by, at"), _("signature; signer")):
        table.add_column(column, overflow="fold")
    for field in report.fields:
        table.add_row(*_row(field))
    console.print(table)
    agreement = Text(_("Agreement:") + " ")
    agreement.append_text(_text(report.embedded_name)).append(f" sha256:{report.embedded_sha256}")
    if report.compared is not None:
        same = report.matches
        agreement.append(" — ").append(
            (_("the same as") if same else _("NOT the same as")) + " ", style="green" if same else "bold red"
        )
        agreement.append_text(_text(quote_path(report.compared.name)))
        if not same:
            agreement.append(f" (sha256:{report.compared.sha256})")
    console.print(agreement, soft_wrap=True)
    if report.problems:
        console.print(Text(_("Problems:"), style="bold"), soft_wrap=True)
        for problem in report.problems:
            console.print(Text("  - ").append_text(_text(message(report, problem), "red")), soft_wrap=True)
    console.print(Text(_("Checked:"), style="bold"), soft_wrap=True)
    for what, done, how in checks(report):
        console.print(
            Text(f"  {_(what)}: ")
            .append(_("yes") if done else _("no"), "green" if done else "yellow")
            .append(f" ({how})"),
            soft_wrap=True,
        )
    console.print(Text(summary(report)), soft_wrap=True)
