"""Semantic diffs for the terminal: one line per change, coloured at a terminal.

File names are quoted where needed and keys and values escaped (``neutral``): nothing from either version
can send the terminal a control sequence or start a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ...diff import FileDiff
from ...diff.describe import value
from ...diff.engine import Change, Kind
from ...neutral import diagnostic, quote_path, terminal
from . import Options

_SIGN = {Kind.ADDED: "+", Kind.REMOVED: "-", Kind.CHANGED: "~", Kind.MOVED: "↕"}
_COLOR = {Kind.ADDED: "\x1b[32m", Kind.REMOVED: "\x1b[31m", Kind.CHANGED: "\x1b[33m", Kind.MOVED: "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def _path(change: Change) -> str:
    return ".".join(change.path) or "(file)"


def _lines(change: Change) -> str:
    old = f"{change.old_line}" if change.old_line else "-"
    new = f"{change.new_line}" if change.new_line else "-"
    return f"line {old} → {new}"


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    color = options.color
    for fd in diffs:
        header = quote_path(fd.new or fd.old or "")
        if fd.status == "renamed":
            header = f"{quote_path(fd.old or '')} → {quote_path(fd.new or '')}"
        out.write(f"{_BOLD}{header} ({fd.status}){_RESET}\n" if color else f"{header} ({fd.status})\n")
        for e in fd.errors:
            out.write(f"  {diagnostic(e)}\n")
        for c in fd.changes:
            sign = _SIGN[c.kind]
            tag = "substantive" if c.substantive else "editorial"
            if c.kind is Kind.CHANGED:
                body = f"{_path(c)}: {value(c.old)} → {value(c.new)}"
            elif c.kind is Kind.MOVED:
                body = f"{_path(c)}: moved from position {int(c.old) + 1} to {int(c.new) + 1}"
            else:
                body = f"{_path(c)}: {value(c.new if c.kind is Kind.ADDED else c.old)}"
            line = f"  {sign} {terminal(body)}  [{tag}; {_lines(c)}]"
            out.write(f"{_COLOR[c.kind]}{line}{_RESET}\n" if color else line + "\n")
        if not fd.changes and not fd.errors:
            out.write("  (no changes in the agreement; only formatting or comments)\n")
    files = len(diffs)
    changes = sum(len(fd.changes) for fd in diffs)
    substantive = sum(c.substantive for fd in diffs for c in fd.changes)
    out.write(
        f"{files} file{'s' * (files != 1)} changed: {changes} change{'s' * (changes != 1)}, {substantive} substantive\n"
    )
