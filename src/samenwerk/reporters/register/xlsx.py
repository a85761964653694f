"""The register as an Excel workbook (openpyxl), for the people who work in Excel.

One sheet ("Agreements", "Overeenkomsten"): headings in the run's language in bold, frozen, with a filter;
status and state as words of that language; dates as real dates (shown dd-mm-yyyy in Dutch, yyyy-mm-dd in
English), days left as numbers. Every text cell is stored as a string, never a formula (openpyxl would
otherwise store text that starts with ``=`` as one), and what XML cannot carry (control characters) is shown
escaped (``neutral.xml``). A second sheet ("Not loaded", "Niet ingelezen") lists the files that could not be loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ...diagnostics import Diagnostic
from ...errors import SamenwerkError
from ...i18n import _, language
from ...neutral import xml
from ...register.entries import Entry
from . import COLUMNS, Options, columns, headings

DATE_FORMATS = {"nl": "DD-MM-YYYY", "en": "YYYY-MM-DD"}
"""How the workbook shows a date: as Dutch writes it in a table, and in English the unambiguous ISO order."""
WIDTHS = {"id": 28, "title": 60, "parties": 40, "path": 40, "last_change": 16, "commit": 12}


def report(entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise SamenwerkError(_("{format} is binary: write it to a file with -o/--output").format(format="xlsx"))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Agreements")
    sheet.append(headings())
    for c in sheet[1]:
        c.font = Font(bold=True)
    for n, e in enumerate(entries, start=2):
        values = columns(e, words=True)
        for col, (key, _heading) in enumerate(COLUMNS, start=1):
            _put(sheet.cell(row=n, column=col), values[key], key)
    for col, (key, _heading) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = WIDTHS.get(key, 14)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(entries) + 1}"
    if errors:
        problems = book.create_sheet(_("Not loaded"))
        problems.append([_("file"), _("line"), _("column"), _("rule"), _("message")])
        for d in errors:
            row = len(tuple(problems.rows)) + 1
            for col, value in enumerate((d.path, d.line, d.col, d.rule, d.message), start=1):
                _put(problems.cell(row=row, column=col), value, "")
    book.properties.creator = "samenwerk"
    out.flush()
    book.save(buffer)
    buffer.flush()


def _put(cell: Any, value: Any, key: str) -> None:
    if isinstance(value, str):
        cell.value = xml(value)
        cell.data_type = "s"  # text, never a formula, whatever it starts with
    else:
        cell.value = value
        if key in ("start", "end", "last_change") and value is not None:
            cell.number_format = DATE_FORMATS[language()]
