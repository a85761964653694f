"""HTML -> tagged PDF/A-3 (WeasyPrint) -> one empty, visible signature field per signatory (pyHanko).

WeasyPrint lays the document out, embeds the fonts and tags it: a structure tree built from the HTML
(headings, lists, tables, paragraphs), so that a screen reader follows the document (PDF/A-3 level A), with
an outline entry per heading and the document language (``nl-BE``). Its anchors give the position of each
signatory's signature box, so the field lands exactly in that signatory's block. The fields are added by
pyHanko as an incremental update, each named for assistive technology (who signs there), and no DocMDP
lock is set, so each party can sign its own field with a Belgian eID in a standard reader without
invalidating the signatures made before. (Why this is not claimed as PDF/UA-1: ``_name_fields``.)

Given the agreement's YAML as it was read (``Source``), the PDF carries it: an associated file of the
document (PDF/A-3 ``/AF``, relationship ``/Source``, MIME type ``application/yaml``) and its SHA-256 in the
XMP metadata (``dc:source`` = ``sha256:<hex>``), so that a signed PDF can be matched to the YAML in git
(``samenwerk signatures``).

Reproducible: the same agreement and templates give the same bytes. Every date in the file comes from
``SOURCE_DATE_EPOCH`` when it is set, else from the agreement (its signing, else its last approval, else its
start), never from the clock; the document ids (the trailer's ``/ID``, XMP ``xmpMM:DocumentID`` and
``InstanceID``) are hashes of the content. The metadata is written once, here: the Info dictionary and the
XMP packet say the same (title, authors, subject, keywords, creator, producer, dates), and nothing else
(no ``<meta>`` of the HTML becomes a key of its own).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import logging
import mimetypes
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

from ..errors import SamenwerkError
from ..i18n import N_, _
from ..model import Agreement
from . import SignatureSlot, signature_slots

PDF_VARIANT = "pdf/a-3a"
"""PDF/A-3, conformance level A: archivable and tagged (WeasyPrint writes the structure tree)."""
PDFA_PART, PDFA_CONFORMANCE = "3", "A"
LANGUAGES = {"nl": "nl-BE"}
"""The document language of each ``language`` of an agreement: the agreements are Flemish."""
PX_TO_PT = 0.75  # CSS px (1/96 in) to PDF points (1/72 in)
TIME_LIMIT = 180.0
"""Seconds the layout and the signature fields may take. A real agreement takes one or two seconds; an
agreement of thousands of parties (thousands of pages) would take many minutes and gigabytes: it stops here
with a clear error instead."""

SOURCE_MIME = "application/yaml"
SOURCE_DESCRIPTION = "De overeenkomst als YAML: de bron van dit document"
SOURCE_PREFIX = "sha256:"
"""The XMP ``dc:source`` of a samenwerk PDF: this prefix and the SHA-256 of the embedded YAML, in hex."""
NO_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
"""The embedded file's dates when neither ``SOURCE_DATE_EPOCH`` nor the agreement gives one (a ZIP's epoch)."""


@dataclass(frozen=True)
class Source:
    """The agreement's YAML exactly as it was read, to be embedded in the PDF."""

    name: str
    """The file's name (no folder), as the embedded file is called."""
    data: bytes


def source_stamp(data: bytes) -> str:
    """What ``dc:source`` holds for these bytes: ``sha256:<hex>``."""
    return SOURCE_PREFIX + hashlib.sha256(data).hexdigest()


def language(agreement: Agreement) -> str:
    """The document's language tag (BCP 47): ``nl-BE``."""
    return LANGUAGES.get(agreement.language, agreement.language)


def document_date(agreement: Agreement) -> dt.datetime | None:
    """The date the PDF says it was made: ``SOURCE_DATE_EPOCH`` (reproducible builds) when set, else the
    agreement's signing date, else its last approval, else its start date; None when it has none of them."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (OverflowError, ValueError, OSError):
            pass
    day: dt.date | None = agreement.signing.date if agreement.signing is not None else None
    if day is None:
        approved = [a.date for a in agreement.approvals if a.date is not None]
        day = max(approved) if approved else None
    if day is None and agreement.duration is not None and isinstance(agreement.duration.start, dt.date):
        day = agreement.duration.start
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _attachment(source: Source, fetcher: Any, when: dt.datetime) -> Any:
    """The YAML as an associated file (relationship /Source), fetched as a data: URL so that its MIME type
    is ours and not a guess from the system's tables."""
    from weasyprint import Attachment

    from ..neutral import terminal

    url = f"data:{SOURCE_MIME};base64,{base64.b64encode(source.data).decode('ascii')}"
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)  # WeasyPrint writes a naive time as UTC ('Z')
    return Attachment(
        url=url,
        url_fetcher=fetcher,
        name=terminal(os.path.basename(source.name)) or "overeenkomst.yaml",  # a name is data: shown escaped
        description=SOURCE_DESCRIPTION,
        created=naive,
        modified=naive,
        relationship="Source",
    )


def _fetcher(folders: list[Path]) -> Any:
    """WeasyPrint's one way to resources: files inside the template folders, and data: URLs. Nothing else.

    No network, no file: outside the folders (symbolic links resolved first); what is refused is recorded
    so that the render stops with a clear error instead of a document with a hole in it.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [os.path.realpath(f) for f in folders]

    class InsideFetcher(URLFetcher):  # type: ignore[misc]
        refused: list[str]

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data",), allow_redirects=False)
            self.refused = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme.lower() == "data":
                return super().fetch(url, headers)
            if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
                path = os.path.realpath(unquote(parts.path))
                inside = any(os.path.commonpath([path, root]) == root for root in roots)
                if inside and os.path.isfile(path):
                    with open(path, "rb") as fh:
                        body = fh.read()
                    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
            self.refused.append(url)
            raise ValueError(f"refused: {url}")

    return InsideFetcher()


def _refuse(urls: list[str]) -> None:
    if urls:
        shown = ", ".join(repr(u[:120]) for u in urls[:5])
        raise SamenwerkError(
            _(
                "the template refers to {shown}: only files inside the template folder can be used (no "
                "other files, no network)"
            ).format(shown=shown)
        )


def html_to_signable_pdf(
    html: str, agreement: Agreement, template_dir: Path | None = None, source: Source | None = None
) -> bytes:
    from weasyprint import HTML

    from .env import Overtime, deadline

    # WeasyPrint logs every CSS property it does not know at WARNING; the document is ours, keep it quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        with deadline(TIME_LIMIT, N_("laying out the PDF"), Overtime):
            return _signable_pdf(HTML, html, agreement, template_dir, source)
    except Overtime as exc:
        raise SamenwerkError(
            _("{exc}: the document is too large to lay out as a PDF; render it as html or md").format(exc=exc)
        ) from None


def _w3c(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _signable_pdf(
    HTML: Any,  # noqa: N803
    html: str,
    agreement: Agreement,
    template_dir: Path | None,
    source: Source | None,
) -> bytes:
    from .env import template_folders

    folders = template_folders(template_dir)
    fetcher = _fetcher(folders)
    document = HTML(string=html, base_url=folders[0].as_uri() + "/", url_fetcher=fetcher).render()
    _refuse(fetcher.refused)
    slots = [slot for _, group in signature_slots(agreement) for slot in group]
    wanted = {slot.field_name for slot in slots}
    positions: dict[str, tuple[int, tuple[int, int, int, int]]] = {}
    for index, page in enumerate(document.pages):
        # An anchor is the element's box: (x1, y1, x2, y2) in CSS px from the page's top-left corner.
        for anchor, (x1, y1, x2, y2) in page.anchors.items():
            if anchor in wanted and anchor not in positions:
                top, bottom = (page.height - y1) * PX_TO_PT, (page.height - y2) * PX_TO_PT
                positions[anchor] = (index, (round(x1 * PX_TO_PT), round(bottom), round(x2 * PX_TO_PT), round(top)))
    missing = [s.field_name for s in slots if s.field_name not in positions]
    if missing:
        raise SamenwerkError(
            _(
                "the template has no signature box for {ids}: each needs an element with that id (see "
                "templates/agreement.html.j2)"
            ).format(ids=", ".join(missing))
        )
    when = document_date(agreement)
    meta = document.metadata
    meta.lang = language(agreement)
    meta.created = meta.modified = _w3c(when) if when else None
    meta.custom = {}  # <meta name="viewport">, "agreement-id", ...: for browsers, not keys of the PDF
    attachments = [_attachment(source, fetcher, when or NO_DATE)] if source is not None else []
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, custom_metadata=False, attachments=attachments)
    _refuse(fetcher.refused)  # attachments are fetched while writing
    return _with_fields(pdf, slots, positions, when, source)


def _with_fields(
    pdf: bytes,
    slots: list[SignatureSlot],
    positions: dict[str, tuple[int, tuple[int, int, int, int]]],
    when: dt.datetime | None,
    source: Source | None,
) -> bytes:
    """The signature fields in an incremental update, tagged; then the metadata, once, from the Info
    dictionary WeasyPrint wrote (which the HTML's title and <meta> tags fill)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = _update(io.BytesIO(pdf))
    # The file's identifier: WeasyPrint's (a hash of its content), then a hash of this update's input.
    first = writer.document_id[0]
    digest = hashlib.sha256(pdf)
    for slot in slots:
        digest.update(repr((slot.field_name, positions[slot.field_name])).encode())
    writer.document_id_from(first, digest.digest()[:16])
    for slot in slots:
        page, box = positions[slot.field_name]
        append_signature_field(
            writer, SigFieldSpec(sig_field_name=slot.field_name, on_page=page, box=box, empty_field_appearance=True)
        )
    _name_fields(writer, slots, generic)
    _write_metadata(writer, when, source, digest.hexdigest(), generic)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _field_description(slot: SignatureSlot) -> str:
    """What a screen reader says of a signature field: whose signature, in which capacity, for whom."""
    party = slot.party.short_name or slot.party.name
    if slot.person is None:
        return f"Handtekening voor {party}"
    who = slot.person.name + (f", {slot.capacity}" if slot.capacity else "")
    return f"Handtekening van {who}, voor {party}"


def _name_fields(writer: Any, slots: list[SignatureSlot], generic: Any) -> None:
    """Each signature field's accessible name (``/TU``): who signs there, in which capacity, for whom.

    The widgets are not made elements of the structure tree (PDF/UA-1 7.18.4 asks for a /Form element
    around each): pyHanko's analysis of later revisions then takes every signature after the first for a
    change of the document (a signed widget that the structure tree also refers to), and a signed agreement
    must validate (``samenwerk signatures``). So the PDF claims PDF/A-3a, not PDF/UA-1.
    """
    if not slots:
        return
    fields = {str(f.get_object()["/T"]): f for f in writer.root["/AcroForm"]["/Fields"]}
    for slot in slots:
        ref = fields[slot.field_name]
        ref.get_object()[generic.NameObject("/TU")] = generic.TextStringObject(_field_description(slot))
        writer.mark_update(ref)


_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _xmp(values: dict[str, Any]) -> bytes:
    """The XMP packet: one rdf:Description with the PDF/A-3 identification and the same values as the Info
    dictionary. Written here rather than by pyHanko, which would stamp the clock's time and its own producer."""
    for prefix, uri in _NS.items():
        ET.register_namespace(prefix, uri)
    meta = ET.Element(_q("x:xmpmeta"))
    rdf = ET.SubElement(meta, _q("rdf:RDF"))
    d = ET.SubElement(rdf, _q("rdf:Description"), {_q("rdf:about"): ""})

    def simple(name: str, text: str | None) -> None:  # a simple property as an attribute, as RDF allows
        if text:
            d.set(_q(name), text)

    def container(name: str, kind: str, items: list[str], lang: bool = False) -> None:
        if items:
            holder = ET.SubElement(ET.SubElement(d, _q(name)), _q(f"rdf:{kind}"))
            for item in items:
                li = ET.SubElement(holder, _q("rdf:li"), {"xml:lang": "x-default"} if lang else {})
                li.text = item

    simple("pdfaid:part", PDFA_PART)
    simple("pdfaid:conformance", PDFA_CONFORMANCE)
    container("dc:title", "Alt", [values["title"]] if values["title"] else [], lang=True)
    container("dc:creator", "Seq", [values["author"]] if values["author"] else [])
    container("dc:description", "Alt", [values["subject"]] if values["subject"] else [], lang=True)
    container("dc:language", "Bag", [values["lang"]] if values["lang"] else [])
    simple("dc:format", "application/pdf")
    simple("dc:source", values["source"])
    simple("pdf:Producer", values["producer"])
    simple("pdf:Keywords", values["keywords"])
    simple("xmp:CreatorTool", values["creator"])
    for name in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
        simple(name, values["date"])
    simple("xmpMM:DocumentID", values["document_id"])
    simple("xmpMM:InstanceID", values["instance_id"])
    body: bytes = ET.tostring(meta, encoding="utf-8", xml_declaration=False)
    return b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + b'\n<?xpacket end="r"?>'


def _write_metadata(writer: Any, when: dt.datetime | None, source: Source | None, digest: str, generic: Any) -> None:
    """Info and XMP from the same values; the producer names both programs that wrote the file."""
    from pyhanko.pdf_utils.metadata.model import VENDOR  # "pyHanko 0.38.0"

    info_ref = writer.trailer.raw_get("/Info")
    info = info_ref.get_object()

    def text(key: str) -> str | None:
        return str(info[key]) if key in info else None

    producer = f"{text('/Producer') or 'WeasyPrint'}; {VENDOR}"
    info[generic.NameObject("/Producer")] = generic.TextStringObject(producer)
    for key in ("/CreationDate", "/ModDate"):
        if when is None:
            info.pop(key, None)
        else:
            info[generic.NameObject(key)] = generic.TextStringObject(when.strftime("D:%Y%m%d%H%M%SZ"))
    writer.mark_update(info_ref)
    values = {
        "title": text("/Title"),
        "author": text("/Author"),
        "subject": text("/Subject"),
        "keywords": text("/Keywords"),
        "creator": text("/Creator"),
        "producer": producer,
        "lang": str(writer.root["/Lang"]) if "/Lang" in writer.root else None,
        "date": _w3c(when) if when else None,
        "source": source_stamp(source.data) if source is not None else None,
        # Ids from the content, as uuid URNs (the form XMP readers expect): one document, this rendering.
        "document_id": f"uuid:{uuid.UUID(bytes=hashlib.sha256(writer.document_id[0]).digest()[:16])}",
        "instance_id": f"uuid:{uuid.UUID(hex=digest[:32])}",
    }
    stream = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Metadata"),
            generic.NameObject("/Subtype"): generic.NameObject("/XML"),
        },
        stream_data=_xmp(values),
    )
    writer.root[generic.NameObject("/Metadata")] = writer.add_object(stream)
    files = writer.root["/AF"] if "/AF" in writer.root else None
    if isinstance(files, generic.ArrayObject):  # WeasyPrint lists the file twice (name tree and file spec)
        unique: list[Any] = []
        for ref in files:
            if ref not in unique:
                unique.append(ref)
        writer.root[generic.NameObject("/AF")] = generic.ArrayObject(unique)
    writer.update_root()


def _update_writer() -> type:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class Update(IncrementalPdfFileWriter):
        """pyHanko's incremental writer without its two sources of difference between runs: a random second
        part of /ID, and metadata stamped with the clock's time and pyHanko's producer alone (which left the
        Info dictionary and the XMP packet disagreeing). ``_write_metadata`` writes both instead."""

        def document_id_from(self, first: bytes, second: bytes) -> None:
            self._document_id = generic.ArrayObject([generic.ByteStringObject(first), generic.ByteStringObject(second)])

        def _update_meta(self) -> None:
            pass

    return Update


def _update(stream: io.BytesIO) -> Any:
    """An incremental writer over ``stream`` (the class is made on first use: pyHanko is loaded lazily)."""
    return _update_writer()(stream)
