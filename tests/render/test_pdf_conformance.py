"""The PDF of every shipped agreement, read back with pikepdf (qpdf) and checked against what PDF/A-3a and a
tagged, accessible PDF require, and checked again by an independent tool: pdfua, the machine-checkable
subset of PDF/UA-1 (veraPDF, the reference validator, is not in any registry this project installs from).

What is checked, per agreement: two renders give the same bytes (and SOURCE_DATE_EPOCH, not the clock, moves
the dates); no encryption; every font embedded; the XMP packet present, identifying PDF/A-3 level A and
saying what the Info dictionary says; no key in Info beyond the standard ones; an sRGB output intent; a
structure tree (MarkInfo /Marked true) with headings, lists, list items and, where the document has tables,
tables; /Lang nl-BE; an outline entry per section heading; the YAML as an associated file with its SHA-256 in
the XMP; one signature field per signatory, named for assistive technology and printable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from samenwerk.lint import load_resolved
from samenwerk.model import Agreement
from samenwerk.render import render_pdf, render_text, signature_slots
from samenwerk.render.pdf import Source

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = sorted((ROOT / "agreements").glob("*.yaml"))
INFO_KEYS = {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer", "/CreationDate", "/ModDate"}
CATALOG_KEYS = {
    "/Type",
    "/Pages",
    "/Metadata",
    "/StructTreeRoot",
    "/MarkInfo",
    "/Lang",
    "/ViewerPreferences",
    "/OutputIntents",
    "/Outlines",
    "/Names",
    "/AF",
    "/AcroForm",
}


@dataclass(frozen=True)
class Rendered:
    agreement: Agreement
    yaml: bytes
    data: bytes
    html: str


def _render(path: Path) -> Rendered:
    agreement, diagnostics = load_resolved(path)
    assert agreement is not None, diagnostics
    data = render_pdf(agreement, None, Source(path.name, path.read_bytes()))
    return Rendered(agreement, path.read_bytes(), data, render_text(agreement, "html"))


@pytest.fixture(scope="module", params=AGREEMENTS, ids=lambda p: p.stem)
def rendered(request: pytest.FixtureRequest) -> Iterator[Rendered]:
    mp = pytest.MonkeyPatch()
    mp.delenv("SOURCE_DATE_EPOCH", raising=False)
    try:
        yield _render(request.param)
    finally:
        mp.undo()


def _open(r: Rendered) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(r.data))


def test_the_shipped_agreements_are_all_checked() -> None:
    assert len(AGREEMENTS) >= 5


def test_two_renders_are_byte_identical(rendered: Rendered, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = next(p for p in AGREEMENTS if p.read_bytes() == rendered.yaml)
    assert _render(path).data == rendered.data


def test_source_date_epoch_sets_every_date(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "agreements" / "gent-vdab-2020-2025.yaml"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    first = _render(path)
    with _open(first) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) == "D:20231114221320Z"
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            assert xmp["xmp:ModifyDate"] == xmp["xmp:CreateDate"] == "2023-11-14T22:13:20Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000001")
    second = _render(path)
    assert second.data != first.data, "the date is in the file"


def test_the_dates_are_the_agreements(rendered: Rendered) -> None:
    a = rendered.agreement
    with _open(rendered) as pdf:
        if a.signing is not None and a.signing.date is not None:
            assert str(pdf.docinfo["/CreationDate"]) == a.signing.date.strftime("D:%Y%m%d000000Z")
        today = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d")
        for key in ("/CreationDate", "/ModDate"):
            assert not str(pdf.docinfo.get(key, "")).startswith(today), "never the clock"


def test_not_encrypted(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        assert not pdf.is_encrypted
        assert "/Encrypt" not in pdf.trailer


def _fonts(resources: Any, seen: set[tuple[int, int]]) -> Iterator[Any]:
    """Every font of a resource dictionary, and of the form XObjects in it (signature appearances too)."""
    if resources is None:
        return
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"), seen)


def test_every_font_is_embedded(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        seen: set[tuple[int, int]] = set()
        fonts = [f for page in pdf.pages for f in _fonts(page.obj.get("/Resources"), seen)]
        assert fonts
        for font in fonts:
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            assert descriptor is not None, font.get("/BaseFont")
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            assert "/ToUnicode" in font, f"{font.get('/BaseFont')}: no Unicode mapping (PDF/A level A)"


def test_xmp_identifies_pdfa3a_and_agrees_with_info(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        assert set(info) <= INFO_KEYS, f"stray keys: {set(info) - INFO_KEYS}"
        assert "/Metadata" in pdf.Root and "/Filter" not in pdf.Root.Metadata, "XMP present, not compressed"
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            assert xmp["pdfaid:part"] == "3" and xmp["pdfaid:conformance"] == "A"
            assert xmp["dc:title"] == info["/Title"] == rendered.agreement.title
            assert xmp["dc:creator"] == [info["/Author"]]
            assert xmp["dc:description"] == info["/Subject"]
            assert xmp["pdf:Keywords"] == info["/Keywords"]
            assert xmp["xmp:CreatorTool"] == info["/Creator"] == "samenwerk"
            assert xmp["pdf:Producer"] == info["/Producer"]
            assert info["/Producer"].startswith("WeasyPrint") and "pyHanko" in info["/Producer"]
            assert xmp["dc:language"] == {"nl-BE"}
            for xmp_key, info_key in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
                if info_key in info:
                    when = dt.datetime.fromisoformat(xmp[xmp_key])
                    assert when.strftime("D:%Y%m%d%H%M%SZ") == info[info_key]
                else:
                    assert xmp_key not in xmp
            document_id = xmp["xmpMM:DocumentID"]
            assert re.fullmatch(r"uuid:[0-9a-f-]{36}", document_id), document_id
            assert xmp["xmpMM:InstanceID"] != document_id


def test_no_stray_keys_from_html_meta(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        assert set(pdf.Root.keys()) <= CATALOG_KEYS, f"stray catalog keys: {set(pdf.Root.keys()) - CATALOG_KEYS}"
        for key in ("/viewport", "/agreementid", "/version", "/generator"):
            assert key not in pdf.docinfo
        assert "/JavaScript" not in pdf.Root.get("/Names", {}) and "/OpenAction" not in pdf.Root


def test_srgb_output_intent(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == "/GTS_PDFA1"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3 and b"acsp" in profile.read_bytes()[:64], "an RGB ICC profile"


def test_transparency_only_with_an_output_intent(rendered: Rendered) -> None:
    """PDF/A-2 and later allow transparency when the output intent fixes the colour space (checked above):
    what must not be there is a soft mask that names an unknown blending colour space."""
    with _open(rendered) as pdf:
        for page in pdf.pages:
            group = page.obj.get("/Group")
            if group is not None:
                assert group.get("/S") == "/Transparency"
            for state in page.obj.Resources.get("/ExtGState", {}).values():
                mask = state.get("/SMask")
                if isinstance(mask, pikepdf.Dictionary):
                    assert mask.get("/S") in ("/Alpha", "/Luminosity")


class _Headings(HTMLParser):
    """The text of the h1 and h2 headings of the HTML rendering, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._open: list[str] | None = None
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2"):
            self._open = []
        self.tables += tag == "table"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2") and self._open is not None:
            self.headings.append(" ".join("".join(self._open).split()))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def _structure(pdf: pikepdf.Pdf) -> list[str]:
    """Every structure type in the tree, depth first."""
    found: list[str] = []
    stack = [pdf.Root.StructTreeRoot]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            if node.get("/Type") == "/StructElem" or "/S" in node and "/P" in node:
                found.append(str(node.S))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(reversed(list(kids)))
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return found


def test_tagged_with_headings_lists_and_tables(rendered: Rendered) -> None:
    parsed = _Headings()
    parsed.feed(rendered.html)
    with _open(rendered) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        tree = pdf.Root.StructTreeRoot
        assert "/ParentTree" in tree
        types = _structure(pdf)
        assert types[0] == "/Document"
        for needed in ("/H1", "/H2", "/P", "/Sect"):
            assert needed in types, needed
        if "<li" in rendered.html:  # lists as the source has them: the pact's text has none
            assert {"/L", "/LI"} <= set(types)
        assert types.count("/H2") >= len([h for h in parsed.headings[1:] if h]), "every section heading is tagged"
        if parsed.tables:
            assert {"/Table", "/TR"} <= set(types)
        for page in pdf.pages:
            assert page.obj.get("/Tabs") == "/S", "tab order follows the structure"


def test_language_is_nl_be(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        assert str(pdf.Root.Lang) == "nl-BE"


def test_an_outline_entry_per_section(rendered: Rendered) -> None:
    parsed = _Headings()
    parsed.feed(rendered.html)
    with _open(rendered) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(" ".join(item.title.split()))
            stack.extend(reversed(item.children))
    assert parsed.headings and titles
    missing = [h for h in parsed.headings if h not in titles]
    assert not missing, f"headings without an outline entry: {missing}"


def test_the_yaml_is_the_associated_file(rendered: Rendered) -> None:
    with _open(rendered) as pdf:
        files = pdf.Root.AF
        assert len(files) == 1
        spec = files[0]
        assert spec.AFRelationship == "/Source"
        stream = spec.EF.F
        assert stream.read_bytes() == rendered.yaml
        assert stream.Subtype == "/application/yaml"
        assert "/CheckSum" in stream.Params
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            assert xmp["dc:source"] == "sha256:" + hashlib.sha256(rendered.yaml).hexdigest()


def test_one_named_printable_signature_field_per_signatory(rendered: Rendered) -> None:
    slots = [s for _, group in signature_slots(rendered.agreement) for s in group]
    with _open(rendered) as pdf:
        if not slots:
            assert "/AcroForm" not in pdf.Root
            return
        fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
        assert set(fields) == {s.field_name for s in slots}
        for slot in slots:
            field = fields[slot.field_name]
            assert field.FT == "/Sig"
            assert str(field.TU).startswith("Handtekening"), "named for assistive technology"
            if slot.person is not None:
                assert slot.person.name in str(field.TU)
            assert int(field.F) & 4, "printable (PDF/A)"
            assert "/N" in field.AP


def test_pdfua_finds_no_error(rendered: Rendered, tmp_path: Path) -> None:
    """pdfua's checks (structure tree, marked content, language, headings, tables, figures, links, title)."""
    from pdfua import Severity, validate

    target = tmp_path / "agreement.pdf"
    target.write_bytes(rendered.data)
    report = validate(str(target))
    problems = [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity >= Severity.ERROR]
    assert not problems, problems
    evaluated = [o.rule_id for o in report.outcomes if not o.skipped]
    for rule in ("UA-01-005", "UA-01-002", "UA-01-003", "UA-06-001", "UA-07-001", "UA-07-002"):
        assert rule in evaluated, f"{rule} was not evaluated"
    warnings = {f.rule_id for f in report.findings}
    # The one warning: no PDF/UA identification, on purpose (render/pdf.py, _name_fields, says why).
    assert warnings <= {"UA-28-004"}, warnings
