"""Human formats: ``concise`` (one line per problem) and ``full`` (with the offending source line)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..diagnostics import Diagnostic
from ..lint import FileResult

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}
_RESET = "\x1b[0m"


def _line(d: Diagnostic, color: bool = False) -> str:
    level = f"{_COLORS[d.level]}{d.level}{_RESET}" if color else str(d.level)
    return f"{d.path}:{d.line}:{d.col}: {level}: {d.message} [{d.rule}]"


def concise(results: Iterable[FileResult], out: TextIO, color: bool = False) -> None:
    tally = Tally()
    for result in tally.count(results):
        for d in result.diagnostics:
            out.write(_line(d, color) + "\n")
    out.write(tally.summary() + "\n")


def full(results: Iterable[FileResult], out: TextIO, color: bool = False) -> None:
    tally = Tally()
    for result in tally.count(results):
        lines: list[str] | None = None
        for d in result.diagnostics:
            out.write(_line(d, color) + "\n")
            if lines is None:
                lines = _read_lines(result.path)
            if 0 < d.line <= len(lines):
                src = lines[d.line - 1].rstrip("\n")
                if len(src) <= 200:
                    out.write(f"  {d.line:>4} | {src}\n       | {' ' * (d.col - 1)}^\n")
    out.write(tally.summary() + "\n")


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.readlines()
    except OSError:
        return []


class Tally:
    """Counts for the summary line, gathered while results stream past."""

    def __init__(self) -> None:
        self.files = self.bad = self.errors = self.warnings = 0

    def count(self, results: Iterable[FileResult]) -> Iterable[FileResult]:
        for r in results:
            self.files += 1
            self.bad += bool(r.diagnostics)
            self.errors += r.errors
            self.warnings += r.warnings
            yield r

    def summary(self) -> str:
        files, bad, errors, warnings = self.files, self.bad, self.errors, self.warnings
        return (
            f"{files} file{'s' * (files != 1)} checked: {files - bad} clean, {bad} with problems; "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
