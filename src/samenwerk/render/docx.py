"""The agreement as a Word document (``render -f docx``): what many local governments edit and circulate before
signing.

The content is the Markdown rendering's, block for block (the same template, so the same words, order and
numbering): headings become Word's own "Heading 1..6" styles, bullet and numbered lists "List Bullet" and
"List Number" (each numbered list counting from its own first number), the draft notice a "Quote", and the
signature blocks a table with a row per signatory and room to sign. The core properties say the title, the
parties, the language (nl-BE, also the language of the text for Word's spelling check) and dates taken from
``SOURCE_DATE_EPOCH`` or from the agreement (signing, approval, start), never from the clock; the zip entries get
that date too, so two renders of the same file are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Agreement
    from . import Consolidation

SIGNING_HEADING = "\n## Ondertekening\n"
"""Where the Markdown rendering's signature part starts: from there on, the document is a table."""

DOCX_LANGUAGE = {"nl": "nl-BE"}


def document_date(agreement: Agreement) -> dt.datetime:
    """The date a rendering carries: ``SOURCE_DATE_EPOCH`` (reproducible builds), else the signing date, the last
    approval, the start, else 1 January 1980 (the first date a zip entry can hold). Never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
        return max(when, dt.datetime(1980, 1, 1))
    candidates: list[dt.date] = []
    if agreement.signing is not None and agreement.signing.date is not None:
        candidates.append(agreement.signing.date)
    elif agreement.approvals:
        candidates.extend(a.date for a in agreement.approvals if a.date is not None)
    if not candidates and agreement.duration is not None and isinstance(agreement.duration.start, dt.date):
        candidates.append(agreement.duration.start)
    day = max(candidates) if candidates else dt.date(1980, 1, 1)
    return dt.datetime(max(day.year, 1980), day.month if day.year >= 1980 else 1, day.day if day.year >= 1980 else 1)


def render_docx(agreement: Agreement, template_dir: Any = None, consolidation: Consolidation | None = None) -> bytes:
    """The Word document: the Markdown rendering's content with Word's styles, and a table to sign."""
    from docx import Document

    from . import context, render_text

    markdown = render_text(agreement, "md", template_dir, consolidation)
    body, _, _ = markdown.partition(SIGNING_HEADING)
    doc = Document()
    language = DOCX_LANGUAGE.get(str(agreement.language), "nl-BE")
    _set_language(doc, language)
    _Writer(doc).blocks(body)
    ctx = context(agreement, consolidation)
    if ctx["signature_blocks"]:
        _signatures(doc, ctx)
    when = document_date(agreement)
    props = doc.core_properties
    props.title = agreement.title
    props.subject = agreement.subtitle or str(agreement.kind)
    props.author = ", ".join(p.name for p in agreement.parties)
    props.keywords = ", ".join([str(agreement.kind), *(p.short_name or p.name for p in agreement.parties)])
    props.identifier = agreement.id
    props.language = language
    props.category = str(agreement.kind)
    props.content_status = ctx["status_nl"]
    props.version = agreement.version or ""
    props.last_modified_by = "samenwerk"
    props.comments = ""
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue(), when)


def _set_language(doc: Any, language: str) -> None:
    """The language of every run by default (docDefaults): Word checks the spelling as Flemish Dutch."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    rpr.append(lang)


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry dated ``when`` and no other varying metadata: byte-identical renders."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, src.read(item.filename), compresslevel=9)
    return out.getvalue()


class _Writer:
    """Markdown blocks (markdown-it's tokens, CommonMark) as Word paragraphs in Word's own styles."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.lists: list[dict[str, Any]] = []  # open lists, innermost last: kind, numbering id
        self.quote = 0

    def blocks(self, markdown: str) -> None:
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark", {"html": False}).parse(markdown)
        style: str | None = None
        first_in_item = False
        for tok in tokens:
            if tok.type == "heading_open":
                style = f"Heading {int(tok.tag[1])}"
            elif tok.type == "bullet_list_open":
                self.lists.append({"kind": "bullet", "num": None})
            elif tok.type == "ordered_list_open":
                start = int(tok.attrGet("start") or 1)
                self.lists.append({"kind": "number", "num": self._restart(start)})
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif tok.type == "list_item_open":
                first_in_item = True
            elif tok.type == "blockquote_open":
                self.quote += 1
            elif tok.type == "blockquote_close":
                self.quote -= 1
            elif tok.type == "inline":
                paragraph = self.doc.add_paragraph(style=self._style(style, first_in_item))
                if self.lists and first_in_item and self.lists[-1]["num"] is not None:
                    _set_num(paragraph, self.lists[-1]["num"], len(self.lists) - 1)
                _runs(paragraph, tok.children or [])
                first_in_item = False
                style = None

    def _style(self, heading: str | None, first_in_item: bool) -> str:
        if heading:
            return heading
        if self.lists:
            depth = min(len(self.lists), 3)
            base = "List Bullet" if self.lists[-1]["kind"] == "bullet" else "List Number"
            if not first_in_item:  # a later paragraph of the same item: indented, not numbered again
                return "List Continue" if depth == 1 else f"List Continue {depth}"
            return base if depth == 1 else f"{base} {depth}"
        return "Quote" if self.quote else "Normal"

    def _restart(self, start: int) -> int:
        """A numbering instance of the "List Number" list that counts from ``start``: each numbered list of the
        document counts from its own first number, not on from the list before it."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = self.doc.part.numbering_part.element
        style = self.doc.styles["List Number"].element
        num_pr = style.find(qn("w:pPr")).find(qn("w:numPr"))
        base_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
        abstract = next(
            n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num"))
            if int(n.get(qn("w:numId"))) == base_id
        )
        new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(new_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract)
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_at = OxmlElement("w:startOverride")
        start_at.set(qn("w:val"), str(start))
        override.append(start_at)
        num.append(override)
        numbering.append(num)
        return new_id


def _set_num(paragraph: Any, num_id: int, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def _runs(paragraph: Any, children: list[Any]) -> None:
    bold = italic = 0
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("text", "code_inline"):
            if child.content:
                run = paragraph.add_run(child.content)
                run.bold = bool(bold) or None
                run.italic = bool(italic) or None
        elif child.type == "softbreak":
            paragraph.add_run(" ")
        elif child.type == "hardbreak":
            paragraph.add_run().add_break()


def _signatures(doc: Any, ctx: dict[str, Any]) -> None:
    """'Ondertekening': place and date, then a table: a row with each block's heading across, then a row per
    signatory (delegation, name and capacity | room to sign), as the Markdown says them."""
    from docx.shared import Cm

    from .env import make_env

    a = ctx["a"]
    datum = make_env().filters["datum"]
    heading = doc.add_paragraph("Ondertekening", style="Heading 2")
    heading.paragraph_format.page_break_before = True
    place = (a["signing"] or {}).get("place") or "……………………"
    day = (a["signing"] or {}).get("date")
    doc.add_paragraph(f"Opgemaakt te {place}, op {datum(day) if day else '……………………'}.")
    rows = sum(1 + len(slots) for _, slots in ctx["signature_blocks"])
    table = doc.add_table(rows=rows, cols=2)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    r = 0
    for block, slots in ctx["signature_blocks"]:
        cell = table.cell(r, 0).merge(table.cell(r, 1))
        run = cell.paragraphs[0].add_run(block["heading"] or f"Voor {slots[0]['party']['label']}")
        run.bold = True
        r += 1
        for slot in slots:
            who, sign = table.cell(r, 0), table.cell(r, 1)
            lines = []
            if slot["delegation"]:
                lines.append(slot["delegation"])
            if slot["person"]:
                name = slot["person"]["name"]
                lines.append(f"{name}, {slot['capacity']}" if slot["capacity"] else name)
            who.paragraphs[0].text = lines[0] if lines else ""
            for line in lines[1:]:
                who.add_paragraph(line)
            sign.paragraphs[0].text = "Handtekening:"
            for _ in range(3):  # room to sign by hand
                sign.add_paragraph("")
            who.width, sign.width = Cm(9), Cm(7)
            r += 1
    for row in table.rows:
        row.cells[0].width = Cm(9)
