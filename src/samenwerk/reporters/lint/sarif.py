"""SARIF 2.1.0, for GitHub code scanning and other viewers: rule metadata from each rule's docstring.

Messages stay lossless (JSON escapes them); a file name becomes a percent-encoded URI reference from its
bytes (``neutral.uri``), and no string carries a lone surrogate (``neutral.json_safe``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ... import __version__
from ...lint import FileResult
from ...neutral import json_safe, uri
from . import Options

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules() -> list[dict[str, Any]]:
    from ...rules import BUILTIN, REGISTRY

    rules = [
        {"id": rid, "name": rid, "shortDescription": {"text": text}, "defaultConfiguration": {"level": "error"}}
        for rid, text in BUILTIN.items()
    ]
    for rid, module in REGISTRY.items():
        rules.append(
            {
                "id": rid,
                "name": rid,
                "shortDescription": {"text": module.summary},
                "fullDescription": {"text": (module.__doc__ or module.summary).strip()},
                "help": {"text": (module.__doc__ or module.summary).strip()},
                "defaultConfiguration": {"level": str(module.level)},
            }
        )
    return rules


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    sarif_results = []
    for r in results:
        location = uri(Path(r.path).as_posix())
        for d in r.diagnostics:
            sarif_results.append(
                {
                    "ruleId": d.rule,
                    "ruleIndex": index[d.rule],
                    "level": str(d.level),
                    "message": {"text": d.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": location, "uriBaseId": "%SRCROOT%"},
                                "region": {"startLine": d.line, "startColumn": d.col},
                            }
                        }
                    ],
                }
            )
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "samenwerk",
                        "version": __version__,
                        "informationUri": "https://samenwerk.invalid/",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": sarif_results,
            }
        ],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
