"""samenwerk fmt: put agreement files in canonical form, keeping every comment and every text's wording."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK
from ..i18n import _, ngettext
from . import options, output, rewriting

CHECK_HELP = "Write nothing; exit 1 and name each file that is not in canonical form."


def fmt(
    paths: options.Paths = None,
    check: Annotated[bool, typer.Option("--check", help=CHECK_HELP)] = False,
    diff: rewriting.Diff = False,
    force: rewriting.Force = False,
    stdin_filename: rewriting.StdinFilename = None,
) -> int:
    """Put agreements in canonical form: keys in the model's order, two-space indentation, quotes only where
    needed, dates as 31-12-2025, multi-line texts as literal blocks.

    Comments, blank lines between entries, the wording of every text, the line ending (LF or CRLF) and a byte order mark stay as written. A file is rewritten in place (atomically, keeping its mode) only when it changes; a read-only file only with --force. 'samenwerk fmt -' reads standard input and writes the result to standard output (format on save in an editor). Exit 0 when every file is canonical (or was made so); 1 with --check or --diff when a file is not; 2 when a file cannot be read, parsed or written."""
    from ..document.files import expand
    from ..format import format_text, read_source, unified_diff, write_back

    if rewriting.reads_stdin(paths):
        return _stdin(check, diff, stdin_filename or "-")

    def one(path: Path) -> bool:
        before = read_source(path)
        after = format_text(before, str(path)).text
        if after == before:
            output.detail(_("{path}: canonical").format(path=path))
            return False
        if diff:
            sys.stdout.write(unified_diff(path, before, after))
        elif check:
            message = _("{path}: not in canonical form; 'samenwerk fmt {path}' rewrites it").format(path=path)
            sys.stdout.write(message + "\n")
        else:
            write_back(path, after, force)
            output.notice(_("{path}: reformatted").format(path=path))
        return True

    files = expand(paths or [Path("agreements")])
    tally = rewriting.each(files, one)
    if check or diff:
        done = ngettext(
            "{changed} of {n} file would be reformatted", "{changed} of {n} files would be reformatted", tally.files
        )
    else:
        done = ngettext("{changed} of {n} file reformatted", "{changed} of {n} files reformatted", tally.files)
    tally.summary(done.format(changed=tally.changed, n=tally.files))
    return tally.exit_code(bool(tally.changed and (check or diff)))


def _stdin(check: bool, diff: bool, name: str) -> int:
    from ..format import format_text, unified_diff

    def one(before: str) -> int:
        after = format_text(before, name).text
        if diff:
            sys.stdout.write(unified_diff(name, before, after))
        elif check:
            if after != before:
                output.notice(_("{path}: not in canonical form").format(path=name))
        else:
            rewriting.write_stdout(after)
        return EXIT_FINDINGS if after != before and (check or diff) else EXIT_OK

    return rewriting.stdin(name, one)
