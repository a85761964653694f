"""samenwerk new: a new agreement from its kind, by prompts at a terminal or by options in scripts."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import i18n
from ..errors import EXIT_OK, SamenwerkError
from ..i18n import _
from . import options, output

TITLE_HELP = "The title, as the text gives it."
ID_HELP = "The agreement's id, such as stad-gent-vdab-2026-2031 (an addendum's or a verlenging's: its own)."


def new_file(where: str) -> Any:
    """-o/--output as every command has it, for a command that makes a new file ``where`` by default."""
    return typer.Option("--output", "-o", metavar="FILE", help=options.OUTPUT_HELP, show_default=where)


def _start(value: str) -> dt.date | str:
    """--start: a date, or on-signing / on-approval."""
    if value in ("on-signing", "on-approval"):
        return value
    return options.parse_date(value)


def new(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="samenwerkingsovereenkomst, partnerschapsovereenkomst, engagementsverklaring, pact, protocol, "
            "convenant; addendum or verlenging with --amends.",
        ),
    ],
    agreement_id: Annotated[str | None, typer.Option("--id", metavar="ID", help=ID_HELP)] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help=TITLE_HELP)] = None,
    party: Annotated[
        list[str] | None,
        typer.Option(
            "--party",
            metavar="ID:NAME:KIND",
            help="A party (repeat for more), such as stad-gent:Stad Gent:lokaal-bestuur.",
        ),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help="The start: a date, on-signing or on-approval.")
    ] = None,
    end: Annotated[
        dt.date | None,
        typer.Option("--end", parser=options.parse_date, metavar="DATE", help="The end date, inclusive."),
    ] = None,
    amends: Annotated[
        str | None,
        typer.Option("--amends", metavar="ID", help="For an addendum or a verlenging: the agreement it changes."),
    ] = None,
    out: Annotated[Path | None, new_file("agreements/ID.yaml")] = None,
    force: options.Force = False,
    prompt: Annotated[
        bool | None,
        typer.Option(
            "--prompt/--no-prompt",
            help="Ask for what the options do not give.",
            show_default="at a terminal, without --id",
        ),
    ] = None,
) -> int:
    """Make a new agreement of KIND: every part the kind has, filled in from the options (or the answers at
    a terminal), a TODO wherever something is still to be written ('samenwerk lint' points at each), and the
    line that names the schema for the editor.

    At a terminal without --id it asks for what the options do not give. Written to agreements/ID.yaml (or -o FILE; '-' is standard output), never over a file without --force. An addendum or a verlenging (with --amends ID; a verlenging with --end) is made as 'samenwerk amend' and 'samenwerk extend' make it."""
    from .. import scaffold

    # At a terminal, without --id, it asks; with --id (a script, or someone who knows what to give) never.
    asking = (sys.stdin.isatty() and agreement_id is None) if prompt is None else prompt
    if kind in ("addendum", "verlenging"):
        given = [name for name, value in (("--party", party), ("--start", start)) if value]
        if given:
            takes = {
                "addendum": _(
                    "{options}: an addendum takes its parties and start from the agreement it changes (--amends ID)"
                ),
                "verlenging": _(
                    "{options}: a verlenging takes its parties and start from the agreement it changes (--amends ID)"
                ),
            }
            raise SamenwerkError(takes[kind].format(options=i18n.join(given)))
        return _amendment(kind, amends, end, title, out, force, agreement_id)
    if asking:
        agreement_id = agreement_id or _ask(_("Id (lower-case letters, digits, hyphens)"), scaffold.check_id)
        title = title or _ask(_("Title (empty: a TODO)"), str, optional=True) or None
        if not party:
            party = []
            while spec := _ask(_("Party as ID:NAME:KIND (empty when done)"), _party_spec, optional=True):
                party.append(spec)
        if start is None:
            start = _ask(_("Start: a date, on-signing or on-approval (empty: a TODO)"), _start_spec, optional=True)
            start = start or None
        if end is None:
            answer = _ask(_("End date, inclusive (empty: a TODO)"), _date_spec, optional=True)
            end = options.parse_date(answer) if answer else None
    if not agreement_id:
        raise SamenwerkError(_("name the agreement with --id ID (or answer the prompts at a terminal)"))
    parties = [scaffold.Party.parse(spec) for spec in party or []]
    try:
        begin = _start(start) if start else None
    except typer.BadParameter as exc:
        raise SamenwerkError(f"--start: {exc}") from None
    default = Path("agreements") / f"{scaffold.check_id(agreement_id)}.yaml"
    if out is None and not default.resolve().is_relative_to(Path.cwd().resolve()):
        raise SamenwerkError(
            _("{path}: leads outside this folder (a symbolic link); name the file with -o FILE").format(path=default)
        )
    # Written to standard output, it is meant for agreements/: its schema line says where the schema is from there.
    place = default if out is None or dash(out) else out
    text = scaffold.new_agreement(kind, agreement_id, place, title=title, parties=parties, start=begin, end=end)
    _write(out or default, text, force)
    return EXIT_OK


def _ask(question: str, check: Any, *, optional: bool = False) -> str:
    """One answer at the prompt, asked again until ``check`` accepts it (an empty one when ``optional``).
    The end of the input before an answer is a usage error (exit 2); Ctrl-C stays an interruption."""
    import click

    def proc(answer: str) -> str:
        answer = answer.strip()
        if not answer and optional:
            return ""
        try:
            check(answer)
        except (SamenwerkError, typer.BadParameter) as exc:
            raise click.UsageError(str(exc)) from None
        return answer

    try:
        return str(typer.prompt(question, default="" if optional else None, show_default=False, value_proc=proc))
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, EOFError):
            raise SamenwerkError(
                _("no answer to '{question}' (the input ended): give it as an option").format(question=question)
            ) from None
        raise


def _party_spec(spec: str) -> None:
    from .. import scaffold

    scaffold.Party.parse(spec)


def _start_spec(value: str) -> None:
    _start(value)


def _date_spec(value: str) -> None:
    options.parse_date(value)


def _amendment(
    kind: str,
    amends: str | None,
    end: dt.date | None,
    title: str | None,
    out: Path | None,
    force: bool,
    wanted_id: str | None = None,
) -> int:
    from .. import scaffold

    if not amends:
        changes = {
            "addendum": _("an addendum changes an agreement: name it with --amends ID"),
            "verlenging": _("a verlenging changes an agreement: name it with --amends ID"),
        }
        raise SamenwerkError(changes[kind])
    found = scaffold.find(amends, [Path(".")])
    if kind == "verlenging":
        if end is None:
            raise SamenwerkError(_("a verlenging needs its new end date: --end DATE"))
        planned = scaffold.extension(found, end, None if dash(out) else out, wanted_id)
    else:
        planned = scaffold.addendum(found, title=title, path=None if dash(out) else out, wanted_id=wanted_id)
    _write(out if dash(out) else planned.path, planned.text, force)
    return EXIT_OK


def dash(out: Path | None) -> bool:
    """-o - : standard output."""
    return out is not None and output.to_stdout(out)


def _write(target: Path | None, text: str, force: bool) -> None:
    """The new file written atomically (never over one without --force), or standard output for '-'."""
    if dash(target):
        sys.stdout.write(text)
        return
    from ..fsutil import write_atomic

    assert target is not None
    write_atomic(target, text, force=force, make_parents=True)
    output.notice(_("{path}: written").format(path=target))
