"""Output formats for lint results: one module per format, each writes to a stream."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from ..lint import FileResult

Reporter = Callable[[Sequence[FileResult], TextIO], None]


def get(name: str) -> Reporter:
    from . import github, gitlab, json, junit, sarif, text

    table: dict[str, Reporter] = {
        "concise": text.concise,
        "full": text.full,
        "json": json.report,
        "json-lines": json.report_lines,
        "github": github.report,
        "gitlab": gitlab.report,
        "junit": junit.report,
        "sarif": sarif.report,
    }
    return table[name]


FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "junit", "sarif")
STREAMING = frozenset({"full", "concise", "json-lines", "github"})
"""Formats written file by file as results come; the others need every result first."""
