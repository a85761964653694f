"""GitHub Actions workflow commands: an annotation per problem, shown on the pull request's diff.

The runner reads one command per line (it splits on line feed and carriage return) and decodes, in a value,
``%25``, ``%0D`` and ``%0A``, and in a property also ``%3A`` and ``%2C``: the escapes of ``_escape``, as the
Actions toolkit writes them. So an annotation is one line whatever the file name or message holds, and a
``,`` or ``:`` in a file name cannot end its property. The file name must stay exact to place the annotation;
the message, shown in the log and on the diff, is also neutralised for a terminal (no escape sequences, no
bidi, no line breaks).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ...lint import FileResult
from ...neutral import json_safe, terminal
from . import Options


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def report(results: Iterable[FileResult], out: TextIO, options: Options) -> None:
    for r in results:
        for d in r.diagnostics:
            kind = "error" if d.level == "error" else "warning"
            path: str = json_safe(d.path)  # exact, but a byte that was not UTF-8 cannot be written: shown as \xff
            out.write(
                f"::{kind} file={_escape(path, True)},line={d.line},col={d.col},"
                f"title={_escape('samenwerk ' + terminal(d.rule), True)}::{_escape(terminal(d.message))}\n"
            )
