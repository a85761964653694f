"""GitLab Code Quality report (JSON array), shown in merge request widgets.

Lossless JSON: only a byte of a file name that was not UTF-8 is shown escaped (``neutral.json_safe``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TextIO

from ...lint import FileResult
from ...neutral import json_safe
from . import Options


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    issues = []
    for r in results:
        for d in r.diagnostics:
            # The fingerprint must be stable across runs for GitLab to track an issue between commits:
            # it leaves out the line, which moves when lines are added above.
            key = f"{d.path}\0{d.rule}\0{d.message}".encode("utf-8", "surrogateescape")
            issues.append(
                {
                    "description": d.message,
                    "check_name": d.rule,
                    "fingerprint": hashlib.sha256(key).hexdigest(),
                    "severity": "major" if d.level == "error" else "minor",
                    "location": {"path": d.path, "positions": {"begin": {"line": d.line, "column": d.col}}},
                }
            )
    json.dump(json_safe(issues), out, ensure_ascii=False, indent=2)
    out.write("\n")
