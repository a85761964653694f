"""samenwerk fix and a title naming more than the term: with several year ranges, which one is the term is not
for a program to guess, so fix leaves the title to a person (and lint names it once)."""

from __future__ import annotations

from pathlib import Path

from .test_fix import BASE, _lint, _repo


def test_a_title_with_several_ranges_is_never_rewritten(cli, tmp_path: Path) -> None:
    title = "Samenwerking Gent en VDAB 2024 - 2026 in uitvoering van het regeerakkoord 2019-2024"
    text = BASE.replace("Samenwerking Gent en VDAB 2024 - 2025", title)
    path = _repo(tmp_path, text)
    done = cli("fix", "--select", "title-years", cwd=tmp_path)
    assert done.returncode == 1 and "title-years" in done.stderr, done.stderr
    assert path.read_text(encoding="utf-8") == text
    (found,) = _lint(cli, tmp_path, "title-years")
    assert "none of the year ranges" in found["message"] and "2024-2025" in found["message"]


def test_the_other_period_is_kept_when_the_term_is_right(cli, tmp_path: Path) -> None:
    title = "Samenwerking Gent en VDAB 2024 - 2025 in uitvoering van het regeerakkoord 2019-2024"
    path = _repo(tmp_path, BASE.replace("Samenwerking Gent en VDAB 2024 - 2025", title))
    assert _lint(cli, tmp_path, "title-years") == []
    assert cli("fix", "--select", "title-years", cwd=tmp_path).returncode == 0
    assert title in path.read_text(encoding="utf-8")
