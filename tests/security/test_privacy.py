"""Privacy: a national register (INSZ) or BIS number is found in every written form, and never printed.

In the texts below ``⟨`` marks where a number starts: it is removed, and the finding is expected at its line
and column.
"""

from __future__ import annotations

import pytest
from stdnum.be import ssn

from samenwerk.rules import national_register_number as rule
from samenwerk.rules.base import Context

from ..conftest import FIXTURES, run_cli

MARK = "⟨"
NN = "85073003328"  # the examples of python-stdnum: valid check digits
BIS = "98472899765"
NN_2000 = "17073003384"


def _found(text: str) -> list[tuple[int, int]]:
    return [(f.line or 0, f.col or 0) for f in rule.check_text(text, Context(path="a.yaml"))]


def _expected(marked: str) -> tuple[str, list[tuple[int, int]]]:
    text, positions, at = "", [], 0
    for part in marked.split(MARK):
        text += part
        at = len(text)
        positions.append((text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)))
    return text, positions[:-1]


# Written forms that the rule missed before (each of these failed on the old rule).
NEW_FORMS = {
    "dashes everywhere, the whole text": f"{MARK}85-07-30-033-28",
    "dashes, then spaces": f"insz: {MARK}85-07-30 033 28\n",
    "prefix glued with a dot": f'notes: ["INSZ nr.{MARK}85073003328"]\n',
    "formatted, prefix glued with a dot": f"notes: [rijksregisternr.{MARK}85.07.30-033.28]\n",
    "prefix glued with a dash": f"insz: INSZ-{MARK}85073003328\n",
    "no-break spaces": f"insz: {MARK}85\u00a007\u00a030\u00a0033\u00a028\n",
    "narrow no-break spaces": f"insz: {MARK}85.07.30\u202f033\u202f28\n",
    "thin spaces": f"insz: {MARK}85\u200907\u200930\u2009033\u200928\n",
    "tabs": f'insz: "{MARK}85\t07\t30\t033\t28"\n',
    "zero-width spaces": f"insz: {MARK}85\u200b07\u200b30\u200b033\u200b28\n",
    "en dash": f"insz: {MARK}85.07.30\u2013033.28\n",
    "non-breaking hyphens": f"insz: {MARK}85\u201107\u201130\u2011033\u201128\n",
    "minus signs": f"insz: {MARK}85\u221207\u221230\u2212033\u221228\n",
    "full-width digits and separators": f"insz: {MARK}８５．０７．３０－０３３．２８\n",
    "full-width digits, ideographic spaces": f"insz: {MARK}８５\u3000０７\u3000３０\u3000０３３\u3000２８\n",
    "slashes": f"insz: {MARK}85/07/30/033/28\n",
    "spaced dash": f"insz: {MARK}85.07.30 - 033.28\n",
    "dot and space": f"insz: {MARK}85. 07. 30. 033. 28\n",
    "wrapped over two lines": f"notes: >\n  rijksregisternummer {MARK}85 07 30\n  033 28\n",
    "wrapped over two lines, CRLF": f"notes: >\r\n  rijksregisternummer {MARK}85.07.30-\r\n  033.28\r\n",
    "BIS number with dashes": f"bis: {MARK}98-47-28-997-65\n",
    "born after 2000, dashes": f"insz: {MARK}17-07-30-033-84\n",
    "in a flow mapping, dashes": f"persoon: {{naam: X, insz: {MARK}85-07-30-033-28}}\n",
    "single-quoted, dashes": f"insz: '{MARK}85-07-30-033-28'\n",
    "two on one line": f"insz: {MARK}85-07-30-033-28 en {MARK}98-47-28-997-65\n",
    "at the end of the text, no newline": f"notes: [x]\ninsz: nr.{MARK}85073003328",
}

# Forms the old rule already found: kept as they are.
KEPT_FORMS = {
    "compact": f"insz: {MARK}85073003328\n",
    "official format": f'notes: ["contact: {MARK}85.07.30-033.28"]\n',
    "dots then spaces": f"insz: {MARK}85.07.30 033 28\n",
    "label and spaces": f"notes: [rijksregisternummer: {MARK}85 07 30 033 28]\n",
    "full-width digits": f"insz: {MARK}８５０７３００３３２８\n",
    "in a flow mapping": f"persoon: {{insz: {MARK}85073003328}}\n",
    "double-quoted, start of text": f'"{MARK}85073003328"',
    "prefix glued with a colon": f"notes: [INSZ:{MARK}85073003328]\n",
}


@pytest.mark.parametrize("marked", NEW_FORMS.values(), ids=NEW_FORMS.keys())
def test_written_form_is_found(marked: str) -> None:
    text, expected = _expected(marked)
    assert _found(text) == expected


@pytest.mark.parametrize("marked", KEPT_FORMS.values(), ids=KEPT_FORMS.keys())
def test_form_found_before_is_still_found(marked: str) -> None:
    text, expected = _expected(marked)
    assert _found(text) == expected


NOT_NUMBERS = {
    "invalid check digits": "insz: 85.07.30-033.29\n",
    "invalid check digits, dashes": "insz: 85-07-30-033-29\n",
    "11 digits like a KBO number": "kbo: 12345678901\n",
    "KBO number": "enterprise_number: 0207.451.227\n",
    "mobile number": "telefoon: +32 470 12 34 56, 32470123456\n",
    "phone number": "notes: [telefoon 09 266 55 00]\n",
    "international phone number with a valid-looking tail": f"telefoon: +{NN}\n",
    "dates": "notes: [van 01-01-2020 tot 31-12-2025, 31.12.2025 10:30, 31/12/2025]\n",
    "decision number": "notes: [besluit 2020_GRMW_00300]\n",
    "a digit after": f"nummer: {NN}1\n",
    "a digit before": f"nummer: 1{NN}\n",
    "formatted, a digit after": "nummer: 85.07.30-033.281\n",
    "joined in front by a dot": f"nummer: 1.{NN}\n",
    "joined in front by a dash": f"nummer: 2024-{NN}\n",
    "IBAN whose digits contain a number": "iban: BE68 8507 3003 3280\n",
}


@pytest.mark.parametrize("text", NOT_NUMBERS.values(), ids=NOT_NUMBERS.keys())
def test_not_a_register_number(text: str) -> None:
    assert _found(text) == []


def test_the_message_holds_no_digits() -> None:
    text = "".join(_expected(m)[0] + "\n" for m in NEW_FORMS.values())
    findings = list(rule.check_text(text, Context(path="a.yaml")))
    assert len(findings) == sum(m.count(MARK) for m in NEW_FORMS.values())
    assert all(not any(c.isdigit() for c in f.message) for f in findings)


def test_the_documentation_examples() -> None:
    doc = rule.__doc__ or ""
    failing = doc.split("Failing::")[1].split("Passing::")[0]
    passing = doc.split("Passing::")[1]
    assert _found(failing)
    assert not _found(passing)


LINT_FORMATS = ["concise", "json", "json-lines", "github", "gitlab", "junit", "sarif"]


@pytest.mark.parametrize("fmt", ["full", *LINT_FORMATS])
def test_no_output_format_prints_the_number(fmt: str, tmp_path) -> None:
    written = "98-47-28-997-65"
    minimal = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(minimal + f'notes: ["bis-nummer: {written}"]\n', encoding="utf-8")
    done = run_cli("lint", "--no-cache", "--format", fmt, "a.yaml", cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "national-register-number" in out, "the number is reported"
    assert BIS not in "".join(c for c in out if c.isdigit())
    assert written not in out


def _numbers(k: int) -> list[str]:
    """``k`` valid numbers, a thousand different ones over and over (python-stdnum's cost is not at stake)."""
    out = []
    for i in range(1000):
        base = f"{i % 100:02d}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 997 + 1:03d}"
        out.append(base + f"{97 - int(base) % 97:02d}")
    return [out[i % 1000] for i in range(k)]


# How long the scan takes as its input grows is measured by the benchmark (bench/scan.py), not here.


def test_every_number_of_many_is_found_once() -> None:
    numbers = _numbers(20_000)
    assert all(ssn.is_valid(n) for n in numbers)
    text = "\n".join(f"- insz: {n[:2]}-{n[2:4]}-{n[4:6]} {n[6:9]} {n[9:]}" for n in numbers)
    assert _found(text) == [(i + 1, 9) for i in range(len(numbers))]
