"""Human formats: ``concise`` (one line per problem) and ``full`` (with the offending source line)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..diagnostics import Diagnostic
from ..lint import FileResult

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}
_RESET = "\x1b[0m"


def _line(d: Diagnostic, color: bool = False) -> str:
    level = f"{_COLORS[d.level]}{d.level}{_RESET}" if color else str(d.level)
    return f"{d.path}:{d.line}:{d.col}: {level}: {d.message} [{d.rule}]"


def concise(results: Sequence[FileResult], out: TextIO, color: bool = False) -> None:
    for result in results:
        for d in result.diagnostics:
            out.write(_line(d, color) + "\n")
    out.write(summary(results) + "\n")


def full(results: Sequence[FileResult], out: TextIO, color: bool = False) -> None:
    for result in results:
        lines: list[str] | None = None
        for d in result.diagnostics:
            out.write(_line(d, color) + "\n")
            if lines is None:
                lines = _read_lines(result.path)
            if 0 < d.line <= len(lines):
                src = lines[d.line - 1].rstrip("\n")
                if len(src) <= 200:
                    out.write(f"  {d.line:>4} | {src}\n       | {' ' * (d.col - 1)}^\n")
    out.write(summary(results) + "\n")


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.readlines()
    except OSError:
        return []


def summary(results: Sequence[FileResult]) -> str:
    files = len(results)
    bad = sum(1 for r in results if r.diagnostics)
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    return (
        f"{files} file{'s' * (files != 1)} checked: {files - bad} clean, {bad} with problems; "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
