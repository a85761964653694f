"""What ``fmt`` and ``fix`` share: their options, the loop that rewrites files in place one by one, and
standard input to standard output ('-').

A file that cannot be read, parsed or written is said and counted and the run goes on with the next (exit 2
at the end); a failed check of the result is a bug in samenwerk, said as every bug is (exit 3). Each command
gives what it does to one file (``each``) or to the text of standard input (``stdin``), and its own summary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SamenwerkError, how_to_report
from ..i18n import _, ngettext
from . import output

DIFF_HELP = "Show the changes as a unified diff on standard output instead of writing them."
FORCE_HELP = "Rewrite a read-only file too (refused without it)."
STDIN_FILENAME_HELP = "The name of the file that standard input ('-') holds, for messages and the configuration."
Diff = Annotated[bool, typer.Option("--diff", help=DIFF_HELP)]
Force = Annotated[bool, typer.Option("--force", help=FORCE_HELP)]
StdinFilename = Annotated[str | None, typer.Option("--stdin-filename", metavar="NAME", help=STDIN_FILENAME_HELP)]


@dataclass
class Tally:
    """How a run over files went."""

    files: int
    changed: int = 0
    """Files that changed (or would, with --check or --diff)."""
    failed: int = 0
    """Files that could not be read, parsed or written."""
    crashed: int = 0
    """Files on which samenwerk met a bug."""

    def summary(self, done: str, *more: str) -> None:
        """One line on stderr: ``done`` (what happened to how many files), then ``more``, then the failures."""
        parts = [done, *more]
        if self.failed:
            parts.append(
                ngettext(
                    "{n} file could not be read or written", "{n} files could not be read or written", self.failed
                ).format(n=self.failed)
            )
        output.notice("; ".join(parts))

    def exit_code(self, findings: bool) -> int:
        """3 after a bug, 2 when a file failed, else 1 when ``findings``, else 0."""
        if self.crashed:
            return EXIT_INTERNAL
        if self.failed:
            return EXIT_USAGE
        return EXIT_FINDINGS if findings else EXIT_OK


def each(files: list[Path], work: Callable[[Path], bool]) -> Tally:
    """``work`` on every file (True: the file changed, or would), whatever happens to the ones before it."""
    from ..format import FormatBug, FormatError

    tally = Tally(len(files))
    for path in files:
        try:
            tally.changed += work(path)
        except FormatError as exc:
            output.error(str(exc))
            tally.failed += 1
        except FormatBug as exc:
            bug(exc)
            tally.crashed += 1
    return tally


def stdin(name: str, work: Callable[[str], int]) -> int:
    """``work`` on the text of standard input (the file ``name``), its exit code; 2 when the input cannot be
    read or parsed, 3 on a bug."""
    from ..format import FormatBug, FormatError, decode_source

    try:
        return work(decode_source(read_stdin(name), name))
    except FormatError as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except FormatBug as exc:
        bug(exc)
        return EXIT_INTERNAL


def reads_stdin(paths: list[Path] | None) -> bool:
    """Whether the command reads standard input ('-'), which stands alone."""
    if not paths or not any(str(p) == "-" for p in paths):
        return False
    if len(paths) > 1:
        raise SamenwerkError(_("'-' (standard input) cannot be given with other paths"))
    return True


def read_stdin(name: str) -> bytes:
    """Standard input, as bytes, within the size limit of a file."""
    from ..document import too_large
    from ..document.yaml import MAX_FILE_BYTES
    from ..format import FormatError

    raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        message = _("the input is too large; {limit}").format(limit=too_large(MAX_FILE_BYTES))
        raise FormatError(f"{name}:1:1: {message}")
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
