"""Rendering: every real agreement to Markdown, HTML and PDF; the PDF read back; templates strict and safe."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from samenwerk.document import load as load_valid
from samenwerk.errors import SamenwerkError
from samenwerk.model import Agreement
from samenwerk.render import render_pdf, render_text, signature_slots

from ..conftest import AGREEMENTS, FIXTURES

REAL = sorted(AGREEMENTS.glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden"


def model(path: Path) -> Agreement:
    agreement, diagnostics = load_valid(path)
    assert agreement is not None, diagnostics
    return agreement


@cache
def pdf_of(path: Path) -> bytes:
    return render_pdf(model(path))


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def expected_strings(a: Agreement) -> list[str]:
    names = [p.designation or p.name for p in a.parties]
    people = [s.person.name for _, slots in signature_slots(a) for s in slots if s.person]
    out = names + people
    if a.duration and a.duration.end:
        out.append("31 december 2025")
    return out


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_markdown_and_html_name_every_party_signatory_and_end_date(path: Path) -> None:
    a = model(path)
    md = render_text(a, "md")
    html = render_text(a, "html")
    for text in expected_strings(a):
        assert text in md, text
        assert text.replace("&", "&amp;") in html, text
    assert "None" not in md and "None" not in squash(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_pdf_reads_back(path: Path) -> None:
    a = model(path)
    data = pdf_of(path)
    reader = PdfReader(io.BytesIO(data))
    text = squash(pdf_text(data))
    for expected in expected_strings(a):
        assert expected in text, expected
    # PDF/A identification in the XMP metadata.
    xmp = reader.xmp_metadata
    assert xmp is not None
    rdf = xmp.rdf_root.toxml()
    assert 'pdfaid:part="3"' in rdf and 'pdfaid:conformance="A"' in rdf
    assert reader.metadata is not None and reader.metadata.title == a.title
    assert a.parties[0].name in (reader.metadata.author or "")
    # Every font is embedded.
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_one_signature_field_per_signatory_in_its_block(path: Path) -> None:
    a = model(path)
    reader = PdfReader(io.BytesIO(pdf_of(path)))
    slots = [s for _, block in signature_slots(a) for s in block]
    fields = reader.get_fields() or {}
    sig_fields = {name: f for name, f in fields.items() if f.get("/FT") == "/Sig"}
    assert sorted(sig_fields) == sorted(s.field_name for s in slots)
    assert len(set(sig_fields)) == len(slots)
    pages_text = [squash(p.extract_text() or "") for p in reader.pages]
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/FT") != "/Sig":
                continue
            slot = next(s for s in slots if s.field_name == annot["/T"])
            x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
            assert x2 - x1 > 100 and y2 - y1 > 40  # visible, big enough to sign in
            assert annot.get("/V") is None  # empty
            if slot.person:
                assert slot.person.name in pages_text[number]


def test_signing_date_and_place_in_dutch() -> None:
    text = squash(pdf_text(pdf_of(AGREEMENTS / "perspectief-middenkust-vdab-2023-2025.yaml")))
    assert "op 22 november 2023" in text
    limburg = render_text(model(AGREEMENTS / "engagementsverklaring-werkgelegenheidsconferentie-limburg.yaml"), "md")
    assert "Opgemaakt te Thor Park, Genk" in limburg


def test_frequencies_and_parts_in_order() -> None:
    md = render_text(
        model(AGREEMENTS / "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml"), "md"
    )
    heads = re.findall(r"^## (.+)$", md, flags=re.M)
    # The source's own parts, numbered as it numbers them (its second 'Deel IV' is a slip, see its notes).
    assert heads == [
        "Deel I. Algemene doelstelling",
        "Deel II. Principes voor een operationele werking",
        "Deel III. Streven naar zichtbare resultaten",
        "Deel IV. Overlegstructuur",
        "Deel V. Duur",
        "Ondertekening",
    ]
    assert "minstens 2 keer per jaar" in md and "minimaal 4 keer per jaar" in md  # as the source words them
    assert "Voor het lokaal bestuur Zandhoven" in md


def test_draft_carries_a_visible_mark(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(
        (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8") + "status: draft\n",
        encoding="utf-8",
    )
    a = model(path)
    assert "ONTWERP" in render_text(a, "md")
    assert "ONTWERP" in pdf_text(render_pdf(a))
    final = model(AGREEMENTS / "gent-vdab-2020-2025.yaml")
    assert "ONTWERP" not in pdf_text(pdf_of(AGREEMENTS / "gent-vdab-2020-2025.yaml"))
    assert final.status == "expired"  # final: no draft mark


def test_yaml_text_cannot_inject_markup_or_jinja(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    text = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Voorbeeldgemeente", 'name: "<script>alert(1)</script> {{ 7*7 }} {% raw %}"')
    text += 'objective:\n  text: "<img src=x onerror=alert(1)> **vet** {{ a.id }}"\n'
    path.write_text(text, encoding="utf-8")
    a = model(path)
    html = render_text(a, "html")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}" in html
    assert "<strong>vet</strong> {{ a.id }}" in html
    md = render_text(a, "md")
    assert "{{ 7*7 }}" in md and "49" not in md


def test_missing_field_in_a_template_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "agreement.md.j2").write_text("# {{ a.title }}\n\n{{ a.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(SamenwerkError, match=r"agreement\.md\.j2:3: UndefinedError"):
        render_text(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"), "md", template_dir=tmp_path)


def test_user_templates_are_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "agreement.md.j2").write_text("{{ a.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    with pytest.raises(SamenwerkError, match="SecurityError|UndefinedError"):
        render_text(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"), "md", template_dir=tmp_path)


def test_user_template_overrides_one_file(tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    html = render_text(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"), "html", template_dir=tmp_path)
    assert "rebeccapurple" in html and "<h1>" in html


def test_html_is_accessible_and_self_contained() -> None:
    html = render_text(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"), "html")
    assert '<html lang="nl-BE">' in html  # the agreement's language, Flemish
    assert "<main>" in html and "<header" in html and "<footer" in html
    assert "<link" not in html and "src=" not in html  # nothing fetched from elsewhere
    assert "@page" in html and "size: A4" in html
    levels = [int(h) for h in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(fmt: str, update_golden: bool) -> None:
    golden = GOLDEN / f"gent-vdab-2020-2025.{fmt}"
    got = render_text(model(AGREEMENTS / "gent-vdab-2020-2025.yaml"), fmt)
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), "rendering changed; review and run pytest --update-golden"


def test_golden_pdf_text(update_golden: bool) -> None:
    golden = GOLDEN / "gent-vdab-2020-2025.pdf.txt"
    got = pdf_text(pdf_of(AGREEMENTS / "gent-vdab-2020-2025.yaml"))
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), "PDF text changed; review and run pytest --update-golden"


def test_cli_render_writes_atomically_and_never_overwrites(cli, tmp_path: Path) -> None:
    src = str(AGREEMENTS / "perspectief-middenkust-vdab-2023-2025.yaml")
    out = tmp_path / "x.md"
    assert cli("render", src, "--format", "md", "-o", str(out)).returncode == 0
    first = out.read_text(encoding="utf-8")
    out.write_text("hand edits", encoding="utf-8")
    refused = cli("render", src, "--format", "md", "-o", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "hand edits"
    assert cli("render", src, "--format", "md", "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]  # no temporary files left behind


def test_cli_render_output_dir(cli, tmp_path: Path) -> None:
    result = cli("render", *map(str, REAL), "--format", "html", "--output-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{p.stem}.html" for p in REAL)
