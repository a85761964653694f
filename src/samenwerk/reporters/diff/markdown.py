"""Semantic diffs in Dutch Markdown, for a pull-request comment: changes grouped by section.

Text from the agreements goes through ``neutral.markdown`` (``md_cell``), file names and locations through
``neutral.md_code``: no HTML, no Markdown, no mention and no line of its own gets through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ...diff import FileDiff
from ...diff.describe import describe, section
from ...diff.engine import Change
from ...neutral import md_code, quote_path
from .. import md_cell
from . import Options


def _name(name: str | None) -> str:
    return md_code(quote_path(name or ""), cell=False)


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    w = out.write
    w("## Wijzigingen in de overeenkomsten\n\n")
    if not diffs:
        w("Geen wijzigingen.\n")
        return
    for fd in diffs:
        name = f"{_name(fd.old)} → {_name(fd.new)}" if fd.status == "renamed" else _name(fd.new or fd.old)
        status = {"added": "nieuw", "deleted": "verwijderd", "modified": "gewijzigd", "renamed": "hernoemd"}[fd.status]
        w(f"### {name} ({status})\n\n")
        for e in fd.errors:
            w(f"> **Fout** {md_code(e.location, cell=False)}: {md_cell(e.message)}\n\n")
        if not fd.changes:
            w("Geen inhoudelijke wijzigingen (enkel opmaak of commentaar).\n\n")
            continue
        groups: dict[str, list[Change]] = {}
        for c in fd.changes:
            groups.setdefault(section(c), []).append(c)
        for title, changes in groups.items():
            w(f"**{md_cell(title)}**\n\n")
            for c in changes:
                tag = "" if c.substantive else " _(redactioneel)_"
                line = f" (regel {c.new_line or c.old_line})" if (c.new_line or c.old_line) else ""
                w(f"- {md_cell(describe(c, fd.old_data, fd.new_data))}{tag}{line}\n")
            w("\n")
    substantive = sum(c.substantive for fd in diffs for c in fd.changes)
    editorial = sum(not c.substantive for fd in diffs for c in fd.changes)
    w(f"{substantive} inhoudelijke en {editorial} redactionele wijziging(en).\n")
