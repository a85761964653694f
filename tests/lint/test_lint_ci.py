"""lint as a CI gate: configuration, suppressions, output formats parsed back, exit codes, pre-commit."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from samenwerk.config import Config, find_config, load_config, parse_config
from samenwerk.diagnostics import Level
from samenwerk.document.yaml import in_scalars, parse
from samenwerk.errors import SamenwerkError
from samenwerk.lint import Settings, lint_file
from samenwerk.suppress import parse as parse_suppressions

from ..conftest import AGREEMENTS, FIXTURES, ROOT

MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
# Three problems: an error (no steering group) and two warnings (no contact point for either party).
PROBLEMS = (FIXTURES / "lint" / "problems.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(path: Path, config: Config) -> list[str]:
    return sorted({d.rule for d in lint_file(path, settings=Settings(config=config)).diagnostics})


def test_default_runs_all_rules(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", PROBLEMS)
    assert _rules(path, Config()) == ["contact-point", "steering-group"]


def test_select_ignore_and_levels(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", PROBLEMS)
    assert _rules(path, parse_config({"select": ["contact-point"]})) == ["contact-point"]
    assert _rules(path, parse_config({"ignore": ["contact-point"]})) == ["steering-group"]
    config = parse_config({"rules": {"contact-point": {"level": "error"}}})
    levels = {d.rule: d.level for d in lint_file(path, settings=Settings(config=config)).diagnostics}
    assert levels["contact-point"] is Level.ERROR


def test_rule_options(tmp_path: Path) -> None:
    text = MINIMAL.replace("start: 1-1-2020\n  end: 2025-12-31", "start: 1-1-2020\n  end: 2026-06-30")
    assert text != MINIMAL
    path = _write(tmp_path, "a.yaml", text)
    assert "planning-period" in _rules(path, Config())
    # The legislature 2019-2024 ends earlier still; the option switches the calendar.
    config = parse_config({"rules": {"planning-period": {"calendar": "legislatures"}}})
    (d,) = [d for d in lint_file(path, settings=Settings(config=config)).diagnostics if d.rule == "planning-period"]
    assert "legislatuur 2019-2024" in d.message


def test_calendars_are_configurable(tmp_path: Path) -> None:
    text = MINIMAL.replace("start: 1-1-2020\n  end: 2025-12-31", "start: 1-1-2020\n  end: 2026-06-30")
    path = _write(tmp_path, "a.yaml", text)
    config = parse_config(
        {
            "calendars": {
                "planning_periods": [
                    {"name": "lange periode", "start": dt.date(2019, 1, 1), "end": dt.date(2030, 12, 31)}
                ]
            }
        }
    )
    assert "planning-period" not in _rules(path, config)


def test_overrides_per_path(tmp_path: Path) -> None:
    archived = _write(tmp_path, "archief/a.yaml", PROBLEMS)
    current = _write(tmp_path, "actueel/a.yaml", PROBLEMS)
    config = parse_config(
        {"overrides": [{"paths": ["archief/*"], "ignore": ["steering-group"]}]}, tmp_path / "samenwerk.toml"
    )
    assert _rules(archived, config) == ["contact-point"]
    assert _rules(current, config) == ["contact-point", "steering-group"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"select": ["no-such-rule"]}, "unknown rule id(s) in 'select': no-such-rule"),
        ({"rules": {"nope": {}}}, "unknown rule id 'nope'"),
        ({"rules": {"planning-period": {"calendar": "maya"}}}, "rules.planning-period"),
        ({"rules": {"contact-point": {"colour": "red"}}}, "takes no options"),
        ({"selekt": ["ALL"]}, "unknown key 'selekt'; did you mean 'select'?"),
        ({"fail-on": "sometimes"}, "fail-on: 'sometimes' is not allowed"),
        ({"select": "ALL"}, "select: expected a list"),
        ({"overrides": [{"ignore": ["contact-point"]}]}, "missing required key 'paths' in overrides[0]"),
        ({"calendars": {"planning_periods": [{"name": "x", "start": "gisteren", "end": "2030-12-31"}]}}, "start"),
        ({"overrides": [{"paths": ["x"], "ignore": ["nope"]}]}, "unknown rule id(s) in 'overrides[0].ignore'"),
    ],
)
def test_bad_configuration_is_a_clear_error(table: dict, message: str) -> None:
    with pytest.raises(SamenwerkError) as err:
        parse_config(table)
    assert message in str(err.value)


def test_closest_config_file_wins(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[tool.samenwerk]\nignore = ["contact-point"]\n')
    _write(tmp_path, "sub/samenwerk.toml", 'ignore = ["steering-group"]\n')
    _write(tmp_path, "other/pyproject.toml", '[project]\nname = "x"\n')  # no [tool.samenwerk]: skipped
    assert find_config(tmp_path / "sub") == tmp_path / "sub" / "samenwerk.toml"
    assert find_config(tmp_path / "other") == tmp_path / "pyproject.toml"
    assert load_config(start=tmp_path / "sub").ignore == ("steering-group",)
    assert load_config(start=tmp_path).ignore == ("contact-point",)


def test_unknown_rule_in_config_file_exits_2(cli, tmp_path: Path) -> None:
    _write(tmp_path, "samenwerk.toml", 'select = ["contact-pont"]\n')
    path = _write(tmp_path, "a.yaml", MINIMAL)
    result = cli("lint", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown rule id(s) in 'select': contact-pont" in result.stderr and "Traceback" not in result.stderr


def test_suppression_parsing() -> None:
    text = "a: 1  # samenwerk: ignore[x, y] reason\n# samenwerk: ignore-file[z]\nb: 2 # samenwerk: ignore\n"
    s = parse_suppressions(text, partial(in_scalars, parse(text).node))
    assert s.hides(1, "x") and s.hides(1, "y") and not s.hides(1, "w")
    assert s.hides(7, "z") and s.hides(3, "anything") and not s.hides(2, "x")


def test_suppression_does_not_hide_schema_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", MINIMAL.replace("title:", "titel:  # samenwerk: ignore", 1))
    assert "schema" in _rules(path, Config())


def test_real_agreements_raise_no_errors(cli) -> None:
    result = cli("lint", "--output-format", "json")
    doc = json.loads(result.stdout)
    assert [d for d in doc["diagnostics"] if d["level"] == "error"] == []
    assert result.returncode == 0
    # The findings that are real are kept as warnings, or suppressed in the YAML with a reason.
    gent = (AGREEMENTS / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    assert "# samenwerk: ignore[meeting-frequency] the source sets no meeting frequency" in gent


def test_fail_on_and_exit_zero(cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.yaml",
        PROBLEMS + "consultation:\n  bodies: [{id: sg, kind: steering-group, name: SG, min_meetings_per_year: 2}]\n",
    )
    # Only warnings now (contact points).
    assert cli("lint", str(path)).returncode == 0
    assert cli("lint", str(path), "--fail-on", "warning").returncode == 1
    bad = _write(tmp_path, "b.yaml", PROBLEMS)
    assert cli("lint", str(bad)).returncode == 1
    assert cli("lint", str(bad), "--exit-zero").returncode == 0


def test_select_and_ignore_on_the_command_line(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", PROBLEMS)
    result = cli("lint", str(path), "--output-format", "json", "--select", "contact-point")
    assert {d["rule"] for d in json.loads(result.stdout)["diagnostics"]} == {"contact-point"}
    result = cli("lint", str(path), "--output-format", "json", "--ignore", "contact-point,steering-group")
    assert json.loads(result.stdout)["diagnostics"] == [] and result.returncode == 0


def _formatted(cli, fmt: str, tmp_path: Path) -> str:
    path = _write(tmp_path, "a.yaml", PROBLEMS)
    result = cli("lint", str(path), "--output-format", fmt, "--as-of", "2026-01-01")
    assert result.returncode == 1
    return result.stdout


def test_sarif_is_valid_sarif_2_1_0(cli, tmp_path: Path) -> None:
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as SarifLog

    doc = json.loads(_formatted(cli, "sarif", tmp_path))
    SarifLog.model_validate(doc)  # generated from the SARIF 2.1.0 JSON schema, unknown keys forbidden
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"contact-point", "steering-group", "schema", "syntax"}
    result = next(r for r in run["results"] if r["ruleId"] == "steering-group")
    assert rules[result["ruleIndex"]]["id"] == "steering-group"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 7)


def test_junit_is_xml(cli, tmp_path: Path) -> None:
    root = ET.fromstring(_formatted(cli, "junit", tmp_path))
    cases = list(root.iter("testcase"))
    assert [c.get("name") for c in cases] == ["steering-group at 3:7", "contact-point at 5:9", "contact-point at 10:9"]
    assert {c.get("classname") for c in cases} == {"a.yaml"}
    # The error fails; the warnings are below --fail-on (error): shown as skipped, not counted as failures.
    assert [f.get("type") for f in root.iter("failure")] == ["steering-group"]
    assert len(list(root.iter("skipped"))) == 2


def test_gitlab_code_quality(cli, tmp_path: Path) -> None:
    issues = json.loads(_formatted(cli, "gitlab", tmp_path))
    assert len(issues) == 3
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] == ("major" if issue["check_name"] == "steering-group" else "minor")
        assert issue["location"]["lines"]["begin"] == issue["location"]["positions"]["begin"]["line"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 3


def test_json_lines(cli, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in _formatted(cli, "json-lines", tmp_path).splitlines()]
    assert [(r["line"], r["col"], r["rule"]) for r in rows] == [
        (3, 7, "steering-group"),
        (5, 9, "contact-point"),
        (10, 9, "contact-point"),
    ]


def test_github_is_default_under_actions(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", PROBLEMS)
    out = cli("lint", str(path), env={"GITHUB_ACTIONS": "true"}).stdout.splitlines()
    assert out[0].startswith(f"::error file={path},line=3,col=7,title=samenwerk steering-group::")
    assert out[1].startswith("::warning ")


def test_summary_line(cli, tmp_path: Path) -> None:
    out = _formatted(cli, "concise", tmp_path)
    assert out.splitlines()[-1] == "1 file checked: 0 clean, 1 with problems; 1 error, 2 warnings"


def test_rules_command(cli) -> None:
    listing = cli("rules")
    assert listing.returncode == 0 and "signing-authority" in listing.stdout
    one = cli("rules", "signing-authority")
    assert "Failing::" in one.stdout and "Art. 279" in one.stdout
    assert cli("rules", "no-such-rule").returncode == 2


def test_pre_commit_hook_on_a_temporary_repository(tmp_path: Path) -> None:
    """pre-commit itself runs the hook from this repository (try-repo) on a fresh git repository."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed")
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / "agreements" / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (repo / "agreements" / "bad.yaml").write_text(MINIMAL.replace("title:", "titel:"), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    # try-repo needs a committed source: snapshot this project into a throwaway repository.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "build", "bench", "*.egg-info", "__pycache__", ".pytest_cache"),
    )
    subprocess.run(["git", "init", "-q", str(source)], check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=source, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "snapshot"], cwd=source, check=True, env=env)
    result = subprocess.run(
        [str(pre_commit), "try-repo", str(source), "samenwerk-lint", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "agreements/bad.yaml:2:1: error: unknown key 'titel'" in result.stdout
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors and all(line.startswith("agreements/bad.yaml:") for line in errors)
