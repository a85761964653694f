"""Signatures in Dutch Markdown, for a pull-request comment or a job summary: who signed, what is wrong, and
what was and was not checked.

Names from the PDF go through ``neutral.markdown`` (``md_cell``), file names, hashes and field names through
``neutral.md_code``; what a library said (``detail``) through ``md_cell`` too.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from ... import nl
from ...neutral import md_code
from ...signatures import Code, Field, Match, Problem, Report, Signature, Unreadable
from .. import md_cell
from . import Options, signer


def _moment(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    zone = "UTC" if not offset else f"UTC{moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}"
    return f"{nl.date(moment.date())} om {moment.strftime('%H:%M:%S')} ({zone})"


def _wie(field: Field | None) -> str:
    if field is None:
        return "?"
    if field.signatory and field.party:
        return f"{md_cell(field.signatory)} ({md_cell(field.party)})"
    return md_cell(field.signatory or field.party or "-")


def boodschap(report: Report, problem: Problem) -> str:
    """One problem in Dutch, as one line of Markdown."""
    field = next((f for f in report.fields if f.name == problem.field), None)
    s = field.signature if field is not None else None
    by = md_cell(signer(s)) if isinstance(s, Signature) else "?"
    at = f"{md_code(problem.field)}: " if problem.field else ""
    code = problem.code
    if code is Code.MISSING:
        waar = "staat niet in de PDF" if field is not None and not field.present else "ontbreekt"
        return f"{at}de vereiste handtekening van {_wie(field)} {waar}"
    if code is Code.UNREADABLE:
        return f"{at}de handtekening kan niet gecontroleerd worden: {md_cell(problem.detail)}"
    if code is Code.NOT_INTACT:
        return f"{at}de ondertekende inhoud is gewijzigd nadat {by} tekende: de handtekening is ongeldig"
    if code is Code.INVALID:
        return f"{at}de handtekening van {by} klopt niet met het certificaat erbij"
    if code is Code.PARTIAL:
        return f"{at}de handtekening van {by} dekt haar versie van het document niet volledig"
    if code is Code.MODIFIED:
        wat = {
            "annotations": "er zijn opmerkingen (annotaties) toegevoegd",
            "unknown": "de wijzigingen konden niet ontleed worden",
        }.get(problem.detail, "het document zelf is gewijzigd")
        return f"{at}nadat {by} tekende, deed een latere versie meer dan andere velden ondertekenen: {wat}"
    if code is Code.SIGNER:
        return f"{at}getekend door {by}, maar dit veld is voor {_wie(field)}"
    if code is Code.UNKNOWN_FIELD:
        return f"{at}getekend door {by} in een veld waarvoor de ingebedde overeenkomst geen ondertekenaar noemt"
    if code is Code.UNTRUSTED:
        reden = f" ({md_cell(problem.detail)})" if problem.detail else ""
        return f"{at}het certificaat van {by} leidt niet naar een opgegeven basiscertificaat (`--trust`){reden}"
    if code is Code.REVOKED:
        return f"{at}het certificaat van {by} is ingetrokken"
    if code is Code.TIMESTAMP:
        return f"{at}het tijdstempel bij de handtekening van {by} is niet intact"
    if code is Code.AGREEMENT:
        c = report.compared
        assert c is not None
        verschil = ""
        if c.changes is not None:
            verschil = (
                f" (`samenwerk diff` vindt {nl.count(c.changes, 'wijziging', 'wijzigingen')}, "
                f"waarvan {c.substantive} inhoudelijk)"
            )
        return (
            f"de PDF bevat {md_code(report.embedded_name)} met SHA-256 `{report.embedded_sha256}`, maar "
            f"{md_code(c.name)} heeft SHA-256 `{c.sha256}`: de PDF is niet van deze versie gemaakt{verschil}"
        )
    if code is Code.STAMP:
        if not problem.detail:
            return "de metadata van de PDF geven geen SHA-256 voor de ingebedde overeenkomst"
        return (
            f"de metadata geven SHA-256 `{problem.detail}`, maar de ingebedde overeenkomst heeft "
            f"`{report.embedded_sha256}`"
        )
    if code is Code.EMBEDDED:
        return (
            f"de ingebedde overeenkomst {md_code(report.embedded_name)} kan niet gelezen worden "
            f"({md_cell(problem.detail)}): de ondertekenaars zijn niet vergeleken"
        )
    return f"{at}{code}"  # pragma: no cover - every code is worded above


_MATCH = {
    Match.MATCH: "ja",
    Match.MISMATCH: "**nee**",
    Match.NO_SIGNATORY: "geen ondertekenaar genoemd",
    Match.NOT_IN_AGREEMENT: "**veld niet in de overeenkomst**",
    Match.UNKNOWN: "niet vergeleken",
}


def _row(field: Field) -> str:
    name = md_code(field.name) + (" (vereist)" if field.required else "")
    s = field.signature
    if s is None:
        state = "staat niet in de PDF" if not field.present else "niet getekend"
        return f"| {name} | {_wie(field)} | {'**' + state + '**' if field.required else state} | – | – | – |\n"
    if isinstance(s, Unreadable):
        return f"| {name} | {_wie(field)} | onleesbaar | – | **{md_cell(s.reason)}** | – |\n"
    if not s.intact:
        integriteit = "**gewijzigd na ondertekening**"
    elif not s.valid:
        integriteit = "**ongeldig**"
    elif s.coverage == "partial" or s.changes not in ("none", "signing"):
        integriteit = "**later gewijzigd**"
    else:
        integriteit = "intact" + ("" if s.changes == "none" else "; daarna enkel ondertekend")
    if s.trusted:
        integriteit += "; vertrouwd"
    tijd = f"{_moment(s.timestamp)} (tijdstempel)" if s.timestamp else (_moment(s.signed_at) if s.signed_at else "–")
    match = _MATCH[field.match or Match.UNKNOWN]
    return f"| {name} | {_wie(field)} | {md_cell(signer(s))} | {tijd} | {integriteit} | {match} |\n"


def _gecontroleerd(report: Report) -> list[str]:
    loaded = not any(p.code is Code.EMBEDDED for p in report.problems)
    c = report.compared
    return [
        "**Integriteit**: gecontroleerd (de ondertekende inhoud, de handtekeningen, wat elke handtekening dekt "
        "en wat latere versies wijzigden).",
        "**Ondertekenaars**: "
        + (
            "gecontroleerd, op naam: het certificaat tegen de ondertekenaar van het veld in de ingebedde overeenkomst."
            if loaded
            else "niet gecontroleerd: de ingebedde overeenkomst kan niet gelezen worden."
        ),
        "**Overeenkomst**: "
        + (
            f"de ingebedde YAML vergeleken met {md_code(c.name)}."
            if c is not None
            else "niet vergeleken: geen YAML-bestand opgegeven."
        ),
        "**Certificaatketen**: "
        + (
            f"gecontroleerd tegen {nl.count(report.anchors, 'opgegeven basiscertificaat', 'opgegeven basiscertificaten')}."
            if report.anchors
            else "niet gecontroleerd: geen basiscertificaten opgegeven (`--trust`)."
        ),
        "**Intrekking**: "
        + ("online gecontroleerd (OCSP/CRL)." if report.revocation else "niet gecontroleerd (`--revocation`)."),
        "**Tijdstip van ondertekening**: zoals de software van de ondertekenaar het opgeeft, niet geverifieerd "
        "(tenzij een tijdstempel vermeld staat).",
        "**Zichtbare tekst**: niet gecontroleerd tegen de ingebedde YAML (samenwerk zette beide in de PDF).",
    ]


def report(report: Report, out: TextIO, options: Options) -> None:
    w = out.write
    titel = md_cell(report.title) if report.title else md_code(report.pdf, cell=False)
    w(f"## Handtekeningen: {titel}\n\n")
    w(f"Bestand: {md_code(report.pdf, cell=False)}. ")
    getekend = len(report.signed())
    w(f"{getekend} van {nl.count(len(report.fields), 'handtekeningveld', 'handtekeningvelden')} getekend.\n\n")
    w("| Veld | Voor | Getekend door | Tijdstip | Integriteit | Ondertekenaar klopt |\n|---|---|---|---|---|---|\n")
    for field in report.fields:
        w(_row(field))
    w(f"\nIngebedde overeenkomst: {md_code(report.embedded_name, cell=False)}, SHA-256 `{report.embedded_sha256}`")
    if report.compared is not None:
        same = "dezelfde als" if report.matches else "**niet** dezelfde als"
        w(f", {same} {md_code(report.compared.name, cell=False)}")
    w(".\n")
    if report.problems:
        w("\n### Problemen\n\n")
        for problem in report.problems:
            w(f"- {boodschap(report, problem)}\n")
    w("\n### Wat gecontroleerd is\n\n")
    for line in _gecontroleerd(report):
        w(f"- {line}\n")
