"""The CI formats (SARIF, GitLab Code Quality, JUnit) read back as their consumers read them: validated against
the SARIF 2.1.0 schema and a schema of GitLab's documented format, JUnit parsed by junitparser and rendered by
junit2html; fingerprints unique per finding and unchanged when lines move; paths from the repository root."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from junitparser import JUnitXml

from samenwerk.diagnostics import Diagnostic, Level
from samenwerk.lint import FileResult
from samenwerk.reporters.lint import Options, junit
from samenwerk.reporters.lint.fingerprint import VERSION, fingerprints, message_key
from samenwerk.resources import repository_url
from samenwerk.rules import BUILTIN, REGISTRY

from ..conftest import FIXTURES, git

DATA = Path(__file__).resolve().parent.parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GITLAB_SCHEMA = json.loads((DATA / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))
MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
PROBLEMS = (FIXTURES / "lint" / "problems.yaml").read_text(encoding="utf-8")
REPRESENTATIVE = "      - {id: directeur, name: Voornaam Achternaam, function: directeur}\n"
# Six representatives without a function: six warnings of representative-function, nothing else.
SIX = MINIMAL.replace(
    REPRESENTATIVE, REPRESENTATIVE + "".join(f"      - {{id: r{i}, name: R {i}}}\n" for i in range(6))
)
COMMENTS = "# Unrelated lines above the findings:\n#\n# a comment block of three lines\n"
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+")


def _lint(cli, cwd: Path, fmt: str, *args: str) -> str:
    result = cli("lint", "--no-cache", "--as-of", "2024-01-01", "-f", fmt, *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def _sarif_valid(doc: dict) -> None:
    errors = [e.message for e in jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors(doc)]
    assert errors == []


def _gitlab_valid(issues: list) -> None:
    errors = [e.message for e in jsonschema.Draft7Validator(GITLAB_SCHEMA).iter_errors(issues)]
    assert errors == []


# --- Done when: six findings of one rule, and lines inserted above them --------------------------------------


def _three_formats(cli, folder: Path) -> tuple[list, dict, JUnitXml]:
    issues = json.loads(_lint(cli, folder, "gitlab", "a.yaml"))
    sarif = json.loads(_lint(cli, folder, "sarif", "a.yaml"))
    (folder / "report.xml").write_text(_lint(cli, folder, "junit", "a.yaml"), encoding="utf-8")
    return issues, sarif, JUnitXml.fromfile(str(folder / "report.xml"))


def test_six_findings_of_one_rule_stay_six_and_keep_their_fingerprints(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SIX, encoding="utf-8")
    issues, sarif, report = _three_formats(cli, tmp_path)
    _gitlab_valid(issues)
    _sarif_valid(sarif)
    assert [i["check_name"] for i in issues] == ["representative-function"] * 6
    assert len({i["fingerprint"] for i in issues}) == 6
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["representative-function"] * 6
    assert len({r["partialFingerprints"][VERSION] for r in results}) == 6
    cases = [case for suite in report for case in suite]
    assert len(cases) == 6 and len({case.name for case in cases}) == 6
    assert all(case.classname == "a.yaml" for case in cases)

    (tmp_path / "a.yaml").write_text(SIX.replace("parties:\n", COMMENTS + "parties:\n", 1), encoding="utf-8")
    moved_issues, moved_sarif, _ = _three_formats(cli, tmp_path)
    moved = moved_sarif["runs"][0]["results"]
    # The findings moved three lines down, and kept their fingerprints, in the same order.
    assert [i["location"]["lines"]["begin"] for i in moved_issues] == [
        i["location"]["lines"]["begin"] + 3 for i in issues
    ]
    assert [i["fingerprint"] for i in moved_issues] == [i["fingerprint"] for i in issues]
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in results]


def _result(path: Path, *diagnostics: Diagnostic, source_read: bool = True) -> FileResult:
    return FileResult(str(path), tuple(sorted(diagnostics)), source_read=source_read)


def _same(path: Path, line: int, message: str = "the same problem", rule: str = "contact-point") -> Diagnostic:
    return Diagnostic(str(path), line, 1, Level.WARNING, rule, message)


def test_identical_findings_on_identical_lines_differ_and_keep_their_order(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\nx: 1\nx: 1\n", encoding="utf-8")
    before = fingerprints(_result(path, _same(path, 1), _same(path, 2), _same(path, 3)), "a.yaml")
    assert len(set(before)) == 3
    path.write_text("# new\n# lines\nx: 1\nx: 1\nx: 1\n", encoding="utf-8")
    after = fingerprints(_result(path, _same(path, 3), _same(path, 4), _same(path, 5)), "a.yaml")
    assert after == before
    # Another file, rule, message or line text is another finding.
    others = [
        fingerprints(_result(path, _same(path, 3)), "b.yaml"),
        fingerprints(_result(path, _same(path, 3, rule="steering-group")), "a.yaml"),
        fingerprints(_result(path, _same(path, 3, message="another problem")), "a.yaml"),
    ]
    path.write_text("# new\n# lines\nx: 2\n", encoding="utf-8")
    others.append(fingerprints(_result(path, _same(path, 3)), "a.yaml"))
    assert len({o[0] for o in others} | {before[0]}) == 5


def test_a_refused_file_is_not_read_back(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    refused = fingerprints(_result(path, _same(path, 1), source_read=False), "a.yaml")
    path.write_text("x: 2\n", encoding="utf-8")
    assert fingerprints(_result(path, _same(path, 1), source_read=False), "a.yaml") == refused


def test_line_numbers_in_messages_are_left_out() -> None:
    before = "duplicate key 'a' (first defined at line 3, column 5): keep one of the two"
    after = "duplicate key 'a' (first defined at line 9, column 5): keep one of the two"
    assert message_key(before) == message_key(after)
    assert message_key("this ' is only closed at line 12") == message_key("this ' is only closed at line 7")
    assert message_key("at line 3, column 5") != message_key("at line 3, column 6")


def test_the_digits_of_a_line_with_personal_data_are_not_hashed(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"

    def fingerprint(number: str) -> str:
        path.write_text(f'notes: ["INSZ {number}"]\n', encoding="utf-8")
        d = Diagnostic(str(path), 1, 15, Level.ERROR, "national-register-number", "remove it", redact=True)
        return fingerprints(_result(path, d), "a.yaml")[0]

    # Any number gives the same fingerprint: it cannot be found again by trying numbers.
    assert fingerprint("98.47.28-997.65") == fingerprint("85.07.30-033.28")


# --- SARIF ----------------------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(cli, tmp_path: Path) -> None:
    (tmp_path / "problems.yaml").write_text(PROBLEMS, encoding="utf-8")
    (tmp_path / "clean.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("a: [1,\n", encoding="utf-8")
    (tmp_path / "duplicate.yaml").write_text(MINIMAL + "title: again\n", encoding="utf-8")
    doc = json.loads(_lint(cli, tmp_path, "sarif", "."))
    _sarif_valid(doc)
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"syntax", "steering-group", "contact-point"}
    assert len({r["partialFingerprints"][VERSION] for r in results}) == len(results)


def test_sarif_schema_is_the_real_one() -> None:
    """The schema rejects what SARIF forbids: the validation above is not vacuous."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {}}]}]}
    assert list(jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors(bad))
    assert list(jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors({"version": "2.0.0", "runs": []}))


def test_every_rule_has_full_sarif_metadata(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    driver = json.loads(_lint(cli, tmp_path, "sarif", "a.yaml"))["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == [*BUILTIN, *REGISTRY]
    assert driver["informationUri"] == repository_url() == "https://github.com/samenwerk/samenwerk"
    for rid, rule in rules.items():
        assert rule["shortDescription"]["text"]
        assert 0 < len(rule["fullDescription"]["text"]) <= 1024, rid
        assert rule["help"]["text"] and rule["help"]["markdown"], rid
        assert rule["helpUri"] == f"https://github.com/samenwerk/samenwerk/blob/main/docs/rules.md#{rid}"
        assert rule["helpUri"] in rule["help"]["markdown"]
    for rid, module in REGISTRY.items():
        assert rules[rid]["defaultConfiguration"]["level"] == module.level
        assert "```yaml" in rules[rid]["help"]["markdown"], "the examples are in the help"
    # The longest explanation is cut at a line, and says where the rest is.
    description = rules["national-register-number"]["fullDescription"]["text"]
    assert description.endswith(
        "More: https://github.com/samenwerk/samenwerk/blob/main/docs/rules.md#national-register-number"
    )


def _uri(doc: dict) -> tuple[str, str]:
    run = doc["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%"
    return location["uri"], run["originalUriBaseIds"]["%SRCROOT%"]["uri"]


def test_sarif_uri_is_percent_encoded_and_relative(cli, tmp_path: Path) -> None:
    folder = tmp_path / "map één"
    folder.mkdir()
    (folder / "a #1 100%.yaml").write_text(PROBLEMS, encoding="utf-8")
    doc = json.loads(_lint(cli, tmp_path, "sarif", "map één/a #1 100%.yaml"))
    _sarif_valid(doc)
    uri, base = _uri(doc)
    assert uri == "map%20%C3%A9%C3%A9n/a%20%231%20100%25.yaml"
    assert URI_REFERENCE.fullmatch(uri)
    assert unquote_to_bytes(uri) == "map één/a #1 100%.yaml".encode()
    assert base == tmp_path.as_uri() + "/"  # outside a repository: the working directory


def test_paths_are_from_the_repository_root_when_run_from_a_subfolder(cli, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements" / "gent").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "agreements" / "gent" / "a.yaml").write_text(PROBLEMS, encoding="utf-8")
    here = repo / "agreements"
    uri, base = _uri(json.loads(_lint(cli, here, "sarif", "gent/a.yaml")))
    assert (uri, base) == ("agreements/gent/a.yaml", repo.as_uri() + "/")
    issues = json.loads(_lint(cli, here, "gitlab", "gent/a.yaml"))
    assert {i["location"]["path"] for i in issues} == {"agreements/gent/a.yaml"}
    report = JUnitXml.fromstring(_lint(cli, here, "junit", "gent/a.yaml").encode())
    assert {case.classname for suite in report for case in suite} == {"agreements/gent/a.yaml"}
    # The same finding has the same fingerprint whichever folder lint ran in.
    from_top = json.loads(_lint(cli, repo, "gitlab", "agreements/gent/a.yaml"))
    assert [i["fingerprint"] for i in from_top] == [i["fingerprint"] for i in issues]


# --- GitLab ---------------------------------------------------------------------------------------------------


def test_gitlab_report_fits_the_documented_format(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PROBLEMS, encoding="utf-8")
    issues = json.loads(_lint(cli, tmp_path, "gitlab", "a.yaml"))
    _gitlab_valid(issues)
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("steering-group", "major", 3),
        ("contact-point", "minor", 5),
        ("contact-point", "minor", 10),
    ]
    assert all(i["location"]["positions"]["begin"]["line"] == i["location"]["lines"]["begin"] for i in issues)
    # The schema is not vacuous: GitLab's own severities only, a line number required.
    assert list(jsonschema.Draft7Validator(GITLAB_SCHEMA).iter_errors([{**issues[0], "severity": "error"}]))
    no_line = {**issues[0], "location": {"path": "a.yaml"}}
    assert list(jsonschema.Draft7Validator(GITLAB_SCHEMA).iter_errors([no_line]))


# --- JUnit ----------------------------------------------------------------------------------------------------


def _suites(xml: str) -> tuple[JUnitXml, list]:
    report = JUnitXml.fromstring(xml.encode())
    return report, list(report)


@pytest.mark.parametrize(("fail_on", "failures", "skipped"), [("error", 1, 2), ("warning", 3, 0)])
def test_junit_counts_findings_and_files(cli, tmp_path: Path, fail_on: str, failures: int, skipped: int) -> None:
    (tmp_path / "a.yaml").write_text(PROBLEMS, encoding="utf-8")
    (tmp_path / "clean.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "also-clean.yaml").write_text(MINIMAL.replace("id: ", "id: also-", 1), encoding="utf-8")
    xml = _lint(cli, tmp_path, "junit", "--fail-on", fail_on, "a.yaml", "clean.yaml", "also-clean.yaml")
    report, (suite,) = _suites(xml)
    cases = list(suite)
    assert len(cases) == 5  # three findings, and one passing case per clean file
    assert sum(case.is_failure for case in cases) == failures
    assert sum(case.is_skipped for case in cases) == skipped
    assert [case.classname for case in cases if case.is_passed] == ["clean.yaml", "also-clean.yaml"]
    # The counts written are the counts of the cases, on the suite and on the whole report (junitparser
    # reads the report's attributes, but counts a suite's cases itself: the suite's are read here).
    assert (report.tests, report.failures, report.skipped, report.errors) == (5, failures, skipped, 0)
    root = ET.fromstring(xml)
    for element in (root, root.find("testsuite")):
        assert element is not None
        written = {k: element.get(k) for k in ("tests", "failures", "skipped", "errors")}
        assert written == {"tests": "5", "failures": str(failures), "skipped": str(skipped), "errors": "0"}
    if skipped:
        warning = next(case for case in cases if case.is_skipped)
        assert warning.result[0].type == "warning" and "has no contact point" in warning.result[0].message


def test_junit_is_shown_by_junit2html_with_every_message(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PROBLEMS, encoding="utf-8")
    (tmp_path / "six.yaml").write_text(SIX, encoding="utf-8")
    (tmp_path / "report.xml").write_text(_lint(cli, tmp_path, "junit", "a.yaml", "six.yaml"), encoding="utf-8")
    messages = [i["description"] for i in json.loads(_lint(cli, tmp_path, "gitlab", "a.yaml", "six.yaml"))]
    assert len(messages) == 9
    done = subprocess.run(
        [sys.executable, "-m", "junit2htmlreport", "report.xml", "report.html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    shown = html.unescape((tmp_path / "report.html").read_text(encoding="utf-8"))
    for message in messages:
        assert message in shown


def test_junit_names_are_unique_and_internal_errors_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    same = [Diagnostic(str(path), 1, 1, Level.ERROR, "references", f"problem {i}") for i in range(3)]
    bug = Diagnostic(str(path), 1, 1, Level.ERROR, "internal", "internal error: a bug in samenwerk")
    out = io.StringIO()
    junit.report([FileResult(str(path), (*same, bug))], out, Options())
    _, (suite,) = _suites(out.getvalue())
    cases = list(suite)
    # GitLab keeps one case per class and name: three findings at one place need three names.
    assert [case.name for case in cases] == [
        "references at 1:1",
        "references at 1:1 #2",
        "references at 1:1 #3",
        "internal at 1:1",
    ]
    assert [case.is_error for case in cases] == [False, False, False, True]
    attributes = ET.fromstring(out.getvalue()).attrib
    assert {k: attributes[k] for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4",
        "failures": "3",
        "errors": "1",
        "skipped": "0",
    }
