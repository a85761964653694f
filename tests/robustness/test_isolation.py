"""One file's problem never costs another file its result: a bug met in one rule on one file becomes an
'internal' diagnostic of that file, the run goes on, every report is complete, and the exit code is 3."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samenwerk.lint import lint_file
from samenwerk.rules import REGISTRY

from ..conftest import FIXTURES
from .invoke import invoke

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"
PROBLEMS = FIXTURES / "lint" / "problems.yaml"


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch):
    """contact-point raises on the file called 'trigger.yaml', as a bug would (MemoryError is one)."""
    rule = REGISTRY["contact-point"]
    original = rule.check

    def check(agreement, ctx):
        if ctx.path.endswith("trigger.yaml"):
            raise MemoryError("simulated")
        return original(agreement, ctx)

    monkeypatch.setattr(rule, "check", check)


def test_a_rule_that_crashes_costs_only_itself(broken_rule, tmp_path: Path) -> None:
    path = tmp_path / "trigger.yaml"
    shutil.copy(PROBLEMS, path)
    result = lint_file(path)
    rules = [d.rule for d in result.diagnostics]
    assert result.crashed and "internal" in rules
    assert "steering-group" in rules or len(set(rules)) > 1  # the other rules still ran
    (internal,) = [d for d in result.diagnostics if d.rule == "internal"]
    assert "contact-point" in internal.message and "MemoryError" in internal.message


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab", "concise"])
def test_every_report_is_complete_and_the_run_exits_3(broken_rule, tmp_path: Path, fmt: str) -> None:
    shutil.copy(PROBLEMS, tmp_path / "a.yaml")
    shutil.copy(MINIMAL, tmp_path / "trigger.yaml")
    shutil.copy(PROBLEMS, tmp_path / "z.yaml")
    report = tmp_path / f"report.{fmt}"
    code, output = invoke("lint", "--no-cache", "-f", fmt, "-o", str(report), str(tmp_path))
    assert code == 3, output
    assert "met a bug while checking 1 file " in output and "Traceback" not in output
    text = report.read_text(encoding="utf-8")
    for name in ("a.yaml", "trigger.yaml", "z.yaml"):
        assert name in text, f"{name} missing from the {fmt} report"
    if fmt == "json":
        doc = json.loads(text)
        assert [f["path"].rsplit("/", 1)[-1] for f in doc["files"]] == ["a.yaml", "trigger.yaml", "z.yaml"]
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        assert {r["ruleId"] for r in results} >= {"internal", "contact-point"}


def test_the_traceback_is_in_the_diagnostic_with_debug(broken_rule, tmp_path: Path, monkeypatch) -> None:
    shutil.copy(MINIMAL, tmp_path / "trigger.yaml")
    monkeypatch.setenv("SAMENWERK_DEBUG", "0")
    code, output = invoke("--debug", "lint", "--no-cache", "-f", "concise", str(tmp_path / "trigger.yaml"))
    assert code == 3 and "Traceback (most recent call last)" in output and "simulated" in output
