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

from ..model import meaning
from .describe import at
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
    old_loc: tuple[Any, ...] = ()
    """Data path of the entry in the old version, and in the new one."""
    new_loc: tuple[Any, ...] = ()


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


def _ids(data: Any) -> set[str]:
    """Every id in a document, wherever it stands."""
    found: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found.add(node["id"])
            stack += [v for v in node.values() if isinstance(v, (dict, list))]
        elif isinstance(node, list):
            stack += [v for v in node if isinstance(v, (dict, list))]
    return found


def _same_role(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Entries in the same role: the same function and kind where either has one."""
    return all(before.get(f) == after.get(f) for f in ("function", "kind", "party"))


def renames(old: Any, new: Any) -> list[Rename]:
    """The ids renamed between two versions, found wherever both versions have a list of entries with ids.

    The same entry under a new id (the same name) is a rename wherever it went in its list; another entry in
    the same place and role is a replacement. An id that still exists elsewhere in the other version is an
    entry that moved, never half of a rename."""
    found: list[Rename] = []
    _walk(old, new, (), (), (), _ids(old), _ids(new), found)
    return found


def _walk(
    a: Any,
    b: Any,
    path: tuple[str, ...],
    aloc: tuple[Any, ...],
    bloc: tuple[Any, ...],
    old_ids: set[str],
    new_ids: set[str],
    found: list[Rename],
) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in b:
            if key in a:
                _walk(a[key], b[key], (*path, str(key)), (*aloc, key), (*bloc, key), old_ids, new_ids, found)
    elif _id_list(a) and _id_list(b):
        old_at = {e["id"]: i for i, e in enumerate(a)}
        new_at = {e["id"]: j for j, e in enumerate(b)}
        gone = [k for k in old_at if k not in new_ids]
        came = [k for k in new_at if k not in old_ids]
        pairs: dict[str, str] = {}
        by_label: dict[str, list[str]] = {}
        for k in came:
            if _label(b[new_at[k]]):
                by_label.setdefault(_folded(_label(b[new_at[k]])), []).append(k)
        for k in gone:  # the same entry under a new id: the same name
            same = by_label.get(_folded(_label(a[old_at[k]])), [])
            if len(same) == 1 and same[0] not in pairs.values():
                pairs[k] = same[0]
        by_place = {new_at[k]: k for k in came if k not in pairs.values()}
        for k in gone:  # another entry in the same place and role: a replacement
            partner = by_place.get(old_at[k])
            if k not in pairs and partner is not None and _same_role(a[old_at[k]], b[new_at[partner]]):
                pairs[k] = partner
        for k, partner in pairs.items():
            i, j = old_at[k], new_at[partner]
            other = not same_text(_label(a[i]), _label(b[j]))
            found.append(Rename(path, k, partner, other, (*aloc, i), (*bloc, j)))
        matched = {**{k: k for k in old_at if k in new_at}, **pairs}
        for k, partner in matched.items():
            i, j = old_at[k], new_at[partner]
            if k == partner and a[i] == b[j]:
                continue  # the same entry unchanged: every id below it is on both sides, none renamed
            _walk(a[i], b[j], (*path, partner), (*aloc, i), (*bloc, j), old_ids, new_ids, found)


def _folded(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def substitute(data: Any, ids: dict[str, str]) -> Any:
    """``data`` with every id-like string that was renamed written as its new id. ``data`` is left as it is;
    what holds no renamed id is shared, not copied (a rename in a list of 30,000 entries copies one path)."""
    if not ids:
        return data
    if isinstance(data, str):
        return _renamed(data, ids)
    if not isinstance(data, (dict, list)):
        return data
    # One call per mapping or list, not per value: a text is looked up where it stands.
    out: Any = None
    for key, value in data.items() if isinstance(data, dict) else enumerate(data):
        if isinstance(value, str):
            changed = _renamed(value, ids) if value in ids else value
        elif isinstance(value, (dict, list)):
            changed = substitute(value, ids)
        else:
            continue
        if changed is not value:
            out = out if out is not None else type(data)(data)
            out[key] = changed
    return data if out is None else out


def _renamed(text: str, ids: dict[str, str]) -> str:
    return ids[text] if text in ids and _SLUG.match(text) else text


def compare(old: Any, new: Any) -> list[Change]:
    """The changes from ``old`` to ``new``, paired as a reviewer reads them (see the module's docstring)."""
    found = renames(old, new)
    ids = {r.old_id: r.new_id for r in found}
    if len({r.old_id for r in found}) != len(found) or set(ids) & set(ids.values()):
        found, ids = [], {}  # an id reused across kinds, or renames in a chain: compare as written
    changes = diff(substitute(old, ids), new)
    if found:
        changes = list(_regroup(changes, found))
    return _implied_numbers(_quantities(list(_moves(_in_place(changes))), old, new))


def _in_place(changes: list[Change]) -> list[Change]:
    """An entry without an id removed and another added at the same position of the same list: the same
    entry edited (the same name; or, without names, the same party), or one in the place and role of the
    other (a replacement)."""
    removed = {
        (c.path[:-1], c.old_loc[-1]): c
        for c in changes
        if c.kind is Kind.REMOVED and isinstance(c.old, dict) and "id" not in c.old and c.old_loc
    }
    if not removed:
        return changes
    out: list[Change] = []
    used: set[int] = set()
    for c in changes:
        if c.kind is Kind.ADDED and isinstance(c.new, dict) and "id" not in c.new and c.new_loc:
            gone = removed.get((c.path[:-1], c.new_loc[-1]))
            if gone is not None and id(gone) not in used:
                before, after = gone.old, c.new
                same_name = bool(_label(before)) and _folded(_label(before)) == _folded(_label(after))
                unnamed = not _label(before) and not _label(after) and before.get("party") == after.get("party")
                if same_name or (unnamed and not _same_role(before, after) and "person" not in before):
                    used.add(id(gone))
                    out.extend(_within(gone, c))
                    continue
                if _same_role(before, after):
                    used.add(id(gone))
                    kind = Kind.REPLACED
                    out.append(
                        replace(c, kind=kind, old=gone.path[-1], new=c.path[-1], old_loc=gone.old_loc, before=None)
                    )
                    continue
        out.append(c)
    return [c for c in out if id(c) not in used]


def _within(gone: Change, came: Change) -> list[Change]:
    """The edits inside one entry that was removed and added again (its key changed): under the new path."""
    out = []
    for inner in diff(gone.old, came.new):
        path = (*came.path, *inner.path)
        out.append(
            replace(
                inner,
                path=path,
                substantive=classify(path, inner.old, inner.new, inner.kind),  # classified where it stands
                old_loc=(*(gone.old_loc or ()), *(inner.old_loc or ())),
                new_loc=(*(came.new_loc or ()), *(inner.new_loc or ())),
            )
        )
    return out


def _quantities(changes: list[Change], old: Any, new: Any) -> list[Change]:
    """A quantity's value and unit changed together (1 year -> 6 months, 80 % -> 2.500 personen) are one
    change of the quantity, not a number with the wrong unit and a unit apart."""

    def leaf(c: Change, name: str) -> bool:
        return c.kind is Kind.CHANGED and c.path[-1:] == (name,)

    both = {c.path[:-1] for c in changes if leaf(c, "unit")} & {c.path[:-1] for c in changes if leaf(c, "value")}
    if not both:
        return changes
    out: list[Change] = []
    for c in changes:
        if (leaf(c, "unit") or leaf(c, "value")) and c.path[:-1] in both:
            if leaf(c, "value"):
                old_loc, new_loc = (c.old_loc or ())[:-1], (c.new_loc or ())[:-1]
                out.append(
                    replace(
                        c,
                        path=c.path[:-1],
                        old=at(old, old_loc),
                        new=at(new, new_loc),
                        old_loc=old_loc,
                        new_loc=new_loc,
                    )
                )
            continue
        out.append(c)
    return out


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
            kind = Kind.REPLACED
            yield Change(owner, kind, r.old_id, r.new_id, classify(owner, None, None, kind), r.old_loc, r.new_loc)
    for path, r in renamed.items():
        yield Change((*path, "id"), Kind.CHANGED, r.old_id, r.new_id, False, (*r.old_loc, "id"), (*r.new_loc, "id"))


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
                # Within its list a move is editorial; to another list (an action to another action domain)
                # it changes what the entry belongs to: substantive where the list binds.
                binding = meaning.of(c.path[-2]).substantive or any(meaning.of(part).binding for part in c.path)
                moved = replace(c, kind=Kind.MOVED, old=None, new=None, substantive=binding, old_loc=gone.old_loc)
                out.append(replace(moved, before=gone.path))
                out.extend(_within(gone, c))
                continue
        out.append(c)
    yield from (c for c in out if id(c) not in paired)
