"""Changes worded in Dutch, for Markdown comments and the redline summary."""

from __future__ import annotations

import re
from typing import Any

from ..model import meaning
from .engine import Change, Kind

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def value(v: Any, limit: int = 160) -> str:
    if v is None:
        return "(leeg)"
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, str):
        if m := _ISO.match(v):
            return f"{m[3]}-{m[2]}-{m[1]}"
        text = " ".join(v.split())
        return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
    if isinstance(v, dict):
        return label(v) or "…"
    if isinstance(v, list):
        return ", ".join(value(x, 40) for x in v)
    return str(v)


def label(entry: Any) -> str:
    if not isinstance(entry, dict):
        return value(entry, 60)
    for key in ("name", "title", "function", "party", "person", "text", "id"):
        v = entry.get(key)
        if isinstance(v, str) and v:
            text = " ".join(v.split())
            return text if len(text) <= 80 else text[:80] + "…"
    return ""


def at(data: Any, loc: tuple[Any, ...] | None) -> Any:
    for part in loc or ():
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _entry(list_name: str, default: str | None = None) -> str:
    """The Dutch word for one entry of a list ('partij' for parties), else ``default`` or the list's name."""
    return meaning.of(list_name).entry or (list_name if default is None else default)


def section(change: Change) -> str:
    top = change.path[0] if change.path else ""
    return meaning.of(top).section or "Algemeen"


def _entity(change: Change) -> str | None:
    """The list an entry belongs to, such as 'parties' for ('parties', 'vdab')."""
    if len(change.path) >= 2:
        return change.path[-2]
    return None


def _context(change: Change, old_data: Any, new_data: Any) -> str:
    """The nearest named entry above the change, such as the body 'Stuurgroep'."""
    loc = change.new_loc if change.new_loc is not None else change.old_loc
    data = new_data if change.new_loc is not None else old_data
    if loc is None:
        return ""
    for cut in range(len(loc) - 1, 0, -1):
        if isinstance(loc[cut - 1], str) and isinstance(loc[cut], int):
            entry = at(data, loc[: cut + 1])
            name = label(entry)
            if name:
                list_name = str(loc[cut - 1])
                return f"{_entry(list_name)} {name}"
    return ""


def describe(change: Change, old_data: Any = None, new_data: Any = None) -> str:
    if not change.path:
        title = change.new if change.kind is Kind.ADDED else change.old
        return f"overeenkomst {'toegevoegd' if change.kind is Kind.ADDED else 'verwijderd'}: {value(title)}"
    leaf = change.path[-1]
    if change.kind in (Kind.ADDED, Kind.REMOVED):
        entry = change.new if change.kind is Kind.ADDED else change.old
        verb = "toegevoegd" if change.kind is Kind.ADDED else "verwijderd"
        entity = _entity(change)
        noun = meaning.of(entity).entry if entity else None
        if isinstance(entry, dict) and noun:
            return f"{noun} {label(entry) or leaf} {verb}"
        if noun and leaf.isdigit():
            return f"{noun} {value(entry)} {verb}"
        where = _context(change, None if change.kind is Kind.ADDED else {}, None)
        return f"{meaning.of(leaf).label or leaf} {verb}: {value(entry)}" + (f" ({where})" if where else "")
    if change.kind is Kind.MOVED:
        entity = _entity(change) or ""
        entry = at(new_data, change.new_loc)
        return f"{_entry(entity)} {label(entry) or leaf} verplaatst van plaats {int(change.old) + 1} naar {int(change.new) + 1}"
    where = _context(change, old_data, new_data)
    field = meaning.of(leaf).label or (_entry(_entity(change) or "", leaf) if leaf.isdigit() else leaf)
    prefix = f"{where}: " if where else ""
    return f"{prefix}{field} gewijzigd van {value(change.old)} naar {value(change.new)}"
