"""Register report formats: ``samenwerk list`` writes rows (``FORMATS``), ``samenwerk site`` a website
(``site.build``) and a summary of what it did (``SITE_FORMATS``).

Add a list format: a module here with a writer, and one line in ``FORMATS``. The columns are defined once
(``columns``), in English for machines (JSON keys, the CSV header) and in Dutch for people (the table, the
spreadsheet); values from the agreements are the agreement's own words.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from .. import Format, Registry

if TYPE_CHECKING:
    from ...diagnostics import Diagnostic
    from ...register.entries import Entry


@dataclass(frozen=True)
class Options:
    as_of: dt.date
    color: bool = False
    problems: TextIO = field(default_factory=lambda: sys.stderr)
    """Where a format that cannot hold them (csv, xlsx) writes the files that could not be loaded."""


class Writer(Protocol):
    def __call__(
        self, entries: Sequence[Entry], errors: Sequence[Diagnostic], out: TextIO, options: Options
    ) -> None: ...


FORMATS: Registry[Writer] = Registry(
    __name__,
    {
        "table": Format("table:report"),
        "json": Format("json:report"),
        "csv": Format("csv:report"),
        "xlsx": Format("xlsx:report"),
    },
)
BINARY = frozenset({"xlsx"})
"""Formats written as bytes (to the stream's ``buffer``): never to a terminal."""


class SummaryWriter(Protocol):
    def __call__(self, summary: Any, out: TextIO) -> None: ...


SITE_FORMATS: Registry[SummaryWriter] = Registry(
    __name__,
    {"text": Format("summary:text"), "json": Format("summary:json_")},
)
"""What ``samenwerk site`` says about a build: pages written, kept and removed, files not loaded."""


STATUS_NL = {
    "draft": "ontwerp",
    "proposed": "voorgesteld",
    "approved": "goedgekeurd",
    "signed": "ondertekend",
    "active": "actief",
    "terminated": "beëindigd",
    "expired": "verlopen",
    "superseded": "vervangen",
}
"""Each recorded status (``model.agreement.Status``) in Dutch."""


def status_nl(status: str | None) -> str:
    return STATUS_NL[str(status)] if status else "niet vermeld"


STATE_NL = {
    "expired": "verlopen",
    "expiring": "loopt binnenkort af",
    "active": "lopend",
    "not-yet-started": "nog niet gestart",
    "open-ended": "zonder einddatum",
}


def state_nl(state: Any) -> str:
    return STATE_NL[str(state)]


COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("title", "titel"),
    ("kind", "soort"),
    ("parties", "partijen"),
    ("start", "begin"),
    ("end", "einde"),
    ("status", "status"),
    ("state", "toestand"),
    ("days_left", "dagen"),
    ("region", "regio"),
    ("last_change", "laatste wijziging"),
    ("commit", "commit"),
    ("path", "bestand"),
)
"""Every column: its key (JSON, CSV) and its Dutch heading (table, spreadsheet)."""


def columns(e: Entry) -> dict[str, Any]:
    """One row's values by key: dates as dates, numbers as numbers, missing values as None."""
    r = e.report
    return {
        "id": e.id,
        "title": e.title,
        "kind": e.kind,
        "parties": ", ".join(p.short for p in e.parties),
        "start": r.start,
        "end": r.end,
        "status": str(r.status) if r.status else None,
        "state": str(r.state),
        "days_left": r.days_left,
        "region": e.region,
        "last_change": e.last_change.date if e.last_change else None,
        "commit": e.last_change.commit if e.last_change else None,
        "path": e.path,
    }
