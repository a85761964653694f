"""The command line: one module per command, each parses options, calls the core, picks a reporter and
returns an exit code. No logic here; options shared by commands live in ``options``, output plumbing in
``output``. ``run`` is the one exit point: user errors become a message and exit 2, bugs a short report.

``-q/--quiet``, ``-v/--verbose`` and ``--debug`` are accepted anywhere on the line, before or after the
command's name: ``command()`` adds them to every command of the app, so no command can forget them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .. import __version__, i18n
from ..errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SamenwerkError, how_to_report
from ..i18n import _
from . import (
    diff,
    expiring,
    extend,
    fix,
    fmt,
    init,
    language,
    lint,
    new,
    options,
    output,
    render,
    rules,
    schema,
    signatures,
    site,
)
from . import list as listing

if TYPE_CHECKING:
    import click

app = typer.Typer(
    name="samenwerk",
    help="Keep cooperation agreements (samenwerkingsovereenkomsten) as code: lint, diff, deadlines, render.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=(
        "Exit codes: 0 nothing to report; 1 findings (lint problems at --fail-on or worse, an agreement in the "
        "expiring --fail-on state, differences with diff --exit-code); 2 the input or the command line is wrong "
        "(the message names the file, line and column); 3 only a bug in samenwerk."
    ),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samenwerk {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """The verbosity options are added by ``command()``, to the app and to every command alike."""


# The commands, in the order --help lists them. A new command: a module here, and one line below.
app.command()(lint.lint)
app.command()(rules.rules)
app.command()(expiring.expiring)
app.command("list")(listing.list_)
app.command(context_settings={"allow_interspersed_args": True})(diff.diff)
app.command("git-diff-driver")(diff.git_diff_driver)
app.command()(render.render)
app.command()(signatures.signatures)
app.command()(schema.schema)
app.command()(site.site)
app.command()(fmt.fmt)
app.command()(fix.fix)
app.command()(init.init)
app.command()(new.new)
app.command()(extend.extend)
app.command()(extend.amend)


def command(wants_help: bool = False) -> click.Group:
    """The app as click runs it, with the options every command shares (``options.everywhere``) added to the
    group and to each command: ``samenwerk -q lint`` and ``samenwerk lint -q`` mean the same. Its help is in
    the run's language (``language.localise``)."""
    import click
    from typer.main import get_command

    group = get_command(app)
    assert isinstance(group, click.Group)
    for cmd in [group, *group.commands.values()]:
        cmd.params.extend(options.everywhere())
    language.localise(group, wants_help)
    if wants_help:
        output.plain_help()
    return group


def _fail(message: str, code: int) -> NoReturn:
    from ..neutral import terminal  # a message may quote a file name or a value from a repository

    sys.stderr.write(f"samenwerk: {terminal(message, lines=True)}\n")
    sys.exit(code)


def handle_termination() -> None:
    """SIGTERM (a CI job cancelled, a container stopped) unwinds like Ctrl-C, so temporary files are removed."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)


def run() -> None:
    """Run the app; turn user errors into a message and exit 2, internal errors into a short report."""
    handle_termination()
    debug_before = os.environ.get("SAMENWERK_DEBUG")
    lang_before = os.environ.get(i18n.ENV)
    output.VERBOSITY.level = 0
    # The language first: Typer's help texts are translated as the app is built, and warnings about the
    # command line are already in it. Worker processes started by spawn read it from the environment.
    i18n.use(language.early(sys.argv[1:]))
    os.environ[i18n.ENV] = i18n.language()
    try:
        _run(options.modernise(sys.argv[1:], output.warning))
    finally:  # a run in this process (the tests run hundreds) leaves nothing for the next one
        for name, before in (("SAMENWERK_DEBUG", debug_before), (i18n.ENV, lang_before)):
            if before is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = before
        i18n.use(None)


def _run(args: Sequence[str]) -> NoReturn:
    try:
        # [*args], not list(args): in this package ``list`` is the module of the ``samenwerk list`` command.
        wants_help = not args or any(a in ("--help", "-h") for a in args)
        code = command(wants_help).main([*args], prog_name="samenwerk", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except SamenwerkError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail(_("interrupted"), 130)
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        # click's usage errors (bad option values, unknown commands) carry their own message and code;
        # they are recognised by what they can do, not by their class.
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(getattr(exc, "exit_code", None), int):
            show()
            sys.exit(EXIT_USAGE)
        if os.environ.get("SAMENWERK_DEBUG") == "1":
            raise
        _fail(
            _("internal error: {error}: {message}").format(error=type(exc).__name__, message=exc)
            + "\n"
            + how_to_report(),
            EXIT_INTERNAL,
        )
