"""samenwerk fix: repair what the rules with a safe fix find, keeping every comment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from . import options, output
from .fmt import DIFF_HELP, FORCE_HELP, StdinFilename, bug, read_stdin, reads_stdin, write_stdout


def fix(
    paths: options.Paths = None,
    diff: Annotated[bool, typer.Option("--diff", help=DIFF_HELP)] = False,
    select: options.Select = None,
    ignore: options.Ignore = None,
    config: options.Config = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
    stdin_filename: StdinFilename = None,
) -> int:
    """Repair what the rules with a safe fix find ('samenwerk rules' marks them 'fix'): dates written another
    way, a title whose years disagree with the dates, trailing spaces, a missing schema line.

    A file that changes is written in canonical form (as 'samenwerk fmt' writes it), atomically, with every comment kept; a read-only file only with --force. 'samenwerk fix -' reads standard input and writes the result to standard output. Exit 0 when nothing is left to fix; 1 when a problem those rules find is left (each is listed), or with --diff when a file would change; 2 when a file cannot be read, parsed or written."""
    from ..config import load_config
    from ..document.files import expand
    from ..fix import fix_file
    from ..format import FormatBug, FormatError, unified_diff, write_back

    settings = load_config(config).selecting(options.ids(select), options.ids(ignore))
    if reads_stdin(paths):
        return _stdin(settings, diff, stdin_filename or "-")
    files = expand(paths or [Path("agreements")])
    fixed = left = failed = crashed = 0
    for path in files:
        try:
            outcome = fix_file(path, settings)
            if outcome.fixed and not diff:
                write_back(path, outcome.after, force)
        except FormatError as exc:
            output.error(str(exc))
            failed += 1
            continue
        except FormatBug as exc:
            bug(exc)
            crashed += 1
            continue
        if outcome.fixed:
            fixed += 1
            if diff:
                sys.stdout.write(unified_diff(path, outcome.before, outcome.after))
            for change in outcome.fixed:
                output.notice(f"{path}: {'would fix' if diff else 'fixed'} {change}")
        if outcome.left:
            left += len(outcome.left)
            output.problems(outcome.left)
    done = "would be fixed" if diff else "fixed"
    summary = f"{fixed} of {len(files)} file(s) {done}; {left} problem(s) left that no fix repairs"
    output.notice(summary + (f"; {failed} file(s) could not be read or written" if failed else ""))
    if crashed:
        return EXIT_INTERNAL
    if failed:
        return EXIT_USAGE
    # With --diff nothing was written: what would be fixed is still there.
    return EXIT_FINDINGS if left or (diff and fixed) else EXIT_OK


def _stdin(settings: Any, diff: bool, name: str) -> int:
    from ..fix import fix_text
    from ..format import FormatBug, FormatError, decode_source, unified_diff

    try:
        outcome = fix_text(decode_source(read_stdin(name), name), Path(name), settings)
    except FormatError as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except FormatBug as exc:
        bug(exc)
        return EXIT_INTERNAL
    if diff:
        sys.stdout.write(unified_diff(name, outcome.before, outcome.after))
    else:
        write_stdout(outcome.after)
    for change in outcome.fixed:
        output.notice(f"{name}: {'would fix' if diff else 'fixed'} {change}")
    output.problems(outcome.left)
    return EXIT_FINDINGS if outcome.left or (diff and outcome.fixed) else EXIT_OK
