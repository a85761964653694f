"""GitHub Actions workflow commands: an annotation per problem, shown on the pull request's diff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ...lint import FileResult
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
            out.write(
                f"::{kind} file={_escape(d.path, True)},line={d.line},col={d.col},"
                f"title={_escape('samenwerk ' + d.rule, True)}::{_escape(d.message)}\n"
            )
