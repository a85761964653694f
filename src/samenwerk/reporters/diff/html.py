"""A redline: the rendered document (the text the signers read) with deletions and insertions marked.

Both versions are rendered to Markdown by the normal templates; paragraphs are aligned, and within a changed
paragraph the words are, so a moved end date shows as one struck and one inserted date. The page is the
Jinja template ``templates/redline.html.j2`` with autoescaping (on for every template, whatever its name):
text from YAML cannot inject markup. Controls and bidirectional overrides, which could make the struck and
inserted text read otherwise than it is, are shown escaped (``neutral.terminal``), line breaks kept.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ...diff import FileDiff
from ...diff.describe import WORDS_LIMIT, Describer, aligned
from ...neutral import quote_path, terminal
from . import Options


@dataclass(frozen=True)
class Piece:
    """A run of text in a redline paragraph: kept ('equal'), struck ('del') or inserted ('ins')."""

    kind: str
    text: str


def _document(agreement: Any, data: Any) -> str:
    """The text the signers read: the rendered Markdown of a side that validates, else its text fields."""
    if agreement is not None:
        from ...errors import SamenwerkError
        from ...render import render_text

        try:  # the document's text: Markdown's entities (&lt; for a '<' in the text) read back as characters
            return html.unescape(render_text(agreement, "md"))
        except (SamenwerkError, LookupError):  # a side whose references do not resolve: its text fields
            pass
    return "\n\n".join(_strings(data))


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [str(data)] if data is not None else []


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


_KINDS = {"=": "equal", "-": "del", "+": "ins"}


def _words(old: str, new: str) -> list[Piece]:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    if len(a) * len(b) > WORDS_LIMIT:  # too long to align word by word: the paragraph struck and inserted whole
        return [Piece("del", old), Piece("ins", new)]
    return [Piece(_KINDS[p.op], p.text) for p in aligned(a, b)]


def redline(old_text: str, new_text: str) -> list[list[Piece]]:
    """Paragraphs of pieces: unchanged paragraphs whole, changed ones word by word."""
    a, b = _paragraphs(old_text), _paragraphs(new_text)
    paragraphs: list[list[Piece]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            paragraphs.extend([Piece("equal", p)] for p in a[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            paragraphs.extend(_words(x, y) for x, y in zip(a[i1:i2], b[j1:j2]))
        else:
            paragraphs.extend([Piece("del", p)] for p in a[i1:i2])
            paragraphs.extend([Piece("ins", p)] for p in b[j1:j2])
    return paragraphs


def _change(words: Describer, change: Any) -> dict[str, Any]:
    """One line of the summary: the words, with changed words as pieces the template marks."""
    text = words.describe(change).escaped(terminal)
    return {
        "text": text.plain() if not text.words else f"{text.head}: ",
        "pieces": [Piece(_KINDS.get(p.op, "equal"), p.text) for p in text.words],
        "substantive": change.substantive,
    }


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from ...resources import folder

    env = Environment(loader=FileSystemLoader(str(folder("templates"))), autoescape=True, undefined=StrictUndefined)
    files = [
        {
            "name": quote_path(fd.new or fd.old or ""),
            "changes": [_change(Describer(fd.old_data, fd.new_data), c) for c in fd.changes],
            "paragraphs": [
                [Piece(p.kind, terminal(p.text, lines=True)) for p in paragraph]
                for paragraph in redline(
                    _document(fd.old_agreement, fd.old_data), _document(fd.new_agreement, fd.new_data)
                )
            ],
        }
        for fd in diffs
    ]
    out.write(env.get_template("redline.html.j2").render(files=files))
