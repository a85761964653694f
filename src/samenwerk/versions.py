"""Versions and amendments: which file changes or replaces which agreement, and the agreement as in force.

An amendment is a file of its own (kind ``addendum`` or ``verlenging``) that says which agreement it
``amends`` and states only what it changes, in ``changes``. A new version says which agreements it
``supersedes``. From these links:

- ``consolidate`` gives the agreement as in force on a date: its amendments that took effect by then,
  applied in order of their effective date (``effective``, else their signing date, else their start);
  one still in draft or proposed is pending, since nobody has agreed to it yet;
- ``check`` finds what is wrong across files: an id used by two files, an amendment or a new version
  pointing at an agreement that is not there, a cycle, two agreements superseding the same one, an
  amendment taking effect before the agreement it amends starts;
- ``Register`` answers, for a set of agreements, which are amendments, which are superseded, and what
  amends each agreement.

Pure functions of validated models and their identities (a few fields with their positions, small enough
to be cached with a file's lint result); no I/O and no today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Level
from .i18n import _

if TYPE_CHECKING:
    from .document import Document
    from .model import Agreement

RULE = "agreement-links"


@dataclass(frozen=True)
class Identity:
    """What other files need to know of one agreement file, with the line and column of each link."""

    path: str
    id: str
    kind: str
    amends: str | None = None
    supersedes: tuple[str, ...] = ()
    effective: dt.date | None = None
    start: dt.date | None = None
    at: dict[str, tuple[int, int]] = field(default_factory=dict)
    """'id', 'amends', 'supersedes.N', 'effective' -> (line, col)."""

    def place(self, key: str) -> tuple[int, int]:
        return self.at.get(key, self.at.get("id", (1, 1)))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "amends": self.amends,
            "supersedes": list(self.supersedes),
            "effective": self.effective.isoformat() if self.effective else None,
            "start": self.start.isoformat() if self.start else None,
            "at": {k: list(v) for k, v in self.at.items()},
        }

    @classmethod
    def from_json(cls, path: str, data: dict[str, Any]) -> Identity:
        def day(value: Any) -> dt.date | None:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None

        return cls(
            path,
            str(data["id"]),
            str(data["kind"]),
            data.get("amends"),
            tuple(data.get("supersedes") or ()),
            day(data.get("effective")),
            day(data.get("start")),
            {k: (int(v[0]), int(v[1])) for k, v in (data.get("at") or {}).items()},
        )


def effective(agreement: Agreement) -> dt.date | None:
    """When an amendment takes effect: its own date, else its signing date, else its start."""
    from . import facts  # here, not at the top: facts imports the model, which a cached lint run never needs

    return agreement.effective or facts.signed(agreement) or facts.start(agreement)


def identity(doc: Document) -> Identity | None:
    """The identity of a file whose agreement validates, with the positions of its links."""
    agreement = doc.agreement
    if agreement is None:
        return None
    from . import facts

    at: dict[str, tuple[int, int]] = {}
    keys: list[tuple[str, tuple[Any, ...]]] = [("id", ("id",)), ("amends", ("amends",)), ("effective", ("effective",))]
    keys += [(f"supersedes.{i}", ("supersedes", i)) for i in range(len(agreement.supersedes))]
    if doc.positions is not None and doc.positions.root is not None:
        from .diagnostics import Finding

        for key, loc in keys:
            at[key] = doc.positions.locate(Finding(loc, ""))
    return Identity(
        doc.name,
        agreement.id,
        str(agreement.kind),
        agreement.amends,
        tuple(agreement.supersedes),
        effective(agreement),
        facts.start(agreement),
        at,
    )


# --- across files -----------------------------------------------------------------------------------------


def check(identities: Sequence[Identity]) -> list[Diagnostic]:
    """What is wrong across the files: each problem at the file and line it concerns, naming the other."""
    out: list[Diagnostic] = []

    def report(who: Identity, key: str, message: str) -> None:
        line, col = who.place(key)
        out.append(Diagnostic(who.path, line, col, Level.ERROR, RULE, message))

    by_id: dict[str, Identity] = {}
    for who in identities:
        first = by_id.setdefault(who.id, who)
        if first is not who:
            line, _col = first.place("id")
            report(who, "id", f"the id '{who.id}' is also the id of {first.path}:{line}; every agreement needs its own")
    superseded_by: dict[str, Identity] = {}
    for who in identities:
        if who.amends is not None:
            target = by_id.get(who.amends)
            if target is None:
                report(who, "amends", f"amends '{who.amends}', which is not among the agreements checked")
            elif target.amends is None and target.start and who.effective and who.effective < target.start:
                report(
                    who,
                    "effective" if "effective" in who.at else "amends",
                    f"takes effect on {who.effective.isoformat()}, before '{target.id}' ({target.path}) starts "
                    f"on {target.start.isoformat()}",
                )
        for i, old in enumerate(who.supersedes):
            key = f"supersedes.{i}"
            if old not in by_id:
                report(who, key, f"supersedes '{old}', which is not among the agreements checked")
            elif old == who.id:
                report(who, key, "an agreement cannot supersede itself")
            elif old in superseded_by:
                other = superseded_by[old]
                report(who, key, f"'{old}' is also superseded by '{other.id}' ({other.path}); only one replaces it")
            else:
                superseded_by[old] = who
    for who, cycle in _cycles(identities, by_id):
        report(who, "amends" if who.amends in cycle else "id", "the links form a cycle: " + " -> ".join(cycle))
    return out


def _cycles(identities: Sequence[Identity], by_id: dict[str, Identity]) -> list[tuple[Identity, list[str]]]:
    """Each cycle of 'amends' and 'supersedes' links once, reported at its first member in file order."""
    links = {who.id: [x for x in (who.amends, *who.supersedes) if x in by_id] for who in identities}
    found: list[tuple[Identity, list[str]]] = []
    seen: set[str] = set()
    for who in identities:
        if who.id in seen:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = who.id
        while node is not None and node not in seen and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            nexts = links.get(node, [])
            node = nexts[0] if nexts else None
        if node is not None and node in on_path:
            cycle = path[on_path[node] :] + [node]
            found.append((by_id[cycle[0]], cycle))
        seen.update(path)
    return found


# --- consolidation -----------------------------------------------------------------------------------------


def merge(target: Any, patch: Any) -> Any:
    """``target`` with ``patch`` applied (RFC 7386, JSON Merge Patch), and lists of entries with ids merged
    by id: a patch entry changes the entry with its id and adds the others, in place."""
    if isinstance(patch, dict) and isinstance(target, dict):
        out = dict(target)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(target.get(key), value)
        return out
    if _entries(target) and _entries(patch):
        out_list = list(target)
        where = {e["id"]: i for i, e in enumerate(out_list)}
        for entry in patch:
            if entry["id"] in where:
                out_list[where[entry["id"]]] = merge(out_list[where[entry["id"]]], entry)
            else:
                out_list.append(entry)
        return out_list
    return patch


def _entries(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in value)


@dataclass(frozen=True)
class Consolidated:
    agreement: Agreement
    """The agreement as in force: its own text with the applied amendments' changes."""
    applied: tuple[Agreement, ...] = ()
    """The amendments applied, in order."""
    pending: tuple[Agreement, ...] = ()
    """Amendments not yet in effect on the date (or with no date of effect)."""


class ConsolidationError(ValueError):
    """The amendments' changes do not give a valid agreement: the message names the amendment."""


NOT_IN_FORCE = frozenset({"draft", "proposed"})
"""The statuses of an amendment that has not been agreed yet: it changes nothing in force (a verlenging in
draft does not move the end date that ``expiring`` checks)."""


def in_force(amendment: Agreement) -> bool:
    """Whether an amendment's status lets it change the agreement in force (no status: as recorded, yes)."""
    return amendment.status is None or str(amendment.status) not in NOT_IN_FORCE


def consolidate(
    base: Agreement, amendments: Iterable[Agreement], as_of: dt.date | None = None, *, drafts: bool = False
) -> Consolidated:
    """``base`` as in force on ``as_of`` (by default with every amendment that has a date of effect).

    An amendment still in draft or proposed is pending, not applied, unless ``drafts`` (to show what it
    would change: ``diff AGREEMENT AMENDMENT``)."""
    from pydantic import ValidationError

    from .model import Agreement as Model

    ordered = sorted((a for a in amendments if a.amends == base.id), key=lambda a: (effective(a) or dt.date.max, a.id))
    applied = [
        a
        for a in ordered
        if (day := effective(a)) is not None and (as_of is None or day <= as_of) and (drafts or in_force(a))
    ]
    pending = [a for a in ordered if a not in applied]
    if not applied:
        return Consolidated(base, (), tuple(pending))
    data = base.model_dump(mode="json", exclude_defaults=True)
    for amendment in applied:
        data = merge(data, amendment.changes or {})
        try:
            Model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConsolidationError(
                _("'{id}' changes '{base}' into an agreement that does not validate: {where}: {message}").format(
                    id=amendment.id, base=base.id, where=where, message=first["msg"]
                )
            ) from None
    return Consolidated(Model.model_validate(data), tuple(applied), tuple(pending))


@dataclass
class Register:
    """A set of agreements: which amend others, which are superseded, the amendments of each."""

    agreements: list[Agreement]
    amendments: dict[str, list[Agreement]] = field(default_factory=dict)
    superseded: dict[str, str] = field(default_factory=dict)
    """Id of a superseded agreement -> id of the one that replaces it."""

    def __post_init__(self) -> None:
        for a in self.agreements:
            if a.amends is not None:
                self.amendments.setdefault(a.amends, []).append(a)
            for old in a.supersedes:
                self.superseded.setdefault(old, a.id)

    def consolidated(self, agreement: Agreement, as_of: dt.date | None = None) -> Consolidated:
        return consolidate(agreement, self.amendments.get(agreement.id, ()), as_of)
