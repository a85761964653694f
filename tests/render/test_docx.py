"""Word: every shipped agreement as a .docx, read back with python-docx: the Markdown rendering's words in the same
order, Word's own styles (headings, bullet and numbered lists, a table to sign), core properties from the
agreement, and the same bytes on every render."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from samenwerk.document import load as load_valid
from samenwerk.model import Agreement
from samenwerk.render import render_text
from samenwerk.render.docx import render_docx

from ..conftest import AGREEMENTS

REAL = sorted(AGREEMENTS.glob("*.yaml"))


def model(path: Path) -> Agreement:
    agreement, diagnostics = load_valid(path)
    assert agreement is not None, diagnostics
    return agreement


def md_words(markdown: str) -> list[str]:
    """The words of a Markdown rendering without its markup and list markers (numbered items are numbered by
    Word, not written): what the Word document must say, in this order."""
    text = re.sub(r"\\(?=[_*#\\])|[*_#>`]|^\s*(?:[-+]|\d+\.)\s+", " ", markdown, flags=re.M)
    return re.findall(r"[^\W_]+", text.lower())


def docx_words(document: docx.document.Document) -> list[str]:
    """The words of the Word document in reading order: body paragraphs and tables as they come."""
    texts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                seen = set()
                for cell in row.iter(qn("w:tc")):
                    if id(cell) in seen:
                        continue
                    seen.add(id(cell))
                    for p in cell.iter(qn("w:p")):
                        texts.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return re.findall(r"[^\W_]+", "\n".join(texts).lower())


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_word_says_what_markdown_says(path: Path) -> None:
    a = model(path)
    document = docx.Document(io.BytesIO(render_docx(a)))
    expected = md_words(render_text(a, "md"))
    got = docx_words(document)
    # The signature part's rule for a hand signature ('Handtekening: ____') is a table cell in Word.
    assert got == expected


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_word_styles_and_signature_table(path: Path) -> None:
    a = model(path)
    document = docx.Document(io.BytesIO(render_docx(a)))
    styles = [p.style.name for p in document.paragraphs]
    md = render_text(a, "md")
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [(f"Heading {len(m[1])}", m[2]) for m in re.finditer(r"^(#+) (.+)$", md, re.M)]
    assert styles.count("List Bullet") + styles.count("List Bullet 2") == len(
        re.findall(r"^\s*- ", md.partition("\n## Ondertekening\n")[0], re.M)
    )
    if a.signing and a.signing.blocks:
        (table,) = document.tables
        assert table.style.name == "Table Grid"
        cells = {c.text for row in table.rows for c in row.cells}
        for block in a.signing.blocks:
            assert any(block.heading in c for c in cells) if block.heading else True
        assert sum("Handtekening:" in c.text for row in table.rows for c in row.cells[1:]) == md.count("Handtekening:")


def test_numbered_lists_are_word_lists_counting_from_their_own_start() -> None:
    a = model(AGREEMENTS / "gent-vdab-2020-2025.yaml")
    document = docx.Document(io.BytesIO(render_docx(a)))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text[:20] for p in numbered] == [
        "Het verzekeren van e",
        "Het stimuleren van d",
        "Het monitoren van de",
        "Het verbinden van he",
        "Zorgen dat mensen in",
    ]
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) == 1  # one list, numbered by Word
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) in ids]
    assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_core_properties_from_the_agreement_never_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = model(AGREEMENTS / "perspectief-middenkust-vdab-2023-2025.yaml")
    props = docx.Document(io.BytesIO(render_docx(a))).core_properties
    assert props.title == a.title
    assert props.language == "nl-BE"
    assert props.identifier == a.id
    assert props.created.date() == props.modified.date() == dt.date(2023, 11, 22)  # signed on 22 November 2023
    gent = docx.Document(io.BytesIO(render_docx(model(AGREEMENTS / "gent-vdab-2020-2025.yaml")))).core_properties
    assert gent.created.date() == dt.date(2020, 5, 25)  # no signing date: the council's approval
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render_docx(a)
    assert docx.Document(io.BytesIO(data)).core_properties.created == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_text_is_marked_flemish_for_the_spelling_check() -> None:
    document = docx.Document(io.BytesIO(render_docx(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"))))
    lang = (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    )
    assert lang.get(qn("w:val")) == "nl-BE"


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_two_renders_are_byte_identical(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = model(path)
    first = render_docx(a)
    assert render_docx(model(path)) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert len({i.date_time for i in z.infolist()}) == 1


def test_cli_renders_docx_to_a_file_never_to_stdout(cli, tmp_path: Path) -> None:
    src = str(AGREEMENTS / "gent-vdab-2020-2025.yaml")
    out = tmp_path / "gent.docx"
    assert cli("render", src, "-f", "docx", "-o", str(out)).returncode == 0
    assert docx.Document(str(out)).core_properties.title == model(Path(src)).title
    refused = cli("render", src, "-f", "docx", "-o", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert cli("render", src, "-f", "docx", "-o", str(out), "--force").returncode == 0
    to_stdout = cli("render", src, "-f", "docx", "-o", "-")
    assert to_stdout.returncode == 2 and "standard output" in to_stdout.stderr and to_stdout.stdout == ""
    many = cli("render", *map(str, REAL), "-f", "docx", "--output-dir", str(tmp_path / "all"))
    assert many.returncode == 0, many.stderr
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(f"{p.stem}.docx" for p in REAL)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_two_renders_through_the_cli_are_byte_identical(cli, tmp_path: Path, fmt: str) -> None:
    first, second = tmp_path / "1", tmp_path / "2"
    for folder in (first, second):
        result = cli("render", *map(str, REAL), "-f", fmt, "--output-dir", str(folder))
        assert result.returncode == 0, result.stderr
    for path in REAL:
        name = f"{path.stem}.{fmt}"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
