"""samenwerk fmt: put agreement files in canonical form, keeping every comment and every text's wording."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SamenwerkError, how_to_report
from ..i18n import _
from . import options, output

CHECK_HELP = "Write nothing; exit 1 and name each file that is not in canonical form."
DIFF_HELP = "Show the changes as a unified diff on standard output instead of writing them."
FORCE_HELP = "Rewrite a read-only file too (refused without it)."
STDIN_FILENAME_HELP = "The name of the file that standard input ('-') holds, for messages and the configuration."
StdinFilename = Annotated[str | None, typer.Option("--stdin-filename", metavar="NAME", help=STDIN_FILENAME_HELP)]


def fmt(
    paths: options.Paths = None,
    check: Annotated[bool, typer.Option("--check", help=CHECK_HELP)] = False,
    diff: Annotated[bool, typer.Option("--diff", help=DIFF_HELP)] = False,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
    stdin_filename: StdinFilename = None,
) -> int:
    """Put agreements in canonical form: keys in the model's order, two-space indentation, quotes only where
    needed, dates as 31-12-2025, multi-line texts as literal blocks.

    Comments, blank lines between entries, the wording of every text, the line ending (LF or CRLF) and a byte order mark stay as written. A file is rewritten in place (atomically, keeping its mode) only when it changes; a read-only file only with --force. 'samenwerk fmt -' reads standard input and writes the result to standard output (format on save in an editor). Exit 0 when every file is canonical (or was made so); 1 with --check or --diff when a file is not; 2 when a file cannot be read, parsed or written."""
    from ..document.files import expand
    from ..format import FormatBug, FormatError, format_text, read_source, unified_diff, write_back

    if reads_stdin(paths):
        return _stdin(check, diff, stdin_filename or "-")
    files = expand(paths or [Path("agreements")])
    changed = failed = crashed = 0
    for path in files:
        try:
            before = read_source(path)
            after = format_text(before, str(path)).text
            if after == before:
                output.detail(_("{path}: canonical").format(path=path))
                continue
            if diff:
                sys.stdout.write(unified_diff(path, before, after))
            elif check:
                sys.stdout.write(f"{path}: not in canonical form; 'samenwerk fmt {path}' rewrites it\n")
            else:
                write_back(path, after, force)
                output.notice(_("{path}: reformatted").format(path=path))
            changed += 1
        except FormatError as exc:
            output.error(str(exc))
            failed += 1
        except FormatBug as exc:
            bug(exc)
            crashed += 1
    done = "would be reformatted" if check or diff else "reformatted"
    problem = f"; {failed} could not be read or written" if failed else ""
    output.notice(f"{changed} of {len(files)} file(s) {done}{problem}")
    if crashed:
        return EXIT_INTERNAL
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if changed and (check or diff) else EXIT_OK


def _stdin(check: bool, diff: bool, name: str) -> int:
    from ..format import FormatBug, FormatError, decode_source, format_text, unified_diff

    try:
        before = decode_source(read_stdin(name), name)
        after = format_text(before, name).text
    except FormatError as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except FormatBug as exc:
        bug(exc)
        return EXIT_INTERNAL
    if diff:
        sys.stdout.write(unified_diff(name, before, after))
    elif check:
        if after != before:
            output.notice(f"{name}: not in canonical form")
    else:
        write_stdout(after)
    return EXIT_FINDINGS if after != before and (check or diff) else EXIT_OK


def reads_stdin(paths: list[Path] | None) -> bool:
    """Whether the command reads standard input ('-'), which stands alone."""
    if not paths or not any(str(p) == "-" for p in paths):
        return False
    if len(paths) > 1:
        raise SamenwerkError("'-' (standard input) cannot be given with other paths")
    return True


def read_stdin(name: str) -> bytes:
    """Standard input, as bytes, within the size limit of a file."""
    from ..document import too_large
    from ..document.yaml import MAX_FILE_BYTES
    from ..format import FormatError

    raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise FormatError(f"{name}:1:1: the input is too large; {too_large(MAX_FILE_BYTES)}")
    return raw


def write_stdout(text: str) -> None:
    """``text`` on standard output byte for byte (its line endings and byte order mark as they are)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def bug(exc: Exception) -> None:
    """A check of the canonical form failed: a bug in samenwerk, said as every bug is (``--debug``: raised)."""
    if os.environ.get("SAMENWERK_DEBUG") == "1":
        raise exc
    output.error(f"{exc}. {how_to_report()}")
