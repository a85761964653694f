"""SARIF 2.1.0, for GitHub code scanning and other viewers.

- Rules: every rule, the built-in findings included, with its short and full description (at most 1,024
  characters: GitHub cuts there), help as text and Markdown, and ``helpUri``: its section of docs/rules.md.
  All of it comes from ``rules.docs``, the one source of rule documentation.
- Locations: a relative URI from the repository root (the closest folder with ``.git`` above the files, else
  the working directory), percent-encoded from the name's bytes (``neutral.uri``), with ``uriBaseId``
  ``%SRCROOT%``, which ``originalUriBaseIds`` gives as a ``file:`` URI ending in '/'. Files from several
  roots (lint given files of two repositories) share the closest folder above all of them.
- ``partialFingerprints``: one per result under ``samenwerk/v1``, unique per finding and unchanged when
  lines move (``fingerprint.py``), so a viewer tracks an alert from one commit to the next.

Messages stay lossless (JSON escapes them), and no string carries a lone surrogate (``neutral.json_safe``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ... import __version__
from ...lint import FileResult
from ...neutral import json_safe, uri
from . import Options
from .fingerprint import VERSION, fingerprints, locate

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"


def _rules() -> list[dict[str, Any]]:
    from ...rules.docs import rule_docs

    return [
        {
            "id": doc.id,
            "name": doc.id,
            "shortDescription": {"text": doc.summary},
            "fullDescription": {"text": doc.description},
            "help": {"text": doc.help_text, "markdown": doc.markdown(heading=False)},
            "helpUri": doc.url,
            "defaultConfiguration": {"level": doc.level},
            "properties": {"tags": ["samenwerk", "built-in" if doc.builtin else "rule"]},
        }
        for doc in rule_docs().values()
    ]


def _base(roots: list[Path]) -> Path:
    """The folder the URIs are relative to: the files' root, or the closest folder above all their roots."""
    if not roots:
        return Path(os.path.abspath(Path.cwd()))
    return Path(os.path.commonpath(roots))


def _folder_uri(folder: Path) -> str:
    return folder.as_uri().rstrip("/") + "/"


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    from ...resources import repository_url

    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    located = [(r, *locate(r.path)) for r in results]
    base = _base(sorted({root for _, root, _ in located}))
    sarif_results = []
    for r, root, path in located:
        relative = uri((root / path).relative_to(base).as_posix())
        for d, fingerprint in zip(r.diagnostics, fingerprints(r, path), strict=True):
            sarif_results.append(
                {
                    "ruleId": d.rule,
                    "ruleIndex": index[d.rule],
                    "level": str(d.level),
                    "message": {"text": d.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": relative, "uriBaseId": SRCROOT},
                                "region": {"startLine": d.line, "startColumn": d.col},
                            }
                        }
                    ],
                    "partialFingerprints": {VERSION: fingerprint},
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
                        "informationUri": repository_url(),
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {
                    SRCROOT: {"uri": _folder_uri(base), "description": {"text": "The repository root."}}
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
