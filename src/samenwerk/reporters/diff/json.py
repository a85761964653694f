"""Semantic diffs as JSON: every change with its path, kind, old and new values and lines on both sides.

Lossless: JSON escapes what needs escaping; only a byte of a file name that was not UTF-8 is shown escaped
(``neutral.json_safe``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from ...diff import FileDiff
from ...neutral import json_safe
from . import Options


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    doc = {
        "files": [
            {
                "old": fd.old,
                "new": fd.new,
                "status": fd.status,
                "errors": [
                    {"path": e.path, "line": e.line, "col": e.col, "message": e.message, "rule": e.rule}
                    for e in fd.errors
                ],
                "changes": [
                    {
                        "path": list(c.path),
                        "kind": str(c.kind),
                        "substantive": c.substantive,
                        "old": c.old,
                        "new": c.new,
                        "old_line": c.old_line,
                        "new_line": c.new_line,
                    }
                    for c in fd.changes
                ],
            }
            for fd in diffs
        ]
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
