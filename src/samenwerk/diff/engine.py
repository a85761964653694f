"""Structural diff of two agreements: entries matched by identity, every change classified.

Works on plain data (what YAML holds), normalised through the model when a side validates, so that
``31-12-2025`` and ``2025-12-31`` are the same date and a side that does not validate is still compared
where it can be. Lists of entries are matched by ``id`` or by a natural key (a signature block by its
party, a signatory by the person), never by position: a reordered list reports moves, not edits.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..model import meaning

Path = tuple[str | int, ...]


class Kind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Change:
    path: tuple[str, ...]
    """Display path: keys, and entries by their id or natural key: ('parties', 'zandhoven', 'name')."""
    kind: Kind
    old: Any
    new: Any
    substantive: bool
    old_loc: Path | None = None
    """Data path with list indices in the old document (for its line number)."""
    new_loc: Path | None = None
    old_line: int | None = field(default=None, compare=False)
    new_line: int | None = field(default=None, compare=False)


def _normal(text: str) -> str:
    """Text without whitespace, punctuation or case differences: what is left is the wording."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


def _classify(path: tuple[str, ...], old: Any, new: Any) -> bool:
    leaf = path[-1] if path else ""
    if isinstance(old, str) and isinstance(new, str):
        if _normal(old) == _normal(new):
            return False  # whitespace, punctuation, case: editorial
        if meaning.of(leaf).substantive:
            return True
        return any(meaning.of(part).binding for part in path)
    return True


def _key(item: Any, list_name: str) -> str | None:
    if not isinstance(item, dict):
        return None
    ident = item.get("id")
    if isinstance(ident, str):
        return ident
    fields = meaning.of(list_name).natural_key
    if not fields:
        return None
    parts = [item.get(f) for f in fields]
    if all(p in (None, [], "") for p in parts):
        return None
    return "/".join(",".join(p) if isinstance(p, list) else str(p) for p in parts if p not in (None, [], ""))


def diff(old: Any, new: Any) -> list[Change]:
    return list(_diff(old, new, (), (), ()))


def _diff(a: Any, b: Any, path: tuple[str, ...], aloc: Path, bloc: Path) -> Iterator[Change]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*b, *(k for k in a if k not in b)]:
            p = (*path, str(key))
            if key not in a:
                yield Change(p, Kind.ADDED, None, b[key], True, None, (*bloc, key))
            elif key not in b:
                yield Change(p, Kind.REMOVED, a[key], None, True, (*aloc, key), None)
            else:
                yield from _diff(a[key], b[key], p, (*aloc, key), (*bloc, key))
    elif isinstance(a, list) and isinstance(b, list):
        yield from _diff_list(a, b, path, aloc, bloc)
    elif a != b:
        yield Change(path, Kind.CHANGED, a, b, _classify(path, a, b), aloc, bloc)


def _diff_list(a: list[Any], b: list[Any], path: tuple[str, ...], aloc: Path, bloc: Path) -> Iterator[Change]:
    name = path[-1] if path else ""
    akeys = [_key(x, name) for x in a]
    bkeys = [_key(x, name) for x in b]
    keyed = (
        all(k is not None for k in akeys + bkeys) and len(set(akeys)) == len(akeys) and len(set(bkeys)) == len(bkeys)
    )
    if keyed:
        aidx = {k: i for i, k in enumerate(akeys)}
        bidx = {k: i for i, k in enumerate(bkeys)}
        common = [k for k in akeys if k is not None and k in bidx]
        order_b = [k for k in bkeys if k is not None and k in aidx]
        stay = _lcs(common, order_b)
        for k in bkeys:
            j = bidx[k]
            if k not in aidx:
                yield Change((*path, str(k)), Kind.ADDED, None, b[j], True, None, (*bloc, j))
                continue
            i = aidx[k]
            if k not in stay:
                yield Change((*path, str(k)), Kind.MOVED, i, j, False, (*aloc, i), (*bloc, j))
            yield from _diff(a[i], b[j], (*path, str(k)), (*aloc, i), (*bloc, j))
        for k in akeys:
            if k not in bidx:
                i = aidx[k]
                yield Change((*path, str(k)), Kind.REMOVED, a[i], None, True, (*aloc, i), None)
        return
    # Plain values (or entries without keys): align the sequences.
    aa = [_hashable(x) for x in a]
    bb = [_hashable(x) for x in b]
    matcher = difflib.SequenceMatcher(a=aa, b=bb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for off in range(i2 - i1):
                yield from _diff(a[i1 + off], b[j1 + off], (*path, str(j1 + off)), (*aloc, i1 + off), (*bloc, j1 + off))
            continue
        for i in range(i1, i2):
            yield Change((*path, str(i)), Kind.REMOVED, a[i], None, True, (*aloc, i), None)
        for j in range(j1, j2):
            yield Change((*path, str(j)), Kind.ADDED, None, b[j], True, None, (*bloc, j))


def _hashable(x: Any) -> Any:
    if isinstance(x, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in x.items()))
    if isinstance(x, list):
        return tuple(_hashable(v) for v in x)
    return x


def _lcs(a: list[str], b: list[str]) -> set[str]:
    """Keys that keep their relative order (longest common subsequence); the others moved."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return {a[block.a + i] for block in matcher.get_matching_blocks() for i in range(block.size)}
