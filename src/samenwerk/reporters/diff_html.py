"""A redline: the rendered document (the text the signers read) with deletions and insertions marked.

Both versions are rendered to Markdown by the normal templates; paragraphs are aligned, and within a changed
paragraph the words are, so a moved end date shows as one struck and one inserted date. Everything is
escaped: text from YAML cannot inject markup.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from typing import Any, TextIO

from ..diff import FileDiff
from ..diff.describe import describe

STYLE = """
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
del { background: #fdd; color: #900; text-decoration: line-through; }
ins { background: #dfd; color: #060; text-decoration: none; }
.para { margin: .6rem 0; white-space: pre-wrap; }
.summary { border: 1px solid #ccc; padding: .5rem 1rem; background: #f8f8f8; }
.editorial { color: #555; }
"""


def _document(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    from ..model import Agreement
    from ..render import render_text

    try:
        return render_text(Agreement.model_validate(data), "md")
    except Exception:  # a side that does not validate: fall back on its text fields
        return "\n\n".join(str(v) for v in _strings(data))


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [str(data)] if data is not None else []


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _words(old: str, new: str) -> str:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def redline(old_text: str, new_text: str) -> str:
    a, b = _paragraphs(old_text), _paragraphs(new_text)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.extend(f'<div class="para">{html.escape(p)}</div>' for p in a[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            parts.extend(f'<div class="para">{_words(x, y)}</div>' for x, y in zip(a[i1:i2], b[j1:j2]))
        else:
            parts.extend(f'<div class="para"><del>{html.escape(p)}</del></div>' for p in a[i1:i2])
            parts.extend(f'<div class="para"><ins>{html.escape(p)}</ins></div>' for p in b[j1:j2])
    return "\n".join(parts)


def report(diffs: Sequence[FileDiff], out: TextIO) -> None:
    w = out.write
    w('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>Wijzigingen</title>\n')
    w(f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Wijzigingen</h1>\n")
    for fd in diffs:
        name = fd.new or fd.old or ""
        w(f"<section>\n<h2>{html.escape(name)}</h2>\n")
        if fd.changes:
            w('<ul class="summary">\n')
            for c in fd.changes:
                cls = "" if c.substantive else ' class="editorial"'
                w(f"<li{cls}>{html.escape(describe(c, fd.old_data, fd.new_data))}</li>\n")
            w("</ul>\n")
        w(redline(_document(fd.old_data), _document(fd.new_data)))
        w("\n</section>\n")
    w("</main>\n</body>\n</html>\n")
