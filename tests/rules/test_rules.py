"""Every lint rule, driven from data: cases.yaml holds failing and passing documents with expected positions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from samenwerk.config import parse_config
from samenwerk.lint import Settings, lint_file
from samenwerk.rules import REGISTRY

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}: {c['name']}")
def test_rule_case(case: dict, tmp_path: Path) -> None:
    path = tmp_path / "agreement.yaml"
    path.write_text(case["yaml"], encoding="utf-8")
    (tmp_path / "annex.txt").write_text("Bijlage: dashboard\n", encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "agreement.schema.json").write_text("{}\n", encoding="utf-8")
    settings = Settings(config=parse_config({"select": [case["rule"]], **case.get("config", {})}))
    result = lint_file(path, settings=settings)
    problems = [d for d in result.diagnostics if d.rule in ("syntax", "schema")]
    assert problems == [], "the case itself must be a valid agreement"
    got = [f"{d.line}:{d.col}" for d in result.diagnostics if d.rule == case["rule"]]
    assert got == case["expect"], [d.message for d in result.diagnostics]


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    """Rules checked across files have theirs in tests/lint/test_links.py, with several files a run."""
    single = {rid for rid, module in REGISTRY.items() if not getattr(module, "cross_file", False)}
    failing = {c["rule"] for c in CASES if c["expect"]}
    passing = {c["rule"] for c in CASES if not c["expect"]}
    assert single <= failing, single - failing
    assert single <= passing, single - passing
    assert set(REGISTRY) - single == {"agreement-links"}


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_every_rule_documents_itself(rule_id: str) -> None:
    module = REGISTRY[rule_id]
    doc = module.__doc__ or ""
    assert doc.startswith(f"{rule_id}:"), "the docstring starts with the rule id"
    assert "Failing::" in doc and "Passing::" in doc
    assert module.level in ("error", "warning")
    assert module.summary
