"""Agreements as register rows: the row of one validated agreement, many files at once, filters and sort
orders, and rows as plain data (``to_plain``/``from_plain``) that the site keeps in its manifest so that a
rebuild reads again only the files that changed.

Dates are the agreement's effective ones (``facts``): the start is the start date or the signing date, the
end the last day it runs (inclusive). Deadlines and the state come from ``deadlines.compute``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from .. import facts
from ..deadlines import Deadline, Kind, Report, State, compute
from ..diagnostics import Diagnostic
from ..model import Agreement
from ..model.agreement import Status
from . import parties as party_ids

WITHIN = relativedelta(days=90)
"""The window in which an agreement counts as expiring, as ``samenwerk expiring`` has it by default."""


@dataclass(frozen=True, slots=True)
class PartyRef:
    """One party of one agreement, with its identity across the register."""

    key: str
    slug: str
    name: str
    short: str
    kind: str
    roles: tuple[party_ids.Role, ...] = ()
    """What it does in the agreement (``parties.roles``; ``parties.role_text`` words one)."""


@dataclass(frozen=True, slots=True)
class Change:
    """The last commit that changed an agreement's file."""

    commit: str
    date: dt.date
    author: str = ""
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """An agreement as the register shows it."""

    report: Report
    """State, effective dates, days left and deadlines (``deadlines.compute``)."""
    kind: str
    region: str | None
    parties: tuple[PartyRef, ...]
    signed: dt.date | None = None
    last_change: Change | None = None
    language: str = "nl"
    """The agreement's own language (``language``): its title, names and texts are in it."""

    @property
    def id(self) -> str:
        return self.report.agreement_id

    @property
    def title(self) -> str:
        return self.report.title

    @property
    def path(self) -> str:
        return self.report.path


def entry(agreement: Agreement, path: str = "", as_of: dt.date | None = None) -> Entry:
    """The register's row of one agreement."""
    day = as_of or dt.date.today()
    refs = []
    for party in agreement.parties:
        identity = party_ids.key(party)
        refs.append(
            PartyRef(
                key=identity,
                slug=party_ids.slug(identity),
                name=party.name,
                short=party_ids.short(party),
                kind=str(party.kind),
                roles=tuple(party_ids.roles(agreement, party.id)),
            )
        )
    return Entry(
        report=compute(agreement, day, WITHIN, path=path),
        kind=str(agreement.kind),
        region=agreement.region,
        parties=tuple(refs),
        signed=facts.signed(agreement),
        language=str(agreement.language),
    )


def collect(files: list[Path], as_of: dt.date, jobs: int) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries of every file that validates (in worker processes when there are many), and the diagnostics
    of the others."""
    from functools import partial

    from .. import document

    return document.map_valid(partial(entry, as_of=as_of), [str(f) for f in files], jobs)


# --- selecting and sorting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """What ``samenwerk list`` keeps; every criterion given must hold. Texts match case-insensitively."""

    party: str | None = None
    """Part of a party's name, short name or key (``kbo:...``)."""
    kind: str | None = None
    status: str | None = None
    """A recorded status (``signed``), or ``none`` for agreements that record none."""
    state: str | None = None
    ends_before: dt.date | None = None
    """Agreements whose last day lies before this date (open-ended ones never do)."""
    region: str | None = None
    """Part of the region's name."""

    def __call__(self, e: Entry) -> bool:
        if self.party is not None:
            needle = self.party.casefold()
            if not any(needle in text.casefold() for p in e.parties for text in (p.name, p.short, p.key)):
                return False
        if self.kind is not None and e.kind != self.kind:
            return False
        if self.status is not None and (str(e.report.status) if e.report.status else "none") != self.status:
            return False
        if self.state is not None and str(e.report.state) != self.state:
            return False
        if self.ends_before is not None and (e.report.end is None or e.report.end >= self.ends_before):
            return False
        return self.region is None or (e.region is not None and self.region.casefold() in e.region.casefold())


def _last(value: Any) -> tuple[bool, Any]:
    """Missing values sort last, whatever the direction."""
    return (value is None, value if value is not None else 0)


SORT_KEYS: dict[str, Any] = {
    "end": lambda e: _last(e.report.end),
    "start": lambda e: _last(e.report.start),
    "id": lambda e: (False, e.id),
    "title": lambda e: (False, e.title.casefold()),
    "kind": lambda e: (False, e.kind),
    "status": lambda e: _last(str(e.report.status) if e.report.status else None),
    "days-left": lambda e: _last(e.report.days_left),
    "changed": lambda e: _last(e.last_change.date if e.last_change else None),
}
"""Sort orders of ``samenwerk list --sort`` (``SORTS``, in this order): each ties on the id, and missing
values come last."""


def order(entries: list[Entry], by: str = "end", reverse: bool = False) -> list[Entry]:
    ranked = sorted(entries, key=lambda e: e.id)
    key = SORT_KEYS[by]
    if not reverse:
        return sorted(ranked, key=key)
    present = [e for e in ranked if not key(e)[0]]
    return sorted(present, key=key, reverse=True) + [e for e in ranked if key(e)[0]]


def consolidated(entries: list[Entry], as_of: dt.date) -> tuple[list[Entry], list[Diagnostic]]:
    """The entries as in force on ``as_of``, as ``samenwerk expiring`` reports them (``deadlines.with_versions``):
    an agreement with amendments among the entries has its amended dates and deadlines; the amendments are
    folded into it (left out); one superseded by another among the entries is closed. Only the files of
    agreements with amendments are read again."""
    from ..deadlines import with_versions
    from ..document import read

    def load(path: str) -> Agreement | None:
        return read(Path(path)).agreement

    reports, problems = with_versions([e.report for e in entries], as_of, WITHIN, load)
    by_id = {e.id: e for e in entries}
    return [replace(by_id[r.agreement_id], report=r) for r in reports], problems


def with_changes(entries: list[Entry], changes: dict[str, Change]) -> list[Entry]:
    """The entries with their last change from git (by path), where there is one."""
    return [replace(e, last_change=changes.get(e.path)) for e in entries]


# --- plain data, for the site's manifest --------------------------------------------------------------


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def to_plain(e: Entry) -> dict[str, Any]:
    r = e.report
    return {
        "id": r.agreement_id,
        "title": r.title,
        "path": r.path,
        "state": str(r.state),
        "status": str(r.status) if r.status else None,
        "start": _iso(r.start),
        "end": _iso(r.end),
        "days_left": r.days_left,
        "amends": r.amends,
        "supersedes": list(r.supersedes),
        "amended_by": list(r.amended_by),
        "superseded_by": r.superseded_by,
        "deadlines": [
            [d.key, str(d.kind), _iso(d.date), d.title, d.detail, d.non_working, _iso(d.working_day)]
            for d in r.deadlines
        ],
        "kind": e.kind,
        "region": e.region,
        "signed": _iso(e.signed),
        "parties": [[p.key, p.slug, p.name, p.short, p.kind, list(p.roles)] for p in e.parties],
        "language": e.language,
    }


def from_plain(data: dict[str, Any]) -> Entry:
    report = Report(
        agreement_id=data["id"],
        title=data["title"],
        path=data["path"],
        state=State(data["state"]),
        start=_date(data["start"]),
        end=_date(data["end"]),
        days_left=data["days_left"],
        deadlines=tuple(
            Deadline(key, Kind(kind), _date(day), title, detail, why, _date(working))
            for key, kind, day, title, detail, why, working in data["deadlines"]
        ),
        status=Status(data["status"]) if data["status"] else None,
        amends=data["amends"],
        supersedes=tuple(data["supersedes"]),
        amended_by=tuple(data["amended_by"]),
        superseded_by=data["superseded_by"],
    )
    return Entry(
        report=report,
        kind=data["kind"],
        region=data["region"],
        parties=tuple(
            PartyRef(k, s, n, sh, kd, tuple((m, t) for m, t in roles)) for k, s, n, sh, kd, roles in data["parties"]
        ),
        signed=_date(data["signed"]),
        language=data.get("language", "nl"),
    )


@dataclass
class Party:
    """A party across the register: every agreement it is in, with its roles there."""

    key: str
    slug: str
    name: str
    kind: str
    names: set[str] = field(default_factory=set)
    """Every name it goes by in the agreements."""
    memberships: list[tuple[Entry, PartyRef]] = field(default_factory=list)


def group(entries: list[Entry]) -> dict[str, Party]:
    """Parties by key, each with its agreements in the order of ``entries``."""
    found: dict[str, Party] = {}
    for e in entries:
        seen: set[str] = set()
        for p in e.parties:
            if p.key in seen:  # the same party twice in one agreement: one membership
                continue
            seen.add(p.key)
            party = found.get(p.key)
            if party is None:
                party = found[p.key] = Party(p.key, p.slug, p.name, p.kind)
            party.names.add(p.name)
            party.memberships.append((e, p))
    for party in found.values():  # the page's name: the name the agreements give most, the fullest on a tie
        counts: dict[str, int] = {}
        for _, p in party.memberships:
            counts[p.name] = counts.get(p.name, 0) + 1
        party.name = max(counts, key=lambda n: (counts[n], len(n), n))
    return found
