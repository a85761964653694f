"""Semantic diffs in Dutch Markdown, for a pull-request comment: a summary, then changes grouped by section.

Text from the agreements goes through ``neutral.markdown`` (``md_cell``), file names and locations through
``neutral.md_code``: no HTML, no Markdown, no mention and no line of its own gets through. Changed words are
struck through (deleted) and bold (inserted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ...diff import FileDiff
from ...diff.describe import Describer, Description, lines, section, summary, where
from ...diff.engine import Change
from ...i18n import _
from ...neutral import md_code, quote_path
from .. import md_cell
from . import Options
from .text import STATUS


def _name(name: str | None) -> str:
    return md_code(quote_path(name or ""), cell=False)


def _where(change: Change, fd: FileDiff, web: str | None) -> str:
    """'regel 49 → 52', each number a link to its line on the repository's web site where one is known."""
    if web is None or not (fd.old_at or fd.new_at):
        return where(change)
    from ...diff.links import line

    def linked(number: int | None, at: tuple[str, str] | None) -> str | None:
        if number is None:
            return None
        return f"[{number}](<{line(web, at[0], at[1], number)}>)" if at else str(number)

    old, new = linked(change.old_line, fd.old_at), linked(change.new_line, fd.new_at)
    return lines(old, new, same=(change.old_line, fd.old_at) == (change.new_line, fd.new_at))


def _cell(text: str) -> str:
    """``md_cell``, keeping the spaces at either end (between marked and unmarked words)."""
    core = text.strip()
    return text[: len(text) - len(text.lstrip())] + md_cell(core) + text[len(text.rstrip()) :] if core else text


def _wrap(text: str, left: str, right: str) -> str:
    """Emphasis around the words, not around the spaces at their ends (Markdown ignores '~~ x~~')."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{left}{core}{right}{text[start + len(core) :]}"


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    w = out.write
    w("## " + _("Changes in the agreements") + "\n\n")
    if not diffs:
        w(_("No changes.") + "\n")
        return
    w(summary([c for fd in diffs for c in fd.changes]) + ".\n\n")
    for fd in diffs:
        name = f"{_name(fd.old)} → {_name(fd.new)}" if fd.status == "renamed" else _name(fd.new or fd.old)
        w(f"### {name} ({_(STATUS[fd.status])})\n\n")
        for e in fd.errors:
            level = _("Error") if e.level == "error" else _("Warning")
            w(f"> **{level}** {md_code(e.location, cell=False)}: {md_cell(e.message)}\n\n")
        if not fd.changes:
            w(_("No substantive changes (only layout or comments).") + "\n\n")
            continue
        words = Describer(fd.old_data, fd.new_data)
        groups: dict[str, list[Change]] = {}
        for c in fd.changes:
            groups.setdefault(section(c), []).append(c)
        for title, changes in groups.items():
            w(f"**{md_cell(title)}**\n\n")
            for c in changes:
                text = words.describe(c).escaped(_cell)
                marked = _marked(text) if text.words else text.plain()
                tag = "" if c.substantive else " _(" + _("editorial") + ")_"
                place = _where(c, fd, options.web)
                line = f" ({place})" if place else ""
                w(f"- {marked}{tag}{line}\n")
            w("\n")


def _marked(text: Description) -> str:
    pieces = (_wrap(p.text, *_EMPHASIS[p.op]) if p.op in _EMPHASIS else p.text for p in text.words)
    return f"{text.head}: " + "".join(pieces)


_EMPHASIS = {"-": ("~~", "~~"), "+": ("**", "**")}
