"""samenwerk fmt: put agreement files in canonical form, keeping every comment and every text's wording."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from . import options, output

CHECK_HELP = "Write nothing; exit 1 and name each file that is not in canonical form."
DIFF_HELP = "Show the changes as a unified diff on standard output instead of writing them."


def fmt(
    paths: options.Paths = None,
    check: Annotated[bool, typer.Option("--check", help=CHECK_HELP)] = False,
    diff: Annotated[bool, typer.Option("--diff", help=DIFF_HELP)] = False,
) -> int:
    """Put agreements in canonical form: keys in the model's order, two-space indentation, quotes only where
    needed, dates as 31-12-2025, multi-line texts as literal blocks.

    Comments, blank lines between entries and the wording of every text stay as written. A file is rewritten in place (atomically) only when it changes. Exit 0 when every file is canonical (or was made so); 1 with --check or --diff when a file is not; 2 when a file cannot be read or parsed."""
    from ..document.files import expand
    from ..format import FormatBug, FormatError, format_text, read_source, unified_diff, write_back

    files = expand(paths or [Path("agreements")])
    changed = failed = crashed = 0
    for path in files:
        try:
            before = read_source(path)
            after = format_text(before, str(path)).text
        except FormatError as exc:
            output.error(str(exc))
            failed += 1
            continue
        except FormatBug as exc:
            output.error(f"{exc}. This is a bug in samenwerk: please report it.")
            crashed += 1
            continue
        if after == before:
            output.detail(f"{path}: canonical")
            continue
        changed += 1
        if diff:
            sys.stdout.write(unified_diff(path, before, after))
        elif check:
            sys.stdout.write(f"{path}: not in canonical form; 'samenwerk fmt {path}' rewrites it\n")
        else:
            write_back(path, after)
            output.notice(f"{path}: reformatted")
    done = "would be reformatted" if check or diff else "reformatted"
    output.notice(f"{changed} of {len(files)} file(s) {done}" + (f"; {failed} could not be read" if failed else ""))
    if crashed:
        return EXIT_INTERNAL
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if changed and (check or diff) else EXIT_OK
