"""The register as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), for spreadsheets: the header
and the status and state words in the run's language (``COLUMNS``), dates in ISO 8601 and numbers without
grouping, which every spreadsheet reads whatever its locale. Scripts read ``-f json``, whose keys are stable.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before
one) as a formula: text from the agreements that starts so gets a leading apostrophe, which spreadsheets
show as text (OWASP's advice for CSV injection). Numbers and dates samenwerk writes itself are left as they
are; the files that could not be loaded go to standard error, which a CSV has no place for.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO

from ...diagnostics import Diagnostic
from ...neutral import diagnostic
from ...register.entries import Entry
from . import COLUMNS, Options, columns, headings

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet runs."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def report(entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings())
    for e in entries:
        values = columns(e, words=True)
        writer.writerow([cell(values[key]) for key, _ in COLUMNS])
    for d in errors:
        options.problems.write(f"{diagnostic(d)}\n")
