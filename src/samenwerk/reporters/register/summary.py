"""What ``samenwerk site`` says about a build: as a few lines of text, or as JSON for a CI step."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ...neutral import diagnostic, json_safe, quote_path


def text(summary: Any, out: TextIO) -> None:
    s = summary
    out.write(
        f"{quote_path(s.folder)}: {s.agreements} agreements, {s.parties} parties; "
        f"{len(s.written)} files written, {s.unchanged} unchanged, {len(s.removed)} removed "
        f"in {s.seconds:.1f} s\n"
    )
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
