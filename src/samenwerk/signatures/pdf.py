"""Reading a signed PDF with pyHanko: its signature fields, its signatures validated, and the agreement it
carries (the embedded YAML and the SHA-256 in its metadata).

A PDF from a repository is untrusted input. pyHanko reads it with its limits for untrusted documents
(stream decoding is bounded) and in strict mode; anything it cannot read is an input error naming the file
(exit 2), never a traceback. Validation runs offline unless revocation checking is asked for: no certificate
or revocation information is fetched, and no operating-system trust store is used, only the anchors given.
pyHanko logs what it could not validate (with tracebacks) on its own loggers; they are silenced, since
every result is in the report.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import i18n
from ..errors import SamenwerkError
from ..i18n import _

MAX_PDF_BYTES = 100 * 1024 * 1024
"""A signed agreement is a few MiB; a larger file is refused before it is read."""

_STAMP = re.compile(r"sha256:([0-9a-f]{64})\Z")


@dataclass(frozen=True)
class Embedded:
    """The agreement a samenwerk PDF carries."""

    name: str
    """The embedded file's name."""
    data: bytes | None
    """The YAML; None when the PDF has no embedded agreement (or it was too large to read)."""
    stamp: str | None
    """The SHA-256 (hex) the XMP metadata gives for it (``dc:source``), or None."""
    creator: str | None
    """The document's creator tool, to say whether an earlier samenwerk made it."""


@dataclass(frozen=True)
class Signature:
    """What pyHanko found about one signature. Only the names of the certificate's subject are kept: a
    Belgian eID certificate's serial number is its holder's national register number, which no report may
    show."""

    field: str
    common_name: str | None
    given_names: str | None
    surname: str | None
    issuer: str | None
    fingerprint: str
    signed_at: dt.datetime | None
    timestamp: dt.datetime | None
    timestamp_ok: bool | None
    intact: bool
    valid: bool
    coverage: str
    """'file', 'revision' or 'partial'."""
    changes: str
    """'none', 'signing', 'annotations', 'other' or 'unknown'."""
    trusted: bool
    trust_problem: str | None
    revoked: bool


@dataclass(frozen=True)
class Unreadable:
    """A signature pyHanko could not validate at all (a damaged signature dictionary or CMS object)."""

    field: str
    reason: str


def quiet() -> None:
    """pyHanko and its certificate validator log failures with tracebacks: the report says it all."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def reader(data: bytes) -> Any:
    """A fresh pyHanko reader of the PDF, in strict mode with the limits for untrusted input.

    Each use gets its own: reading the catalog's ``/Metadata`` through a reader leaves an object in its cache
    that pyHanko's later difference analysis cannot place ("No container reference available"), which
    would make every signature but the last unverifiable.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=True)


def open_pdf(data: bytes, name: str) -> None:
    """Whether the PDF can be checked at all; else an error naming the file: not a PDF, damaged, encrypted."""
    quiet()
    if b"%PDF-" not in data[:1024]:
        raise SamenwerkError(_("{name}: not a PDF (no %PDF- header)").format(name=name))
    try:
        pdf = reader(data)
        if pdf.encrypt_dict is not None:
            raise SamenwerkError(
                _("{name}: the PDF is encrypted; samenwerk checks only unencrypted PDFs").format(name=name)
            )
        _touched = pdf.root, list(fields(pdf)), list(pdf.embedded_regular_signatures)
    except SamenwerkError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file makes the parser raise is the file's problem
        raise SamenwerkError(
            _("{name}: cannot be read as a PDF: {reason}").format(name=name, reason=_reason(exc))
        ) from None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:200] if text else "") or type(exc).__name__


def fields(pdf: Any) -> Iterator[tuple[str, bool]]:
    """Each signature field's name, and whether it holds a signature."""
    from pyhanko.sign.fields import enumerate_sig_fields

    for name, value, _status in enumerate_sig_fields(pdf, filled_status=None):
        yield str(name), value is not None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return " ".join(value)
    return None


def embedded(pdf: Any, max_bytes: int) -> Embedded:
    """The agreement in the PDF: the associated file with relationship /Source, and ``dc:source``."""
    from pyhanko.pdf_utils import generic

    name, data = "", None
    root = pdf.root
    files = root["/AF"] if "/AF" in root else None
    if isinstance(files, generic.ArrayObject):
        for ref in files:
            spec = ref.get_object()
            if not isinstance(spec, generic.DictionaryObject) or spec.get("/AFRelationship") != "/Source":
                continue
            if "/EF" not in spec or "/F" not in spec["/EF"]:
                continue
            stream = spec["/EF"]["/F"]
            if not isinstance(stream, generic.StreamObject):
                continue
            name = str(spec["/UF"] if "/UF" in spec else spec["/F"] if "/F" in spec else "")
            size = stream["/Params"]["/Size"] if "/Params" in stream and "/Size" in stream["/Params"] else None
            if isinstance(size, int) and size > max_bytes:
                raise SamenwerkError(
                    _("the embedded agreement is {size} bytes; agreements are limited to {limit}").format(
                        size=i18n.number(size), limit=i18n.number(max_bytes)
                    )
                )
            data = stream.data
            if len(data) > max_bytes:
                raise SamenwerkError(
                    _("the embedded agreement is {size} bytes; agreements are limited to {limit}").format(
                        size=i18n.number(len(data)), limit=i18n.number(max_bytes)
                    )
                )
            break
    stamp, creator = _metadata(pdf)
    return Embedded(name, data, stamp, creator)


def _metadata(pdf: Any) -> tuple[str | None, str | None]:
    """``dc:source`` as a SHA-256 (hex), and the creator tool; None where absent or unreadable."""
    from pyhanko.pdf_utils.metadata import model, xmp_xml

    stamp = creator = None
    root = pdf.root
    meta = root["/Metadata"] if "/Metadata" in root else None
    if isinstance(meta, xmp_xml.MetadataStream):
        try:
            roots = meta.xmp
        except Exception:  # noqa: BLE001 - unreadable metadata is metadata without a stamp
            roots = []
        source = model.ExpandedName(ns=model.NS["dc"], local_name="source")
        tool = model.ExpandedName(ns=model.NS["xmp"], local_name="CreatorTool")
        for structure in roots:
            for key, value in structure:
                if key == source and isinstance(value.value, str):
                    found = _STAMP.match(value.value.strip())
                    stamp = found[1] if found else stamp
                elif key == tool and isinstance(value.value, str):
                    creator = value.value
    if creator is None and "/Info" in pdf.trailer:
        info = pdf.trailer["/Info"]
        if "/Creator" in info:
            creator = str(info["/Creator"])
    return stamp, creator


def validation_context(anchors: list[bytes], revocation: bool) -> Any:
    """Only the given anchors (none: the chain is not judged); offline unless revocation is checked."""
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[cert for der in anchors for cert in load_certs_from_pemder_data(der)],
        allow_fetching=revocation,
        revocation_mode="hard-fail" if revocation else "soft-fail",
    )


def signatures(pdf: Any, context: Any) -> Iterator[Signature | Unreadable]:
    """Every signature (document timestamps aside), validated: integrity, coverage, later changes, chain.
    ``pdf`` must be a reader used for nothing else (see ``reader``)."""
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        found = list(pdf.embedded_regular_signatures)
    except Exception as exc:  # noqa: BLE001 - a damaged signature dictionary is the file's problem
        raise SamenwerkError(_("cannot read the signatures: {reason}").format(reason=_reason(exc))) from None
    for signature in found:
        field = str(signature.field_name)
        try:
            status = validate_pdf_signature(signature, context)
        except Exception as exc:  # noqa: BLE001 - a damaged signature is reported as one, the others still count
            yield Unreadable(field, _reason(exc))
            continue
        yield _validated(field, status)


def _validated(field: str, status: Any) -> Signature:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel

    cert = status.signing_cert
    subject = cert.subject.native
    issuer = cert.issuer.native
    coverage = {
        SignatureCoverageLevel.ENTIRE_FILE: "file",
        SignatureCoverageLevel.ENTIRE_REVISION: "revision",
    }.get(status.coverage, "partial")
    level = status.modification_level
    if coverage == "file":
        changes = "none"
    elif level is None:
        changes = "unknown"
    elif level <= ModificationLevel.FORM_FILLING and status.docmdp_ok is not False:
        changes = "signing"
    elif level == ModificationLevel.ANNOTATIONS and status.docmdp_ok is not False:
        changes = "annotations"
    else:
        changes = "other"
    stamp = status.timestamp_validity
    problem = status.trust_problem_indic
    return Signature(
        field=field,
        common_name=_text(subject.get("common_name")),
        given_names=_text(subject.get("given_name")),
        surname=_text(subject.get("surname")),
        issuer=_text(issuer.get("common_name")) or _text(issuer.get("organization_name")),
        fingerprint=cert.sha256.hex(),
        signed_at=status.signer_reported_dt,
        timestamp=stamp.timestamp if stamp is not None else None,
        timestamp_ok=(stamp.intact and stamp.valid) if stamp is not None else None,
        intact=bool(status.intact),
        valid=bool(status.valid),
        coverage=coverage,
        changes=changes,
        trusted=bool(status.trusted),
        trust_problem=problem.name.lower().replace("_", " ") if problem is not None else None,
        revoked=bool(status.revoked),
    )
