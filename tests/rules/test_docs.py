"""Rule documentation from one source: docs/rules.md is up to date, every rule is documented in every output
(`samenwerk rules` as text, Markdown and JSON; SARIF), and no output shows a national register number."""

from __future__ import annotations

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from stdnum.be import bis, nn

from samenwerk.lint import FileResult
from samenwerk.reporters.lint import Options, sarif
from samenwerk.resources import repository_url
from samenwerk.rules import BUILTIN, REGISTRY
from samenwerk.rules.base import Context
from samenwerk.rules.docs import MAX_DESCRIPTION, REGENERATE, _fit, mask_numbers, render_markdown, rule_docs

from ..conftest import ROOT, run_cli

DOCS = ROOT / "docs" / "rules.md"
SENSITIVE = [rid for rid, module in REGISTRY.items() if getattr(module, "sensitive", False)]


def test_docs_rules_md_is_up_to_date() -> None:
    expected = render_markdown(rule_docs().values())
    actual = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    assert actual == expected, f"docs/rules.md is out of date: regenerate with `{REGENERATE}`"


def test_docs_rules_md_has_a_section_per_rule_with_its_examples() -> None:
    text = DOCS.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (\S+)\n\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S))
    assert list(sections) == [*BUILTIN, *REGISTRY]  # the heading is the rule id: GitHub's anchor is the id
    for rid, module in REGISTRY.items():
        section = sections[rid]
        assert f"**Level:** {module.level}" in section
        assert module.summary in section
        doc = rule_docs()[rid]
        assert doc.failing and doc.passing, "every rule's docstring has a failing and a passing example"
        assert f"**Failing:**\n\n```yaml\n{doc.failing}\n```" in section
        assert f"**Passing:**\n\n```yaml\n{doc.passing}\n```" in section
    assert "`calendar` (default `'planning_periods'`)" in sections["planning-period"]


def test_the_repository_url_is_the_one_in_pyproject() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert repository_url() == pyproject["project"]["urls"]["Repository"].rstrip("/")
    assert rule_docs()["references"].url == f"{repository_url()}/blob/main/docs/rules.md#references"


@pytest.mark.parametrize("rule_id", [*BUILTIN, *REGISTRY])
def test_every_rule_has_its_metadata(rule_id: str) -> None:
    doc = rule_docs()[rule_id]
    assert doc.level in ("error", "warning") and doc.summary
    assert 0 < len(doc.description) <= MAX_DESCRIPTION
    assert doc.url.endswith(f"#{rule_id}") and doc.url in doc.help_text and doc.url in doc.markdown(heading=False)
    assert doc.markdown().startswith(f"## {rule_id}\n")


def test_a_long_description_is_cut_at_a_line_and_says_where_the_rest_is() -> None:
    paragraphs = ["First paragraph.", "\n".join(f"- item {i} " + "x" * 80 for i in range(20)), "Last."]
    cut = _fit(paragraphs, "https://example.org/rules.md#x")
    assert len(cut) <= MAX_DESCRIPTION
    assert cut.startswith("First paragraph.\n\n- item 0 ") and cut.endswith("\n\nMore: https://example.org/rules.md#x")
    assert "Last." not in cut
    assert all(line.endswith("x") for line in cut.split("\n\n")[1].split("\n")), "whole lines only"
    one_long = _fit(["word " * 500], "u")
    assert len(one_long) <= MAX_DESCRIPTION and "…" in one_long
    assert _fit(["short", "text"], "u") == "short\n\ntext"


def test_rules_command_formats(cli, tmp_path: Path) -> None:
    listing = cli("rules").stdout.splitlines()
    assert [line.split()[0] for line in listing] == [*BUILTIN, *REGISTRY]
    assert cli("rules", "-f", "markdown").stdout == DOCS.read_text(encoding="utf-8")
    rows = json.loads(cli("rules", "--format", "json").stdout)
    assert [row["id"] for row in rows] == [*BUILTIN, *REGISTRY]
    (one,) = json.loads(cli("rules", "contact-point", "-f", "json").stdout)
    assert one["level"] == "warning" and one["failing"] and one["url"].endswith("#contact-point")
    section = cli("rules", "contact-point", "-f", "markdown").stdout
    assert section.startswith("## contact-point\n") and "```yaml" in section
    assert cli("rules", "nope", "-f", "json").returncode == 2


def test_rules_command_writes_a_file_and_does_not_overwrite_it_unasked(cli, tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert cli("rules", "-f", "markdown", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")
    target.write_text("mine\n", encoding="utf-8")
    refused = cli("rules", "-f", "markdown", "-o", str(target))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert cli("rules", "-f", "markdown", "-o", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")
    assert cli("rules", "-o", "-").stdout == cli("rules").stdout


# --- Personal data: the sensitive rule's examples are never shown ------------------------------------------


def _valid_numbers(text: str) -> set[str]:
    """Every eleven digits in a row of ``text``'s digits that make a valid national register or BIS number."""
    digits = "".join(str(int(c)) for c in text if c.isdigit())
    windows = {digits[i : i + 11] for i in range(len(digits) - 10)}
    return {w for w in windows if nn.is_valid(w) or bis.is_valid(w)}


def _sarif_rules() -> str:
    out = io.StringIO()
    sarif.report([FileResult("a.yaml", ())], out, Options())
    return out.getvalue()


def test_the_documentation_holds_numbers_to_hide() -> None:
    """The check below is not vacuous: the docstring itself shows valid numbers."""
    (rule_id,) = SENSITIVE
    assert _valid_numbers(REGISTRY[rule_id].__doc__ or "")


@pytest.mark.parametrize("rule_id", SENSITIVE)
def test_no_output_shows_a_number_from_the_documentation(rule_id: str) -> None:
    module = REGISTRY[rule_id]
    numbers = _valid_numbers(module.__doc__ or "")
    outputs = {
        "text": run_cli("rules", rule_id).stdout,
        "markdown": run_cli("rules", rule_id, "-f", "markdown").stdout,
        "json": run_cli("rules", rule_id, "-f", "json").stdout,
        "docs/rules.md": DOCS.read_text(encoding="utf-8"),
        "sarif": _sarif_rules(),
    }
    for name, text in outputs.items():
        assert rule_id in text, name
        assert list(module.check_text(text, Context(path="docs"))) == [], f"{name} shows a number"
        shown = "".join(c for c in text if c.isdigit())
        assert not any(number in shown for number in numbers), f"{name} shows a number"
    assert "YY.MM.DD-NNN.CC" in outputs["docs/rules.md"], "the forms are still shown, with letters for digits"


def test_masking_keeps_the_written_form() -> None:
    assert mask_numbers("a 85.07.30-033.28 b") == "a YY.MM.DD-NNN.CC b"
    assert mask_numbers("85073003328, 2024-85073003328") == "YYMMDDNNNCC, XXXX-YYMMDDNNNCC"
    assert mask_numbers("85 07 30\n  033 28") == "YY MM DD\n  NNN CC"
    assert mask_numbers("telefoon +32 9 266 55 00, 31-12-2025") == "telefoon +32 9 266 55 00, 31-12-2025"
