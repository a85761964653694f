from __future__ import annotations

import json
from pathlib import Path

import pytest

from samenwerk import __version__

from ..conftest import FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"
BROKEN = FIXTURES / "lint" / "negative" / "unknown-key.yaml"


def test_version(cli) -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"samenwerk {__version__}"


@pytest.mark.parametrize("command", [[], ["lint"], ["schema"]])
def test_help_on_every_command(cli, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout


def test_lint_exit_codes(cli) -> None:
    assert cli("lint", str(MINIMAL)).returncode == 0
    assert cli("lint", str(BROKEN)).returncode == 1
    missing = cli("lint", "does-not-exist.yaml")
    assert missing.returncode == 2
    assert "does-not-exist.yaml: no such file or directory" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_lint_bad_option_is_a_usage_error(cli) -> None:
    result = cli("lint", "--format", "xml", str(MINIMAL))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_lint_text_output_names_file_line_col(cli) -> None:
    result = cli("lint", "--format", "concise", str(BROKEN))
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{BROKEN}:7:5: error: unknown key 'shortname'")
    assert "1 file checked: 0 clean, 1 with problems; 1 error, 0 warnings" in result.stdout


def test_lint_json_output_parses(cli) -> None:
    result = cli("lint", "--format", "json", str(BROKEN), str(MINIMAL))
    doc = json.loads(result.stdout)
    assert [f["path"] for f in doc["files"]] == [str(BROKEN), str(MINIMAL)]
    (diag,) = doc["diagnostics"]
    assert (diag["line"], diag["col"], diag["rule"], diag["level"]) == (7, 5, "schema", "error")


def test_lint_github_annotations(cli) -> None:
    result = cli("lint", str(BROKEN), env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith(f"::error file={BROKEN},line=7,col=5,title=samenwerk schema::unknown key")


def test_output_file_is_not_overwritten_without_force(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("keep me", encoding="utf-8")
    refused = cli("lint", "--format", "json", "--output", str(out), str(MINIMAL))
    assert refused.returncode == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = cli("lint", "--format", "json", "--output", str(out), "--force", str(MINIMAL))
    assert forced.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["diagnostics"] == []


def test_lint_directory_default(cli) -> None:
    result = cli("lint")
    assert result.returncode == 0, result.stdout
    assert "5 files checked:" in result.stdout and "; 0 errors," in result.stdout


def test_schema_check_detects_drift(cli, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert cli("schema", "--output", str(target)).returncode == 0
    assert cli("schema", "--check", "--output", str(target)).returncode == 0
    target.write_text("{}", encoding="utf-8")
    assert cli("schema", "--check", "--output", str(target)).returncode == 1


def _run_in_process(monkeypatch, capsys, *argv: str) -> tuple[int, str]:
    import sys

    from samenwerk import cli as cli_module

    monkeypatch.setattr(sys, "argv", ["samenwerk", *argv])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.run()
    return int(exit_info.value.code or 0), capsys.readouterr().err


def test_internal_error_is_short_without_debug(monkeypatch, capsys) -> None:
    import samenwerk.lint

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(samenwerk.lint, "lint_many", broken)
    monkeypatch.setenv("SAMENWERK_DEBUG", "0")
    code, err = _run_in_process(monkeypatch, capsys, "lint", "--no-cache", str(MINIMAL))
    assert code == 3
    assert "internal error: RuntimeError: simulated bug" in err
    assert f"samenwerk {__version__}" in err and "--debug" in err
    assert "Traceback" not in err


def test_internal_error_with_debug_shows_the_traceback(monkeypatch, capsys) -> None:
    import samenwerk.lint

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(samenwerk.lint, "lint_many", broken)
    monkeypatch.setenv("SAMENWERK_DEBUG", "0")  # restored after the test, whatever --debug sets
    import sys

    from samenwerk import cli as cli_module

    monkeypatch.setattr(sys, "argv", ["samenwerk", "--debug", "lint", "--no-cache", str(MINIMAL)])
    with pytest.raises(RuntimeError, match="simulated bug"):
        cli_module.run()


def test_quiet_also_silences_deprecation_warnings_and_schema_check_needs_a_file() -> None:
    from tests.conftest import AGREEMENTS
    from tests.robustness.invoke import invoke

    code, text = invoke("lint", str(AGREEMENTS / "gent-vdab-2020-2025.yaml"), "--output-format", "concise", "-q")
    assert code == 0 and "deprecated" not in text
    code, text = invoke("schema", "-o", "-", "--check")
    assert code == 2 and "name it with -o" in text


def _help_at_a_terminal(no_color: bool) -> str:
    """``samenwerk fmt --help`` with its output on a pseudo-terminal, as a person at a terminal sees it."""
    import os
    import pty
    import subprocess
    import sys

    from ..conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", **({"NO_COLOR": "1"} if no_color else {})})
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "samenwerk", "fmt", "--help"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
        if secondary != -1:
            os.close(secondary)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8")


def test_help_is_plain_text_under_no_color() -> None:
    """NO_COLOR means no styling at all (https://no-color.org): Rich would keep bold and dim in --help."""
    styled, plain = _help_at_a_terminal(no_color=False), _help_at_a_terminal(no_color=True)
    assert "\x1b[1m" in styled or "\x1b[1;" in styled, "at a terminal the help is styled"
    assert "Usage:" in plain and "--check" in plain
    assert "\x1b[" not in plain
