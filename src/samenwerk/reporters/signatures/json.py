"""Signatures as JSON for scripts: every field with its signature, the agreement, the problems (with their
English message) and what was checked. Lossless: only a byte of a name that was not UTF-8 is shown escaped
(``neutral.json_safe``). No certificate serial number (a Belgian eID's is the national register number)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ...neutral import json_safe
from ...signatures import Field, Report, Signature, Unreadable
from . import Options, checks, message, signer, when


def _signature(s: Signature | Unreadable | None, trust: bool) -> dict[str, Any] | None:
    if s is None:
        return None
    if isinstance(s, Unreadable):
        return {"readable": False, "reason": s.reason}
    return {
        "readable": True,
        "signer": signer(s),
        "certificate": {
            "common_name": s.common_name,
            "given_names": s.given_names,
            "surname": s.surname,
            "issuer": s.issuer,
            "sha256": s.fingerprint,
        },
        "signed_at": when(s.signed_at, "T") if s.signed_at else None,
        "signed_at_verified": False,
        "timestamp": when(s.timestamp, "T") if s.timestamp else None,
        "timestamp_intact": s.timestamp_ok,
        "intact": s.intact,
        "valid": s.valid,
        "coverage": s.coverage,
        "later_changes": s.changes,
        "trusted": s.trusted if trust else None,
        "trust_problem": s.trust_problem if trust else None,
        "revoked": s.revoked,
    }


def _field(field: Field, trust: bool) -> dict[str, Any]:
    return {
        "name": field.name,
        "party": field.party,
        "signatory": field.signatory,
        "in_pdf": field.present,
        "required": field.required,
        "signed": field.signature is not None,
        "signer_matches": str(field.match) if field.match else None,
        "signature": _signature(field.signature, trust),
    }


def report(report: Report, out: TextIO, options: Options) -> None:
    c = report.compared
    doc: dict[str, Any] = {
        "pdf": report.pdf,
        "agreement": {
            "id": report.agreement_id,
            "title": report.title,
            "embedded_file": report.embedded_name,
            "sha256": report.embedded_sha256,
            "metadata_sha256": report.stamp,
            "compared_with": None
            if c is None
            else {
                "name": c.name,
                "sha256": c.sha256,
                "same": report.matches,
                "changes": c.changes,
                "substantive_changes": c.substantive,
            },
        },
        "required": list(report.required),
        "fields": [_field(f, report.anchors > 0) for f in report.fields],
        "problems": [
            {"code": str(p.code), "field": p.field, "detail": p.detail or None, "message": message(report, p)}
            for p in report.problems
        ],
        "checked": {what: {"checked": done, "how": how} for what, done, how in checks(report)},
        "ok": not report.failed,
    }
    json.dump(json_safe(doc), out, ensure_ascii=False, indent=2)
    out.write("\n")
