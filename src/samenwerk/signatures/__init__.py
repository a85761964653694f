"""After signing: which signatories have signed a rendered agreement, and is it the agreement in git.

``check`` reads a PDF that ``samenwerk render`` made (and people signed, one after the other, each an
incremental update) and answers, without printing:

- for each signature field: signed or empty; for each signature, the signer's name from the certificate, the
  time the signer's software claims, whether the signed bytes are intact and the signature verifies, whether
  it covers its whole revision, whether later revisions changed only what signing other fields does, and
  whether the signer is the signatory the field is for (``names``);
- whether the agreement the PDF carries (the embedded YAML, and the SHA-256 in its metadata) is the YAML
  file given, or that file at a git revision;
- with trust anchors, whether each certificate chains to one of them (and, when asked, is not revoked).

Findings are ``Problem`` values; a report with any is a failed check (exit 1). What cannot be checked at all
(not a PDF, not one samenwerk made, a file that cannot be read) is a ``SamenwerkError`` naming the file.

What is not checked, and the reports say so: that the visible text was laid out from the embedded YAML
(samenwerk put both there; a signature covers both), the signing time (claimed by the signer's software
unless a timestamp token is present), and the certificate chain and revocation unless asked for.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..errors import SamenwerkError
from ..i18n import N_, _
from .pdf import MAX_PDF_BYTES, Signature, Unreadable

if TYPE_CHECKING:
    from ..document import Document
    from ..render import SignatureSlot

__all__ = ["Code", "Compared", "Field", "Match", "Problem", "Report", "Signature", "Unreadable", "check"]

ALL = "all"
"""``--require all``: every signature field."""


class Match(StrEnum):
    MATCH = "match"
    """The certificate names the field's signatory."""
    MISMATCH = "mismatch"
    NO_SIGNATORY = "no-signatory"
    """The field is for a party whose signatories the agreement does not name: nobody to compare with."""
    NOT_IN_AGREEMENT = "not-in-agreement"
    """A field the embedded agreement has no signatory for."""
    UNKNOWN = "unknown"
    """The embedded agreement cannot be read: its signatories are not known."""


class Code(StrEnum):
    """What a problem is about; reporters word each in their language."""

    MISSING = "missing"
    UNREADABLE = "unreadable-signature"
    NOT_INTACT = "not-intact"
    INVALID = "invalid"
    PARTIAL = "partial-coverage"
    MODIFIED = "modified-after-signing"
    SIGNER = "signer-mismatch"
    UNKNOWN_FIELD = "unknown-field"
    UNTRUSTED = "untrusted"
    REVOKED = "revoked"
    TIMESTAMP = "timestamp-invalid"
    AGREEMENT = "agreement-mismatch"
    STAMP = "stamp-mismatch"
    EMBEDDED = "embedded-unreadable"


@dataclass(frozen=True)
class Problem:
    code: Code
    field: str | None = None
    """The signature field it is about, if any."""
    detail: str = ""
    """What pyHanko, git or the loader said, where it adds something (English, from the library)."""


@dataclass(frozen=True)
class Field:
    name: str
    party: str | None
    """The party's name, from the embedded agreement."""
    signatory: str | None
    """The signatory's name, from the embedded agreement."""
    present: bool
    """False for a signatory of the agreement whose field is not in the PDF."""
    required: bool
    signature: Signature | Unreadable | None
    match: Match | None
    """Set for a field with a signature."""


@dataclass(frozen=True)
class Compared:
    """The YAML the PDF's agreement was compared with."""

    name: str
    """The path, or REV:path."""
    sha256: str
    changes: int | None = None
    """When it differs and both sides load: the number of changes ``samenwerk diff`` finds, and how many of
    them are substantive."""
    substantive: int | None = None


@dataclass(frozen=True)
class Report:
    pdf: str
    embedded_name: str
    embedded_sha256: str
    stamp: str | None
    """The SHA-256 the PDF's metadata gives for the embedded YAML."""
    agreement_id: str | None
    title: str | None
    compared: Compared | None
    fields: tuple[Field, ...]
    anchors: int
    """Trust anchors given: 0 means the certificate chain was not checked."""
    revocation: bool
    required: tuple[str, ...]
    """What ``--require`` asked for: ('all',), ids, or nothing."""
    problems: tuple[Problem, ...]

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @property
    def matches(self) -> bool | None:
        """Whether the embedded agreement is the compared YAML; None when nothing was compared."""
        return None if self.compared is None else self.compared.sha256 == self.embedded_sha256

    def signed(self) -> list[Field]:
        return [f for f in self.fields if f.signature is not None]

    def empty(self) -> list[Field]:
        return [f for f in self.fields if f.signature is None]


def _read(path: Path, what: str, limit: int) -> bytes:
    """A file the user named: not through a symbolic link out of its repository, not over the limit."""
    from ..fsutil import escapes

    refused = escapes(path)
    if refused is not None:
        raise SamenwerkError(f"{path}: {refused}")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SamenwerkError(_("{path}: not a file").format(path=path))
        if size > limit:
            raise SamenwerkError(
                _("{path}: the file is {size} bytes; {what} is limited to {limit} bytes").format(
                    path=path, size=i18n.number(size), what=_(what), limit=i18n.number(limit)
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise SamenwerkError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise SamenwerkError(
            _("{path}: cannot read the file: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None


def read_yaml(path: Path, rev: str | None) -> tuple[str, bytes]:
    """The YAML to compare with: the file, or the file at a git revision (a blob, never a checkout), named
    as the reports show it (``path`` or ``REV:path``)."""
    from ..document.yaml import MAX_FILE_BYTES

    if rev is None:
        return str(path), _read(path, N_("an agreement"), MAX_FILE_BYTES)
    from ..diff import git

    folder = Path(os.path.abspath(path)).parent
    if not folder.is_dir():
        raise SamenwerkError(_("{path}: no such folder {folder}").format(path=path, folder=folder))
    top = git.toplevel(folder)
    full = folder.resolve() / path.name
    try:
        relative = full.relative_to(top.resolve()).as_posix()
    except ValueError:
        raise SamenwerkError(_("{path}: outside the git repository {top}").format(path=path, top=top)) from None
    name = f"{rev}:{relative}"
    found = git.tree_entry(rev, relative, top)
    if found is None:
        raise SamenwerkError(_("{name}: no such file at that revision").format(name=name))
    if not found[0].startswith("100"):
        raise SamenwerkError(
            _("{name}: not a regular file at that revision (a link, folder or submodule)").format(name=name)
        )
    blobs, unread = git.read_blobs([found[1]], top, MAX_FILE_BYTES)
    if found[1] not in blobs:
        raise SamenwerkError(f"{name}: {unread.get(found[1], 'git did not answer for the file')}")
    return name, blobs[found[1]]


def read_anchors(paths: Sequence[Path]) -> list[bytes]:
    """Trust anchors from PEM (one or more certificates per file) or DER files, as DER."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    anchors: list[bytes] = []
    for path in paths:
        raw = _read(path, N_("a certificate file"), 10 * 1024 * 1024)
        try:
            certs = (
                x509.load_pem_x509_certificates(raw) if b"-----BEGIN" in raw else [x509.load_der_x509_certificate(raw)]
            )
        except ValueError as exc:
            raise SamenwerkError(
                _("{path}: not a certificate in PEM or DER form ({exc})").format(path=path, exc=exc)
            ) from None
        anchors.extend(c.public_bytes(Encoding.DER) for c in certs)
    return anchors


def _not_ours(name: str, creator: str | None) -> SamenwerkError:
    if creator and creator.strip().lower().startswith("samenwerk"):
        return SamenwerkError(
            _(
                "{name}: made by an earlier samenwerk that did not embed the agreement: render it again "
                "(samenwerk render -f pdf) and have that signed"
            ).format(name=name)
        )
    return SamenwerkError(
        _(
            "{name}: not a PDF made by samenwerk (it carries no embedded agreement); render agreements "
            "with samenwerk render -f pdf"
        ).format(name=name)
    )


def _slots(document: Document) -> tuple[list[SignatureSlot] | None, str | None]:
    """The embedded agreement's signature slots, or why there are none to compare with."""
    from ..render import signature_slots

    agreement = document.agreement
    if agreement is None:
        diagnostics = document.diagnostics()
        first = diagnostics[0] if diagnostics else None
        if first is None:
            return None, _("it does not load")
        return None, _("line {line}: {message}").format(line=first.line, message=first.message)
    try:
        return [slot for _, slots in signature_slots(agreement) for slot in slots], None
    except KeyError as exc:
        return None, _("a signature block refers to {party} that is not in the agreement").format(party=exc)


def _required(require: Sequence[str], names: list[str], slots: list[SignatureSlot] | None) -> set[str]:
    """Field names that must hold a signature: all of them, or those of the parties, people and fields named."""
    if not require:
        return set()
    if ALL in require:
        return set(names)
    wanted: set[str] = set()
    unknown = []
    for given in require:
        chosen = {
            slot.field_name
            for slot in slots or []
            if given in (slot.party.id, slot.person.id if slot.person else None, slot.field_name)
        }
        chosen |= {n for n in names if n in (given, f"handtekening-{given}")}
        if not chosen:
            unknown.append(given)
        wanted |= chosen
    if unknown:
        known = sorted({s.party.id for s in slots or []} | {s.person.id for s in slots or [] if s.person})
        raise SamenwerkError(
            _(
                "--require: {ids} is no party, signatory or signature field of this PDF; use all, or one of: {known}"
            ).format(
                ids=", ".join(repr(u) for u in unknown), known=", ".join(known) or ", ".join(names) or _("nothing")
            )
        )
    return wanted


def check(
    pdf: Path,
    agreement: Path | None = None,
    *,
    rev: str | None = None,
    require: Sequence[str] = (),
    anchors: Sequence[bytes] = (),
    revocation: bool = False,
) -> Report:
    """Check the signatures of a PDF that samenwerk rendered; see the module's documentation."""
    from .. import document
    from ..document.yaml import MAX_FILE_BYTES
    from . import names
    from .pdf import embedded, fields, open_pdf, reader, signatures, validation_context

    if rev is not None and agreement is None:
        raise SamenwerkError(_("--rev needs the agreement's YAML file: samenwerk signatures SIGNED.pdf FILE --rev REV"))
    if revocation and not anchors:
        raise SamenwerkError(_("--revocation needs trust anchors (--trust FILE): a chain must be built to check it"))
    name = str(pdf)
    data = _read(pdf, N_("a PDF"), MAX_PDF_BYTES)
    open_pdf(data, name)
    try:
        carried = embedded(reader(data), MAX_FILE_BYTES)
    except SamenwerkError as exc:
        raise SamenwerkError(f"{name}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a damaged file specification is the file's problem
        raise SamenwerkError(
            _("{name}: cannot read the embedded agreement: {exc}").format(name=name, exc=exc)
        ) from None
    if carried.data is None:
        raise _not_ours(name, carried.creator)
    compared_name, compared_data = read_yaml(agreement, rev) if agreement is not None else (None, None)
    sha = hashlib.sha256(carried.data).hexdigest()
    loaded = document.from_bytes(carried.data, f"{name}:{carried.name}")
    slots, unreadable = _slots(loaded)
    present = [field for field, _ in fields(reader(data))]
    by_field = {s.field_name: s for s in slots or []}
    names_all = present + [n for n in by_field if n not in present]
    required = _required(require, names_all, slots)
    found = {s.field: s for s in signatures(reader(data), validation_context(list(anchors), revocation))}

    problems: list[Problem] = []
    if unreadable is not None:
        problems.append(Problem(Code.EMBEDDED, None, unreadable))
    if carried.stamp != sha:
        problems.append(Problem(Code.STAMP, None, carried.stamp or ""))
    compared = None
    if compared_name is not None and compared_data is not None:
        compared = Compared(compared_name, hashlib.sha256(compared_data).hexdigest())
        if compared.sha256 != sha:
            compared = _changes(compared, carried.data, f"{name}:{carried.name}", compared_data)
            problems.append(Problem(Code.AGREEMENT))

    out: list[Field] = []
    for field in names_all:
        slot = by_field.get(field)
        signature = found.get(field)
        match: Match | None = None
        if signature is not None:
            if slots is None:
                match = Match.UNKNOWN
            elif slot is None:
                match = Match.NOT_IN_AGREEMENT
            elif slot.person is None:
                match = Match.NO_SIGNATORY
            elif isinstance(signature, Signature) and names.matches(
                slot.person.name, signature.common_name, signature.given_names, signature.surname
            ):
                match = Match.MATCH
            elif isinstance(signature, Signature):
                match = Match.MISMATCH
        out.append(
            Field(
                name=field,
                party=slot.party.name if slot else None,
                signatory=slot.person.name if slot and slot.person else None,
                present=field in present,
                required=field in required,
                signature=signature,
                match=match,
            )
        )
        problems.extend(_problems(out[-1], bool(anchors)))

    return Report(
        pdf=name,
        embedded_name=carried.name,
        embedded_sha256=sha,
        stamp=carried.stamp,
        agreement_id=loaded.agreement.id if loaded.agreement else None,
        title=loaded.agreement.title if loaded.agreement else None,
        compared=compared,
        fields=tuple(out),
        anchors=len(anchors),
        revocation=revocation,
        required=tuple(require),
        problems=tuple(problems),
    )


def _changes(compared: Compared, carried: bytes, carried_name: str, data: bytes) -> Compared:
    """How the two versions differ, in ``samenwerk diff``'s terms, when both load."""
    from dataclasses import replace

    from ..diff import Side, compare

    diff = compare(Side(carried_name, carried), Side(compared.name, data))
    if diff.errors:
        return compared
    return replace(compared, changes=len(diff.changes), substantive=sum(c.substantive for c in diff.changes))


def _problems(field: Field, trust: bool) -> list[Problem]:
    s = field.signature
    name = field.name
    if s is None:
        return [Problem(Code.MISSING, name)] if field.required else []
    if isinstance(s, Unreadable):
        return [Problem(Code.UNREADABLE, name, s.reason)]
    out = []
    if not s.intact:
        out.append(Problem(Code.NOT_INTACT, name))
    elif not s.valid:
        out.append(Problem(Code.INVALID, name))
    if s.coverage == "partial":
        out.append(Problem(Code.PARTIAL, name))
    if s.changes in ("annotations", "other", "unknown"):
        out.append(Problem(Code.MODIFIED, name, s.changes))
    if field.match is Match.MISMATCH:
        out.append(Problem(Code.SIGNER, name))
    elif field.match is Match.NOT_IN_AGREEMENT:
        out.append(Problem(Code.UNKNOWN_FIELD, name))
    if s.timestamp_ok is False:
        out.append(Problem(Code.TIMESTAMP, name))
    if s.revoked:
        out.append(Problem(Code.REVOKED, name))
    elif trust and not s.trusted:
        out.append(Problem(Code.UNTRUSTED, name, s.trust_problem or ""))
    return out
