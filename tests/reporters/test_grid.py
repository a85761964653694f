"""reporters.grid: tables laid out in terminal cells, as Rich lays out the same table."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from samenwerk.reporters import grid

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def table(rows, headings=("a", "b", "c"), width=40, color=False, right=()) -> list[str]:
    out = io.StringIO()
    grid.write(out, "Title", headings, rows, width=width, color=color, right=right)
    return out.getvalue().splitlines()


def rich_table(rows, headings=("a", "b", "c"), width=40) -> list[str]:
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    t = Table(title="Title", title_justify="left")
    for h in headings:
        t.add_column(h, overflow="fold")
    for row in rows:
        t.add_row(*row)
    Console(file=out, width=width, no_color=True, highlight=False).print(t)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def test_a_table_that_fits_is_the_one_rich_draws() -> None:
    rows = [["2025-12-31", "gent-vdab-2020-2025", "einde"], ["–", "x", "opvolging van het actieplan"]]
    assert table(rows, width=100) == rich_table(rows, width=100)


def test_a_narrow_table_wraps_between_words_and_folds_long_words_as_rich_does() -> None:
    rows = [
        ["2025-12-31", "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab", "End of the agreement"],
        ["unknown", "gent", "De eerste actieplannen, voor 2020-2021, worden opgesteld tijdens de zes maanden"],
    ]
    ours = table(rows, width=50)
    assert ours == rich_table(rows, width=50)
    assert max(cell_len(line) for line in ours) <= 50


LINE = st.text(alphabet=st.sampled_from(list("ab cd-é中😀 ")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(LINE, min_size=3, max_size=3), max_size=6),
    width=st.integers(min_value=16, max_value=120),
)
def test_no_line_is_wider_than_the_width_and_no_character_is_lost(rows: list[list[str]], width: int) -> None:
    lines = table(rows, width=width)
    body = lines[1:]  # the title may be longer than a narrow table
    assert all(cell_len(line) == cell_len(body[0]) <= width for line in body)
    for row in rows:  # each cell's text, read down its column, is the cell's text (spaces aside)
        drawn = [line.split("│")[1:-1] for line in table([row], width=width) if line.startswith("│")]
        for c, cell in enumerate(row):
            assert "".join(parts[c] for parts in drawn).replace(" ", "") == cell.replace(" ", "")


def test_styles_are_ansi_codes_only_when_color_is_on() -> None:
    rows = [[[("expired", "bold red"), ("status: signed", "dim")], "2025-12-31", "x"]]
    plain = table(rows)
    assert not any("\x1b[" in line for line in plain)
    coloured = table(rows, color=True)
    assert "\x1b[1;31mexpired\x1b[0m" in "\n".join(coloured)
    assert "\x1b[2mstatus: signed\x1b[0m" in "\n".join(coloured)
    assert [ANSI.sub("", line) for line in coloured] == plain


def test_right_aligned_columns_and_an_empty_table() -> None:
    lines = table([["a", "b", "7"], ["a", "b", "1,234"]], right=(2,))
    assert lines[4].endswith("    7 │") and lines[5].endswith("1,234 │")
    empty = table([])
    assert empty[-1].startswith("┗") and len(empty) == 4


def test_widths_narrow_the_widest_columns_first() -> None:
    assert grid.widths([10, 50, 30], 60) == [10, 25, 25]
    assert grid.widths([10, 20], 40) == [10, 20]
    assert grid.widths([9, 9, 1], 3) == [2, 2, 1]  # no narrower than a wide character
