"""The command line: one module per command, each parses options, calls the core, picks a reporter and
returns an exit code. No logic here; options shared by commands live in ``options``, output plumbing in
``output``. ``run`` is the one exit point: user errors become a message and exit 2, bugs a short report.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, NoReturn

import typer

from .. import __version__
from ..errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SamenwerkError
from . import diff, expiring, lint, render, rules, schema

app = typer.Typer(
    name="samenwerk",
    help="Keep cooperation agreements (samenwerkingsovereenkomsten) as code: lint, diff, deadlines, render.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=False,
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
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
) -> None:
    os.environ["SAMENWERK_DEBUG"] = "1" if debug else os.environ.get("SAMENWERK_DEBUG", "")


# The commands, in the order --help lists them. A new command: a module here, and one line below.
app.command()(lint.lint)
app.command()(rules.rules)
app.command()(expiring.expiring)
app.command(context_settings={"allow_interspersed_args": True})(diff.diff)
app.command("git-diff-driver")(diff.git_diff_driver)
app.command()(render.render)
app.command()(schema.schema)


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
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except SamenwerkError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        # Typer's usage errors (bad option values, unknown commands) carry their own message and code;
        # Typer vendors its click, so they are recognised by what they can do, not by their class.
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(getattr(exc, "exit_code", None), int):
            show()
            sys.exit(EXIT_USAGE)
        if os.environ.get("SAMENWERK_DEBUG") == "1":
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug in samenwerk {__version__}. Run again with --debug for a traceback and report it "
            "with the command you ran (never the agreement itself if it is confidential).",
            EXIT_INTERNAL,
        )
