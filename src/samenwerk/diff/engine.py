"""Structural diff of two agreements: entries matched by identity, every change classified.

Works on plain data (what YAML holds), normalised through the model when a side validates, so that
``31-12-2025`` and ``2025-12-31`` are the same date and a side that does not validate is still compared
where it can be. Lists of entries are matched by ``id`` or by a natural key (a signature block by its
party, a signatory by the person), never by position: a reordered list reports moves, not edits.

The work grows with the size of the data, never with its square, whatever the input:

- keyed entries are paired through a dictionary, and the entries that stay in place are a longest
  increasing subsequence of their new positions (patience sorting, O(n log n)); the others moved;
- entries without keys (notes, a list with duplicate keys) are compared by a key of their content (a
  digest for a mapping or list, computed once per node). A short list is aligned by difflib, as it always
  was (at most ``SMALL`` entry pairs, and at most ``BUDGET`` pairs for a whole diff: difflib is quadratic
  and worse on repeated entries). A long list is aligned without it: equal runs at both ends are set
  aside; entries with equal content are paired (the n-th occurrence on one side with the n-th on the
  other) and the longest increasing run of those pairs is kept as anchors; the stretches between anchors
  are aligned the same way, up to ``_MAX_LEVELS`` deep; what is still left over is paired by position,
  entry by entry where both sides have as many, else removed and added.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..model import meaning

Path = tuple[str | int, ...]

SMALL = 4_096
"""Largest len(old) x len(new) of a list of unkeyed entries that difflib aligns (64 against 64 entries)."""
BUDGET = 250_000
"""Entry pairs difflib may be given in one diff, summed over lists (some sixty lists of 64 entries)."""
_MAX_LEVELS = 4
"""How often a long stretch is split on anchors before what is left is paired by position."""


class Kind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"
    """Within a list (``old``/``new`` are positions), or to another entry (``before`` is where it was)."""
    REPLACED = "replaced"
    """One entry took the place of another (a new mayor for the old one): ``old`` and ``new`` are the entries."""


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
    before: tuple[str, ...] | None = None
    """For an entry moved to another list (an action to another action domain): its display path before."""


def same_text(a: str, b: str) -> bool:
    """Equal once Unicode is in one normal form (NFC) and whitespace is normalised: a line's trailing spaces,
    runs of spaces and the ends do not count; line breaks between paragraphs do."""
    return a == b or _spaced(a) == _spaced(b)


def _spaced(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())


def _normal(text: str) -> str:
    """Text without whitespace, punctuation or case differences: what is left is the wording."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(r"\b(?:niet|geen|nooit|niets|niemand|noch|zonder|not|no|never)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Þ][\w'’-]+")


def _facts(text: str) -> tuple[Any, ...]:
    """What a rewording must keep to stay editorial: its numbers (as written, with their separators: 80 % and
    8,0 % differ), its negations, and its names (capitalised words not opening a sentence)."""
    text = unicodedata.normalize("NFC", text)
    return (
        _NUMBER.findall(text),
        len(_NEGATION.findall(text)),
        sorted({m.group() for m in _NAME.finditer(" ".join(text.split()))}),
    )


def classify(path: tuple[str, ...], old: Any, new: Any, kind: Kind = Kind.CHANGED) -> bool:
    """Whether a change changes what was agreed (substantive) or only how it is written (editorial).

    Declared on the model's fields (``model.meaning``): under an editorial field (notes, sources) only a
    change of a number, a date, a name or a negation is substantive; elsewhere an added or removed entry,
    a changed value, and a changed wording of a substantive or binding field are substantive. Whitespace,
    punctuation and case are editorial everywhere, unless they change a number.
    """
    editorial = any(meaning.of(part).editorial for part in path)
    if kind is Kind.MOVED:
        return False
    if kind in (Kind.ADDED, Kind.REMOVED, Kind.REPLACED):
        return not editorial
    if isinstance(old, str) and isinstance(new, str):
        if _normal(old) == _normal(new):  # the same letters: only whitespace, punctuation or case differ
            return _NUMBER.findall(old) != _NUMBER.findall(new)  # unless a number did (80 % -> 8,0 %)
        if _facts(old) != _facts(new):
            return True  # a number, a date, a name or a negation changed
        if editorial:
            return False  # a rewording of a note
        leaf = path[-1] if path else ""
        return meaning.of(leaf).substantive or any(meaning.of(part).binding for part in path)
    return not editorial


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
    return "/".join(
        ",".join(map(_keyed, p)) if isinstance(p, list) else _keyed(p) for p in parts if p not in (None, [], "")
    )


def _keyed(value: Any) -> str:
    """A natural key's part as text, in one Unicode form and with its spaces normalised (an NFD name is the
    same entry)."""
    return _spaced(value) if isinstance(value, str) else str(value)


def diff(old: Any, new: Any) -> list[Change]:
    return list(_diff(old, new, (), (), (), _Run()))


def _same(a: Any, b: Any) -> bool:
    """Equal leaves: text equal after NFC and whitespace normalisation (``same_text``); a whole number the same
    as an integer (80 and 80.0); NaN the same as NaN (a number written ``.nan`` twice is no change)."""
    if isinstance(a, str) and isinstance(b, str):
        return same_text(a, b)
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def identical(a: Any, b: Any) -> bool:
    """Equal and written alike (``repr`` tells 1, 1.0 and true apart, which ``==`` does not): such a mapping
    or list holds no change, and comparing it entry by entry can be skipped (in C, not key by key)."""
    return a is b or (a == b and repr(a) == repr(b))


def _diff(a: Any, b: Any, path: tuple[str, ...], aloc: Path, bloc: Path, run: _Run) -> Iterator[Change]:
    if isinstance(a, (dict, list)) and identical(a, b):
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*b, *(k for k in a if k not in b)]:
            p = (*path, str(key))
            if key not in a:
                yield Change(p, Kind.ADDED, None, b[key], classify(p, None, b[key], Kind.ADDED), None, (*bloc, key))
            elif key not in b:
                yield Change(p, Kind.REMOVED, a[key], None, classify(p, a[key], None, Kind.REMOVED), (*aloc, key))
            else:
                yield from _diff(a[key], b[key], p, (*aloc, key), (*bloc, key), run)
    elif isinstance(a, list) and isinstance(b, list):
        yield from _diff_list(a, b, path, aloc, bloc, run)
    elif not _same(a, b):
        yield Change(path, Kind.CHANGED, a, b, classify(path, a, b), aloc, bloc)


def _diff_list(
    a: list[Any], b: list[Any], path: tuple[str, ...], aloc: Path, bloc: Path, run: _Run
) -> Iterator[Change]:
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
        stay = {common[t] for t in increasing([bidx[k] for k in common])}
        for k in bkeys:
            j = bidx[k]
            if k not in aidx:
                yield Change(
                    (*path, str(k)), Kind.ADDED, None, b[j], classify(path, None, b[j], Kind.ADDED), None, (*bloc, j)
                )
                continue
            i = aidx[k]
            if k not in stay:
                yield Change((*path, str(k)), Kind.MOVED, i, j, False, (*aloc, i), (*bloc, j))
            yield from _diff(a[i], b[j], (*path, str(k)), (*aloc, i), (*bloc, j), run)
        for k in akeys:
            if k not in bidx:
                i = aidx[k]
                yield Change(
                    (*path, str(k)), Kind.REMOVED, a[i], None, classify(path, a[i], None, Kind.REMOVED), (*aloc, i)
                )
        return
    # Plain values (or entries without keys): align the sequences by content.
    for i1, i2, j1, j2 in run.align([run.content(x) for x in a], [run.content(x) for x in b]):
        if i2 - i1 == j2 - j1:
            for off in range(i2 - i1):
                yield from _diff(
                    a[i1 + off], b[j1 + off], (*path, str(j1 + off)), (*aloc, i1 + off), (*bloc, j1 + off), run
                )
            continue
        for i in range(i1, i2):
            yield Change(
                (*path, str(i)), Kind.REMOVED, a[i], None, classify(path, a[i], None, Kind.REMOVED), (*aloc, i)
            )
        for j in range(j1, j2):
            yield Change(
                (*path, str(j)), Kind.ADDED, None, b[j], classify(path, None, b[j], Kind.ADDED), None, (*bloc, j)
            )


# --- content keys and alignment ----------------------------------------------------------------------


class _Run:
    """What one diff keeps while it runs: content digests (memoised by identity) and difflib's budget."""

    def __init__(self) -> None:
        self._memo: dict[int, bytes] = {}
        self.budget = BUDGET

    def content(self, value: Any) -> Any:
        """A key equal for equal content: a scalar with its type, a mapping or list as a 16-byte BLAKE2b
        digest of its content, computed once per node however deep it sits (nested lists without keys cost
        no second pass). The order of a mapping's keys does not count, as in YAML."""
        if isinstance(value, (dict, list)):
            return self._digest(value)
        return (type(value).__name__, value)

    def _digest(self, value: dict[Any, Any] | list[Any]) -> bytes:
        known = self._memo.get(id(value))
        if known is not None:
            return known
        h = hashlib.blake2b(digest_size=16)
        if isinstance(value, dict):
            h.update(b"d")
            for item in sorted(self._encode(k) + self._encode(v) for k, v in value.items()):
                h.update(item)
        else:
            h.update(b"l")
            for v in value:
                h.update(self._encode(v))
        digest = h.digest()
        self._memo[id(value)] = digest
        return digest

    def _encode(self, value: Any) -> bytes:
        """One value as bytes that no other value has: its type, a length, its content (or digest)."""
        if isinstance(value, (dict, list)):
            raw = self._digest(value)
        elif isinstance(value, str):
            raw = value.encode("utf-8", "surrogatepass")
        else:
            raw = repr(value).encode("utf-8", "backslashreplace")
        tag = type(value).__name__.encode("ascii", "replace")[:8].ljust(8, b"_")
        return tag + len(raw).to_bytes(8, "big") + raw

    def align(self, aa: list[Any], bb: list[Any]) -> list[tuple[int, int, int, int]]:
        """The stretches ``(i1, i2, j1, j2)`` where ``aa[i1:i2]`` and ``bb[j1:j2]`` differ, in order;
        what lies between them is equal and aligned (see the module's docstring)."""
        out: list[tuple[int, int, int, int]] = []
        cells = len(aa) * len(bb)
        if cells <= SMALL and cells <= self.budget:
            self.budget -= cells
            matcher = difflib.SequenceMatcher(a=aa, b=bb, autojunk=False)
            out.extend((i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
        else:
            _align(aa, bb, 0, len(aa), 0, len(bb), 0, out)
        return out


def _align(
    aa: list[Any],
    bb: list[Any],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    level: int,
    out: list[tuple[int, int, int, int]],
) -> None:
    while alo < ahi and blo < bhi and aa[alo] == bb[blo]:
        alo, blo = alo + 1, blo + 1
    while alo < ahi and blo < bhi and aa[ahi - 1] == bb[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
    if alo == ahi and blo == bhi:
        return
    anchors = [] if alo == ahi or blo == bhi or level >= _MAX_LEVELS else _anchors(aa, bb, alo, ahi, blo, bhi)
    if not anchors:
        out.append((alo, ahi, blo, bhi))  # paired by position
        return
    i, j = alo, blo
    for ai, bj in anchors:
        _align(aa, bb, i, ai, j, bj, level + 1, out)
        i, j = ai + 1, bj + 1
    _align(aa, bb, i, ahi, j, bhi, level + 1, out)


def _anchors(aa: list[Any], bb: list[Any], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` of equal entries, increasing in both: the n-th occurrence of a value on one side is
    paired with its n-th occurrence on the other, and the longest increasing run of those pairs is kept."""
    where: dict[Any, list[int]] = {}
    for j in range(bhi - 1, blo - 1, -1):  # from the end, so that pop() hands out the occurrences in order
        where.setdefault(bb[j], []).append(j)
    pairs: list[tuple[int, int]] = []
    for i in range(alo, ahi):
        free = where.get(aa[i])
        if free:
            pairs.append((i, free.pop()))
    return [pairs[t] for t in increasing([j for _, j in pairs])]


def increasing(seq: list[int]) -> list[int]:
    """Indices (ascending) of a longest strictly increasing subsequence of ``seq``, in O(n log n).

    Of several, the one that keeps earlier entries, as difflib does (a swap of two neighbours moves the
    second): patience sorting from the end, on the longest decreasing run of the reversed sequence.
    """
    tops: list[int] = []  # the (negated) value on top of each pile; increasing
    top_at: list[int] = []  # where in seq that top is
    under = [-1] * len(seq)  # the next entry of the run through each entry, or -1
    for idx in range(len(seq) - 1, -1, -1):
        value = -seq[idx]
        pile = bisect.bisect_left(tops, value)
        under[idx] = top_at[pile - 1] if pile else -1
        if pile == len(tops):
            tops.append(value)
            top_at.append(idx)
        else:
            tops[pile] = value
            top_at[pile] = idx
    out: list[int] = []
    idx = top_at[-1] if top_at else -1
    while idx != -1:
        out.append(idx)
        idx = under[idx]
    return out
