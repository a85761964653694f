"""The canonical form of an agreement file, written through ruamel.yaml's round trip (``samenwerk fmt``).

What the canonical form is:

- keys in the order of the model (``model/agreement.py``, the order of the JSON Schema), at every level;
  keys the model does not know (a schema error) after the known ones, in the order they were written;
- two spaces of indentation, list entries indented under their key (``  - id: ...``);
- quotes only where the text needs them, then double quotes (single quotes for a text holding a double
  quote or a backslash); a text is never re-wrapped;
- dates as the project writes them: ``31-12-2025`` (a date written ``2025-12-31`` or ``1-1-2026`` in a date
  field is rewritten; a value that is not a date is left for lint to report);
- every text of more than one line as a literal block (``|``), however it was written (folded, quoted),
  unless a block cannot hold it as written (``literal_ok``: a tab at its start, a control character, a
  carriage return, U+0085, U+2028, U+2029): then in double quotes, with escapes;
- one newline at the end of the file, none at its start;
- the file's own line ending (``Source``): a file whose line breaks are mostly CRLF is written with CRLF
  throughout (a clone on Windows with ``core.autocrlf`` is canonical as it is); any other with LF, a lone CR
  (old Mac) being read as a line break as YAML reads it. A byte order mark stays if the file has one.

What stays exactly as written: the wording of every text (its value, to the character), every comment, the
blank lines between entries, flow or block style of each list and mapping, numbers as written.

Comments are placed by lines, not by ruamel.yaml's attachment (which hangs a comment on whatever node came
before it): whole-line comments and blank lines belong to the key or list entry that follows them, move with
it and are indented like it; an end-of-line comment belongs to the key or entry on its line and keeps the gap
before it; comments before the first key stay at the top of the file, comments after the last entry at its
end (both at the left margin). A comment on the line of a list entry that is a block (a multi-line text,
a mapping) goes on the line before it: after it, it would be read as part of the block. The comments inside
a flow collection (``[...]``, ``{...}``, written on one line) go on lines of their own before its key, in
their order.

ruamel.yaml is given the file without its comments and with a space for each tab between tokens
(``_for_round_trip``); a file it still cannot read, or reads otherwise than the fast loader, is a
``FormatError`` at the place (exit 2), never a bug.

Every result is checked before it is returned: read back with the fast loader it gives the same data (dates
aside), and it holds the same comments; if not, that is a bug (``FormatBug``), and nothing is written.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import stat
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .diagnostics import Finding
from .errors import SamenwerkError
from .i18n import _


class FormatError(SamenwerkError):
    """The file cannot be put in canonical form (it does not parse): the message names its line and column."""


class FormatBug(RuntimeError):
    """The canonical form would change the data or lose a comment: a bug in samenwerk, never written."""


# --- what the model says about each place in a file ----------------------------------------------------------


@dataclass(eq=False)
class Shape:
    """What the model expects at one place: a model's fields (in order), a list's entries, or a date."""

    fields: dict[str, Shape] | None = None
    item: Shape | None = None
    date: bool = False


ANY = Shape()


@lru_cache(maxsize=1)
def agreement_shape() -> Shape:
    from .model import Agreement

    return _model_shape(Agreement, {})


def _model_shape(cls: type, seen: dict[type, Shape]) -> Shape:
    if cls in seen:
        return seen[cls]
    shape = seen[cls] = Shape(fields={})
    assert shape.fields is not None
    for name, info in cls.model_fields.items():  # type: ignore[attr-defined]
        shape.fields[name] = _type_shape(info.annotation, seen)
    if cls.__name__ == "Agreement":
        shape.fields["changes"] = shape  # an amendment's changes are written as in an agreement
    return shape


def _type_shape(annotation: Any, seen: dict[type, Shape]) -> Shape:
    from pydantic import BaseModel

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_shape(typing.get_args(annotation)[0], seen)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_shape(annotation, seen)
    if annotation is dt.date:
        return Shape(date=True)
    if origin is list:
        return Shape(item=_type_shape(typing.get_args(annotation)[0], seen))
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        arms = [_type_shape(arm, seen) for arm in typing.get_args(annotation)]
        for arm in arms:  # a model or a list wins (Text | Affiliate: a mapping entry is an Affiliate)
            if arm.fields is not None or arm.item is not None:
                return arm
        return Shape(date=any(arm.date for arm in arms))
    return ANY


def canonical_date(value: Any) -> str | None:
    """A date as the project writes it (31-12-2025), or None when ``value`` is not a date."""
    from .model.types import parse_date

    if isinstance(value, dt.datetime) or not isinstance(value, (str, dt.date)):
        return None
    try:
        day = parse_date(value)
    except ValueError:
        return None
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


# --- comments and blank lines, by line ----------------------------------------------------------------------


@dataclass(eq=False)
class _Anchor:
    """A key of a block mapping or an entry of a block list: what comments belong to."""

    line: int
    col: int
    """Where it starts: the key, or the dash of a list entry (0-based)."""
    container: Any
    key: Any
    leading: list[tuple[int, str]] = field(default_factory=list)
    """Whole lines before it: (column, text from '#'), or (-1, '') for a blank line."""
    eol: tuple[int, int, str] | None = None
    """A comment at the end of its line: (column, gap before it, text from '#')."""


@dataclass
class _Layout:
    anchors: list[_Anchor]
    header: list[tuple[int, str]]
    trailing: list[tuple[int, str]]


class _Spans:
    """Sorted, non-overlapping character ranges, for 'is this offset inside one?'."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _content_span(text: str, node: Any) -> tuple[int, int]:
    """The characters of a scalar that are its text: a block scalar's lines without its header line and
    without the blank lines after it (unless kept with '+')."""
    start, end = node.start_mark.index, node.end_mark.index
    if node.style not in ("|", ">"):
        return start, end
    newline = text.find("\n", start)
    header = text[start : newline if newline != -1 else end]
    body = newline + 1 if newline != -1 else end
    if "+" in header.split("#", 1)[0]:
        return body, end
    last = end
    while last > body and text[last - 1] in " \t\r\n":
        last -= 1
    return body, max(body, last)


class _Lines:
    """Line and column of a character offset, counting only '\\n' as a line break (libyaml's marks also count
    U+0085, U+2028 and U+2029, which may stand in a text)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]


def _walk(
    text: str, root: Any, data: Any, lines: _Lines | None = None
) -> tuple[list[_Anchor], list[tuple[int, int]], list[tuple[int, int]]]:
    """The anchors of the file in document order, with the spans of scalar text and of flow collections."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    lines = lines or _Lines(text)
    anchors: list[_Anchor] = []
    scalars: list[tuple[int, int]] = []
    flows: list[tuple[int, int]] = []
    seen: set[int] = set()

    def visit(node: Any, value: Any) -> None:
        if id(node) in seen:  # an alias: its node was walked where it was defined
            return
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            scalars.append(_content_span(text, node))
            return
        if node.flow_style:
            flows.append((node.start_mark.index, node.end_mark.index))
            inner(node)
            return
        if isinstance(node, MappingNode):
            if not isinstance(value, dict) or len(value) != len(node.value):
                raise _unwritable(
                    text, _merge_key(node) or node, _("a merge key '<<', which samenwerk does not write back")
                )
            for (key_node, value_node), key in zip(node.value, list(value.keys())):
                anchors.append(_Anchor(*lines.at(key_node.start_mark.index), value, key))
                visit(key_node, None)
                visit(value_node, value[key])
        elif isinstance(node, SequenceNode):
            if not isinstance(value, list) or len(value) != len(node.value):
                raise _unwritable(text, node, _("a list that cannot be written back as it reads"))
            for i, item_node in enumerate(node.value):
                line, col = lines.at(_dash(text, item_node.start_mark.index))
                anchors.append(_Anchor(line, col, value, i))
                visit(item_node, value[i])

    def inner(node: Any) -> None:
        """The texts inside a flow collection: no anchors there, but no comment either."""
        stack = [node]
        while stack:
            node = stack.pop()
            if isinstance(node, ScalarNode):
                scalars.append(_content_span(text, node))
            elif isinstance(node, MappingNode):
                stack.extend(part for pair in node.value for part in pair)
            elif isinstance(node, SequenceNode):
                stack.extend(node.value)

    visit(root, data)
    anchors.sort(key=lambda a: (a.line, a.col))
    return anchors, scalars, flows


def _unwritable(text: str, node: Any, what: str) -> FormatError:
    from .document.yaml import line_col

    line, col = line_col(text, node.start_mark.index)
    return FormatError(f"{line}:{col}: {what}")


def _merge_key(node: Any) -> Any:
    """The key node of a merge key ('<<') in a mapping node, if it has one."""
    for key_node, _value in node.value:
        if getattr(key_node, "value", None) == "<<":
            return key_node
    return None


def _dash(text: str, offset: int) -> int:
    """The offset of the '-' that starts the list entry whose content starts at ``offset``."""
    i = offset - 1
    while i >= 0:
        ch = text[i]
        if ch == "-":
            break
        if ch == "\n":  # the content starts on a line after its dash ('-  # comment')
            line_start = text.rfind("\n", 0, i) + 1
            before = text[line_start:i]
            cut = 0 if before.lstrip().startswith("#") else before.find(" #")
            i = line_start + (cut if cut != -1 else len(before)) - 1
            continue
        i -= 1
    return max(i, 0)


def _comments(text: str, scalars: _Spans) -> Iterator[tuple[int, int, int, str, bool]]:
    """Each comment: (line, column, offset, text from '#' without trailing blanks, alone on its line)."""
    offset = 0
    for number, line in enumerate(text.split("\n")):
        at = line.find("#")
        while at != -1:
            if (at == 0 or line[at - 1] in " \t") and offset + at not in scalars:
                alone = not line[:at].strip()
                yield number, at, offset + at, line[at:].rstrip(), alone
                break
            at = line.find("#", at + 1)
        offset += len(line) + 1


def _layout(text: str, root: Any, data: Any, comments: list[tuple[int, int, int, str, bool]] | None = None) -> _Layout:
    """Comments and blank lines, each given to the anchor it belongs to, in the order of the file's lines;
    ``comments``: the file's ``_comments``, when they are known already."""
    anchors, scalar_spans, flow_spans = _walk(text, root, data)
    scalars, flows = _Spans(scalar_spans), _Spans(flow_spans)
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    positions = [(a.line, a.col) for a in anchors]
    # Collected with their line numbers, then sorted: comments and blank lines for the same place come from
    # two passes (a comment on the line of '---' before a comment on a line of its own above it).
    header: list[tuple[int, int, str]] = []
    trailing: list[tuple[int, int, str]] = []
    leading: dict[int, list[tuple[int, int, str]]] = {}
    whole: dict[int, tuple[int, str]] = {}
    for number, col, offset, comment, alone in _comments(text, scalars) if comments is None else comments:
        in_flow = offset in flows
        if alone and not in_flow:
            whole[number] = (col, comment)
            continue
        # At the end of a line, or inside a flow collection: it belongs to the last anchor before it.
        i = bisect.bisect_left(positions, (number, col)) - 1
        if i < 0:
            header.append((number, col, comment))
            continue
        owner = anchors[i]
        if owner.eol is None and not in_flow:
            before = lines[number][:col]
            gap = len(before) - len(before.rstrip())
            owner.eol = (col, max(gap, 1), comment)
        else:
            # A second comment for the same place, or one inside a flow collection (written on one line): on
            # a line of its own before it. All of a flow collection's comments go there, so that they keep
            # their order.
            leading.setdefault(i, []).append((number, col, comment))
    for number, line in enumerate(lines):
        entry = whole.get(number)
        if entry is None:
            if line.strip() or starts[number] in scalars or starts[number] in flows:
                continue
            entry = (-1, "")
        i = bisect.bisect_right(positions, (number, 1 << 30))
        if i >= len(anchors):
            trailing.append((number, *entry))
        elif i == 0:
            header.append((number, *entry))
        else:
            leading.setdefault(i, []).append((number, *entry))
    for i, entries in leading.items():
        anchors[i].leading = [(col, comment) for _, col, comment in sorted(entries)]
    return _Layout(
        anchors,
        [(col, comment) for _, col, comment in sorted(header)],
        [(col, comment) for _, col, comment in sorted(trailing)],
    )


# --- the canonical form ----------------------------------------------------------------------------------------


def _canonical(value: Any, shape: Shape, container: Any = None, key: Any = None) -> None:
    """Put ``value`` (held at ``container[key]``) in canonical form, in place."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from .document import write

    if isinstance(value, dict):
        fields = shape.fields or {}
        if fields:
            known = [k for k in fields if k in value]
            ordered: Any = value  # a CommentedMap: an ordered dict
            for k in known + [k for k in list(value) if k not in fields]:
                ordered.move_to_end(k)
        for k in list(value):
            _canonical(value[k], fields.get(k, ANY) if isinstance(k, str) else ANY, value, k)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _canonical(item, shape.item or ANY, value, i)
    elif container is not None and isinstance(value, (str, dt.date)) and not isinstance(value, dt.datetime):
        new: Any = value
        if shape.date and (written := canonical_date(value)) is not None:
            new = written
        elif isinstance(value, str):
            text = "".join(value)  # a plain str: no quotes, no block style of its own
            new = LiteralScalarString(text) if "\n" in text and literal_ok(text) else text
        if new is not value or type(new) is not type(value):
            write.put(container, key, new)


_NOT_IN_BLOCK = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""What a literal block cannot hold as written: control characters (a carriage return among them), U+0085,
U+2028 and U+2029 (line breaks to one YAML reader and not to another), a BOM, a surrogate."""


def literal_ok(text: str) -> bool:
    """Whether ``text`` reads back the same from a literal block (``|``): else it is written in double quotes
    (with escapes such as ``\\n``, ``\\t`` and ``\\L``). A block's first line cannot start with a tab:
    libyaml reads a tab there as indentation."""
    return _NOT_IN_BLOCK.search(text) is None and not text.startswith("\t")


def _is_block(value: Any) -> bool:
    if not isinstance(value, (dict, list)) or not value:
        return False
    fa = getattr(value, "fa", None)
    return not (fa is not None and fa.flow_style() is True)


def _columns(value: Any, col: int, out: dict[tuple[int, Any], int], items: dict[int, tuple[Any, Any]]) -> None:
    """The column each key and list entry (its dash) will be written at, for comments' indentation; and for
    each block collection that is a list entry, that entry (``items``)."""
    entries = value.items() if isinstance(value, dict) else enumerate(value)
    for k, v in entries:
        out[(id(value), k)] = col
        if _is_block(v):
            if isinstance(value, list):
                items[id(v)] = (value, k)
            _columns(v, col + 2, out, items)


def _holds(container: Any, key: Any) -> bool:
    return key in container if isinstance(container, dict) else 0 <= key < len(container)


def _first(container: Any) -> Any:
    return next(iter(container)) if isinstance(container, dict) else 0


def _last(value: Any) -> tuple[Any, Any]:
    """The container and key of the last thing written: where the file's trailing comments go."""
    while True:
        key = next(reversed(value)) if isinstance(value, dict) else len(value) - 1
        if _is_block(value[key]):
            value = value[key]
            continue
        return value, key


def _attach(data: Any, layout: _Layout) -> None:
    from .document import write

    columns: dict[tuple[int, Any], int] = {}
    entries: dict[int, tuple[Any, Any]] = {}
    _columns(data, 0, columns, entries)
    before: dict[tuple[int, Any], tuple[Any, Any, list[str]]] = {}

    def add(container: Any, key: Any, lines: list[str]) -> None:
        before.setdefault((id(container), key), (container, key, []))[2].extend(lines)

    def indented(entries: list[tuple[int, str]], col: int = 0) -> list[str]:
        return ["" if at < 0 else " " * col + text for at, text in entries]

    first_key = next(iter(data))
    add(data, first_key, indented(layout.header))  # the top of the file stays the top of the file
    for anchor in layout.anchors:
        if not _holds(anchor.container, anchor.key):
            continue  # an edit took it out: its comments go with it, which the check after writing catches
        new_col = columns.get((id(anchor.container), anchor.key), anchor.col)
        value = anchor.container[anchor.key]
        leading = list(anchor.leading)
        if anchor.eol is not None:
            col, gap, text = anchor.eol
            # After a key whose value is a block text: after its indicator ('notes: |  # x'). ruamel.yaml
            # writes a comment after a list entry that is a block (a text, a mapping) below it, where it
            # would be read as part of it: such a comment goes on the line before instead.
            is_text_block = isinstance(value, str) and "\n" in value
            if is_text_block and isinstance(anchor.container, dict):
                write.comment_after_indicator(anchor.container, anchor.key, text, gap)
            elif isinstance(anchor.container, list) and (is_text_block or _is_block(value)):
                leading.append((col, text))
            else:
                write.comment_after(anchor.container, anchor.key, text, gap)
        # The first key of a list entry shares the entry's line ('- id: ...'): what comes before it comes
        # before the entry's dash. Comments are indented like what they stand before.
        container, key = anchor.container, anchor.key
        while id(container) in entries and _first(container) == key:
            container, key = entries[id(container)]
            new_col = columns.get((id(container), key), new_col)
        add(container, key, indented(leading, new_col))
    for container, key, lines in before.values():
        if container is data and key == first_key:
            while lines and not lines[0]:  # no blank line at the start of the file
                lines = lines[1:]
        write.comment_before(container, key, lines)
    trailing = list(layout.trailing)
    while trailing and trailing[-1][0] < 0:
        trailing.pop()
    container, key = _last(data)
    write.comment_at_end(container, key, indented(trailing))


@dataclass(frozen=True)
class Result:
    text: str
    """The file in canonical form."""
    changed: bool


def format_text(text: str, name: str = "<text>") -> Result:
    """``text`` (an agreement file) in canonical form. A file that does not parse is a ``FormatError`` that
    names ``name``, the line and the column; a result that would change the data or lose a comment is a
    ``FormatBug``."""
    return rewrite(text, name)


Edit = Callable[[Any, list[str]], None]
"""A change to a file's round-trip data (in canonical form, comments set aside) and to the whole-line
comments at its top (each from its '#'; a blank line is '')."""


def rewrite(text: str, name: str = "<text>", edit: Edit | None = None) -> Result:
    """``text`` in canonical form, with ``edit`` applied to its data and its top comments (``samenwerk fix``).

    Without an edit the result must read back as the same data (dates written as the project writes them)
    with the same comments; with one, as the edited data with the same comments and those the edit added at
    the top. Anything else is a ``FormatBug``, and nothing is written. The file's byte order mark and line
    ending are its own (``Source``): the result keeps them."""
    from .document import write
    from .document.yaml import parse

    file = Source.of(text)
    source = file.body
    loaded = parse(source)
    if loaded.error is not None:
        raise _error(name, loaded.error)
    if not isinstance(loaded.data, dict) or not loaded.data or loaded.node is None:
        raise FormatError(_("{name}:1:1: not an agreement: the file must hold a mapping of keys").format(name=name))
    readable, comments = _for_round_trip(source, loaded.node)
    data = _round_trip_load(readable, name)
    try:
        layout = _layout(source, loaded.node, data, comments)
    except FormatError as exc:
        raise FormatError(f"{name}:{exc}") from None
    write.clear_comments(data)
    _canonical(data, agreement_shape())
    added: list[str] = []
    if edit is not None:
        header = ["" if col < 0 else comment for col, comment in layout.header]
        edit(data, header)
        kept = Counter(comment for _, comment in layout.header if comment)
        for line in header:
            if line and kept[line] > 0:
                kept[line] -= 1
            elif line:
                added.append(line)
        layout.header = [(-1, "") if not line else (0, line) for line in header]
        _canonical(data, agreement_shape())
    _attach(data, layout)
    out = write.dump(data)
    # ruamel.yaml ends a document whose last text keeps its trailing blank lines ('|+') with '...': without
    # it those lines still belong to the text, up to the end of the file.
    out = out[:-4] if out.endswith("\n...\n") else out.rstrip("\n") + "\n"
    expected = expected_data(loaded.data) if edit is None else plain(data)
    try:
        _verify([comment for _, _, _, comment, _ in comments], expected, out, name, added)
    except FormatBug:
        _readers_agree(loaded, readable, name)  # where the readers disagree: a FormatError at the place
        raise
    result = file.written(out)
    return Result(result, result != text)


@dataclass(frozen=True)
class Source:
    """A file's text as YAML reads it (``body``: every line break '\\n', no byte order mark), and how the
    file writes it: with a byte order mark or not, and its line ending.

    YAML reads '\\r\\n' and a lone '\\r' as a line break like '\\n'. A file whose line breaks are mostly
    '\\r\\n' (a clone on Windows with core.autocrlf) is written with '\\r\\n' throughout; any other file (all
    '\\n', mostly '\\n', or old Mac '\\r') with '\\n'. A byte order mark stays when the file has one."""

    body: str
    ending: str = "\n"
    bom: bool = False

    @classmethod
    def of(cls, text: str) -> Source:
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        if "\r" not in text:
            return cls(text, "\n", bom)
        crlf = text.count("\r\n")
        breaks = text.count("\n") + text.count("\r") - crlf
        return cls(_BREAK.sub("\n", text), "\r\n" if 2 * crlf > breaks else "\n", bom)

    def written(self, body: str) -> str:
        """``body`` (lines ending in '\\n') as this file writes it."""
        if self.ending != "\n":
            body = body.replace("\n", self.ending)
        return "\ufeff" + body if self.bom else body


_BREAK = re.compile("\r\n?")


def _for_round_trip(source: str, root: Any) -> tuple[str, list[tuple[int, int, int, str, bool]]]:
    """``source`` as ruamel.yaml is given it, and the file's comments (``_comments``).

    ruamel.yaml refuses a tab between tokens (``status:<tab>expired``) where libyaml and YAML 1.2 allow it,
    and one in the indentation of a plain text's later line, which that text does not hold: such a tab
    becomes a space. Its comments are not used (they are placed from ``source``),
    and reading them is most of its work and the cause of some of its failures: each comment is cut from
    its line, with the blanks before it. Lines stay lines, and what stands before a comment on its line stays
    at its column, so a position ruamel.yaml reports is one in ``source``. Not in a file with a block text
    that keeps its trailing blank lines ('|+'): a comment line that ends one would become one of them."""
    spans, keeps, plain_spans = _scalar_spans(source, root)
    texts, plain = _Spans(spans), _Spans(plain_spans)
    comments = list(_comments(source, texts))
    if "\t" not in source and (keeps or not comments):
        return source, comments
    chars = list(source)
    for match in re.finditer("\t", source):
        at = match.start()
        if at not in texts or (at in plain and not source[source.rfind("\n", 0, at) + 1 : at].strip(" \t")):
            chars[at] = " "
    if not keeps:
        for _kind, col, offset, _end, _text in comments:
            end = source.find("\n", offset)
            end = len(source) if end < 0 else end
            start = offset
            while start > offset - col and source[start - 1] in " \t":
                start -= 1
            chars[start:end] = [""] * (end - start)
    return "".join(chars), comments


def _round_trip_load(text: str, name: str) -> Any:
    """ruamel.yaml's round-trip data of ``text``; where it cannot read what the fast loader read, a
    ``FormatError`` at the place it stops, in samenwerk's words."""
    from .document import write
    from .document.yaml import explain, line_col

    try:
        return write.load(text)
    except Exception as exc:  # noqa: BLE001 - ruamel.yaml's errors have no common base worth naming
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is None or not isinstance(getattr(mark, "index", None), int):
            why, line, col = "the YAML library it writes with cannot read the file", 1, 1
        else:
            why, offset = explain(typing.cast(Any, exc), text)
            line, col = line_col(text, offset)
        raise FormatError(
            _("{name}:{line}:{col}: lint reads this file, but fmt cannot rewrite it: {why}").format(
                name=name, line=line, col=col, why=why
            )
        ) from None


def _readers_agree(loaded: Any, readable: str, name: str) -> None:
    """After a failed check: whether ruamel.yaml reads the file as the fast loader does. Where it does not
    (``&an:chor value``: an anchor 'an' and the text ':chor value' to libyaml, an anchor 'an:chor' to
    ruamel.yaml), the file is ambiguous, not samenwerk wrong: a ``FormatError`` at the first such place."""
    from yaml.nodes import MappingNode, SequenceNode

    from .document import write
    from .document.yaml import line_col

    def differs(node: Any, fast: Any, other: Any) -> Any:
        if isinstance(node, MappingNode) and isinstance(fast, dict) and isinstance(other, dict):
            if list(fast) != list(other):
                return node
            for (_key_node, value_node), key in zip(node.value, fast):
                found = differs(value_node, fast[key], other[key])
                if found is not None:
                    return found
            return None
        if isinstance(node, SequenceNode) and isinstance(fast, list) and isinstance(other, list):
            if len(fast) != len(other):
                return node
            for item_node, a, b in zip(node.value, fast, other):
                found = differs(item_node, a, b)
                if found is not None:
                    return found
            return None
        same = fast == other or (fast != fast and other != other)  # NaN
        return None if same and type(fast) is type(other) else node

    node = differs(loaded.node, loaded.data, plain(write.load(readable)))
    if node is not None:
        line, col = line_col(loaded.text, node.start_mark.index)
        raise FormatError(
            _(
                "{name}:{line}:{col}: YAML readers disagree on this value (its writer reads it otherwise "
                "than lint does); write it more plainly, in quotes"
            ).format(name=name, line=line, col=col)
        )


def plain(data: Any) -> Any:
    """Round-trip data as the fast loader would read it back."""
    if isinstance(data, dict):
        return {plain(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    for kind in (str, int, float):
        if isinstance(data, kind):
            return kind(data)
    return data


def _error(name: str, finding: Finding) -> FormatError:
    return FormatError(f"{name}:{finding.line or 1}:{finding.col or 1}: {finding.message}")


def expected_data(data: Any, shape: Shape | None = None) -> Any:
    """What the fast loader reads from the canonical form of a file it read as ``data``: the same, with the
    dates in date fields written as the project writes them."""
    shape = shape or agreement_shape()
    if isinstance(data, dict):
        fields = shape.fields or {}
        return {k: expected_data(v, fields.get(k, ANY) if isinstance(k, str) else ANY) for k, v in data.items()}
    if isinstance(data, list):
        return [expected_data(v, shape.item or ANY) for v in data]
    if shape.date and (written := canonical_date(data)) is not None:
        return written
    return data


def comment_texts(text: str, loaded: Any = None) -> list[str]:
    """Every comment of a file that parses, in order, as written from its '#' (without trailing blanks);
    ``loaded``: the file as ``document.yaml.parse`` read it, when that is done already."""
    from .document.yaml import parse

    loaded = loaded or parse(text)
    if loaded.node is None:
        return []
    spans, _flows, _anchors = _scalar_spans(text, loaded.node)
    return [comment for _, _, _, comment, _ in _comments(text, _Spans(spans))]


def _scalar_spans(text: str, root: Any) -> tuple[list[tuple[int, int]], bool, list[tuple[int, int]]]:
    """The spans of every text in the file (``_content_span``), whether a block text keeps its trailing
    blank lines ('|+', '>+'), and the spans of the plain (unquoted) texts of more than one line."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    spans: list[tuple[int, int]] = []
    plain: list[tuple[int, int]] = []
    keeps = False
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            spans.append(_content_span(text, node))
            if not node.style and text.find("\n", node.start_mark.index, node.end_mark.index) >= 0:
                plain.append(spans[-1])
            elif node.style in ("|", ">"):
                start = node.start_mark.index
                end = text.find("\n", start)
                keeps = keeps or "+" in text[start : len(text) if end < 0 else end].split("#", 1)[0]
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return spans, keeps, plain


def _verify(comments: list[str], expected: Any, out: str, name: str, added: list[str]) -> None:
    """``out`` reads back as ``expected`` and holds the ``comments`` of the source and those ``added``."""
    from .document.yaml import parse

    back = parse(out)
    if back.error is not None or back.data != expected:
        raise FormatBug(f"{name}: the canonical form would change the data; nothing was written")
    if sorted(comment_texts(out, back)) != sorted(comments + added):
        raise FormatBug(f"{name}: the canonical form would lose or change a comment; nothing was written")


# --- files ------------------------------------------------------------------------------------------------------


def read_source(path: Path) -> str:
    """The text of an agreement file that samenwerk may rewrite in place: inside its repository, not a link,
    within the size limit, UTF-8 (a byte order mark stays at the start of the text: the file's own choice,
    kept when it is written back). Anything else is a ``FormatError`` naming the file."""
    from .document import too_large
    from .fsutil import MAX_FILE_BYTES, escapes, not_regular, read_regular

    if path.is_symlink():
        raise FormatError(
            _("{path}:1:1: a symbolic link; samenwerk rewrites files only, never through a link").format(path=path)
        )
    refused = escapes(path)
    if refused is not None:
        raise FormatError(f"{path}:1:1: {refused}")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FormatError(f"{path}:1:1: {not_regular()}")
        if info.st_size > MAX_FILE_BYTES:
            raise FormatError(
                _("{path}:1:1: the file is too large; {too_large}").format(
                    path=path, too_large=too_large(MAX_FILE_BYTES)
                )
            )
        raw = read_regular(path, info.st_size)
    except OSError as exc:
        raise FormatError(
            _("{path}: cannot read the file: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None
    return decode_source(raw, str(path))


def decode_source(raw: bytes, name: str) -> str:
    """Bytes -> the text ``rewrite`` takes, a byte order mark kept as U+FEFF; else a ``FormatError``."""
    from .document.yaml import decode

    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        raise _error(name, problem)
    return "\ufeff" + text if raw.startswith(b"\xef\xbb\xbf") else text


_LINE = re.compile("[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> list[str]:
    """``text`` cut after each line break YAML knows ('\\n', '\\r\\n', '\\r'), each line with its break; never
    at U+2028 and the others ``str.splitlines`` cuts at, which stand in texts."""
    return _LINE.findall(text)


def unified_diff(path: Path | str, before: str, after: str) -> str:
    """What a rewrite changes, as a unified diff (``--diff``)."""
    import difflib

    name = path.as_posix() if isinstance(path, Path) else path
    lines = difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def read_only(path: Path) -> bool:
    """Whether the file says it is not to be written: no write permission for anyone in its mode (which the
    superuser, whom no access check stops, must respect too), or none for this user."""
    import os
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_back(path: Path, text: str, force: bool = False) -> None:
    """Rewrite one of the user's own agreement files in place, atomically, keeping its mode; a read-only file
    only with ``force`` (a ``FormatError`` without)."""
    from .fsutil import write_atomic

    if not force and read_only(path):
        raise FormatError(
            _("{path}: the file is read-only; not rewritten (use --force to rewrite it anyway)").format(path=path)
        )
    write_atomic(path, text.encode("utf-8"), force=True)
