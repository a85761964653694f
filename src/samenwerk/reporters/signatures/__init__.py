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

from ...i18n import N_, _, ngettext
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
    return " ".join(p for p in (s.given_names, s.surname) if p) or _("(no name in the certificate)")


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
    """One problem in the run's language, one line, naming the field and what was found."""
    from ...signatures import Code, Signature

    field = _field(report, problem.field)
    s = field.signature if field is not None else None
    by = signer(s) if isinstance(s, Signature) else "?"
    at = f"{problem.field}: " if problem.field else ""
    code = problem.code
    if code is Code.MISSING:
        whom = who(field) if field else "?"
        if field is not None and not field.present:
            return at + _("required signature of {who} is not in the PDF").format(who=whom)
        return at + _("required signature of {who} is not signed").format(who=whom)
    if code is Code.UNREADABLE:
        return at + _("the signature cannot be validated: {problem}").format(problem=problem.detail)
    if code is Code.NOT_INTACT:
        return at + _("the signed bytes were changed after {signer} signed: the signature is invalid").format(signer=by)
    if code is Code.INVALID:
        return at + _("the signature of {signer} does not verify with the certificate it carries").format(signer=by)
    if code is Code.PARTIAL:
        return at + _("the signature of {signer} does not cover its whole revision of the document").format(signer=by)
    if code is Code.MODIFIED:
        what = {
            "annotations": _("annotations were added"),
            "unknown": _("the changes could not be analysed"),
        }.get(problem.detail or "", _("the document itself was changed"))
        return at + _("after {signer} signed, a later revision did more than sign other fields: {what}").format(
            signer=by, what=what
        )
    if code is Code.SIGNER:
        return at + _("signed by {signer}, but the field is for {who}").format(
            signer=by, who=who(field) if field else "?"
        )
    if code is Code.UNKNOWN_FIELD:
        return at + _("signed by {signer} in a field for which the embedded agreement names no signatory").format(
            signer=by
        )
    if code is Code.UNTRUSTED:
        reason = f" ({problem.detail})" if problem.detail else ""
        return (
            at
            + _("the certificate of {signer} does not chain to a trust anchor given with --trust").format(signer=by)
            + reason
        )
    if code is Code.REVOKED:
        return at + _("the certificate of {signer} is revoked").format(signer=by)
    if code is Code.TIMESTAMP:
        return at + _("the timestamp token of the signature of {signer} is not intact").format(signer=by)
    if code is Code.AGREEMENT:
        c = report.compared
        assert c is not None
        diff = ""
        if c.changes is not None:
            diff = "; " + ngettext(
                "samenwerk diff finds {n} change, {substantive} substantive",
                "samenwerk diff finds {n} changes, {substantive} substantive",
                c.changes,
            ).format(n=c.changes, substantive=c.substantive)
        return (
            _(
                "the PDF carries {name} with sha256:{sha}, but {other} has sha256:{other_sha}: "
                "the PDF was not rendered from this version"
            ).format(name=report.embedded_name, sha=report.embedded_sha256, other=c.name, other_sha=c.sha256)
            + diff
        )
    if code is Code.STAMP:
        if not problem.detail:
            return _("the metadata gives no SHA-256 for the embedded agreement (sha256:{sha})").format(
                sha=report.embedded_sha256
            )
        return _("the metadata gives sha256:{given}, but the embedded agreement has sha256:{sha}").format(
            given=problem.detail, sha=report.embedded_sha256
        )
    if code is Code.EMBEDDED:
        return _(
            "the embedded agreement {name} does not load ({problem}): signers were not matched to signatories"
        ).format(name=report.embedded_name, problem=problem.detail)
    return f"{at}{code}"  # pragma: no cover - every code is worded above


def checks(report: Report) -> list[tuple[str, bool, str]]:
    """What was checked and what was not: (what, checked, how); ``what`` is a key (English, as JSON keeps it:
    ``_(what)`` where a person reads it), ``how`` in the run's language."""
    from ...signatures import Code

    loaded = not any(p.code is Code.EMBEDDED for p in report.problems)
    c = report.compared
    return [
        (
            N_("integrity"),
            True,
            _("signed bytes, signature values, coverage of each revision, and what later revisions changed"),
        ),
        (
            N_("signers"),
            loaded,
            _("each certificate's name against the field's signatory in the embedded agreement")
            if loaded
            else _("the embedded agreement does not load: no signatories to compare with"),
        ),
        (
            N_("agreement"),
            c is not None,
            _("the embedded YAML against {name}").format(name=c.name)
            if c is not None
            else _("no YAML file given to compare with"),
        ),
        (
            N_("certificate chain"),
            report.anchors > 0,
            ngettext(
                "against {n} trust anchor given with --trust",
                "against {n} trust anchors given with --trust",
                report.anchors,
            ).format(n=report.anchors)
            if report.anchors
            else _("no trust anchors given: --trust FILE gives them"),
        ),
        (
            N_("revocation"),
            report.revocation,
            _("online, by OCSP or CRL") if report.revocation else _("off: --revocation checks it online"),
        ),
        (
            N_("signing time"),
            False,
            _("as the signer's software claims it, unless a timestamp token is shown"),
        ),
        (
            N_("visible text"),
            False,
            _("that the pages were laid out from the embedded YAML: samenwerk put both there"),
        ),
    ]


def summary(report: Report) -> str:
    signed = len(report.signed())
    problems = len(report.problems)
    return (
        ngettext(
            "{signed} of {n} signature field signed", "{signed} of {n} signature fields signed", len(report.fields)
        ).format(signed=signed, n=len(report.fields))
        + "; "
        + (ngettext("{n} problem", "{n} problems", problems).format(n=problems) if problems else _("no problems"))
    )
