"""HTML -> PDF/A-3b (WeasyPrint) -> one empty, visible signature field per signatory (pyHanko).

WeasyPrint lays the document out and embeds the fonts; its anchors give the position of each signatory's
signature box, so the field lands exactly in that signatory's block. The fields are added by pyHanko as an
incremental update, and no DocMDP lock is set, so each party can sign its own field with a Belgian eID in
a standard reader without invalidating the signatures made before.
"""

from __future__ import annotations

import io
import logging

from ..errors import SamenwerkError
from ..model import Agreement
from . import signature_slots

PDF_VARIANT = "pdf/a-3b"
PX_TO_PT = 0.75  # CSS px (1/96 in) to PDF points (1/72 in)


def html_to_signable_pdf(html: str, agreement: Agreement) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it does not know at WARNING; the document is ours, keep it quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=None).render()
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
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, custom_metadata=True)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for name in names:
        page, box = positions[name]
        append_signature_field(
            writer, SigFieldSpec(sig_field_name=name, on_page=page, box=box, empty_field_appearance=True)
        )
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
