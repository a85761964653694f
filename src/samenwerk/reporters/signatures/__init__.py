"""Signature report formats. Add a format: a module here with a writer, and one line in ``FORMATS``.

The wording shared by the English formats (table, github, junit) lives here: what each problem means
(``message``), and what was and was not checked (``checks``); ``markdown`` words the same in Dutch. Names
from the PDF (fields, signers, parties, the embedded file's name) are untrusted text: each format
neutralises what it writes for where it lands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from .. import Format, Registry

if TYPE_CHECKING:
    from ...signatures import Field, Problem, Report, Signature


@dataclass(frozen=True)
class Options:
    color: bool = False


class Writer(Protocol):
    def __call__(self, report: Report, out: TextIO, options: Options) -> None: ...


FORMATS: Registry[Writer] = Registry(
    __name__,
    {
        "table": Format("table:report"),
        "json": Format("json:report"),
        "markdown": Format("markdown:report"),
        "github": Format("github:report"),
        "junit": Format("junit:report"),
    },
)


def signer(s: Signature) -> str:
    """The signer as the certificate names them: the common name without its note ('(Signature)'), else the
    given names and surname."""
    from ...signatures.names import common_name

    if s.common_name:
        return common_name(s.common_name) or s.common_name
    return " ".join(p for p in (s.given_names, s.surname) if p) or "(no name in the certificate)"


def when(moment: dt.datetime | None, sep: str = " ") -> str:
    """A time to the second with its offset ('2026-01-31 14:02:09+00:00'; ``sep="T"`` for ISO 8601 in JSON);
    '-' for none."""
    return moment.replace(microsecond=0).isoformat(sep) if moment is not None else "-"


def who(field: Field) -> str:
    """The signatory a field is for: 'An Peeters (Stad Gent)', or the party, or '-'."""
    if field.signatory and field.party:
        return f"{field.signatory} ({field.party})"
    return field.signatory or field.party or "-"


def _field(report: Report, name: str | None) -> Field | None:
    return next((f for f in report.fields if f.name == name), None)


def message(report: Report, problem: Problem) -> str:
    """One problem in English, one line, naming the field and what was found."""
    from ...signatures import Code, Signature

    field = _field(report, problem.field)
    s = field.signature if field is not None else None
    by = signer(s) if isinstance(s, Signature) else "?"
    at = f"{problem.field}: " if problem.field else ""
    code = problem.code
    if code is Code.MISSING:
        where = "is not in the PDF" if field is not None and not field.present else "is not signed"
        return f"{at}required signature of {who(field) if field else '?'} {where}"
    if code is Code.UNREADABLE:
        return f"{at}the signature cannot be validated: {problem.detail}"
    if code is Code.NOT_INTACT:
        return f"{at}the signed bytes were changed after {by} signed: the signature is invalid"
    if code is Code.INVALID:
        return f"{at}the signature of {by} does not verify with the certificate it carries"
    if code is Code.PARTIAL:
        return f"{at}the signature of {by} does not cover its whole revision of the document"
    if code is Code.MODIFIED:
        what = {
            "annotations": "annotations were added",
            "unknown": "the changes could not be analysed",
        }.get(problem.detail, "the document itself was changed")
        return f"{at}after {by} signed, a later revision did more than sign other fields: {what}"
    if code is Code.SIGNER:
        return f"{at}signed by {by}, but the field is for {who(field) if field else '?'}"
    if code is Code.UNKNOWN_FIELD:
        return f"{at}signed by {by} in a field for which the embedded agreement names no signatory"
    if code is Code.UNTRUSTED:
        reason = f" ({problem.detail})" if problem.detail else ""
        return f"{at}the certificate of {by} does not chain to a trust anchor given with --trust{reason}"
    if code is Code.REVOKED:
        return f"{at}the certificate of {by} is revoked"
    if code is Code.TIMESTAMP:
        return f"{at}the timestamp token of the signature of {by} is not intact"
    if code is Code.AGREEMENT:
        c = report.compared
        assert c is not None
        diff = ""
        if c.changes is not None:
            diff = f"; samenwerk diff finds {c.changes} change(s), {c.substantive} substantive"
        return (
            f"the PDF carries {report.embedded_name} with sha256:{report.embedded_sha256}, "
            f"but {c.name} has sha256:{c.sha256}: the PDF was not rendered from this version{diff}"
        )
    if code is Code.STAMP:
        if not problem.detail:
            return f"the metadata gives no SHA-256 for the embedded agreement (sha256:{report.embedded_sha256})"
        return (
            f"the metadata gives sha256:{problem.detail}, "
            f"but the embedded agreement has sha256:{report.embedded_sha256}"
        )
    if code is Code.EMBEDDED:
        return (
            f"the embedded agreement {report.embedded_name} does not load ({problem.detail}): "
            "signers were not matched to signatories"
        )
    return f"{at}{code}"  # pragma: no cover - every code is worded above


def checks(report: Report) -> list[tuple[str, bool, str]]:
    """What was checked and what was not: (what, checked, how), in English."""
    from ...signatures import Code

    loaded = not any(p.code is Code.EMBEDDED for p in report.problems)
    c = report.compared
    return [
        (
            "integrity",
            True,
            "signed bytes, signature values, coverage of each revision, and what later revisions changed",
        ),
        (
            "signers",
            loaded,
            "each certificate's name against the field's signatory in the embedded agreement"
            if loaded
            else "the embedded agreement does not load: no signatories to compare with",
        ),
        (
            "agreement",
            c is not None,
            f"the embedded YAML against {c.name}" if c is not None else "no YAML file given to compare with",
        ),
        (
            "certificate chain",
            report.anchors > 0,
            f"against {report.anchors} trust anchor(s) given with --trust"
            if report.anchors
            else "no trust anchors given: --trust FILE gives them",
        ),
        (
            "revocation",
            report.revocation,
            "online, by OCSP or CRL" if report.revocation else "off: --revocation checks it online",
        ),
        (
            "signing time",
            False,
            "as the signer's software claims it, unless a timestamp token is shown",
        ),
        (
            "visible text",
            False,
            "that the pages were laid out from the embedded YAML: samenwerk put both there",
        ),
    ]


def summary(report: Report) -> str:
    signed = len(report.signed())
    problems = len(report.problems)
    return f"{signed} of {len(report.fields)} signature field(s) signed; " + (
        f"{problems} problem(s)" if problems else "no problems"
    )
