"""The register as JSON for scripts: one object per agreement, keys as ``columns`` has them, dates ISO 8601,
the parties with their identity and roles, and the files that could not be loaded. Keys and the model's
values (status, state, kind) are English and stable in every language; the texts (the parties' roles, the
errors' messages) follow the run's language."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...diagnostics import Diagnostic
from ...neutral import json_safe
from ...register.entries import Entry
from ...register.parties import role_text
from . import Options, columns


def _value(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def report(entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    rows = []
    for e in entries:
        row = {k: _value(v) for k, v in columns(e).items()}
        row["parties"] = [
            {"name": p.name, "short": p.short, "key": p.key, "kind": p.kind, "roles": [role_text(r) for r in p.roles]}
            for p in e.parties
        ]
        if e.last_change:
            row["last_change"] = {
                "date": e.last_change.date.isoformat(),
                "commit": e.last_change.commit,
                "author": e.last_change.author,
                "subject": e.last_change.subject,
            }
        del row["commit"]
        row["amended_by"] = list(e.report.amended_by)
        row["superseded_by"] = e.report.superseded_by
        rows.append(row)
    doc = {
        "as_of": options.as_of.isoformat(),
        "agreements": rows,
        "errors": [
            {"path": d.path, "line": d.line, "col": d.col, "rule": d.rule, "message": d.message} for d in errors
        ],
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
