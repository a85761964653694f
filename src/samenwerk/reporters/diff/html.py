"""A redline as one self-contained HTML page: per file, the changes in words (substantive first, then
editorial), and below them the document as the signers read it, with deletions and insertions marked in its
own layout (``redline``).

The page is the Jinja template ``templates/redline.html.j2`` with autoescaping: text from YAML cannot inject
markup. The documents come from our own templates, parsed and written back escaped (``redline``); the
stylesheet is the agreement's own (``templates/style.css``, as rendered), so the redline looks like the
document. Controls and bidirectional overrides, which could make the struck and inserted text read otherwise
than it is, are shown escaped (``neutral.terminal``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from markupsafe import Markup

from ...diff import FileDiff
from ...diff.describe import Describer
from ...neutral import quote_path, terminal
from . import Options
from .redline import Document, body_html, fallback, parse, prefix_ids, redline

_KINDS = {"=": "equal", "-": "del", "+": "ins"}
STATUS = {"added": "nieuw", "deleted": "verwijderd", "modified": "gewijzigd", "renamed": "hernoemd"}


def _document(agreement: Any, data: Any) -> Document | None:
    """A side as the signers read it: its rendered HTML where it validates, else its text fields."""
    if agreement is None and data is None:
        return None
    if agreement is not None:
        from ...errors import SamenwerkError
        from ...render import render_text

        try:
            return parse(render_text(agreement, "html"))
        except (SamenwerkError, LookupError):  # a side whose references do not resolve: its text fields
            pass
    return parse(fallback(_strings(data)))


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [str(data)] if data is not None else []


def _change(words: Describer, change: Any) -> dict[str, Any]:
    """One line of the summary: the words, with changed words as pieces the template marks."""
    text = words.describe(change).escaped(terminal)
    return {
        "text": text.plain() if not text.words else f"{text.head}: ",
        "pieces": [{"kind": _KINDS.get(p.op, "equal"), "text": p.text} for p in text.words],
        "substantive": change.substantive,
    }


def _file(number: int, fd: FileDiff) -> tuple[dict[str, Any], str]:
    old = _document(fd.old_agreement, fd.old_data)
    new = _document(fd.new_agreement, fd.new_data)
    words = Describer(fd.old_data, fd.new_data)
    changes = [_change(words, c) for c in fd.changes]
    document = ""
    style = ""
    if old is not None or new is not None:
        root = redline(old, new)
        prefix_ids(root, f"d{number}-")
        document = body_html(root)
        style = (new or old).style if new or old else ""  # type: ignore[union-attr]
    name = (
        f"{quote_path(fd.old or '')} → {quote_path(fd.new or '')}"
        if fd.status == "renamed"
        else quote_path(fd.new or fd.old or "")
    )
    return (
        {
            "id": f"bestand-{number}",
            "name": name,
            "status": STATUS.get(fd.status, fd.status),
            "substantive": [c for c in changes if c["substantive"]],
            "editorial": [c for c in changes if not c["substantive"]],
            "errors": [f"{terminal(e.location)}: {terminal(e.message)}" for e in fd.errors],
            # Our templates' output, parsed and serialised again by lxml, which escapes every text.
            "document": Markup(document),  # noqa: S704
        },
        style,
    )


def report(diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from ...resources import folder

    env = Environment(loader=FileSystemLoader(str(folder("templates"))), autoescape=True, undefined=StrictUndefined)
    files, styles = [], []
    for number, fd in enumerate(diffs, start=1):
        entry, style = _file(number, fd)
        files.append(entry)
        styles.append(style)
    # The stylesheet is our templates' CSS; it stays inside its <style> element whatever it holds.
    style = next((s for s in styles if s), "").replace("</", "<\\/")
    out.write(env.get_template("redline.html.j2").render(files=files, document_style=Markup(style)))  # noqa: S704
