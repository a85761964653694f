"""What ``samenwerk site`` says about a build: as a few lines of text, or as JSON for a CI step."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ... import i18n
from ...i18n import _, ngettext
from ...neutral import diagnostic, json_safe, quote_path


def text(summary: Any, out: TextIO) -> None:
    """One line in the run's language: what the site holds, what this build did, how long it took."""
    s = summary
    n = i18n.number
    holds = _("{agreements}, {parties}").format(
        agreements=ngettext("{n} agreement", "{n} agreements", s.agreements).format(n=n(s.agreements)),
        parties=ngettext("{n} party", "{n} parties", s.parties).format(n=n(s.parties)),
    )
    did = _("{written}, {unchanged} unchanged, {removed} removed in {seconds} s").format(
        written=ngettext("{n} file written", "{n} files written", len(s.written)).format(n=n(len(s.written))),
        unchanged=n(s.unchanged),
        removed=n(len(s.removed)),
        seconds=n(round(s.seconds, 1)),
    )
    out.write(f"{quote_path(s.folder)}: {holds}; {did}\n")
    for d in s.errors:
        out.write(f"{diagnostic(d)}\n")


def json_(summary: Any, out: TextIO) -> None:
    s = summary
    doc = {
        "folder": s.folder,
        "agreements": s.agreements,
        "parties": s.parties,
        "written": s.written,
        "unchanged": s.unchanged,
        "removed": s.removed,
        "seconds": s.seconds,
        "notes": s.notes,
        "errors": [
            {"path": d.path, "line": d.line, "col": d.col, "rule": d.rule, "message": d.message} for d in s.errors
        ],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
