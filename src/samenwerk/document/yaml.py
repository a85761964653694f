"""YAML text -> plain data, and on demand a map from data paths to line and column.

The hot path is libyaml through PyYAML's C parser (``CParser``) with a YAML 1.2 core-schema resolver:
``no``, ``on``, ``0777`` and ``1:20`` stay strings or decimal numbers, and dates stay strings so that the
model parses them. Positions are only computed when there is something to report: the file is composed
a second time (still in C) and the node tree is walked along the path of the finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml's parser and composer, in C. PyYAML's wheels ship it; a build without it is refused at import
# rather than silently running ten times slower.
from yaml._yaml import CParser as _Parser
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .. import i18n
from ..diagnostics import Finding, Loc
from ..fsutil import MAX_FILE_BYTES as MAX_FILE_BYTES  # defined where reading it needs no YAML parser
from ..i18n import N_, _

MAX_DEPTH = 200  # agreements nest about ten levels; libyaml's composer recurses in C and would crash far deeper
MAX_INDENT = 2000
MAX_NODES = 500_000  # after aliases are expanded: a "billion laughs" document is refused, not expanded


class Yaml12Resolver(BaseResolver):
    """The YAML 1.2 core schema: only true/false, null, and decimal, octal 0o and hex 0x numbers."""


Yaml12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Yaml12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
Yaml12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
Yaml12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


MAX_INT_DIGITS = 4300  # Python refuses to convert longer decimal numbers (int_max_str_digits)


class Worded(ConstructorError):
    """A problem found while building the data, already worded for people: shown as it is."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(None, None, problem, mark)


class _Constructor(SafeConstructor):
    """Safe construction that refuses duplicate keys instead of silently keeping the last one."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # only then is there a duplicate to look for
            seen: dict[Any, Node] = {}
            for key_node, _value in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else id(key_node)
                if key in seen:
                    first = seen[key].start_mark
                    raise Worded(
                        _(
                            "duplicate key '{key}' (first defined at line {line}, column {column}): keep one of the two"
                        ).format(key=key, line=first.line + 1, column=first.column + 1),
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return mapping

    def construct_yaml_int(self, node: ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        if value.startswith(("0o", "0x")):
            number = int(value[2:], 8) if value.startswith("0o") else int(value, 16)
            digits = number.bit_length() * 0.30103  # decimal digits, without converting to decimal
        else:
            digits = len(value.lstrip("+-"))
            number = int(value) if digits <= MAX_INT_DIGITS else 0
        if digits > MAX_INT_DIGITS:
            raise Worded(
                _(
                    "a number of more than {n} digits is refused: check the value, or put it in quotes if it is a text"
                ).format(n=i18n.number(MAX_INT_DIGITS)),
                node.start_mark,
            )
        return number


def _guarded(construct: Any) -> Any:
    """A scalar constructor whose failure on an explicit tag that does not fit (!!int abc, !!bool maybe,
    !!timestamp soon: ValueError, KeyError or AttributeError in PyYAML) is a finding at the value."""

    def guarded(self: _Constructor, node: ScalarNode) -> Any:
        try:
            return construct(self, node)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError):
            tag = _short_tag(node.tag)
            message = _("'{value}' is not a valid {tag} value: remove the tag '{tag}'").format(
                value=_excerpt(node), tag=tag
            )
            raise Worded(message, node.start_mark) from None

    return guarded


_Constructor.add_constructor("tag:yaml.org,2002:int", _guarded(_Constructor.construct_yaml_int))
for _kind in ("float", "bool", "timestamp"):
    _tag = f"tag:yaml.org,2002:{_kind}"
    _Constructor.add_constructor(_tag, _guarded(SafeConstructor.yaml_constructors[_tag]))


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _excerpt(node: Node) -> str:
    text = str(node.value) if isinstance(node, ScalarNode) else "…"
    return text if len(text) <= 40 else text[:40] + "…"


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_IMPLICIT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(resolvers) for first, resolvers in Yaml12Resolver.yaml_implicit_resolvers.items()
}
assert None not in _IMPLICIT and not Yaml12Resolver.yaml_path_resolvers  # what ``_resolve`` leaves out


_PLAIN_TAGS: dict[str, str] = {}
"""The tag of a short plain scalar already resolved: keys and values such as ``name`` or ``andere`` recur
thousands of times in a large file (bounded: see ``_resolve``)."""


def _resolve(self: BaseResolver, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
    """``BaseResolver.resolve`` for a resolver without path or wildcard resolvers (the C parser calls it for
    every node): the same tags, in fewer steps."""
    if kind is ScalarNode:
        if implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is not None:
                return tag
            tag = _STR
            for candidate, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    tag = candidate
                    break
            if len(value) <= 32 and len(_PLAIN_TAGS) < 4096:
                _PLAIN_TAGS[value] = tag
            return tag
        return _STR
    return _SEQ if kind is SequenceNode else _MAP


_SCALARS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null"))


class _Slow(Exception):
    """A node the plain construction does not take: the general constructor builds the document."""


def _plain(node: Node, scalar: Callable[[ScalarNode], Any]) -> Any:
    """The data of a node tree without anchors, tags other than the core schema's, or duplicate keys: what
    ``construct_document`` builds, built in one pass without its bookkeeping (most of the time of loading a
    large file). Anything else raises ``_Slow``."""
    tag = node.tag
    if type(node) is ScalarNode:
        if tag == _STR:
            return node.value
        if tag in _SCALARS:
            return scalar(node)
        raise _Slow
    if type(node) is MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _Slow
            key_tag = key_node.tag
            if key_tag == _STR:
                key = key_node.value
            elif key_tag in _SCALARS:
                key = scalar(key_node)
            else:
                raise _Slow
            mapping[key] = _plain(value_node, scalar)
        if len(mapping) != len(node.value):
            raise _Slow  # a duplicate key: the general constructor says where
        return mapping
    if type(node) is SequenceNode and tag == _SEQ:
        return [_plain(item, scalar) for item in node.value]
    raise _Slow


class FastLoader(_Parser, _Constructor, Yaml12Resolver):
    resolve = _resolve

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        Yaml12Resolver.__init__(self)

    def construct_plain(self, node: Node, anchors: bool) -> Any:
        """``construct_document(node)``: in one pass when the text has no anchors (so no node is shared)."""
        if not anchors and node.tag in (_MAP, _SEQ, _STR):
            constructors = self.yaml_constructors

            def scalar(n: ScalarNode) -> Any:
                return constructors[n.tag](self, n)

            try:
                return _plain(node, scalar)
            except (_Slow, RecursionError):
                pass
            except ConstructorError:
                pass  # said again, in the same words, by the general constructor
        return self.construct_document(node)


class _NodeLoader(_Parser, Yaml12Resolver):
    resolve = _resolve

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Yaml12Resolver.__init__(self)


@dataclass(frozen=True, slots=True)
class Loaded:
    """A file read and parsed: either ``data`` or an ``error`` finding that says where parsing stopped.

    ``node`` is the composed node tree the data was built from: kept so that positions cost no second parse.
    """

    text: str
    data: Any = None
    error: Finding | None = None
    node: Node | None = None


def decode(raw: bytes) -> tuple[str | None, Finding | None]:
    """Bytes -> text. UTF-8 (a BOM is dropped); anything else is a finding at its line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Finding((), _("the file is UTF-16; save it as UTF-8"), rule="syntax", line=1, col=1)
    if b"\x00" in raw:
        line, col = _byte_line_col(raw, raw.index(b"\x00"))
        return None, Finding(
            (), _("the file contains a NUL byte: it is binary, not YAML"), rule="syntax", line=line, col=col
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line, col = _byte_line_col(raw, exc.start)
        return None, Finding(
            (),
            _("invalid UTF-8 (byte 0x{byte}); save the file as UTF-8").format(byte=f"{raw[exc.start]:02x}"),
            rule="syntax",
            line=line,
            col=col,
        )


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of a character offset: the one place this is worked out."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _byte_line_col(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset in bytes that may not decode (columns count characters)."""
    prefix = raw[:offset].decode("utf-8", errors="replace")
    return line_col(prefix, len(prefix))


# Anchors and aliases are looked for from their indicator character: a pattern that starts with a literal
# is scanned for in C; the character before it is checked only for the few hits.
_ANCHOR_CHAR = re.compile(r"&(?=[^\s\[\]{},])")
_ALIAS_CHAR = re.compile(r"\*(?=[^\s\[\]{},*])")
_NODE_START = frozenset(" \t\n\r[{,:-?")


def _indicator(pattern: re.Pattern[str], text: str) -> int | None:
    """Offset of the first anchor or alias indicator that starts a node, or None."""
    for m in pattern.finditer(text):
        start = m.start()
        if start == 0 or text[start - 1] in _NODE_START:
            return start
    return None


_BRACKETS = re.compile(r"[\[\]{}]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEEP_INDENT = re.compile(f"[ ?-]{{{MAX_INDENT + 1}}}")


def _too_deep(text: str) -> Finding | None:
    """Refuse nesting that would exhaust the parser's stack, before the parser sees it.

    Cheap bounds first (bracket count, indentation): only a file that could be deep is scanned.
    """
    openers = text.count("[") + text.count("{")
    if openers > MAX_DEPTH:
        depth = 0
        for n, ch in enumerate(_NOT_BRACKET.sub("", text)):  # the brackets alone, in order
            if ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    offset = next(m.start() for i, m in enumerate(_BRACKETS.finditer(text)) if i == n)
                    line, col = line_col(text, offset)
                    return Finding(
                        (),
                        _("nesting deeper than {n} levels is refused").format(n=MAX_DEPTH),
                        rule="syntax",
                        line=line,
                        col=col,
                    )
            elif depth:
                depth -= 1
    if _DEEP_INDENT.search(text) is None:
        return None  # no line can be indented that deep (the loop below would find nothing)
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" -?"))
        if indent > MAX_INDENT:
            return Finding(
                (),
                _("indentation deeper than {n} columns is refused").format(n=MAX_INDENT),
                rule="syntax",
                line=number,
                col=1,
            )
    return None


def _expanded_size(data: Any) -> int | None:
    """Number of nodes once aliases are expanded; None for a recursive alias (a node that contains itself)."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Any) -> int | None:
        if not isinstance(node, (dict, list)):
            return 1
        key = id(node)
        if key in memo:
            return memo[key]
        if key in active:
            return None
        active.add(key)
        total = 1
        for child in node.values() if isinstance(node, dict) else node:
            n = size(child)
            if n is None:
                return None
            total += n
            if total > MAX_NODES:
                break
        active.discard(key)
        memo[key] = total
        return total

    return size(data)


def parse(text: str) -> Loaded:
    """Parse YAML text into plain data (C-backed). Errors become a finding with the mark of the problem."""
    deep = _too_deep(text)
    if deep is not None:
        return Loaded(text, error=deep)
    anchor = _indicator(_ANCHOR_CHAR, text)
    loaded = _parse(text, anchor is not None)
    alias = _indicator(_ALIAS_CHAR, text) if loaded.error is None and anchor is not None else None
    if alias is not None:
        total = _expanded_size(loaded.data)
        if total is None or total > MAX_NODES:
            line, col = line_col(text, alias)
            message = (
                _("an alias refers to a node that contains it (a recursive alias)")
                if total is None
                else _("aliases expand to more than {n} nodes (an alias bomb); write the data out").format(
                    n=i18n.number(MAX_NODES)
                )
            )
            return Loaded(text, error=Finding((), message, rule="syntax", line=line, col=col))
    return loaded


def _parse(text: str, anchors: bool = True) -> Loaded:
    loader = FastLoader(text)
    try:
        # get_single_data() without throwing the nodes away: compose (C), then construct (Python).
        node = loader.get_single_node()
        data = loader.construct_plain(node, anchors) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        message, offset = explain(exc, text)
        line, col = line_col(text, offset)
        return Loaded(text, error=Finding((), message, rule="syntax", line=line, col=col))
    except yaml.reader.ReaderError as exc:
        # libyaml reports a character it refuses (a control character) at its offset in UTF-8 bytes.
        line, col = _byte_line_col(text.encode("utf-8", "surrogatepass"), exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        message = _("the character {char} is not allowed in YAML: remove it").format(char=f"U+{char:04X}")
        return Loaded(text, error=Finding((), message, rule="syntax", line=line, col=col))
    except yaml.YAMLError:
        return Loaded(text, error=Finding((), _("this is not valid YAML"), rule="syntax", line=1, col=1))
    finally:
        loader.dispose()
    return Loaded(text, data=data, node=node)


# --- syntax errors in samenwerk's words ---------------------------------------------------------------
#
# libyaml names a problem in its own terms ("while parsing a block mapping: did not find expected key") and
# often at the token after the mistake. ``explain`` says what is wrong in words a policy officer knows, at the
# place to fix: the key that lacks its ':', the quote that is never closed, the '[' that is never closed.

TAB = N_("a tab cannot indent YAML; indent with spaces")
_KEY_AT = re.compile(r"[^\s#'\"\[\]{},&*!|>%@`-][^:#]*?:(?:\s|$)")  # a line that starts with 'key:'
_GLUED_KEY = re.compile(r"[\w.-]+:(?=[^\s:/])")  # 'key:value' without the space
_OPENERS = {"FlowSequenceStartToken": ("[", "]", N_("list")), "FlowMappingStartToken": ("{", "}", N_("mapping"))}


@dataclass(slots=True)
class _Scan:
    """What the tokens before a problem say: the last scalar, and the brackets still open."""

    scalar: Any = None
    open: list[Any] = field(default_factory=list)


def _scan_until(text: str, offset: int) -> _Scan:
    """Scan tokens (in C) up to ``offset``; only run for a file that failed to parse."""
    scan = _Scan()
    scanner = _Parser(text)
    try:
        while (token := scanner.get_token()) is not None and token.start_mark.index < offset:
            kind = type(token).__name__
            if kind in _OPENERS:
                scan.open.append(token)
            elif kind in ("FlowSequenceEndToken", "FlowMappingEndToken") and scan.open:
                scan.open.pop()
            elif kind == "ScalarToken":
                scan.scalar = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    return scan


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _key_column(line: str) -> int:
    """0-based column where the content of a line starts, after any '- ' list markers."""
    col = len(line) - len(line.lstrip(" "))
    while line.startswith("- ", col) or line[col:].rstrip() == "-":
        col += 1
        col += len(line[col:]) - len(line[col:].lstrip(" "))
    return col


def _previous_content_line(text: str, offset: int) -> str | None:
    """The nearest line above the one holding ``offset`` that is neither blank nor only a comment."""
    end = text.rfind("\n", 0, offset)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not line.lstrip().startswith("#"):
            return line
        end = start - 1
    return None


def _only_blank_after(text: str, offset: int) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text[offset:].split("\n"))


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int]:
    """libyaml's problem -> (a message in samenwerk's words, the character offset to report it at)."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    at = min(mark.index, len(text)) if mark is not None else 0
    opened = exc.context_mark.index if exc.context_mark is not None else at
    char = text[at] if at < len(text) else ""
    if isinstance(exc, Worded):
        return problem, at
    if char == "\t" or "tab character" in problem:
        start, end = _line_bounds(text, at)
        tab = text.find("\t", start, end)
        return _(TAB), at if tab < 0 else tab
    if "another document" in problem or "single document" in context:
        return _("a second YAML document starts here; a file holds one agreement"), at
    if "document start" in problem:
        return _("this line is outside the document (after its end): remove it, or check the line above"), at
    if "could not find expected ':'" in problem:
        return _missing_colon(text, opened)
    if "mapping values are not allowed" in problem:
        return _colon_in_value(text, at)
    if "block sequence entries are not allowed" in problem:
        return _("a list cannot start on the line of its key: put each '- ' item on a line of its own, indented"), at
    if "mapping keys are not allowed" in problem:
        return _("'?' starts a complex key, which samenwerk does not read: put the text in quotes"), at
    if "unhashable key" in problem:
        return _("a key must be a plain text, not a list or a mapping"), at
    if "did not find expected key" in problem or "expected '-' indicator" in problem:
        column = exc.context_mark.column if exc.context_mark is not None else -1
        return _misplaced(text, at, column if "block collection" in context else None)
    if "while parsing a flow" in context or "expected ',' or" in problem:
        return _flow(text, at, char)
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        escape = text[at : at + 2]
        return _(
            "'{escape}' is not an escape in a \"...\" text: write '\\\\' for a backslash, or quote with '...'"
        ).format(escape=escape), at
    if "quoted scalar" in context:
        quote = _shown(text[opened] if opened < len(text) else '"')
        return _("an unclosed quote: nothing closes this {quote}; end the text with {quote}").format(
            quote=quote
        ), opened
    if "block scalar" in context:
        return _(
            "after '|' or '>' only '-', '+', a digit 1-9 or a comment may follow: put the text below, indented"
        ), at
    if "undefined alias" in problem:
        name = re.match(r"\*([^\s,\[\]{}]*)", text[at:])
        alias = name.group(1) if name else ""
        return _("'*{alias}' refers to an anchor '&{alias}' that does not exist: put the text in quotes").format(
            alias=alias
        ), at
    if "anchor" in context or "alias" in context:
        sign = text[opened] if opened < len(text) else "&"
        return _("'{sign}' must be followed by a name: to write '{sign}' itself, put the text in quotes").format(
            sign=sign
        ), opened
    if "tag" in context or "tag handle" in problem:
        return _("'!' starts a YAML tag: to write '!' itself, put the text in quotes"), opened
    if "directive" in context or "directive" in problem or "incompatible YAML" in problem:
        return _("a line starting with '%' is a YAML directive, which samenwerk does not read: remove it"), at
    if "constructor for the tag" in problem:
        tag = problem.split("tag ", 1)[1].strip("'")
        return _("the tag '{tag}' is not supported: remove it (samenwerk reads plain YAML)").format(
            tag=_short_tag(tag)
        ), at
    if "cannot start any token" in problem or "unexpected ':'" in problem:
        shown = char if char.isprintable() else f"U+{ord(char):04X}" if char else _("this")
        return _("'{char}' cannot start a text here: put the text in quotes").format(char=shown), at
    if "node content" in problem:
        if char in "]},":
            return _("'{char}' closes or separates nothing here: remove it, or put the text in quotes").format(
                char=char
            ), at
        return _("a value is expected here"), at
    if context.startswith("while constructing"):
        return _("an explicit tag ('!!...') that does not fit this value: remove the tag"), opened
    return _("this is not valid YAML: check this line and the one above"), at


def _shown(quote: str) -> str:
    return f"'{quote}'" if quote == '"' else f'"{quote}"'


def _missing_colon(text: str, key: int) -> tuple[str, int]:
    """libyaml marks the line after the key; the key starts at ``key`` (the context mark)."""
    line = text[key : _line_bounds(text, key)[1]]
    if line.startswith("-") and line[1:2] not in ("", " "):
        return _("'-' starts a list item only with a space after it: write '- {text}'").format(
            text=line[1:].strip()[:30]
        ), key
    glued = _GLUED_KEY.match(line)
    if glued:
        return "a space is missing after the ':': write 'key: value'", key + glued.end() - 1
    shown = line.split("#")[0].strip()
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    return _("a ':' is missing after the key '{key}'").format(key=shown), key


def _colon_in_value(text: str, colon: int) -> tuple[str, int]:
    """': ' where no mapping may start: inside a plain text, after a key glued to its value, or in a key that is
    indented under a key that already has a value."""
    scalar = _scan_until(text, colon).scalar
    if scalar is None or scalar.style not in (None, "") or scalar.end_mark.index < _line_bounds(text, colon)[0]:
        return _(
            "a ': ' here would start a mapping where none can start: check the indentation, or quote the text"
        ), colon
    start = scalar.start_mark.index
    if _line_bounds(text, start)[0] == _line_bounds(text, colon)[0]:
        return _("a ': ' inside a plain text would start a mapping: put the text in quotes"), colon
    glued = _GLUED_KEY.match(text, start)
    if glued and glued.end() <= _line_bounds(text, start)[1]:
        return "a space is missing after the ':': write 'key: value'", glued.end() - 1
    line_start, line_end = _line_bounds(text, colon)
    line = text[line_start:line_end]
    key = line_start + len(line) - len(line.lstrip())
    return _(
        "this key is indented more than the key above it, which already has a value: align it with its siblings"
    ), key


def _misplaced(text: str, at: int, list_column: int | None) -> tuple[str, int]:
    """A token where a block mapping expects its next key (or a block list its next '- ')."""
    char = text[at] if at < len(text) else ""
    line_start, line_end = _line_bounds(text, at)
    if char == "-" and text[at + 1 : at + 2] in ("", " ", "\n", "\r"):
        return _("a list item stands where a key is expected: align its '-' with the other items of its list"), at
    before = text[line_start:at].rstrip()
    if before.endswith(("'", '"')):
        scalar = _scan_until(text, at).scalar
        if scalar is not None and scalar.style in ("'", '"'):
            quote, opened, closed = _shown(scalar.style), scalar.start_mark, scalar.end_mark
            if opened.line < closed.line:
                return (
                    _("an unclosed quote: this {quote} is only closed at line {line}; close it on its line").format(
                        quote=quote, line=closed.line + 1
                    ),
                    opened.index,
                )
            inside = "''" if scalar.style == "'" else '\\"'
            return (
                _(
                    "the text goes on after its closing {quote}: put all of it inside the quotes "
                    "(write {inside} for a {quote} inside)"
                ).format(quote=quote, inside=inside),
                closed.index - 1,
            )
    if before.endswith(("]", "}")):
        return _("text after the closing '{char}': remove it, or put it inside the brackets").format(
            char=before[-1]
        ), at
    if char == ":":
        return _("a ':' without a key before it: write the key before the ':'"), at
    if list_column is not None and at - line_start == list_column:
        return (
            _(
                "a key at the indentation of the list's '- ' items: indent it like the keys of the item above, "
                "or less to end the list"
            ),
            at,
        )
    if _KEY_AT.match(text, at, line_end):
        above = _previous_content_line(text, at)
        if above is not None and _key_column(above) != at - line_start:
            more = (
                _("a key is indented less than the key above it (column {column}): align it with its siblings")
                if _key_column(above) > at - line_start
                else _("a key is indented more than the key above it (column {column}): align it with its siblings")
            )
            return more.format(column=_key_column(above) + 1), at
        return _("a key is not aligned with the keys of its mapping: align it with its siblings"), at
    return (
        _("this line is neither a key ('key: value') nor indented as part of the value above: check its indentation"),
        at,
    )


def _flow(text: str, at: int, char: str) -> tuple[str, int]:
    """A problem inside [...] or {...}: mostly a bracket that is never closed, or a missing ','."""
    scan = _scan_until(text, at)
    opener = scan.open[-1] if scan.open else None
    if opener is None:
        return _("a value is expected here"), at
    sign, closing, kind = _OPENERS[type(opener).__name__]
    line_start = _line_bounds(text, at)[0]
    opener_start, opener_end = _line_bounds(text, opener.start_mark.index)
    opener_line = text[opener_start:opener_end]
    first_on_line = not text[line_start:at].strip()
    outdented = at - line_start <= len(opener_line) - len(opener_line.lstrip(" "))
    if _only_blank_after(text, at) or (first_on_line and line_start > opener_start and outdented):
        return _("this '{sign}' is never closed: end the {kind} with '{closing}'").format(
            sign=sign, kind=_(kind), closing=closing
        ), opener.start_mark.index
    if char in "]}" and char != closing:
        return _(
            "'{char}' cannot close the '{sign}' at line {line}, column {column}: close that one with '{closing}' first"
        ).format(
            char=char, sign=sign, line=opener.start_mark.line + 1, column=opener.start_mark.column + 1, closing=closing
        ), at
    if char == ":":
        return _("a ': ' inside a text in brackets would start a mapping: put the text in quotes"), at
    if char == ",":
        return _("an empty entry: remove the extra ','"), at
    return _("a ',' is missing before this entry (or a '{closing}' to end the {kind})").format(
        closing=closing, kind=_(kind)
    ), at


def compose(text: str) -> Node | None:
    """The node tree of a file that parsed, for positions."""
    loader = _NodeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class Positions:
    """Resolves a data path to the line and column (1-based) of a key or value in the source."""

    def __init__(self, text: str, root: Node | None = None) -> None:
        self._text = text
        self._root = root
        self._composed = root is not None
        self._index: dict[int, dict[str, tuple[Node, Node]]] = {}

    @property
    def root(self) -> Node | None:
        if not self._composed:
            self._composed = True
            self._root = compose(self._text)
        return self._root

    def locate(self, finding: Finding) -> tuple[int, int]:
        if finding.line is not None:
            return finding.line, finding.col or 1
        loc = finding.loc[:-1] if finding.at_parent else finding.loc
        node, key_node = self._walk(loc)
        target = key_node if (finding.at_key and key_node is not None) else node
        if target is None:
            return 1, 1
        return target.start_mark.line + 1, target.start_mark.column + 1

    def _keys(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """A mapping's keys, indexed once: finding many places in a large mapping stays linear."""
        index = self._index.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, ScalarNode):
                    index.setdefault(k.value, (k, v))  # the first of duplicate keys, as the scan found it
            self._index[id(node)] = index
        return index

    def _walk(self, loc: Loc) -> tuple[Node | None, Node | None]:
        node = self.root
        key_node: Node | None = None
        for part in loc:
            if isinstance(node, MappingNode):
                found = self._keys(node).get(str(part))
                if found is None:
                    return node, None  # the deepest node that exists
                key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node, key_node = node.value[part], None
            else:
                return node, key_node
        return node, key_node


def in_scalars(root: Node | None, offsets: list[int]) -> set[int]:
    """Which of ``offsets`` (character offsets) lie inside a scalar of the node tree: text there is data, so a
    '#' there starts no comment. A node's span encloses its children's, so only the branches whose span holds
    one of the offsets are walked: a few directives in a large file cost a path, not the whole tree."""
    inside: set[int] = set()
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias shares its node
            continue
        seen.add(id(node))
        start, end = node.start_mark.index, node.end_mark.index
        here = [o for o in offsets if start <= o < end]
        if not here:
            continue
        if isinstance(node, ScalarNode):
            inside.update(here)
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return inside
