"""Changes worded in the run's language (Dutch or English), in the agreement's own terms, for every diff format.

In Dutch the fields and entries go by the words of ``model.meaning``; in English by their keys in the model
(``min_meetings_per_year`` -> "min meetings per year", ``bodies`` -> "body"), which are English already.

People by name with their role and party ("An Peeters vervangt Rob Mennes als burgemeester van Lokaal
bestuur Schelle"), parties and bodies by name, dates in Dutch ("31 december 2025"), numbers as Dutch
writes them with their unit ("80 %", never "80.0"), an entry of a list without a name by its number
("notitie 2", never "0"), and a changed text by the words that changed (``words``).

``Describer`` is made once per compared file: it indexes every entry with an id in both versions, so that a
reference (a signatory's person, a body member's party) is shown by the name it stands for.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import i18n
from ..i18n import _, ngettext
from ..model import meaning
from .engine import Change, Kind

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_REFERENCES = frozenset(
    {"party", "person", "parties", "lead", "convener", "body", "members", "action_domain", "ambition"}
)
"""Fields whose value is the id of another entry, shown by that entry's name."""
WORDS_LIMIT = 250_000
"""Largest product of the two texts' token counts that is aligned word by word (difflib is quadratic)."""
CONTEXT = 6
"""Words kept on each side of a change in a long text; the rest is shortened to '…'."""


@dataclass(frozen=True, slots=True)
class Piece:
    op: str
    """'=' unchanged, '-' deleted, '+' inserted, '…' shortened."""
    text: str


@dataclass(frozen=True, slots=True)
class Description:
    """One change in words: ``head`` ("einddatum gewijzigd"), then either the two values or the words."""

    head: str
    old: str | None = None
    new: str | None = None
    words: tuple[Piece, ...] = ()

    def escaped(self, escape: Callable[[str], str]) -> Description:
        """The same words, each part passed through ``escape`` (for a terminal, Markdown or HTML)."""
        return Description(
            escape(self.head),
            None if self.old is None else escape(self.old),
            None if self.new is None else escape(self.new),
            tuple(Piece(p.op, escape(p.text)) for p in self.words),
        )

    def plain(self, mark: tuple[str, str, str, str] = ("[-", "-]", "{+", "+}")) -> str:
        """One line: the head, then 'van X naar Y', or the changed words marked (git's word-diff marks)."""
        if self.words:
            return f"{self.head}: " + "".join(_marked(p, mark) for p in self.words)
        if self.old is not None and self.new is not None:
            return _("{change} from {old} to {new}").format(change=self.head, old=self.old, new=self.new)
        return self.head


def _marked(piece: Piece, mark: tuple[str, str, str, str]) -> str:
    if piece.op == "-":
        return f"{mark[0]}{piece.text}{mark[1]}"
    if piece.op == "+":
        return f"{mark[2]}{piece.text}{mark[3]}"
    return piece.text


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    noun: str | None
    function: str | None = None
    party: str | None = None


def at(data: Any, loc: tuple[Any, ...] | None) -> Any:
    for part in loc or ():
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_LABEL_FIELDS = ("name", "title", "indicator", "text")


def _label_field(entry: dict[str, Any]) -> str | None:
    """The field an entry is named by: its name, title, indicator or text, the first it has."""
    return next((k for k in _LABEL_FIELDS if isinstance(entry.get(k), str) and entry[k].strip()), None)


def _name_of(entry: dict[str, Any]) -> str:
    key = _label_field(entry)
    if key is None:
        return ""
    text = " ".join(entry[key].split())
    return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + " …"


_PERIODS = frozenset({"days", "weeks", "months", "years"})


def quantity(value: float, unit: str | None) -> str:
    """'80 %', '2.500 personen', '6 maanden', '1 jaar': a number with its unit as the run's language writes it."""
    shown = i18n.number(value)
    if unit == "%":
        return f"{shown} %"
    if unit in _PERIODS and (isinstance(value, int) or value.is_integer()):
        return i18n.period(int(value), unit)
    return f"{shown} {unit}" if unit else shown


def _index(data: Any) -> dict[str, tuple[dict[str, Any], str, dict[str, Any] | None]]:
    """Every entry with an id, by id: the entry, the list it stands in, and the party it belongs to (the
    nearest entry of ``parties`` above it). Words are made only for the entries a change names (``_entry``):
    a list of 30,000 entries costs one walk, not 30,000 names."""
    found: dict[str, tuple[dict[str, Any], str, dict[str, Any] | None]] = {}
    stack: list[tuple[Any, str | None, dict[str, Any] | None]] = [(data, None, None)]
    while stack:
        node, list_name, party = stack.pop()
        if isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str) and list_name is not None:
                if list_name == "parties":
                    party = node
                if ident not in found:
                    found[ident] = (node, list_name, party)
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    stack.append((value, str(key), party))
        elif isinstance(node, list):
            stack.extend((item, list_name, party) for item in node)
    return found


def _entry(node: dict[str, Any], list_name: str, party: dict[str, Any] | None) -> _Entry:
    label = _name_of(node)
    party_label = (_name_of(party) or str(party["id"])) if party is not None else None
    function = node.get("function") if isinstance(node.get("function"), str) else None
    return _Entry(label or str(node["id"]), entry_noun(list_name), function, party_label)


class _Names:
    """Entries by id, both versions (the new one's where an id is in both), indexed on the first look-up."""

    def __init__(self, old_data: Any, new_data: Any) -> None:
        self._data = (old_data, new_data)
        self._found: dict[str, tuple[dict[str, Any], str, dict[str, Any] | None]] | None = None
        self._made: dict[str, _Entry] = {}

    def get(self, ident: str) -> _Entry | None:
        made = self._made.get(ident)
        if made is not None:
            return made
        if self._found is None:
            self._found = {**_index(self._data[0]), **_index(self._data[1])}
        raw = self._found.get(ident)
        if raw is None:
            return None
        made = self._made[ident] = _entry(*raw)
        return made


class Describer:
    """Words for the changes of one file, with both versions at hand."""

    def __init__(self, old_data: Any, new_data: Any) -> None:
        self.old_data, self.new_data = old_data, new_data
        self._names = _Names(old_data, new_data)

    # --- values ---------------------------------------------------------------------------------------

    def value(self, v: Any, field: str = "", unit: str | None = None, limit: int = 160) -> str:
        if v is None:
            return _("(empty)")
        if isinstance(v, bool):
            return _("yes") if v else _("no")
        if isinstance(v, (int, float)):
            return quantity(v, unit)
        if isinstance(v, str):
            words = meaning.value(field, v) if _dutch() else None
            if words is not None:
                return words
            if _ISO.match(v):
                try:
                    return i18n.date(dt.date.fromisoformat(v))
                except ValueError:
                    pass
            if field in _REFERENCES or _SLUG.match(v):
                entry = self._names.get(v)
                if entry is not None:
                    return entry.label
            text = " ".join(v.split())
            return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
        if isinstance(v, dict):
            if isinstance(v.get("value"), (int, float)) and isinstance(v.get("unit"), str):
                return quantity(v["value"], v["unit"])
            return self.label(v) or "…"
        if isinstance(v, list):
            return ", ".join(self.value(x, field, unit, 40) for x in v)
        return str(v)

    def label(self, entry: Any) -> str:
        """How an entry is named: its name or title; a signatory or role by the person or party it names."""
        if not isinstance(entry, dict):
            return self.value(entry, limit=60)
        name = _name_of(entry)
        if name:
            return name
        for key in ("person", "party", "body"):
            v = entry.get(key)
            if isinstance(v, str) and v:
                return self.person(v) if key == "person" else self.value(v, key)
        return ""

    def person(self, ident: str) -> str:
        """'An Peeters (burgemeester, Lokaal bestuur Schelle)', or the name alone where that is all we know."""
        entry = self._names.get(ident)
        if entry is None:
            return ident
        extra = ", ".join(x for x in (entry.function, entry.party) if x)
        return f"{entry.label} ({extra})" if extra else entry.label

    # --- where ----------------------------------------------------------------------------------------

    def _entry_above(self, loc: tuple[Any, ...] | None, data: Any, depth: int, changed: str | None = None) -> str:
        """The nearest named entry above ``depth`` steps of ``loc``: 'overlegorgaan Stuurgroep'. An entry named
        by the very field that changed (``changed``) goes by its number instead: 'verplichting 1'."""
        if loc is None:
            return ""
        for cut in range(min(len(loc), depth) - 1, 0, -1):
            if isinstance(loc[cut - 1], str) and isinstance(loc[cut], int):
                entry = at(data, loc[: cut + 1])
                noun = _noun(str(loc[cut - 1]))
                if changed is not None and cut == len(loc) - 2 and isinstance(entry, dict):
                    if _label_field(entry) == changed:
                        return f"{noun} {loc[cut] + 1}"
                name = self.label(entry)
                if name:
                    return f"{noun} {name}"
        return ""

    # --- the change -----------------------------------------------------------------------------------

    def describe(self, change: Change) -> Description:
        if not change.path:
            title = change.new if change.kind is Kind.ADDED else change.old
            head = _("agreement added: {title}") if change.kind is Kind.ADDED else _("agreement removed: {title}")
            return Description(head.format(title=self.value(title)))
        if change.kind is Kind.REPLACED:
            return self._replaced(change)
        if change.kind is Kind.MOVED:
            return self._moved(change)
        if change.kind in (Kind.ADDED, Kind.REMOVED):
            return self._added_or_removed(change)
        return self._changed(change)

    def _replaced(self, change: Change) -> Description:
        before, after = at(self.old_data, change.old_loc), at(self.new_data, change.new_loc)
        list_name = change.path[-2] if len(change.path) >= 2 else ""
        old_name, new_name = self.label(before) or str(change.old), self.label(after) or str(change.new)
        role = after.get("function") if isinstance(after, dict) else None
        owner = self._entry_above(change.new_loc, self.new_data, len(change.path) - 1)
        if isinstance(role, str) and role:
            party_noun = entry_noun("parties") or ""
            if owner.startswith(party_noun + " "):
                where = " " + _("of {party}").format(party=owner.split(" ", 1)[1])
            else:
                where = " " + _("in {entry}").format(entry=owner) if owner else ""
            return Description(
                _("{new} replaces {old} as {role}").format(new=new_name, old=old_name, role=role) + where
            )
        where = " " + _("at {entry}").format(entry=owner) if owner else ""
        return Description(
            _("{noun} {old} replaced by {new}").format(noun=_noun(list_name), old=old_name, new=new_name) + where
        )

    def _moved(self, change: Change) -> Description:
        list_name = change.path[-2] if len(change.path) >= 2 else ""
        entry = at(self.new_data, change.new_loc)
        name = self.label(entry) or _ordinal(list_name, change.path[-1])
        if change.before is not None:
            old_owner = self._entry_above(change.old_loc, self.old_data, len(change.before) - 1)
            new_owner = self._entry_above(change.new_loc, self.new_data, len(change.path) - 1)
            return Description(
                _("{noun} {name} moved from {old} to {new}").format(
                    noun=_noun(list_name), name=name, old=old_owner or "?", new=new_owner or "?"
                )
            )
        return Description(
            _("{noun} {name} moved from place {old} to {new}").format(
                noun=_noun(list_name), name=name, old=int(change.old) + 1, new=int(change.new) + 1
            )
        )

    def _added_or_removed(self, change: Change) -> Description:
        added = change.kind is Kind.ADDED
        entry = change.new if added else change.old
        verb = _("added") if added else _("removed")
        leaf = change.path[-1]
        list_name = change.path[-2] if len(change.path) >= 2 else ""
        noun = entry_noun(list_name)
        owner = self._entry_above(
            change.new_loc if added else change.old_loc, self.new_data if added else self.old_data, len(change.path) - 1
        )
        if added:
            tail = _("added at {entry}").format(entry=owner) if owner else verb
        else:
            tail = _("removed from {entry}").format(entry=owner) if owner else verb
        if noun and isinstance(entry, dict):
            return Description(f"{noun} {self.label(entry) or _ordinal(list_name, leaf)} {tail}")
        if noun and leaf.isdigit():
            return Description(f"{noun} {self.value(entry, list_name)} {tail}")
        where = " " + _("at {entry}").format(entry=owner) if owner else ""
        field = field_label(leaf) or _noun(leaf)
        return Description(f"{field} {verb}{where}: {self.value(entry, leaf)}")

    def _changed(self, change: Change) -> Description:
        leaf = change.path[-1]
        list_name = change.path[-2] if len(change.path) >= 2 else ""
        loc = change.new_loc if change.new_loc is not None else change.old_loc
        data = self.new_data if change.new_loc is not None else self.old_data
        owner = self._entry_above(loc, data, len(change.path) - (1 if leaf.isdigit() else 0), changed=leaf)
        if leaf == "id":
            return Description(
                f"{owner}: " + _("key (id) changed") if owner else _("key (id) changed"),
                f"‘{change.old}’",
                f"‘{change.new}’",
            )
        elif leaf.isdigit():
            field = _ordinal(list_name, leaf)
        else:
            field = field_label(leaf) or _noun(leaf)
        old, new = change.old, change.new
        verb = _("changed")
        if isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool):
            verb = _("raised") if new > old else _("lowered") if new < old else verb
        head = f"{owner}: {field} {verb}" if owner else f"{field} {verb}"
        if isinstance(old, str) and isinstance(new, str) and leaf not in _REFERENCES and not _ISO.match(old):
            if max(len(old.split()), len(new.split())) > 4:  # a sentence: its changed words; a phrase: whole
                pieces = words(old, new)
                if pieces:
                    return Description(head, words=pieces)
        unit = None
        if leaf == "value":
            parent = at(self.new_data, change.new_loc[:-1]) if change.new_loc else None
            unit = parent.get("unit") if isinstance(parent, dict) else None
        if isinstance(old, dict) and isinstance(new, dict) and "unit" in old and "unit" in new:  # a quantity
            before, after = old.get("value"), new.get("value")
            if isinstance(before, (int, float)) and isinstance(after, (int, float)) and old["unit"] == new["unit"]:
                verb = _("raised") if after > before else _("lowered") if after < before else verb
            head = f"{owner}: {field} {verb}" if owner else f"{field} {verb}"
        return Description(head, self.value(old, leaf, unit), self.value(new, leaf, unit))


def _dutch() -> bool:
    return i18n.language() == "nl"


def _words(name: str) -> str:
    return name.replace("_", " ")


def _singular(name: str) -> str:
    """'bodies' -> 'body', 'action_domains' -> 'action domain': an entry of a list, by the list's key."""
    *first, last = name.split("_")
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*first, last])


def entry_noun(list_name: str) -> str | None:
    """The word for an entry of the list ``list_name``: 'overlegorgaan' / 'body'; None where it has none."""
    entry = meaning.of(list_name).entry
    if entry is None or _dutch():
        return entry
    return _singular(list_name)


def field_label(name: str) -> str | None:
    """The word for the field ``name`` in a sentence: 'einddatum' / 'end'; None where it has none."""
    label = meaning.of(name).label
    if label is None or _dutch():
        return label
    return _words(name)


def _noun(name: str) -> str:
    return entry_noun(name) or field_label(name) or _words(name)


def _ordinal(list_name: str, leaf: str) -> str:
    """An entry without a name by its number in the list: 'notitie 2' for ('notes', '1')."""
    if not leaf.isdigit():
        return leaf
    noun = entry_noun(list_name) or _("item")
    return f"{noun} {int(leaf) + 1}"


def section(change: Change) -> str:
    top = change.path[0] if change.path else ""
    title = meaning.of(top).section
    if title is None:
        return _("General")
    return title if _dutch() else _words(top).capitalize()


# --- words ----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def words(old: str, new: str) -> tuple[Piece, ...]:
    """The words that changed between two texts, with a little context around each change and the rest
    shortened; empty when the texts are too long to align (then both are shown whole)."""
    a, b = _TOKEN.findall(" ".join(old.split())), _TOKEN.findall(" ".join(new.split()))
    if len(a) * len(b) > WORDS_LIMIT:
        return ()
    return tuple(_shortened(aligned(a, b)))


def aligned(a: list[str], b: list[str]) -> list[Piece]:
    """Two texts as tokens, aligned: runs kept ('='), deleted ('-') and inserted ('+'), in order."""
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("-", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("+", "".join(b[j1:j2])))
    return pieces


def _shortened(pieces: list[Piece]) -> Iterator[Piece]:
    """An unchanged stretch keeps ``CONTEXT`` words next to each change; what lies further away is '…'."""
    last = len(pieces) - 1
    for n, p in enumerate(pieces):
        head = 0 if n == 0 else CONTEXT  # words after the change before it
        tail = 0 if n == last else CONTEXT  # words before the change after it
        tokens = re.findall(r"\S+\s*|\s+", p.text)
        if p.op != "=" or last == 0 or len(tokens) <= head + tail + 1:
            yield p
            continue
        if head:
            yield Piece("=", "".join(tokens[:head]))
        yield Piece("…", "… " if tail else "…")
        if tail:
            yield Piece("=", "".join(tokens[-tail:]))


# --- the whole report -----------------------------------------------------------------------------------


def where(change: Change) -> str:
    """The change's lines in both versions: 'regel 49 → 52', 'nieuwe regel 52', 'oude regel 49'."""
    old, new = change.old_line, change.new_line
    return lines(old, new)


def lines(old: object, new: object, same: bool | None = None) -> str:
    """'line 49 → 52', 'new line 52', 'old line 49' (the numbers may be links)."""
    if old and new:
        return (
            _("line {n}").format(n=old)
            if (old == new if same is None else same)
            else _("line {old} → {new}").format(old=old, new=new)
        )
    if new:
        return _("new line {n}").format(n=new)
    if old:
        return _("old line {n}").format(n=old)
    return ""


def summary(changes: list[Change]) -> str:
    """'4 wijzigingen: 3 inhoudelijke, 1 redactionele; Partijen 1, Notities 1, ...' (sections in order met)."""
    substantive = sum(c.substantive for c in changes)
    sections: dict[str, int] = {}
    for c in changes:
        sections[section(c)] = sections.get(section(c), 0) + 1
    head = _("{changes}: {substantive} substantive, {editorial} editorial").format(
        changes=ngettext("{n} change", "{n} changes", len(changes)).format(n=len(changes)),
        substantive=substantive,
        editorial=len(changes) - substantive,
    )
    return head + ("; " + ", ".join(f"{name} {n}" for name, n in sections.items()) if sections else "")
