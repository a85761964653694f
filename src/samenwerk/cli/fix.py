"""samenwerk fix: repair what the rules with a safe fix find, keeping every comment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_FINDINGS, EXIT_OK
from ..i18n import _, ngettext
from . import options, output, rewriting

if TYPE_CHECKING:
    from ..config import Config
    from ..fix import Outcome


def fix(
    paths: options.Paths = None,
    diff: rewriting.Diff = False,
    select: options.Select = None,
    ignore: options.Ignore = None,
    config: options.Config = None,
    force: rewriting.Force = False,
    stdin_filename: rewriting.StdinFilename = None,
) -> int:
    """Repair what the rules with a safe fix find ('samenwerk rules' marks them 'fix'): dates written another
    way, a title whose years disagree with the dates, trailing spaces, a missing schema line.

    A file that changes is written in canonical form (as 'samenwerk fmt' writes it), atomically, with every comment kept; a read-only file only with --force. 'samenwerk fix -' reads standard input and writes the result to standard output. Exit 0 when nothing is left to fix; 1 when a problem those rules find is left (each is listed), or with --diff when a file would change; 2 when a file cannot be read, parsed or written."""
    from ..config import load_config
    from ..document.files import expand
    from ..fix import fix_file
    from ..format import unified_diff, write_back

    settings = load_config(config).selecting(options.ids(select), options.ids(ignore))
    if rewriting.reads_stdin(paths):
        return _stdin(settings, diff, stdin_filename or "-")
    left = 0

    def one(path: Path) -> bool:
        nonlocal left
        outcome = fix_file(path, settings)
        if outcome.fixed and not diff:
            write_back(path, outcome.after, force)
        if outcome.fixed and diff:
            sys.stdout.write(unified_diff(path, outcome.before, outcome.after))
        _said(str(path), outcome, diff)
        left += len(outcome.left)
        return bool(outcome.fixed)

    tally = rewriting.each(expand(paths or [Path("agreements")]), one)
    n = tally.files
    if diff:
        done = ngettext("{changed} of {n} file would be fixed", "{changed} of {n} files would be fixed", n)
    else:
        done = ngettext("{changed} of {n} file fixed", "{changed} of {n} files fixed", n)
    tally.summary(
        done.format(changed=tally.changed, n=n),
        ngettext("{n} problem left that no fix repairs", "{n} problems left that no fix repairs", left).format(n=left),
    )
    # With --diff nothing was written: what would be fixed is still there.
    return tally.exit_code(bool(left or (diff and tally.changed)))


def _stdin(settings: Config, diff: bool, name: str) -> int:
    from ..fix import fix_text
    from ..format import unified_diff

    def one(text: str) -> int:
        outcome = fix_text(text, Path(name), settings)
        if diff:
            sys.stdout.write(unified_diff(name, outcome.before, outcome.after))
        else:
            rewriting.write_stdout(outcome.after)
        _said(name, outcome, diff)
        return EXIT_FINDINGS if outcome.left or (diff and outcome.fixed) else EXIT_OK

    return rewriting.stdin(name, one)


def _said(name: str, outcome: Outcome, diff: bool) -> None:
    """What was fixed (or would be), a line each, and what is left, on stderr."""
    said = _("{path}: would fix {change}") if diff else _("{path}: fixed {change}")
    for change in outcome.fixed:
        output.notice(said.format(path=name, change=change))
    output.problems(outcome.left)
