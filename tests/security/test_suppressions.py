"""Suppressions come only from real YAML comments, as the parser sees them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import FIXTURES

MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
# Without contact points, contact-point warns for both parties: the finding a directive would silence.
BASE = MINIMAL.replace(
    "contact_points:\n  contacts:\n    - {party: vdab, function: accountmanager}\n"
    "    - {party: gemeente, function: diensthoofd Werk}\n",
    "",
)


def _rules(cli, tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = cli("lint", "--no-cache", "--output-format", "json", "a.yaml", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [d["rule"] for d in json.loads(result.stdout)["diagnostics"]]


def test_the_base_case_warns(cli, tmp_path: Path) -> None:
    assert _rules(cli, tmp_path, BASE) == ["contact-point", "contact-point"]


@pytest.mark.parametrize(
    "notes",
    [
        'notes: ["# samenwerk: ignore-file"]',
        "notes: ['zie # samenwerk: ignore-file[contact-point]']",
        "notes:\n  - |\n    # samenwerk: ignore-file\n",
        "notes:\n  - >\n    tekst\n    # samenwerk: ignore-file[contact-point]\n",
        "notes: [a#samenwerk:ignore-file]",
        'notes:\n  - "eerste regel\n    # samenwerk: ignore-file"',
        'notes: ["a # samenwerk: ignore-file"]',
    ],
)
def test_a_directive_inside_a_string_silences_nothing(cli, tmp_path: Path, notes: str) -> None:
    assert _rules(cli, tmp_path, BASE + notes + "\n") == ["contact-point", "contact-point"]


@pytest.mark.parametrize(
    "comment",
    [
        "# samenwerk: ignore-file[contact-point] the source names none\n",
        "notes: [x]  # samenwerk: ignore-file[contact-point]\n",
        "notes:\n  - |\n    tekst\n# samenwerk: ignore-file[contact-point]\n",
    ],
)
def test_a_real_comment_still_works(cli, tmp_path: Path, comment: str) -> None:
    assert _rules(cli, tmp_path, BASE + comment) == []


def test_a_file_that_does_not_parse_honours_no_directive(cli, tmp_path: Path) -> None:
    text = "id: [unclosed\n# samenwerk: ignore-file\nnotes: ['85.07.30-033.28']\n"
    assert _rules(cli, tmp_path, text) == ["syntax", "national-register-number"]
