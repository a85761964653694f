"""Writing agreements back as YAML without losing what people wrote: comments, order, quoting, spacing.

ruamel.yaml's round-trip mode keeps comments and layout through a load and dump, which PyYAML cannot.
This is the home of every write of an agreement (``fmt``, ``fix``, ``new``, ``extend``, ``amend`` and the
files ``init`` makes): load the text, change the data in place, dump it, and write it with
``fsutil.write_atomic``. Reading for checks stays on the fast C loader in ``document.yaml``.

Two things differ from ruamel.yaml's defaults, both for the canonical form ``samenwerk fmt`` writes:

- a text that needs quotes gets double quotes (the way the project writes ``number: "1"``), single quotes
  only when it holds a double quote or a backslash;
- an end-of-line comment keeps the gap it had before it (``comment_after``), wherever its line's value
  now ends, never ruamel.yaml's guess from its old column.

Comments are attached with ``comment_before`` (whole lines before a key or a list entry, blank lines
included), ``comment_after`` (at the end of the line of a key's value or a list entry) and
``comment_at_end`` (after everything): the places the emitter writes, whatever the loader recorded.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tokens import CommentToken


class _Resolver(VersionedResolver):
    """ruamel.yaml's YAML 1.2 resolver without timestamps: dates stay text, as the fast loader reads them (the
    model parses them), and a text such as 2025-12-31 needs no quotes."""

    @property
    def versioned_resolver(self) -> Any:
        table = super().versioned_resolver
        cached = getattr(self, "_without_timestamps", None)
        if cached is None or cached[0] is not table:
            plain = {ch: [(t, r) for t, r in rs if t != _TIMESTAMP] for ch, rs in table.items()}
            cached = self._without_timestamps = (table, plain)
        return cached[1]


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"


class _Emitter(RoundTripEmitter):
    """ruamel.yaml's emitter with the project's quotes and end-of-line comment spacing."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        value = self.event.value
        if style == "" and str(self.event.tag) == _STR and (_resolves_otherwise(value) or _libyaml_doubts(value, self)):
            style = "'"  # plain for ruamel.yaml, not for the fast loader (a number, a boolean, null; a syntax error)
        if style == "'" and self.event.style != "'" and '"' not in value and "\\" not in value:
            return '"'
        if style != '"' and _ODD_BREAKS.search(value):
            return '"'  # escaped (\L, \P, \N): written as they are, they end a line for ruamel.yaml
        return style

    def write_post_comment(self, event: Any) -> bool:
        # A comment at the end of a line ends the line. ruamel.yaml 0.19 forgets that after a flow mapping
        # that is a list entry ('- {id: a}  # x'), and writes the next entry's second key on its first line.
        written: bool = super().write_post_comment(event)
        if written:
            self.no_newline = False
        return written

    def write_comment(self, comment: Any, pre: bool = False) -> None:
        gap = getattr(comment, "gap", None)
        if not pre and gap is not None:
            comment = _token(comment.value, self.column + gap)
        super().write_comment(comment, pre)


_ODD_BREAKS = re.compile("[\x85\u2028\u2029\ufeff]")
"""U+0085, U+2028 and U+2029 end a line for ruamel.yaml and libyaml (YAML 1.1) wherever they stand, and a BOM
inside a file is not what it seems: a text holding one is written in double quotes, with an escape."""


def _libyaml_doubts(value: str, emitter: Any) -> bool:
    """Plain texts YAML 1.2 allows and libyaml (the fast loader) refuses or reads otherwise: one that starts
    with '-', '?' or ':', and a ':' anywhere inside brackets."""
    return value[:1] in ("-", "?", ":") or (bool(emitter.flow_level) and ":" in value)


def _resolves_otherwise(value: str) -> bool:
    """Whether the fast loader (the YAML 1.2 core schema) reads ``value``, written plain, as anything but text."""
    from yaml.nodes import ScalarNode

    from .yaml import Yaml12Resolver

    tag = Yaml12Resolver().resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag != _STR)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.Resolver = _Resolver
    yaml.version = None  # YAML 1.2 without a %YAML directive
    yaml.preserve_quotes = True
    yaml.width = sys.maxsize  # never re-wrap a sentence someone wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [{person: x}], never [person: x]
    return yaml


def load(text: str) -> Any:
    """Round-trip data: mappings and lists that remember their comments and layout."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    """Round-trip data back to YAML text."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


# --- comments, placed where the emitter writes them -------------------------------------------------------


class _Comment(CommentToken):
    """A comment with the gap to leave before it at the end of a line (None: ruamel.yaml's own column)."""

    __slots__ = ("gap",)
    gap: int | None


def _token(value: str, column: int = 0, gap: int | None = None) -> CommentToken:
    token = _Comment(value, CommentMark(column), None)
    token.gap = gap
    return token


def clear_comments(data: Any) -> None:
    """Forget every comment ruamel.yaml attached while loading, in ``data`` and everything below it."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        ca = getattr(node, "ca", None)
        if ca is not None:
            ca.comment = None
            ca.items.clear()
            ca.end = []
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _slots(container: Any, key: Any) -> list[Any]:
    slots: list[Any] = container.ca.items.setdefault(key, [None, None, None, None])
    return slots


def comment_before(container: Any, key: Any, lines: Iterable[str]) -> None:
    """Whole lines written before ``container[key]`` (a key of a mapping, an entry of a list): each a comment
    with its indentation (``'  # text'``) or an empty string for a blank line."""
    tokens = [_token(line + "\n" if line else "\n") for line in lines]
    if not tokens:
        return
    slot = 1
    slots = _slots(container, key)
    slots[slot] = (slots[slot] or []) + tokens


def comment_after(container: Any, key: Any, text: str, gap: int = 2) -> None:
    """A comment at the end of the line of ``container[key]`` (its value's last line), ``gap`` spaces after
    the value. ``text`` starts with '#'."""
    slots = _slots(container, key)
    index = 2 if isinstance(container, dict) else 0
    slots[index] = _token(text + "\n", 0, gap)


def comment_after_indicator(mapping: Any, key: Any, text: str, gap: int = 2) -> None:
    """A comment on the line of a key whose value is a block text, after its indicator ('notes: |  # x')."""
    _slots(mapping, key)[3] = [" " * gap + text]


def comment_at_end(container: Any, key: Any, lines: Iterable[str]) -> None:
    """Whole lines after ``container[key]``, the last thing the file holds: after its end-of-line comment if
    it has one."""
    lines = list(lines)
    if not lines:
        return
    slots = _slots(container, key)
    index = 2 if isinstance(container, dict) else 0
    tail = "".join(line + "\n" for line in lines)
    current = slots[index]
    if current is None:
        value = container[key]
        after_block = isinstance(value, str) and "\n" in value  # the emitter is on a line of its own already
        slots[index] = _token(tail if after_block else "\n" + tail, 0)
    else:
        slots[index] = _token(current.value + tail, current.start_mark.column, getattr(current, "gap", None))


def texts(data: Any) -> Iterator[tuple[Any, Any, str]]:
    """Every text in round-trip data, as ``(container, key, text)`` with ``container[key] == text``: the one
    walk of the edits that change texts in place (``fix``'s, the placeholders of ``new`` and ``init``).

    The consumer may replace ``container[key]`` (with ``put``) or delete it from a mapping before taking the
    next one: each container's entries are listed before the first of them is given out. Mappings and lists
    are walked below any depth without recursion; keys are not texts of the agreement and are not given.
    """
    stack = [data]
    while stack:
        node = stack.pop()
        entries = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(entries):
            if isinstance(value, (dict, list)):
                stack.append(value)
            elif isinstance(value, str):
                yield node, key, value


def put(container: Any, key: Any, value: Any) -> None:
    """``container[key] = value`` exactly as given: ruamel.yaml's own assignment would keep the quotes of the
    value it replaces, which is what a round trip wants and what a new canonical value must not get."""
    from ruamel.yaml.compat import ordereddict

    if isinstance(container, dict):
        ordereddict.__setitem__(container, key, value)
    else:
        list.__setitem__(container, key, value)
