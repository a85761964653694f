"""A redline in the document's own layout: both versions rendered as the signers read them, block by block.

Each side is rendered to HTML by ``render.render_text`` (the same templates as ``samenwerk render``), parsed,
and cut into blocks: paragraphs, list items, headings, table rows, and any other element that holds text of
its own. The blocks of the two versions are aligned in order (difflib, on their kind and words); then, in the
new version's document:

- a block of both versions that changed keeps its place and shows its words struck (``<del>``) and inserted
  (``<ins>``), aligned word by word (``diff.describe.aligned``), so a moved end date is one struck and one
  inserted date;
- a block only in the new version has its content inside ``<ins>`` (its formatting kept) and the class
  ``redline-ins``;
- a block only in the old version is put back where it stood, next to its former neighbours, with its
  content inside ``<del>`` and the class ``redline-del`` (a list item in a list, a table row in a table).

A side that does not validate cannot be rendered: its text fields stand in for it, one paragraph each.

The HTML comes from our own templates, which escape everything from the YAML; it is parsed (lxml, which
reaches no network and loads no resource) and written back escaped again. Controls and bidirectional
overrides in any text are shown escaped (``neutral.terminal``). Ids are prefixed per document, so that
several documents on one page keep them unique.
"""

from __future__ import annotations

import copy
import difflib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...diff.describe import WORDS_LIMIT, aligned
from ...neutral import terminal

INLINE = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr del ins".split()
)
"""Elements that are part of their block's text, not blocks of their own."""
SKIP = frozenset({"head", "script", "style", "template", "noscript"})
FLOW = frozenset("body main section article div header footer aside nav li td th dd blockquote details".split())
"""Elements that may hold a paragraph or a list: where a block of another kind is put back."""
WRAP = {"li": "ul", "dt": "dl", "dd": "dl", "tr": "table"}
"""The container a block needs when it is put back among blocks of another kind."""
REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "headers")
_OPS = {"=": "equal", "-": "del", "+": "ins"}


@dataclass
class Block:
    element: Any
    kind: str
    """The tag, with h1-h6 as one kind (a heading that moved a level is one changed heading)."""
    text: str
    """The block's own words, whitespace normalised: what is compared."""


@dataclass(frozen=True)
class Document:
    """One version's document, parsed: its blocks, and its stylesheet (the same for both versions)."""

    root: Any
    style: str


def parse(page: str) -> Document:
    import lxml.html

    root = lxml.html.document_fromstring(page)
    style = "\n".join(s.text or "" for s in root.iter("style"))
    for element in root.iter():
        if element.tag in ("style", "script"):
            continue
        if element.text:
            element.text = terminal(element.text, lines=True)
        if element.tail:
            element.tail = terminal(element.tail, lines=True)
    return Document(root, style)


def fallback(strings: list[str]) -> str:
    """A document for a side that does not validate: its text fields as paragraphs, escaped."""
    paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in strings if s.strip())
    return f'<!DOCTYPE html><html lang="nl"><head></head><body><main>{paragraphs}</main></body></html>'


def _tag(element: Any) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _leading(element: Any) -> list[Any]:
    """The inline children before the first child that is a block: with ``element.text``, its own content."""
    out = []
    for child in element:
        if _tag(child) not in INLINE and isinstance(child.tag, str):
            break
        out.append(child)
    return out


def _own_text(element: Any) -> str:
    if _tag(element) == "tr":
        return " | ".join(" ".join(cell.text_content().split()) for cell in _cells(element))
    parts = [element.text or ""]
    for child in _leading(element):
        if child.tag == "br":
            parts.append(" ")  # a line break separates words
        elif isinstance(child.tag, str):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _cells(row: Any) -> list[Any]:
    return [c for c in row if _tag(c) in ("td", "th")]


def blocks(root: Any) -> list[Block]:
    """The blocks of a document in reading order; elements hidden from readers (aria-hidden) left out."""
    body = root.find("body")
    found: list[Block] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = _tag(child)
            if not tag or tag in SKIP or tag in INLINE or child.get("aria-hidden") == "true":
                continue
            text = _own_text(child)
            if text:
                kind = "h" if re.fullmatch(r"h[1-6]", tag) else tag
                found.append(Block(child, kind, text))
            if tag != "tr":
                walk(child)

    walk(body if body is not None else root)
    return found


def _words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    if len(a) * len(b) > WORDS_LIMIT:  # too long to align word by word: struck and inserted whole
        return [("del", old), ("ins", new)]
    merged: list[tuple[str, str]] = []
    for piece in aligned(a, b):
        kind = _OPS.get(piece.op, "equal")
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + piece.text)
        else:
            merged.append((kind, piece.text))
    return merged


def _similar(a: Block, b: Block) -> bool:
    if a.kind != b.kind:
        return False
    return difflib.SequenceMatcher(a=a.text.split(), b=b.text.split(), autojunk=False).quick_ratio() >= 0.5


def align(old: list[Block], new: list[Block]) -> Iterator[tuple[Block | None, Block | None]]:
    """Pairs in reading order: (old, new) for a block of both versions, (old, None) deleted, (None, new) added."""
    keys_a = [(b.kind, b.text) for b in old]
    keys_b = [(b.kind, b.text) for b in new]
    matcher = difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        # A changed stretch: pair each old block with the next new one of its kind and much of its words.
        j = j1
        for a in old[i1:i2]:
            match = next((k for k in range(j, j2) if _similar(a, new[k])), None)
            if match is None:
                yield a, None
                continue
            for k in range(j, match):
                yield None, new[k]
            yield a, new[match]
            j = match + 1
        for k in range(j, j2):
            yield None, new[k]


def _clear_own(element: Any) -> None:
    """Remove the block's own content (text and leading inline children), keeping nested blocks."""
    for child in _leading(element):
        element.remove(child)
    element.text = None


def _mark(element: Any, kind: str) -> Any:
    """Move the block's own content into a ``<del>`` or ``<ins>``, formatting kept."""
    from lxml import etree

    wrapper = etree.Element(kind)
    wrapper.text = element.text
    lead = _leading(element)
    for child in lead:
        wrapper.append(child)  # moves it, with its tail
    element.text = None
    element.insert(0, wrapper)
    return wrapper


def _classed(element: Any, name: str) -> None:
    classes = (element.get("class") or "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


def _write_words(element: Any, pieces: list[tuple[str, str]]) -> None:
    from lxml import etree

    _clear_own(element)
    last: Any = None
    for kind, text in pieces:
        if kind == "equal":
            if last is None:
                element.text = (element.text or "") + text
            else:
                last.tail = (last.tail or "") + text
            continue
        mark = etree.Element(kind)
        mark.text = text
        element.insert(0 if last is None else element.index(last) + 1, mark)
        last = mark


def _changed(a: Block, b: Block) -> None:
    """A block of both versions that changed: its words struck and inserted, in the new version's place."""
    if b.kind == "tr":
        old_cells, new_cells = _cells(a.element), _cells(b.element)
        if len(old_cells) == len(new_cells):
            for oc, nc in zip(old_cells, new_cells, strict=True):
                old_text, new_text = " ".join(oc.text_content().split()), " ".join(nc.text_content().split())
                if old_text != new_text:
                    for child in list(nc):
                        nc.remove(child)
                    nc.text = None
                    _write_words(nc, _words(old_text, new_text))
            _classed(b.element, "redline-changed")
            return
    _write_words(b.element, _words(a.text, b.text))
    _classed(b.element, "redline-changed")


def _added(b: Block) -> None:
    if b.kind == "tr":
        for cell in _cells(b.element):
            _mark(cell, "ins")
    else:
        _mark(b.element, "ins")
    _classed(b.element, "redline-ins")


def _deleted_copy(a: Block) -> Any:
    """The old block's own content, struck, in an element of its kind without ids (they stay unique)."""
    from lxml import etree

    element = etree.Element(a.element.tag, {k: v for k, v in a.element.attrib.items() if k != "id"})
    element.text = a.element.text
    if a.kind == "tr":
        for cell in _cells(a.element):
            element.append(copy.deepcopy(cell))
    else:
        for child in _leading(a.element):
            element.append(copy.deepcopy(child))
    for inner in element.iter():
        inner.attrib.pop("id", None)
    if a.kind == "tr":
        for cell in _cells(element):
            _mark(cell, "del")
    else:
        _mark(element, "del")
    _classed(element, "redline-del")
    return element


def _flow_ancestor(element: Any) -> Any:
    """``element`` or its nearest ancestor whose parent may hold a paragraph."""
    while element.getparent() is not None and _tag(element.getparent()) not in FLOW:
        element = element.getparent()
    return element


def _put_back(copy_: Any, before: Block | None, after: Any) -> Any:
    """Put a deleted block next to where it stood: after the last block placed, else before the next one;
    among its own kind as a sibling, elsewhere inside a container of its kind. Returns what the next deleted
    block goes after."""
    from lxml import etree

    tag = _tag(copy_)
    if after is not None and _tag(after) == tag:
        after.addnext(copy_)
        return copy_
    if before is not None and _tag(before.element) == tag:
        before.element.addprevious(copy_)
        return copy_
    placed = copy_
    if tag in WRAP:
        placed = etree.Element(WRAP[tag], {"class": "redline-del"})
        if tag == "tr":
            etree.SubElement(placed, "tbody").append(copy_)
        else:
            placed.append(copy_)
    if after is not None:
        _flow_ancestor(after).addnext(placed)
    else:  # the caller places nothing before the new version's first block without one (redline)
        assert before is not None
        _flow_ancestor(before.element).addprevious(placed)
    return copy_  # the next deleted block of its kind goes beside it, inside the same container


def _struck(block: Block) -> None:
    """A block of a deleted file, struck where it stands."""
    for target in _cells(block.element) if block.kind == "tr" else [block.element]:
        _mark(target, "del")
    _classed(block.element, "redline-del")


def redline(old: Document | None, new: Document | None) -> Any:
    """The new version's document (or the old one's, for a deleted file) with the changes marked in it."""
    if new is None:
        if old is None:
            raise ValueError("a redline needs at least one version")
        for block in blocks(old.root):
            _struck(block)
        return old.root
    if old is None:
        for block in blocks(new.root):
            _added(block)
        return new.root
    new_blocks = blocks(new.root)
    if not new_blocks:  # nothing to place the old text beside: the old document, struck
        return redline(old, None)
    placing = _Placing()
    pending: list[Block] = []  # deleted blocks waiting for the next block of the new version
    for a, b in align(blocks(old.root), new_blocks):
        if b is None:
            assert a is not None
            pending.append(a)
            continue
        for d in pending:
            placing.deleted(d, b)
        pending = []
        if a is None:
            _added(b)
        elif a.text != b.text or a.kind != b.kind:
            _changed(a, b)
        placing.after, placing.after_old = b.element, None if a is None else a.element
    for d in pending:  # deleted at the end
        placing.deleted(d, None)
    return new.root


class _Placing:
    """Where the next deleted block goes: after ``after`` (the last block placed, whose old version is
    ``after_old``); a deleted block whose division (a signatory, a party) is gone too gets that division
    back, as a shell without ids, beside its former neighbour's."""

    def __init__(self) -> None:
        self.after: Any = None
        self.after_old: Any = None
        self.shells: list[tuple[Any, Any]] = []  # (old division, its shell in the new document)

    def deleted(self, d: Block, before: Block | None) -> None:
        from lxml import etree

        copy_ = _deleted_copy(d)
        division = d.element.getparent()
        shell = next((s for old, s in self.shells if old is division), None)
        if shell is None and self._own_division(division):
            neighbour = self.after.getparent()
            shell = etree.Element("div", {"class": division.get("class") or ""})
            neighbour.addnext(shell)
            self.shells.append((division, shell))
        if shell is not None:
            shell.append(copy_)
            self.after = copy_
        else:
            self.after = _put_back(copy_, before, self.after)
        self.after_old = d.element

    def _own_division(self, division: Any) -> bool:
        """The deleted block stood in another division of the same kind as the last block placed."""
        if self.after is None or self.after_old is None or _tag(division) != "div":
            return False
        neighbour = self.after.getparent()
        return (
            neighbour is not None
            and _tag(neighbour) == "div"
            and division is not self.after_old.getparent()
            and (neighbour.get("class") or "") == (division.get("class") or "")
            and bool(division.get("class"))
        )


def prefix_ids(root: Any, prefix: str) -> None:
    """Every id, and every reference to one, prefixed: several documents on one page keep ids unique."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", prefix + element.get("id"))
        for name in REFERENCES:
            if element.get(name):
                element.set(name, " ".join(prefix + token for token in element.get(name).split()))
        href = element.get("href")
        if href and href.startswith("#") and len(href) > 1:
            element.set("href", "#" + prefix + href[1:])


def body_html(root: Any) -> str:
    """The document's body as HTML for the redline page: its main landmark a plain division (the page has
    one main), elements hidden from readers (the draft watermark) left out."""
    import lxml.html

    body = root.find("body")
    if body is None:
        body = root
    for element in list(body.iter()):
        if isinstance(element.tag, str) and element.get("aria-hidden") == "true" and element.getparent() is not None:
            element.getparent().remove(element)
    for element in body.iter("main"):
        element.tag = "div"
        _classed(element, "document-main")
    parts = [html.escape(body.text or "", quote=False)]
    parts += [lxml.html.tostring(child, encoding="unicode", method="html") for child in body]
    return "".join(parts)
