"""Machine formats: ``json`` (one document) and ``json-lines`` (one problem per line).

Lossless: JSON escapes what needs escaping (a line break in a message stays inside its JSON line); only a
byte of a file name that was not UTF-8 is shown escaped (``neutral.json_safe``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any, TextIO

from ...lint import FileResult
from ...neutral import json_safe
from . import Options


def _item(d: Any) -> dict[str, Any]:
    item = asdict(d)
    return {k: (str(v) if k == "level" else v) for k, v in item.items() if v is not None}


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    doc = {
        "files": [{"path": r.path, "errors": r.errors, "warnings": r.warnings} for r in results],
        "diagnostics": [_item(d) for r in results for d in r.diagnostics],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")


def report_lines(results: Iterable[FileResult], out: TextIO, options: Options) -> None:
    for r in results:
        for d in r.diagnostics:
            out.write(json.dumps(json_safe(_item(d)), ensure_ascii=False) + "\n")
