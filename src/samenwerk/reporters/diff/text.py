"""Semantic diffs for the terminal: a summary, then one line per change in the agreement's words.

File names are quoted where needed and keys and values escaped (``neutral``): nothing from either version
can send the terminal a control sequence or start a line of its own. Changed words are marked as git's
word diff marks them (``[-oud-]{+nieuw+}``), in red and green at a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ...diff import FileDiff
from ...diff.describe import Describer, summary, where
from ...diff.engine import Kind
from ...i18n import N_, _
from ...neutral import diagnostic, quote_path, terminal
from . import Options

_SIGN = {Kind.ADDED: "+", Kind.REMOVED: "-", Kind.CHANGED: "~", Kind.MOVED: "↕", Kind.REPLACED: "⇄"}
_COLOR = {
    Kind.ADDED: "\x1b[32m",
    Kind.REMOVED: "\x1b[31m",
    Kind.CHANGED: "\x1b[33m",
    Kind.MOVED: "\x1b[36m",
    Kind.REPLACED: "\x1b[35m",
}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
STATUS = {"added": N_("new"), "deleted": N_("deleted"), "modified": N_("modified"), "renamed": N_("renamed")}


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    color = options.color
    marks = ("\x1b[31m[-", "-]\x1b[0m", "\x1b[32m{+", "+}\x1b[0m") if color else ("[-", "-]", "{+", "+}")
    if not diffs:
        out.write(_("No changes.") + "\n")
        return
    out.write(summary([c for fd in diffs for c in fd.changes]) + "\n")
    for fd in diffs:
        header = quote_path(fd.new or fd.old or "")
        if fd.status == "renamed":
            header = f"{quote_path(fd.old or '')} → {quote_path(fd.new or '')}"
        out.write(
            f"\n{_BOLD}{header} ({_(STATUS[fd.status])}){_RESET}\n"
            if color
            else f"\n{header} ({_(STATUS[fd.status])})\n"
        )
        for e in fd.errors:
            out.write(f"  {diagnostic(e)}\n")
        words = Describer(fd.old_data, fd.new_data)
        for c in fd.changes:
            text = words.describe(c)
            body = text.escaped(terminal).plain(marks)
            tag = (_("substantive") if c.substantive else _("editorial")) + (f"; {where(c)}" if where(c) else "")
            sign = f"{_COLOR[c.kind]}{_SIGN[c.kind]}{_RESET}" if color else _SIGN[c.kind]
            out.write(f"  {sign} {body}  [{tag}]\n")
        if not fd.changes and not fd.errors:
            out.write("  " + _("(no changes in the agreement; only layout or comments)") + "\n")
