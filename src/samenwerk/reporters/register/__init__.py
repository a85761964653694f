"""Register report formats: ``samenwerk list`` writes rows (``FORMATS``), ``samenwerk site`` a website
(``site.build``) and a summary of what it did (``SITE_FORMATS``).

Add a list format: a module here with a writer, and one line in ``FORMATS``. The columns are defined once
(``COLUMNS``): a key in English for machines (JSON, stable whatever the language) and a heading for people in
the run's language (the table, CSV, the spreadsheet); values from the agreements are the agreement's own words.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from ...i18n import N_, _
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


STATUS_WORDS = {
    "draft": N_("draft"),
    "proposed": N_("proposed"),
    "approved": N_("approved"),
    "signed": N_("signed"),
    "active": N_("active"),
    "terminated": N_("terminated"),
    "expired": N_("expired"),
    "superseded": N_("superseded"),
}
"""Each recorded status (``model.agreement.Status``) as a word of the run's language (translated where shown)."""


def status_words(status: str | None) -> str:
    """A recorded status in the run's language; 'not recorded' when there is none."""
    return _(STATUS_WORDS[str(status)]) if status else _("not recorded")


def state_words(state: Any) -> str:
    """A state (``deadlines.State``) in the run's language."""
    from ..deadlines.table import STATE_WORDS

    return _(STATE_WORDS[state])


COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", N_("id")),
    ("title", N_("title")),
    ("kind", N_("kind")),
    ("parties", N_("parties")),
    ("start", N_("start")),
    ("end", N_("end")),
    ("status", N_("status")),
    ("state", N_("state")),
    ("days_left", N_("days")),
    ("region", N_("region")),
    ("last_change", N_("last change")),
    ("commit", N_("commit")),
    ("path", N_("file")),
)
"""Every column: its key (JSON, stable English) and its heading for people (table, CSV, spreadsheet), in the
run's language."""


def headings() -> list[str]:
    """The columns' headings in the run's language."""
    return [_(heading) for _key, heading in COLUMNS]


def columns(e: Entry, words: bool = False) -> dict[str, Any]:
    """One row's values by key: dates as dates, numbers as numbers, missing values as None. ``words``: the
    status and the state as words of the run's language (for people), else as the model's values (JSON)."""
    r = e.report
    return {
        "id": e.id,
        "title": e.title,
        "kind": e.kind,
        "parties": ", ".join(p.short for p in e.parties),
        "start": r.start,
        "end": r.end,
        "status": (status_words(r.status) if words else str(r.status) if r.status else None),
        "state": state_words(r.state) if words else str(r.state),
        "days_left": r.days_left,
        "region": e.region,
        "last_change": e.last_change.date if e.last_change else None,
        "commit": e.last_change.commit if e.last_change else None,
        "path": e.path,
    }
