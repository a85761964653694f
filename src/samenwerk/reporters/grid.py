"""Tables for long terminal reports: the look of a Rich table, without Rich's cell-by-cell rendering.

Rich lays a table out through a chain of renderables per cell (measure, wrap, segment, style); for the 6,000
rows of ``expiring`` on 3,000 agreements that took about 5 s, more than loading the agreements. A report of
thousands of plain rows needs much less: the width of each column from its longest line, columns narrowed
widest-first until the table fits (what Rich's own layout does for wrapping columns), words wrapped and long
words folded, and the same box characters (Rich's ``HEAVY_HEAD``). Widths are terminal cells, measured by
``rich.cells`` (wide and combining characters, grapheme clusters), the one module of Rich this imports.

Cell text must already be neutral for a terminal (``neutral.terminal``): it is written as it is, with styles
only as ANSI codes around it when ``color`` is on, and nothing in it is read as markup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TextIO

Line = tuple[str, str]
"""One line of a cell: its text and a style (``"bold red"``, ``"dim"``, ``""`` for none)."""

Cell = str | Sequence[Line]
"""A cell: a plain string (its lines unstyled) or styled lines."""

_SGR = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
}


def terminal_width(out: TextIO, least: int) -> int:
    """The width to lay a table out in: the terminal's (or ``COLUMNS``), never less than ``least``.

    Output to a file or a pipe has no width of its own: it gets ``least``, so a report in CI is laid out the
    same on every machine.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(least, int(columns))
    try:
        if out.isatty():
            return max(least, os.get_terminal_size(out.fileno()).columns)
    except (AttributeError, OSError, ValueError):
        pass
    return least


def styled(text: str, style: str, color: bool) -> str:
    """``text`` in ANSI codes for ``style`` when ``color`` is on; as it is otherwise."""
    if not color or not style or not text:
        return text
    codes = ";".join(_SGR[word] for word in style.split() if word in _SGR)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def _cells(text: str) -> int:
    if text.isascii():  # one cell per character: no need of rich.cells, most cells of a table
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _fold(word: str, width: int) -> list[str]:
    if word.isascii():
        return [word[i : i + width] for i in range(0, len(word), width)]
    from rich.cells import chop_cells

    return chop_cells(word, width)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: broken between words, a word too long folded."""
    if _cells(text) <= width:
        return [text]
    lines: list[str] = []
    line, size = "", 0
    for word in text.split(" "):
        n = _cells(word)
        if line and size + 1 + n <= width:
            line, size = f"{line} {word}", size + 1 + n
            continue
        if line or lines:
            lines.append(line)
        if n <= width:
            line, size = word, n
        else:
            *whole, line = _fold(word, width)
            lines.extend(whole)
            size = _cells(line)
    lines.append(line)
    return lines


def _lines(cell: Cell) -> list[Line]:
    if isinstance(cell, str):
        return [(part, "") for part in cell.split("\n")]
    return [(part, style) for text, style in cell for part in text.split("\n")]


def widths(natural: Sequence[int], room: int) -> list[int]:
    """Column widths that fit ``room`` cells: the widest columns narrowed to the next widest, and so on.

    No column is made narrower than it must be, nor narrower than two cells (the widest character's width),
    even when the table then needs more than ``room``.
    """
    sizes = list(natural)
    while sum(sizes) > room:
        widest = max(sizes)
        if widest <= 2:
            break
        excess = sum(sizes) - room
        at_widest = [i for i, s in enumerate(sizes) if s == widest]
        below = max((s for s in sizes if s < widest), default=0)
        target = max(below, widest - -(-excess // len(at_widest)), 2)
        for i in at_widest:
            sizes[i] = target
    return sizes


def write(
    out: TextIO,
    title: str,
    headings: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    width: int,
    color: bool,
    right: Sequence[int] = (),
) -> None:
    """Write a table: ``title`` above it, then ``headings`` and ``rows``, in at most ``width`` cells.

    ``right`` lists the columns aligned to the right (numbers).
    """
    table = [[_lines(cell) for cell in row] for row in rows]
    count = len(headings)
    natural = [_cells(h) for h in headings]
    for row in table:
        for c, lines in enumerate(row):
            for text, _style in lines:
                n = _cells(text)
                if n > natural[c]:
                    natural[c] = n
    sizes = widths(natural, max(count, width - 3 * count - 1))
    write_line = out.write

    def rule(left: str, fill: str, middle: str, end: str) -> None:
        write_line(left + middle.join(fill * (s + 2) for s in sizes) + end + "\n")

    def body(cells: Sequence[list[Line]], bar: str) -> None:
        wrapped = [
            [(part, style) for text, style in lines for part in wrap(text, sizes[c])] for c, lines in enumerate(cells)
        ]
        for i in range(max(len(w) for w in wrapped)):
            parts = []
            for c, lines in enumerate(wrapped):
                text, style = lines[i] if i < len(lines) else ("", "")
                pad = " " * (sizes[c] - _cells(text))
                shown = styled(text, style, color)
                parts.append(pad + shown if c in right else shown + pad)
            write_line(f"{bar} " + f" {bar} ".join(parts) + f" {bar}\n")

    if title:
        for line in wrap(title, max(sum(sizes) + 3 * count + 1, 1)):
            write_line(styled(line, "italic", color) + "\n")
    rule("┏", "━", "┳", "┓")
    body([[(h, "bold")] for h in headings], "┃")
    if not table:
        rule("┗", "━", "┻", "┛")
        return
    rule("┡", "━", "╇", "┩")
    for row in table:
        body(row, "│")
    rule("└", "─", "┴", "┘")
