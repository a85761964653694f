"""Where output cannot go: a clear message and exit 2, never an internal error, never a folder made unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import AGREEMENTS, FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"
PACT = AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml"


def _commands(target: Path) -> list[list[str]]:
    return [
        ["lint", "--no-cache", "-f", "json", "-o", str(target), str(MINIMAL)],
        ["expiring", str(MINIMAL), "-f", "json", "-o", str(target), "--as-of", "2025-01-01"],
        ["diff", str(MINIMAL), str(MINIMAL), "--format", "json", "--output", str(target)],
        ["render", str(PACT), "-f", "md", "-o", str(target)],
        ["render", str(PACT), "-f", "html", "-o", str(target)],
    ]


@pytest.mark.parametrize("where", ["parent-is-a-file", "target-is-a-folder", "missing-folder", "unwritable"])
@pytest.mark.parametrize("command", range(5))
def test_a_bad_output_path_is_a_clear_error(cli, tmp_path: Path, where: str, command: int) -> None:
    if where == "parent-is-a-file":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        target, expected = tmp_path / "file" / "out.txt", "is a file, not a folder"
    elif where == "target-is-a-folder":
        (tmp_path / "folder").mkdir()
        target, expected = tmp_path / "folder", "is a folder"
    elif where == "missing-folder":
        target, expected = tmp_path / "no" / "such" / "out.txt", "does not exist"
    else:
        target, expected = Path("/proc/samenwerk-cannot-write-here.txt"), "cannot write"
    result = cli(*_commands(target)[command])
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert expected in result.stderr and str(target) in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "no").exists()


def test_render_creates_the_output_folder_it_is_given(cli, tmp_path: Path) -> None:
    result = cli("render", str(PACT), "-f", "md", "--output-dir", str(tmp_path / "build" / "nieuw"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "build" / "nieuw" / "pact-samen-en-lokaal-voor-werk.md").is_file()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_device_is_written_into_never_replaced(cli, force: list[str]) -> None:
    result = cli("lint", "--no-cache", "-f", "json", "-o", "/dev/null", *force, str(MINIMAL))
    assert result.returncode == 0, result.stderr
    assert Path("/dev/null").is_char_device()
