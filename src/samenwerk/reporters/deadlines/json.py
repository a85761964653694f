"""Deadlines as JSON for scripts: each agreement with its state and every deadline from the as-of date.

Lossless: JSON escapes what needs escaping; only a byte of a file name that was not UTF-8 is shown escaped
(``neutral.json_safe``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...deadlines import Report
from ...diagnostics import Diagnostic
from ...neutral import json_safe
from . import Options


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    as_of, until = options.as_of, options.until
    doc: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "window_end": until.isoformat(),
        "agreements": [
            {
                "id": r.agreement_id,
                "title": r.title,
                "path": r.path,
                "state": str(r.state),
                "status": r.status and str(r.status),
                "closed": r.closed,
                "amended_by": list(r.amended_by),
                "superseded_by": r.superseded_by,
                "start": _date(r.start),
                "end": _date(r.end),
                "days_left": r.days_left,
                "deadlines": [
                    {
                        "key": d.key,
                        "kind": str(d.kind),
                        "date": _date(d.date),
                        "title": d.title,
                        "detail": d.detail or None,
                        "in_window": bool(d.date and as_of <= d.date <= until),
                        "non_working": d.non_working,
                        "previous_working_day": _date(d.working_day),
                    }
                    for d in r.deadlines
                    if d.date is None or d.date >= as_of
                ],
            }
            for r in reports
        ],
        "errors": [
            {"path": e.path, "line": e.line, "col": e.col, "rule": e.rule, "message": e.message} for e in errors
        ],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
