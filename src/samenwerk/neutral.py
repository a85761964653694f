"""Untrusted text neutralised for where a report lands: a terminal, Markdown, XML, JSON, a URI.

Everything in a repository is untrusted: agreement text, YAML keys, file names, git revisions. A reporter
passes each such string through the function for its target, and nothing else: labels and numbers it makes
itself need none.

- ``terminal``: control characters (C0, DEL, C1: escape sequences, carriage return, backspace), the
  bidirectional controls that reorder what a reader sees (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
  U+061C), the line and paragraph separators and lone surrogates (bytes of a file name that were not UTF-8)
  are shown escaped, as ``\\x1b``, ``\\u202e``, ``\\xff``; a line break in a one-line field as ``\\n``.
  A backslash itself is left as it is: the escapes are for safety, not for decoding back.
- ``diagnostic``: a diagnostic with both, for its one-line form ``path:line:col: level: message [rule]``.
- ``quote_path``: a file name as it is when it is plain; quoted and C-escaped (``"a b\\nc.yaml"``) when it
  holds whitespace, a quote or anything ``terminal`` escapes, so a name can never pass for another line.
- ``markdown`` and ``md_code``: text for a pull-request comment (see ``markdown``).
- ``xml``: what XML 1.0 forbids (and what ``terminal`` escapes) shown escaped, so the document stays valid.
- ``json_safe``: JSON formats stay lossless; only lone surrogates, which UTF-8 cannot carry, are escaped.
- ``uri``: a file name as a relative URI reference, percent-encoded from its bytes (lossless).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional controls: embeddings, overrides, isolates and marks."""

_SEPARATORS = "\u2028\u2029"
_SURROGATES = "\ud800-\udfff"

_TERMINAL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{BIDI}{_SEPARATORS}{_SURROGATES}]")
_TERMINAL_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{_SEPARATORS}{_SURROGATES}]")
_XML = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{_SEPARATORS}{_SURROGATES}\ufffe\uffff]")
_LONE_SURROGATE = re.compile(f"[{_SURROGATES}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(c: str) -> str:
    """One character as an escape a reader sees: ``\\n``, ``\\x1b``, ``\\u202e``; ``\\xff`` for a raw byte."""
    if c in _NAMED:
        return _NAMED[c]
    o = ord(c)
    if o < 0x100:
        return f"\\x{o:02x}"
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8, kept by Python as a lone surrogate
        return f"\\x{o - 0xDC00:02x}"
    return f"\\u{o:04x}"


def _show(match: re.Match[str]) -> str:
    return _visible(match.group())


def terminal(text: str, *, lines: bool = False) -> str:
    """Text for a terminal (or any plain-text viewer): nothing in it can move the cursor, recolour, retitle,
    clear, or reorder what is shown. ``lines=True`` keeps line breaks (a multi-line text); otherwise a line
    break shows as ``\\n`` and the text stays on one line. Tabs are kept."""
    return (_TERMINAL_LINES if lines else _TERMINAL).sub(_show, text)


_PLAIN_PATH = re.compile(rf"[^\s\"{BIDI}\x00-\x1f\x7f-\x9f{_SURROGATES}]+\Z")
_PATH_ESCAPES = {"\\": "\\\\", '"': '\\"'}


def quote_path(name: str) -> str:
    """A file name (or ``REV:path``) shown unambiguously on one line.

    A plain name is shown as it is. A name with whitespace, a double quote, a control, bidi or a byte that
    was not UTF-8 is quoted as git quotes paths: in double quotes, with ``\\\\``, ``\\"``, ``\\n``, ``\\t``,
    ``\\x1b``, ``\\u202e``, ``\\xff`` escapes, so what is between the quotes reads back as the name.
    """
    if _PLAIN_PATH.match(name):
        return name
    body = "".join(
        _PATH_ESCAPES.get(c) or (_visible(c) if c.isspace() and c != " " or _TERMINAL.match(c) else c) for c in name
    )
    return f'"{body}"'


def diagnostic(d: Diagnostic) -> Diagnostic:
    """A diagnostic as a terminal may show it (``d.format()``): file name quoted, message escaped."""
    return replace(d, path=quote_path(d.path), message=terminal(d.message))


# --- Markdown ----------------------------------------------------------------------------------------

_MENTION_OR_REFERENCE = re.compile(r"(?<![A-Za-z0-9_])(?:@[A-Za-z0-9_][A-Za-z0-9_.\-/]*|[#!][0-9]+\b)")
_MARKDOWN = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    **{c: "\\" + c for c in "\\`*_[]|~"},
}
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_BLOCK_START = re.compile(r"(?:[-+=]|#{1,6}|[0-9]{1,9}[.)])(?=\s|$)")


def _markdown_text(text: str) -> str:
    out = []
    for c in text:
        if c in _MARKDOWN:
            out.append(_MARKDOWN[c])
        elif _TERMINAL.match(c):
            out.append(_visible(c))
        else:
            out.append(c)
    return "".join(out)


def markdown(text: str) -> str:
    """Text for one line of Markdown, a list item or a table cell, as GitHub and GitLab render comments.

    - Raw HTML cannot get through: ``&``, ``<`` and ``>`` become entities (``<script>`` shows as text).
    - Markdown-active characters (``\\ ` * _ [ ] | ~``) are backslash-escaped: no emphasis, link, image,
      code or strike-through can be made, and a ``|`` cannot split a table cell. A text starting with a
      list or heading marker (after ``- `` it would open a block) has the marker escaped too.
    - Line breaks are folded into a space; controls and bidi are shown escaped as ``terminal`` does.
    - ``@name`` mentions (``@user``, ``@org/team``, ``@everyone``) and ``#123`` / ``!123`` references are
      wrapped in inline code. Both GitHub (its mention filter skips text inside ``code``, ``pre`` and
      ``a``) and GitLab (its reference filters skip the same) then show the text without notifying anyone
      or linking another issue. The alternatives are weaker: an entity ``&#64;`` is decoded before the
      mention filter runs, a backslash before ``@`` is not an escape GitHub honours for mentions, and a
      zero-width joiner after ``@`` works but hides an invisible character in text people copy.
      An e-mail address (``a@b.org``) is no mention on either and is left as it is.
    """
    text = _LINE_BREAKS.sub(" ", text).strip()
    out: list[str] = []
    pos = 0
    for match in _MENTION_OR_REFERENCE.finditer(text):
        out.append(_markdown_text(text[pos : match.start()]))
        out.append(md_code(match.group(), cell=True))
        pos = match.end()
    out.append(_markdown_text(text[pos:]))
    result = "".join(out)
    block = _BLOCK_START.match(result)  # '- x', '# x', '1. x' would open a block inside a list item
    if block:
        result = result[: block.end() - 1] + "\\" + result[block.end() - 1 :]
    return result


def md_code(text: str, *, cell: bool = True) -> str:
    """Untrusted text as inline code (a file name, an id), for a line or a table cell of Markdown.

    Inside code nothing is interpreted (HTML, emphasis, mentions), so the text is shown as it is except:
    line breaks, controls and bidi are shown escaped (``terminal``); the fence is one backtick longer than
    the longest run of backticks in the text, padded with a space where the text starts or ends with one;
    with ``cell`` a ``|`` is written ``\\|``, which a GFM table cell shows as ``|`` (and needs even in code).
    Outside a table ``\\|`` would show its backslash: pass ``cell=False`` there.
    """
    body = terminal(text)
    if cell:
        body = body.replace("|", "\\|")
    if not body:
        return "` `"
    fence = "`" * (max((len(run) for run in re.findall("`+", body)), default=0) + 1)
    pad = " " if body[0] in "` " or body[-1] in "` " else ""
    return f"{fence}{pad}{body}{pad}{fence}"


# --- XML, JSON, URIs ---------------------------------------------------------------------------------


def xml(text: str) -> str:
    """Text for an XML 1.0 attribute or element: what XML forbids (C0 controls but tab, line feed and
    carriage return; U+FFFE, U+FFFF; lone surrogates) and what ``terminal`` escapes shown escaped, so a
    strict parser reads the report and a CI page shows what was there. The XML library escapes ``<&"``."""
    return _XML.sub(_show, text)


def json_safe(value: Any) -> Any:
    """A JSON document's data with lone surrogates (bytes of a file name that were not UTF-8) shown as
    ``\\xff``: UTF-8 cannot carry them and a strict parser refuses their ``\\udcff`` escapes. Nothing else
    changes: JSON escapes the rest, and JSON formats stay lossless."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub(_show, value) if _LONE_SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def uri(path: str) -> str:
    """A relative file name as a URI reference (SARIF's ``artifactLocation.uri``): every byte but the
    unreserved ones and ``/`` percent-encoded, from the name's bytes, so a name that was not UTF-8 survives
    and a ``:`` cannot turn into a scheme."""
    from urllib.parse import quote

    return quote(os.fsencode(path), safe="/")


_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def markdown_document(text: str) -> str:
    """Agreement text in a Markdown document (``render -f md``), which may end up in a pull-request comment:
    its own Markdown (bold, lists, headings written by the author) keeps working, but raw HTML and entities
    are shown as text, ``@mentions`` and ``#123`` references notify or link nobody (wrapped in code), and
    control and bidirectional characters are shown escaped. Line breaks are kept."""
    text = _ENTITY.sub("&amp;", terminal(text, lines=True)).replace("<", "&lt;")
    return _MENTION_OR_REFERENCE.sub(lambda m: f"`{m.group()}`", text)
