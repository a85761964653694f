"""render checks the references a document needs before any template sees the data: a typo is a
lint-style diagnostic and exit 2, never a KeyError or a Jinja error pointing into site-packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import FIXTURES

MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")

CASES = {
    "unknown signatory": (("signatories: [{person: burgemeester}", "signatories: [{person: burgemeestr}"), 37),
    "unknown party in a signature block": (("    - party: gemeente\n", "    - party: gemeent\n"), 36),
    "unknown party in a body": (
        ("members: [{parties: [vdab, gemeente]}]", "members: [{parties: [vdab, gemeent]}]"),
        24,
    ),
    "duplicate person id": (
        ("      - {id: directeur, name: Voornaam Directeur", "      - {id: burgemeester, name: Voornaam Directeur"),
        17,
    ),
    "unknown party in a contact point": (
        ("{party: gemeente, function: diensthoofd", "{party: gemeent, function: diensthoofd"),
        28,
    ),
    "unknown approval": (
        (
            "authority: {body: het college van burgemeester en schepenen}",
            "authority: {body: het college van burgemeester en schepenen, decision: cbs-2020-01}",
        ),
        14,
    ),
    "suppressed reference error": (
        ("    - party: gemeente\n", "    - party: gemeent  # samenwerk: ignore[references]\n"),
        36,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_a_broken_reference_stops_render_with_its_place(cli, tmp_path: Path, case: str, fmt: str) -> None:
    (old, new), line = CASES[case]
    assert old in MINIMAL
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    result = cli("render", str(path), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
    assert result.returncode == 2, result.stderr
    assert f"{path}:{line}:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "site-packages" not in result.stderr and "UndefinedError" not in result.stderr
    assert not (tmp_path / f"out.{fmt}").exists()


def test_one_broken_file_does_not_stop_the_others(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("    - party: gemeente\n", "    - party: gemeent\n"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    result = cli("render", str(bad), str(good), "-f", "md", "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 2
    assert (tmp_path / "out" / "good.md").is_file() and not (tmp_path / "out" / "bad.md").exists()
