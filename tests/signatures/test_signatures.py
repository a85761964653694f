"""samenwerk signatures, with real components: a test CA and eID-like signer certificates (cryptography), an
agreement rendered by samenwerk render, its fields signed one after the other by pyHanko (each signature an
incremental update), then checked as a secretary would before the agreement takes effect."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from samenwerk.signatures import Code, Match, check
from tests.conftest import git
from tests.robustness.invoke import invoke

from .pki import NATIONAL_NUMBER, Authority, Signer

HERE = Path(__file__).parent
AGREEMENT = HERE / "agreement.yaml"
JOSEE = "handtekening-proefdorp-josee-van-den-bossche"
AN = "handtekening-proefdorp-an-peeters"
WIM = "handtekening-vdab-wim-adriaens"
FIELDS = (JOSEE, AN, WIM)


@pytest.fixture(scope="module")
def ca() -> Authority:
    return Authority.create()


@pytest.fixture(scope="module")
def people(ca: Authority) -> dict[str, Signer]:
    """Each signatory's eID signing certificate, named as an eID names its holder (all given names)."""
    return {
        JOSEE: ca.signer("Josée Van den Bossche (Signature)", "Josée Maria", "Van den Bossche"),
        AN: ca.signer("An Peeters (Signature)", "An Mieke", "Peeters"),
        WIM: ca.signer("Wim Adriaens (Signature)", "Wim", "Adriaens"),
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The agreement as ``samenwerk render`` writes it: PDF/A with an empty field per signatory."""
    out = tmp_path_factory.mktemp("rendered") / "agreement.pdf"
    code, text = invoke("render", str(AGREEMENT), "-f", "pdf", "-o", str(out))
    assert code == 0, text
    return out.read_bytes()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with the agreement's YAML, as it stands next to its signed PDF in a repository."""
    shutil.copy2(AGREEMENT, tmp_path / "agreement.yaml")
    return tmp_path


def signed_by(pdf: bytes, people: dict[str, Signer], *fields: str) -> bytes:
    for field in fields:
        pdf = people[field].sign(pdf, field)
    return pdf


def run(work: Path, pdf: bytes, *args: str, name: str = "signed.pdf") -> tuple[int, str, dict]:
    """``samenwerk signatures`` on the PDF: exit code, the table and the JSON report."""
    path = work / name
    path.write_bytes(pdf)
    code, table = invoke("signatures", str(path), *args)
    report = work / "report.json"
    report.unlink(missing_ok=True)
    json_code, text = invoke("signatures", str(path), *args, "-f", "json", "-o", str(report))
    assert json_code == code, text
    return code, table, json.loads(report.read_text(encoding="utf-8"))


def by_name(report: dict) -> dict[str, dict]:
    return {f["name"]: f for f in report["fields"]}


def codes(report: dict) -> list[tuple[str, str | None]]:
    return [(p["code"], p["field"]) for p in report["problems"]]


# --- the questions of issue 19 ------------------------------------------------------------------------


def test_all_signed_one_after_the_other_is_clean(work: Path, rendered: bytes, people: dict[str, Signer]) -> None:
    pdf = signed_by(rendered, people, JOSEE, AN, WIM)
    code, table, report = run(work, pdf, str(work / "agreement.yaml"), "--require", "all")
    assert code == 0, table
    assert report["ok"] and report["problems"] == []
    fields = by_name(report)
    assert list(fields) == list(FIELDS)
    for name, field in fields.items():
        signature = field["signature"]
        assert field["signed"] and field["required"] and field["signer_matches"] == "match", name
        assert signature["intact"] and signature["valid"], name
        assert signature["signed_at"] and signature["signed_at_verified"] is False
    # Each signature covers its own revision; later revisions only signed the other fields.
    assert [fields[f]["signature"]["later_changes"] for f in FIELDS] == ["signing", "signing", "none"]
    assert [fields[f]["signature"]["coverage"] for f in FIELDS] == ["revision", "revision", "file"]
    assert fields[JOSEE]["signature"]["signer"] == "Josée Van den Bossche"
    assert report["agreement"]["compared_with"]["same"] is True
    assert "3 of 3 signature fields signed; no problems" in table


def test_a_field_left_empty_is_reported_and_fails_require_all(
    work: Path, rendered: bytes, people: dict[str, Signer]
) -> None:
    pdf = signed_by(rendered, people, JOSEE, WIM)
    code, table, report = run(work, pdf)
    assert code == 0, "without --require an incomplete PDF is a report, not a failure"
    assert by_name(report)[AN]["signed"] is False
    assert "not signed" in table and "2 of 3" in table

    code, table, report = run(work, pdf, "--require", "all")
    assert code == 1
    assert codes(report) == [("missing", AN)]
    assert "required signature of An Peeters (Gemeente Proefdorp) is not signed" in table

    # By party, by signatory or by field: only what is named must be there.
    assert run(work, pdf, "--require", "vdab")[0] == 0
    assert run(work, pdf, "--require", "wim-adriaens,josee-van-den-bossche")[0] == 0
    assert run(work, pdf, "--require", "proefdorp")[0] == 1
    assert run(work, pdf, "--require", AN)[0] == 1
    code, text = invoke("signatures", str(work / "signed.pdf"), "--require", "nobody")
    assert code == 2 and "'nobody' is no party, signatory or signature field" in text and "an-peeters" in text


def test_a_byte_changed_after_signing_makes_the_signature_invalid(
    work: Path, rendered: bytes, people: dict[str, Signer]
) -> None:
    from pypdf import PdfReader

    pdf = bytearray(signed_by(rendered, people, JOSEE, AN, WIM))
    # A byte inside the first page's content stream: the file still parses, its signed bytes differ.
    contents = PdfReader(io.BytesIO(bytes(pdf))).pages[0].raw_get("/Contents")
    number = (contents[0] if isinstance(contents, list) else contents).idnum
    start = pdf.index(b"stream", pdf.index(f"\n{number} 0 obj".encode())) + len(b"stream\n") + 20
    pdf[start] ^= 0x01
    code, table, report = run(work, bytes(pdf))
    assert code == 1
    assert {("not-intact", f) for f in FIELDS} <= set(codes(report))
    assert all(not f["signature"]["intact"] for f in report["fields"])
    assert "changed after signing" in table


def test_a_signer_who_is_not_the_fields_signatory_is_flagged(
    work: Path, rendered: bytes, people: dict[str, Signer], ca: Authority
) -> None:
    stranger = ca.signer("Rob Mennes (Signature)", "Rob", "Mennes")
    pdf = signed_by(rendered, people, JOSEE)
    pdf = stranger.sign(pdf, AN)
    code, table, report = run(work, pdf)
    assert code == 1
    assert codes(report) == [("signer-mismatch", AN)]
    assert by_name(report)[AN]["signer_matches"] == "mismatch"
    assert by_name(report)[JOSEE]["signer_matches"] == "match"
    assert "signed by Rob Mennes, but the field is for An Peeters (Gemeente Proefdorp)" in table
    assert "NOT the signatory" in table


def test_a_pdf_rendered_from_another_version_is_a_mismatch_naming_both_hashes(
    work: Path, rendered: bytes, people: dict[str, Signer]
) -> None:
    import hashlib

    newer = work / "agreement.yaml"
    newer.write_text(newer.read_text(encoding="utf-8").replace("end: 31-12-2029", "end: 31-12-2030"), encoding="utf-8")
    old_hash = hashlib.sha256(AGREEMENT.read_bytes()).hexdigest()
    new_hash = hashlib.sha256(newer.read_bytes()).hexdigest()
    pdf = signed_by(rendered, people, JOSEE, AN, WIM)
    code, table, report = run(work, pdf, str(newer))
    assert code == 1
    assert codes(report) == [("agreement-mismatch", None)]
    message = report["problems"][0]["message"]
    assert old_hash in message and new_hash in message
    compared = report["agreement"]["compared_with"]
    assert compared["same"] is False and compared["changes"] == 1 and compared["substantive_changes"] == 1
    assert report["agreement"]["sha256"] == old_hash and compared["sha256"] == new_hash
    assert old_hash in table and new_hash in table


def test_the_agreement_at_a_git_revision(work: Path, rendered: bytes, people: dict[str, Signer]) -> None:
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "agreement.yaml")
    git(work, "commit", "-q", "-m", "the agreement as it was rendered")
    yaml = work / "agreement.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("Stuurgroep", "Stuurgroep Werk"), encoding="utf-8")
    pdf = signed_by(rendered, people, JOSEE, AN, WIM)
    assert run(work, pdf, str(yaml))[0] == 1, "the working tree moved on"
    code, table, report = run(work, pdf, str(yaml), "--rev", "HEAD")
    assert code == 0, table
    assert report["agreement"]["compared_with"]["name"] == "HEAD:agreement.yaml"
    code, text = invoke("signatures", str(work / "signed.pdf"), str(work / "nothere.yaml"), "--rev", "HEAD")
    assert code == 2 and "HEAD:nothere.yaml: no such file at that revision" in text
    code, text = invoke("signatures", str(work / "signed.pdf"), "--rev", "HEAD")
    assert code == 2 and "--rev needs the agreement's YAML file" in text


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda rendered: b"id: not-a-pdf\n", "not a PDF (no %PDF- header)"),
        (lambda rendered: rendered[: len(rendered) // 3], "cannot be read as a PDF"),
        (lambda rendered: b"%PDF-1.7\n" + bytes(range(256)) * 40, "cannot be read as a PDF"),
        (lambda rendered: b"", "not a PDF"),
    ],
    ids=["yaml", "truncated", "garbage", "empty"],
)
def test_a_broken_file_is_an_input_error(
    work: Path, rendered: bytes, make: Callable[[bytes], bytes], expected: str
) -> None:
    path = work / "broken.pdf"
    path.write_bytes(make(rendered))
    code, text = invoke("signatures", str(path))
    assert code == 2, text
    assert f"samenwerk: {path}: {expected}" in text
    assert "Traceback" not in text


def test_an_unrelated_pdf_or_a_missing_file_is_an_input_error(work: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = work / "other.pdf"
    path.write_bytes(buffer.getvalue())
    code, text = invoke("signatures", str(path))
    assert code == 2 and "not a PDF made by samenwerk (it carries no embedded agreement)" in text
    code, text = invoke("signatures", str(work / "missing.pdf"))
    assert code == 2 and "missing.pdf: no such file" in text
    code, text = invoke("signatures", str(work))
    assert code == 2 and "not a file" in text


def test_a_pdf_from_before_the_embedding_is_told_to_be_rendered_again(work: Path) -> None:
    from samenwerk.lint import load_resolved
    from samenwerk.render import render_pdf

    agreement, _ = load_resolved(AGREEMENT)
    assert agreement is not None
    path = work / "old.pdf"
    path.write_bytes(render_pdf(agreement))  # no source: as samenwerk rendered before it embedded the YAML
    code, text = invoke("signatures", str(path))
    assert code == 2 and "made by an earlier samenwerk that did not embed the agreement: render it again" in text


# --- trust, revocation and what was checked -----------------------------------------------------------


def test_trust_only_from_the_anchors_given(
    work: Path, rendered: bytes, people: dict[str, Signer], ca: Authority
) -> None:
    pdf = signed_by(rendered, people, JOSEE, AN, WIM)
    code, table, report = run(work, pdf)
    assert code == 0
    assert all(f["signature"]["trusted"] is None for f in report["fields"]), "not judged without anchors"
    assert report["checked"]["certificate chain"]["checked"] is False
    assert "certificate chain: no" in table and "revocation: no" in table

    ours = work / "ca.pem"
    ours.write_bytes(ca.pem)
    code, table, report = run(work, pdf, "--trust", str(ours))
    assert code == 0, table
    assert all(f["signature"]["trusted"] is True for f in report["fields"])
    assert "against 1 trust anchor given with --trust" in table

    other = work / "other.pem"
    other.write_bytes(Authority.create("Another Root CA").pem)
    code, table, report = run(work, pdf, "--trust", str(other))
    assert code == 1
    assert {("untrusted", f) for f in FIELDS} == set(codes(report))

    # Revocation: only with anchors; these certificates name no OCSP responder or CRL, so nothing is fetched.
    code, text = invoke("signatures", str(work / "signed.pdf"), "--revocation")
    assert code == 2 and "--revocation needs trust anchors" in text
    code, table, report = run(work, pdf, "--trust", str(ours), "--revocation")
    assert code == 0, table
    assert report["checked"]["revocation"]["checked"] is True

    bad = work / "bad.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", encoding="utf-8")
    code, text = invoke("signatures", str(work / "signed.pdf"), "--trust", str(bad))
    assert code == 2 and "bad.pem: not a certificate in PEM or DER form" in text


def test_changes_after_signing_beyond_signing_are_flagged(
    work: Path, rendered: bytes, people: dict[str, Signer]
) -> None:
    """The embedded agreement swapped in a later revision: the signatures before it no longer cover what the
    PDF now carries, and say so."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = signed_by(rendered, people, JOSEE, AN)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    spec = writer.root["/AF"][0]
    stream = generic.StreamObject(
        {generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile")}, stream_data=b"id: x\n"
    )
    spec["/EF"] = generic.DictionaryObject({generic.NameObject("/F"): writer.add_object(stream)})
    writer.update_container(spec)
    out = io.BytesIO()
    writer.write(out)
    code, table, report = run(work, out.getvalue())
    assert code == 1
    assert {("modified-after-signing", JOSEE), ("modified-after-signing", AN)} <= set(codes(report))
    assert ("stamp-mismatch", None) in codes(report) and ("embedded-unreadable", None) in codes(report)


def test_a_signature_in_a_field_the_agreement_does_not_have(
    work: Path, rendered: bytes, people: dict[str, Signer]
) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(rendered))
    append_signature_field(writer, SigFieldSpec(sig_field_name="handtekening-extra", on_page=0, box=(10, 10, 200, 60)))
    out = io.BytesIO()
    writer.write(out)
    pdf = people[WIM].sign(out.getvalue(), "handtekening-extra")
    code, table, report = run(work, pdf)
    assert code == 1
    assert codes(report) == [("unknown-field", "handtekening-extra")]
    assert by_name(report)["handtekening-extra"]["signer_matches"] == "not-in-agreement"


# --- the formats ----------------------------------------------------------------------------------------


@pytest.fixture
def half_signed(work: Path, rendered: bytes, people: dict[str, Signer], ca: Authority) -> Path:
    stranger = ca.signer("Rob Mennes (Signature)", "Rob", "Mennes")
    path = work / "half.pdf"
    path.write_bytes(stranger.sign(signed_by(rendered, people, JOSEE), AN))
    return path


def test_junit_lists_every_field_as_a_test(half_signed: Path) -> None:
    from junitparser import Failure, JUnitXml, Skipped

    out = half_signed.with_suffix(".xml")
    code, text = invoke("signatures", str(half_signed), "--require", "proefdorp", "-f", "junit", "-o", str(out))
    assert code == 1, text
    suites = JUnitXml.fromfile(str(out))
    cases = {case.name: case for suite in suites for case in suite}
    assert set(cases) == {"embedded agreement", *FIELDS}
    assert not cases["embedded agreement"].result and not cases[JOSEE].result
    assert isinstance(cases[AN].result[0], Failure) and "Rob Mennes" in cases[AN].result[0].message
    assert isinstance(cases[WIM].result[0], Skipped)
    assert "certificate chain: not checked" in out.read_text(encoding="utf-8")


def test_github_annotates_the_pdf(half_signed: Path) -> None:
    code, text = invoke("signatures", str(half_signed), "-f", "github")
    assert code == 1
    lines = text.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors == [
        f"::error file={half_signed},title=samenwerk signatures::{AN}: signed by Rob Mennes, "
        "but the field is for An Peeters (Gemeente Proefdorp)"
    ]
    notice = next(line for line in lines if line.startswith("::notice "))
    assert "2 of 3 signature fields signed" in notice
    assert "not checked: agreement (no YAML file given" in notice and "; certificate chain (" in notice


def test_markdown_is_dutch(half_signed: Path) -> None:
    code, text = invoke("signatures", str(half_signed), "-f", "markdown")
    assert code == 1
    assert "## Handtekeningen: Samenwerkingsovereenkomst tussen de gemeente Proefdorp en VDAB 2024 - 2029" in text
    assert "getekend door Rob Mennes, maar dit veld is voor An Peeters (Gemeente Proefdorp)" in text
    assert "**Certificaatketen**: niet gecontroleerd" in text
    assert "niet getekend" in text


def test_no_report_shows_the_national_register_number(half_signed: Path) -> None:
    """An eID certificate's serial number is its holder's national register number: never in a report."""
    for fmt in ("table", "json", "markdown", "github", "junit"):
        code, text = invoke("signatures", str(half_signed), "-f", fmt)
        assert code == 1
        assert NATIONAL_NUMBER not in text, fmt
        assert "Rob Mennes" in text, fmt


def test_names_from_a_certificate_cannot_reach_the_terminal_raw(work: Path, rendered: bytes, ca: Authority) -> None:
    hostile = ca.signer("An Peeters\x1b[2J\u202e (Signature)", "An", "Peeters")
    path = work / "hostile.pdf"
    path.write_bytes(hostile.sign(rendered, AN))
    for fmt in ("table", "markdown", "github"):
        _, text = invoke("signatures", str(path), "-f", fmt)
        assert "\x1b" not in text and "\u202e" not in text, fmt
        if fmt != "github":  # the signer's name is shown, escaped (github shows only problems)
            assert "An Peeters\\x1b" in text and "\\u202e" in text, fmt
    out = work / "hostile.xml"
    invoke("signatures", str(path), "-f", "junit", "-o", str(out))
    from xml.etree import ElementTree

    ElementTree.parse(out)  # well-formed


# --- the core -------------------------------------------------------------------------------------------


def test_the_core_answers_without_printing(
    work: Path, rendered: bytes, people: dict[str, Signer], capsys: pytest.CaptureFixture[str]
) -> None:
    path = work / "core.pdf"
    path.write_bytes(signed_by(rendered, people, WIM))
    report = check(path, work / "agreement.yaml", require=["vdab"])
    assert capsys.readouterr() == ("", "")
    assert not report.failed and report.matches is True
    assert [f.name for f in report.signed()] == [WIM] and [f.name for f in report.empty()] == [JOSEE, AN]
    assert report.fields[2].match is Match.MATCH and report.fields[2].required
    assert report.anchors == 0 and report.revocation is False
    assert Code.MISSING not in {p.code for p in report.problems}
