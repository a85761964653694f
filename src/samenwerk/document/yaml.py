"""YAML text -> plain data, and on demand a map from data paths to line and column.

The hot path is libyaml through PyYAML's C parser (``CParser``) with a YAML 1.2 core-schema resolver:
``no``, ``on``, ``0777`` and ``1:20`` stay strings or decimal numbers, and dates stay strings so that the
model parses them. Positions are only computed when there is something to report: the file is composed
a second time (still in C) and the node tree is walked along the path of the finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's parser and composer, in C. PyYAML's wheels ship it; a build without it is refused at import
# rather than silently running ten times slower.
from yaml._yaml import CParser as _Parser
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from ..diagnostics import Finding, Loc

MAX_FILE_BYTES = 16 * 1024 * 1024
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


class _Constructor(SafeConstructor):
    """Safe construction that refuses duplicate keys instead of silently keeping the last one."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # only then is there a duplicate to look for
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else id(key_node)
                if key in seen:
                    first = seen[key].start_mark
                    raise ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key}' (first defined at line {first.line + 1}, column {first.column + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return mapping

    def construct_yaml_int(self, node: ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        if value.startswith("0o"):
            return int(value[2:], 8)
        return int(value, 0) if value.startswith("0x") else int(value)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]


class FastLoader(_Parser, _Constructor, Yaml12Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        Yaml12Resolver.__init__(self)


class _NodeLoader(_Parser, Yaml12Resolver):
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
        return None, Finding((), "the file is UTF-16; save it as UTF-8", rule="syntax", line=1, col=1)
    if b"\x00" in raw:
        line, col = _byte_line_col(raw, raw.index(b"\x00"))
        return None, Finding(
            (), "the file contains a NUL byte: it is binary, not YAML", rule="syntax", line=line, col=col
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line, col = _byte_line_col(raw, exc.start)
        return None, Finding(
            (),
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
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


def _too_deep(text: str) -> Finding | None:
    """Refuse nesting that would exhaust the parser's stack, before the parser sees it.

    Cheap bounds first (bracket count, indentation): only a file that could be deep is scanned.
    """
    openers = text.count("[") + text.count("{")
    if openers > MAX_DEPTH:
        depth = 0
        for offset, ch in enumerate(text):
            if ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = line_col(text, offset)
                    return Finding(
                        (), f"nesting deeper than {MAX_DEPTH} levels is refused", rule="syntax", line=line, col=col
                    )
            elif ch in "]}" and depth:
                depth -= 1
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" -?"))
        if indent > MAX_INDENT:
            return Finding(
                (), f"indentation deeper than {MAX_INDENT} columns is refused", rule="syntax", line=number, col=1
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
    loaded = _parse(text)
    alias = (
        _indicator(_ALIAS_CHAR, text) if loaded.error is None and _indicator(_ANCHOR_CHAR, text) is not None else None
    )
    if alias is not None:
        total = _expanded_size(loaded.data)
        if total is None or total > MAX_NODES:
            line, col = line_col(text, alias)
            message = (
                "an alias refers to a node that contains it (a recursive alias)"
                if total is None
                else f"aliases expand to more than {MAX_NODES:,} nodes (an alias bomb); write the data out"
            )
            return Loaded(text, error=Finding((), message, rule="syntax", line=line, col=col))
    return loaded


def _parse(text: str) -> Loaded:
    loader = FastLoader(text)
    try:
        # get_single_data() without throwing the nodes away: compose (C), then construct (Python).
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        if exc.context and "duplicate" not in problem:
            problem = f"{problem} ({exc.context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem = "a tab cannot indent YAML; indent with spaces"
        elif "expected a single document" in (exc.context or "") or "another document" in problem:
            problem = "a second YAML document starts here; a file holds one agreement"
        return Loaded(text, error=Finding((), problem, rule="syntax", line=line, col=col))
    except yaml.YAMLError as exc:
        return Loaded(text, error=Finding((), f"invalid YAML: {exc}", rule="syntax", line=1, col=1))
    finally:
        loader.dispose()
    return Loaded(text, data=data, node=node)


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

    def _walk(self, loc: Loc) -> tuple[Node | None, Node | None]:
        node = self.root
        key_node: Node | None = None
        for part in loc:
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == str(part):
                        node, key_node = v, k
                        break
                else:
                    return node, None  # the deepest node that exists
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node, key_node = node.value[part], None
            else:
                return node, key_node
        return node, key_node


def scalar_spans(root: Node | None) -> list[tuple[int, int]]:
    """Character spans (start, end) of every scalar in the node tree, sorted: text inside them is data, so a
    '#' there starts no comment."""
    spans: list[tuple[int, int]] = []
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias shares its node
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    spans.sort()
    return spans
