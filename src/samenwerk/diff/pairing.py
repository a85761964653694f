"""Pairing: what a reviewer sees as one change, though the data shows two.

- **Renamed ids.** An entry with a new id in the place of one that is gone (same list, same position, or
  the same function) is the same entry renamed, or a *replacement* when it names someone or something else
  (a new mayor for the old one). Before comparing, the old id is written as the new one everywhere in the
  old version, so references to it (a signatory's person, a body's members) follow and report nothing.
- **Replacements** are then one change (``Kind.REPLACED``) instead of the edits of every field.
- **Moves between lists.** An entry with the same id removed from one list and added to another of the same
  kind (an action to another action domain) is one move, with its edits on top.

Everything here is linear in the size of the data: entries are found through dictionaries keyed by id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .engine import Change, Kind, classify, diff, same_text

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True, slots=True)
class Rename:
    list_path: tuple[str, ...]
    """Display path of the list, with entries above it by their (new) ids: ('parties', 'schelle', 'representatives')."""
    old_id: str
    new_id: str
    replacement: bool
    """Another person or thing (its name differs), not the same entry under a new id."""


def _label(entry: dict[str, Any]) -> str:
    for key in ("name", "title", "text"):
        v = entry.get(key)
        if isinstance(v, str) and v.strip():
            return v
    return ""


def _id_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in value)
        and len({e["id"] for e in value}) == len(value)
    )


def renames(old: Any, new: Any) -> list[Rename]:
    """The ids renamed between two versions, found wherever both versions have a list of entries with ids."""
    found: list[Rename] = []
    _walk(old, new, (), found)
    return found


def _walk(a: Any, b: Any, path: tuple[str, ...], found: list[Rename]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in b:
            if key in a:
                _walk(a[key], b[key], (*path, str(key)), found)
    elif _id_list(a) and _id_list(b):
        old_at = {e["id"]: i for i, e in enumerate(a)}
        new_at = {e["id"]: j for j, e in enumerate(b)}
        gone = [k for k in old_at if k not in new_at]
        came = [k for k in new_at if k not in old_at]
        pairs: dict[str, str] = {}
        by_place = {new_at[k]: k for k in came}
        for k in gone:  # the same place in the list
            partner = by_place.get(old_at[k])
            if partner is not None:
                pairs[k] = partner
        left = [k for k in came if k not in pairs.values()]
        for k in gone:  # else the only one with the same function or kind
            if k in pairs:
                continue
            for field in ("function", "kind"):
                role = a[old_at[k]].get(field)
                same = [c for c in left if role is not None and b[new_at[c]].get(field) == role]
                if len(same) == 1 and sum(a[old_at[g]].get(field) == role for g in gone if g not in pairs) == 1:
                    pairs[k] = same[0]
                    left.remove(same[0])
                    break
        for k, partner in pairs.items():
            before, after = a[old_at[k]], b[new_at[partner]]
            other = not same_text(_label(before), _label(after)) if _label(before) and _label(after) else False
            found.append(Rename(path, k, partner, other))
        matched = {**{k: k for k in old_at if k in new_at}, **pairs}
        for k, partner in matched.items():
            _walk(a[old_at[k]], b[new_at[partner]], (*path, partner), found)


def substitute(data: Any, ids: dict[str, str]) -> Any:
    """``data`` with every id-like string that was renamed written as its new id (a new structure; ``data``
    is left as it is)."""
    if not ids:
        return data
    if isinstance(data, dict):
        return {k: substitute(v, ids) for k, v in data.items()}
    if isinstance(data, list):
        return [substitute(v, ids) for v in data]
    if isinstance(data, str) and _SLUG.match(data):
        return ids.get(data, data)
    return data


def compare(old: Any, new: Any) -> list[Change]:
    """The changes from ``old`` to ``new``, paired as a reviewer reads them (see the module's docstring)."""
    found = renames(old, new)
    ids = {r.old_id: r.new_id for r in found}
    if len({r.old_id for r in found}) != len(found) or set(ids) & set(ids.values()):
        found, ids = [], {}  # an id reused across kinds, or renames in a chain: compare as written
    changes = diff(substitute(old, ids), new)
    if found:
        changes = list(_regroup(changes, found))
    return _implied_numbers(list(_moves(changes)))


def _implied_numbers(changes: list[Change]) -> list[Change]:
    """A number changed in an entry (a target's value, 80 -> 75) and the same number changed in that entry's
    wording ("... van 80%" -> "... van 75%") are one change: the wording's is left out."""
    numbers: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for c in changes:
        if c.kind is Kind.CHANGED and _is_number(c.old) and _is_number(c.new):
            for old, new in zip(_written(c.old), _written(c.new)):
                numbers.setdefault(c.path[:-1], []).append((old, new))
    if not numbers:
        return changes

    def implied(c: Change) -> bool:
        if c.kind is not Kind.CHANGED or not isinstance(c.old, str) or not isinstance(c.new, str):
            return False
        for old, new in numbers.get(c.path[:-1], ()):
            if same_text(re.sub(rf"(?<![\d.,]){re.escape(old)}(?![\d]|[.,]\d)", new, c.old), c.new):
                return True
        return False

    return [c for c in changes if not implied(c)]


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _written(v: float) -> tuple[str, str]:
    """The ways an agreement's text writes a number: 2500 and 2.500; 8,5 (Dutch) both times for a fraction."""
    from .. import nl

    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace(".", ","), nl.number(v)


def _regroup(changes: list[Change], found: list[Rename]) -> Iterator[Change]:
    replaced = {(*r.list_path, r.new_id): r for r in found if r.replacement}
    renamed = {(*r.list_path, r.new_id): r for r in found if not r.replacement}
    first: dict[tuple[str, ...], Change] = {}
    for c in changes:
        owner = next((c.path[:n] for n in range(len(c.path), 0, -1) if c.path[:n] in replaced), None)
        if owner is None:
            yield c
            continue
        if owner not in first:  # the whole entry, once, where its first edit was
            first[owner] = c
            r = replaced[owner]
            old_loc = _entry_loc(c.old_loc, len(owner))
            new_loc = _entry_loc(c.new_loc, len(owner))
            yield Change(
                owner, Kind.REPLACED, r.old_id, r.new_id, classify(owner, None, None, Kind.REPLACED), old_loc, new_loc
            )
    for path, r in renamed.items():
        yield Change((*path, "id"), Kind.CHANGED, r.old_id, r.new_id, False)


def _entry_loc(loc: tuple[Any, ...] | None, depth: int) -> tuple[Any, ...] | None:
    """The data path of the entry a change lies in: as many steps as the entry's display path."""
    return None if loc is None else loc[:depth]


def _moves(changes: list[Change]) -> Iterator[Change]:
    """An entry removed from one list and added to another of the same kind, with the same id: one move."""
    removed = {
        (c.path[-2], c.old["id"]): c
        for c in changes
        if c.kind is Kind.REMOVED and len(c.path) >= 2 and isinstance(c.old, dict) and isinstance(c.old.get("id"), str)
    }
    paired: set[int] = set()
    out: list[Change] = []
    for c in changes:
        if c.kind is Kind.ADDED and len(c.path) >= 2 and isinstance(c.new, dict) and isinstance(c.new.get("id"), str):
            gone = removed.get((c.path[-2], c.new["id"]))
            if gone is not None and id(gone) not in paired and gone.path[:-1] != c.path[:-1]:
                paired.add(id(gone))
                out.append(
                    replace(
                        c,
                        kind=Kind.MOVED,
                        old=None,
                        new=None,
                        substantive=False,
                        old_loc=gone.old_loc,
                        before=gone.path,
                    )
                )
                for inner in diff(gone.old, c.new):
                    out.append(
                        replace(
                            inner,
                            path=(*c.path, *inner.path),
                            old_loc=(*(gone.old_loc or ()), *(inner.old_loc or ())),
                            new_loc=(*(c.new_loc or ()), *(inner.new_loc or ())),
                        )
                    )
                continue
        out.append(c)
    yield from (c for c in out if id(c) not in paired)
