"""GitLab Code Quality report (a JSON array of issues), shown in merge request widgets and diffs.

Each issue has GitLab's required fields (``description``, ``check_name``, ``fingerprint``, ``severity``,
``location.path`` with ``location.lines.begin``) and, for viewers that show columns, ``location.positions``;
``type`` and ``categories`` come from the Code Climate issue format that GitLab's is based on.

- ``location.path`` is the path from the repository root (where GitLab looks for the file), whatever folder
  lint ran in;
- ``fingerprint`` is unique per finding and stays the same when lines move (see ``fingerprint.py``): GitLab
  keeps one issue per fingerprint, and compares fingerprints to tell new issues from fixed ones;
- severity: an error is ``major``, a warning ``minor``.

Lossless JSON: only a byte of a file name that was not UTF-8 is shown escaped (``neutral.json_safe``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...diagnostics import Level
from ...lint import FileResult
from ...neutral import json_safe
from . import Options
from .fingerprint import fingerprints, locate

SEVERITY = {Level.ERROR: "major", Level.WARNING: "minor"}


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    from ...rules import REGISTRY

    sensitive = {rid for rid, module in REGISTRY.items() if getattr(module, "sensitive", False)}
    issues: list[dict[str, Any]] = []
    for r in results:
        _, path = locate(r.path)
        for d, fingerprint in zip(r.diagnostics, fingerprints(r, path), strict=True):
            issues.append(
                {
                    "type": "issue",
                    "description": d.message,
                    "check_name": d.rule,
                    "categories": ["Security"] if d.rule in sensitive else ["Bug Risk"],
                    "fingerprint": fingerprint,
                    "severity": SEVERITY[d.level],
                    "location": {
                        "path": path,
                        "lines": {"begin": d.line},
                        "positions": {"begin": {"line": d.line, "column": d.col}},
                    },
                }
            )
    json.dump(json_safe(issues), out, ensure_ascii=False, indent=2)
    out.write("\n")
