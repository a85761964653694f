"""Human formats: ``concise`` (one line per problem) and ``full`` (with the offending source line).

Everything from the repository (file names, messages quoting keys or values, the source line) goes through
``neutral`` first: a terminal gets no control or bidi character from it, and a file name cannot forge a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TextIO

from ...diagnostics import Diagnostic
from ...i18n import _, level, ngettext, number
from ...lint import FileResult, Summary
from ...neutral import quote_path, terminal
from . import Options, source_lines

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}
_RESET = "\x1b[0m"


def _line(d: Diagnostic, color: bool = False) -> str:
    """``neutral.diagnostic(d).format(...)``, written out: one line per problem of thousands of files."""
    word = level(d.level)  # the level in the run's language: a dictionary look-up
    shown = f"{_COLORS[d.level]}{word}{_RESET}" if color else word
    return f"{_quoted(d.path)}:{d.line}:{d.col}: {shown}: {terminal(d.message)} [{d.rule}]"


@lru_cache(maxsize=64)
def _quoted(path: str) -> str:
    return quote_path(path)  # the same file name for each of its problems, worked out once


def concise(results: Iterable[FileResult], out: TextIO, options: Options) -> None:
    tally = Summary()
    for result in tally.count(results):
        for d in result.diagnostics:
            out.write(_line(d, options.color) + "\n")
    out.write(summary(tally) + "\n")


def full(results: Iterable[FileResult], out: TextIO, options: Options) -> None:
    tally = Summary()
    for result in tally.count(results):
        lines: list[str] | None = None
        # Personal data found on a line (a number may wrap onto the next one) is never shown, whatever is reported.
        hidden = {d.line + k for d in result.diagnostics if d.redact for k in (0, 1)}
        for d in result.diagnostics:
            out.write(_line(d, options.color) + "\n")
            if not result.source_read:  # refused (a link out of the repository) or unreadable: show none of it
                continue
            if lines is None:
                lines = source_lines(result.path)
            if 0 < d.line <= len(lines):
                src = lines[d.line - 1].rstrip("\r\n")
                if d.line in hidden:
                    src = _DIGIT.sub("#", src)
                if len(src) <= 200:
                    caret = len(terminal(src[: max(d.col - 1, 0)]))  # where the column is once escapes are shown
                    out.write(f"  {d.line:>4} | {terminal(src)}\n       | {' ' * caret}^\n")
    out.write(summary(tally) + "\n")


_DIGIT = re.compile(r"\d")


def summary(tally: Summary) -> str:
    files, bad, errors, warnings = tally.files, tally.bad, tally.errors, tally.warnings
    return _("{checked}: {clean} clean, {bad} with problems; {errors}, {warnings}").format(
        checked=ngettext("{n} file checked", "{n} files checked", files).format(n=number(files)),
        clean=number(files - bad),
        bad=number(bad),
        errors=ngettext("{n} error", "{n} errors", errors).format(n=number(errors)),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=number(warnings)),
    )
