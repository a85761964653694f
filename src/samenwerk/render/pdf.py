"""HTML -> PDF/A-3b (WeasyPrint) -> one empty, visible signature field per signatory (pyHanko).

WeasyPrint lays the document out and embeds the fonts; its anchors give the position of each signatory's
signature box, so the field lands exactly in that signatory's block. The fields are added by pyHanko as an
incremental update, and no DocMDP lock is set, so each party can sign its own field with a Belgian eID in
a standard reader without invalidating the signatures made before.

Given the agreement's YAML as it was read (``Source``), the PDF carries it: an associated file of the
document (PDF/A-3 ``/AF``, relationship ``/Source``, MIME type ``application/yaml``) and its SHA-256 in the
XMP metadata (``dc:source`` = ``sha256:<hex>``), so that a signed PDF can be matched to the YAML in git
(``samenwerk signatures``). The embedded file's dates come from ``SOURCE_DATE_EPOCH``, else 1 January
1980, never the clock: the same YAML gives the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import logging
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import SamenwerkError
from ..model import Agreement
from . import signature_slots

PDF_VARIANT = "pdf/a-3b"
PX_TO_PT = 0.75  # CSS px (1/96 in) to PDF points (1/72 in)
TIME_LIMIT = 180.0
"""Seconds the layout and the signature fields may take. A real agreement takes one or two seconds; an
agreement of thousands of parties (thousands of pages) would take many minutes and gigabytes: it stops here
with a clear error instead."""

SOURCE_MIME = "application/yaml"
SOURCE_DESCRIPTION = "De overeenkomst als YAML: de bron van dit document"
SOURCE_PREFIX = "sha256:"
"""The XMP ``dc:source`` of a samenwerk PDF: this prefix and the SHA-256 of the embedded YAML, in hex."""


@dataclass(frozen=True)
class Source:
    """The agreement's YAML exactly as it was read, to be embedded in the PDF."""

    name: str
    """The file's name (no folder), as the embedded file is called."""
    data: bytes


def source_stamp(data: bytes) -> str:
    """What ``dc:source`` holds for these bytes: ``sha256:<hex>``."""
    return SOURCE_PREFIX + hashlib.sha256(data).hexdigest()


def _file_date() -> dt.datetime:
    """The embedded file's dates: ``SOURCE_DATE_EPOCH`` (reproducible builds), else 1 January 1980."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            pass
    return dt.datetime(1980, 1, 1)


def _attachment(source: Source, fetcher: Any) -> Any:
    """The YAML as an associated file (relationship /Source), fetched as a data: URL so that its MIME type
    is ours and not a guess from the system's tables."""
    from weasyprint import Attachment

    from ..neutral import terminal

    when = _file_date()
    url = f"data:{SOURCE_MIME};base64,{base64.b64encode(source.data).decode('ascii')}"
    return Attachment(
        url=url,
        url_fetcher=fetcher,
        name=terminal(os.path.basename(source.name)) or "overeenkomst.yaml",  # a name is data: shown escaped
        description=SOURCE_DESCRIPTION,
        created=when,
        modified=when,
        relationship="Source",
    )


def _stamp_source(writer: Any, source: Source) -> None:
    """``dc:source`` in the XMP metadata, merged into the one description pyHanko writes; and the catalog's
    ``/AF`` without the duplicate WeasyPrint leaves (it lists the file from the name tree and again as a
    file specification)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata import model, xmp_xml

    current = writer.root["/Metadata"] if "/Metadata" in writer.root else None  # [] resolves references
    fields = {k: v for root in current.xmp for k, v in root} if isinstance(current, xmp_xml.MetadataStream) else {}
    fields[model.ExpandedName(ns=model.NS["dc"], local_name="source")] = model.XmpValue(source_stamp(source.data))
    writer.root["/Metadata"] = writer.add_object(xmp_xml.MetadataStream.from_xmp([model.XmpStructure(fields)]))
    files = writer.root["/AF"] if "/AF" in writer.root else None
    if isinstance(files, generic.ArrayObject):
        unique: list[Any] = []
        for ref in files:
            if ref not in unique:
                unique.append(ref)
        writer.root["/AF"] = generic.ArrayObject(unique)
    writer.update_root()


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
            f"the template refers to {shown}: only files inside the template folder can be used "
            "(no other files, no network)"
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
        with deadline(TIME_LIMIT, "laying out the PDF", Overtime):
            return _signable_pdf(HTML, html, agreement, template_dir, source)
    except Overtime as exc:
        raise SamenwerkError(f"{exc}: the document is too large to lay out as a PDF; render it as html or md") from None


def _signable_pdf(
    HTML: Any,  # noqa: N803
    html: str,
    agreement: Agreement,
    template_dir: Path | None,
    source: Source | None,
) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    from .env import template_folders

    folders = template_folders(template_dir)
    fetcher = _fetcher(folders)
    document = HTML(string=html, base_url=folders[0].as_uri() + "/", url_fetcher=fetcher).render()
    _refuse(fetcher.refused)
    names = [slot.field_name for _, slots in signature_slots(agreement) for slot in slots]
    wanted = set(names)
    positions: dict[str, tuple[int, tuple[int, int, int, int]]] = {}
    for index, page in enumerate(document.pages):
        # An anchor is the element's box: (x1, y1, x2, y2) in CSS px from the page's top-left corner.
        for anchor, (x1, y1, x2, y2) in page.anchors.items():
            if anchor in wanted and anchor not in positions:
                top, bottom = (page.height - y1) * PX_TO_PT, (page.height - y2) * PX_TO_PT
                positions[anchor] = (index, (round(x1 * PX_TO_PT), round(bottom), round(x2 * PX_TO_PT), round(top)))
    missing = [n for n in names if n not in positions]
    if missing:
        raise SamenwerkError(
            f"the template has no signature box for {', '.join(missing)}: "
            "each needs an element with that id (see templates/agreement.html.j2)"
        )
    attachments = [_attachment(source, fetcher)] if source is not None else []
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, custom_metadata=True, attachments=attachments)
    _refuse(fetcher.refused)  # attachments are fetched while writing
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if source is not None:
        _stamp_source(writer, source)
    for name in names:
        page, box = positions[name]
        append_signature_field(
            writer, SigFieldSpec(sig_field_name=name, on_page=page, box=box, empty_field_appearance=True)
        )
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
