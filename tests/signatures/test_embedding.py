"""The rendered PDF carries the agreement's YAML: an associated file (PDF/A-3 /AF, relationship /Source) and
its SHA-256 in the XMP metadata, the same bytes for the same YAML, without breaking PDF/A's identification."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from samenwerk.lint import load_resolved
from samenwerk.render import render_pdf
from samenwerk.render.pdf import SOURCE_MIME, Source

AGREEMENT = Path(__file__).parent / "agreement.yaml"


def rendered(monkeypatch: pytest.MonkeyPatch, epoch: str | None = None) -> PdfReader:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    agreement, diagnostics = load_resolved(AGREEMENT)
    assert agreement is not None, diagnostics
    return PdfReader(io.BytesIO(render_pdf(agreement, None, Source(AGREEMENT.name, AGREEMENT.read_bytes()))))


def test_the_yaml_is_an_associated_file_and_its_hash_is_in_the_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = rendered(monkeypatch)
    root = reader.trailer["/Root"]
    files = [ref.get_object() for ref in root["/AF"]]
    assert len(files) == 1, "one associated file, listed once"
    spec = files[0]
    assert spec["/AFRelationship"] == "/Source"
    assert spec["/F"] == spec["/UF"] == "agreement.yaml"
    stream = spec["/EF"]["/F"].get_object()
    assert stream.get_data() == AGREEMENT.read_bytes()
    assert stream["/Subtype"] == "/" + SOURCE_MIME
    assert stream["/Params"]["/ModDate"] == "D:20240101000000Z", "the agreement's date, never the clock"
    assert reader.metadata["/ModDate"] == stream["/Params"]["/ModDate"]
    assert list(reader.attachments) == ["agreement.yaml"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert f'dc:source="sha256:{hashlib.sha256(AGREEMENT.read_bytes()).hexdigest()}"' in xmp
    assert xmp.count("dc:source") == 1
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert "<dc:title" in xmp, "the metadata WeasyPrint wrote is kept"


def test_the_embedded_file_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    def embedded(reader: PdfReader) -> bytes:
        spec = reader.trailer["/Root"]["/AF"][0].get_object()
        return spec["/EF"]["/F"].get_object().get_data() + repr(dict(spec["/EF"]["/F"].get_object())).encode()

    first, second = rendered(monkeypatch), rendered(monkeypatch)
    assert embedded(first) == embedded(second)
    dated = rendered(monkeypatch, "1700000000")
    params = dated.trailer["/Root"]["/AF"][0].get_object()["/EF"]["/F"].get_object()["/Params"]
    assert params["/ModDate"] == params["/CreationDate"] == "D:20231114221320Z"


def test_without_the_yaml_nothing_is_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    agreement, _ = load_resolved(AGREEMENT)
    assert agreement is not None
    reader = PdfReader(io.BytesIO(render_pdf(agreement)))
    assert "/AF" not in reader.trailer["/Root"]
    assert "dc:source" not in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
