"""Versions and amendments: links checked across files, consolidation, and the commands that use it.

The register in examples/register is fictional (invented municipalities): an agreement until 31-12-2025,
an addendum in effect from 1-7-2025 and an extension to 31-12-2026 in effect from 1-1-2026.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from samenwerk import document
from samenwerk.versions import ConsolidationError, consolidate, merge
from tests.conftest import ROOT

REGISTER = ROOT / "examples" / "register"
BASE = REGISTER / "voorbeeldegem-vdab-2024-2025.yaml"
ADDENDUM = REGISTER / "voorbeeldegem-vdab-addendum-1.yaml"
EXTENSION = REGISTER / "voorbeeldegem-vdab-verlenging-2026.yaml"


def _model(path: Path):
    agreement = document.read(path).agreement
    assert agreement is not None, document.read(path).diagnostics()
    return agreement


def test_merge_replaces_mappings_deletes_with_null_and_merges_entries_by_id() -> None:
    target = {"a": 1, "b": {"c": 2, "d": 3}, "items": [{"id": "x", "v": 1}, {"id": "y", "v": 2}], "plain": [1, 2]}
    patch = {"a": None, "b": {"c": 9}, "items": [{"id": "y", "v": 5}, {"id": "z", "v": 6}], "plain": [3]}
    assert merge(target, patch) == {
        "b": {"c": 9, "d": 3},
        "items": [{"id": "x", "v": 1}, {"id": "y", "v": 5}, {"id": "z", "v": 6}],
        "plain": [3],
    }
    assert target["a"] == 1  # the target is left as it was


@pytest.mark.parametrize(
    ("as_of", "end", "target", "applied"),
    [
        (dt.date(2025, 6, 30), dt.date(2025, 12, 31), 150, ()),
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31), 200, ("voorbeeldegem-vdab-addendum-1",)),
        (
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
            200,
            ("voorbeeldegem-vdab-addendum-1", "voorbeeldegem-vdab-verlenging-2026"),
        ),
    ],
)
def test_the_agreement_as_in_force_on_a_date(as_of: dt.date, end: dt.date, target: int, applied: tuple) -> None:
    result = consolidate(_model(BASE), [_model(EXTENSION), _model(ADDENDUM)], as_of)
    assert result.agreement.duration and result.agreement.duration.end == end
    assert result.agreement.targets[0].value == target
    assert tuple(a.id for a in result.applied) == applied
    bodies = [b.id for b in result.agreement.consultation.bodies] if result.agreement.consultation else []
    assert ("werkgroep-taal" in bodies) == bool(applied)


def test_an_amendment_that_breaks_the_agreement_is_named() -> None:
    broken = _model(ADDENDUM).model_copy(update={"changes": {"targets": [{"id": "extra-aan-het-werk", "value": -5}]}})
    with pytest.raises(ConsolidationError, match="voorbeeldegem-vdab-addendum-1.*targets"):
        consolidate(_model(BASE), [broken], None)


def test_the_example_register_lints_clean(cli) -> None:
    result = cli("lint", "--no-cache", "-f", "concise", "examples/register")
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_expiring_uses_the_consolidated_end_date(cli) -> None:
    result = cli("expiring", "examples/register", "--as-of", "2026-03-01", "-f", "json", "--fail-on", "expired")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["agreements"]  # the amendments are folded into their agreement
    assert (report["id"], report["end"], report["state"]) == ("voorbeeldegem-vdab-2024-2025", "2026-12-31", "active")
    assert report["amended_by"] == ["voorbeeldegem-vdab-addendum-1", "voorbeeldegem-vdab-verlenging-2026"]
    before = cli("expiring", str(BASE), "--as-of", "2026-03-01", "-f", "json", "--fail-on", "expired")
    assert before.returncode == 1  # the agreement alone ended on 31-12-2025


def test_a_superseded_agreement_is_closed(cli, tmp_path: Path) -> None:
    shutil.copy(BASE, tmp_path / "oud.yaml")
    newer = BASE.read_text(encoding="utf-8").replace("2024-2025", "2026-2031").replace("01-01-2024", "01-01-2026")
    newer = newer.replace("31-12-2025", "31-12-2031").replace("15-12-2023", "15-12-2025")
    newer = newer.replace(
        "edition: eerste versie", "edition: tweede versie\nsupersedes: [voorbeeldegem-vdab-2024-2025]"
    )
    (tmp_path / "nieuw.yaml").write_text(newer, encoding="utf-8")
    assert cli("lint", "--no-cache", "-f", "concise", str(tmp_path)).returncode == 0
    result = cli("expiring", str(tmp_path), "--as-of", "2027-01-01", "-f", "json", "--fail-on", "expired")
    assert result.returncode == 0, result.stdout
    old = next(r for r in json.loads(result.stdout)["agreements"] if r["id"] == "voorbeeldegem-vdab-2024-2025")
    assert (old["state"], old["closed"], old["superseded_by"]) == ("expired", True, "voorbeeldegem-vdab-2026-2031")


def test_diff_of_an_agreement_and_its_amendment_shows_what_the_amendment_changes(cli) -> None:
    result = cli("diff", str(BASE), str(EXTENSION), "-f", "json")
    assert result.returncode == 0, result.stderr
    (f,) = json.loads(result.stdout)["files"]
    assert [(c["path"], c["old"], c["new"]) for c in f["changes"] if c["path"] == ["duration", "end"]] == [
        (["duration", "end"], "2025-12-31", "2026-12-31")
    ]
    assert len(f["changes"]) == 2  # the end date, and the title's years


# --- checked across files -----------------------------------------------------------------------------------


def _register(tmp_path: Path) -> Path:
    folder = tmp_path / "agreements"
    shutil.copytree(REGISTER, folder)
    return folder


def _lint(cli, folder: Path, *args: str) -> list[str]:
    result = cli("lint", "--no-cache", "-f", "concise", *args, str(folder))
    return [line.split(str(folder) + "/", 1)[-1] for line in result.stdout.splitlines() if "[agreement-links]" in line]


def test_an_amendment_pointing_nowhere_is_reported_at_its_link(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    path = folder / ADDENDUM.name
    path.write_text(path.read_text(encoding="utf-8").replace("amends: voorbeeldegem-vdab-2024-2025", "amends: elders"))
    assert _lint(cli, folder) == [
        "voorbeeldegem-vdab-addendum-1.yaml:8:9: error: amends 'elders', which is not among the agreements "
        "checked [agreement-links]"
    ]


def test_two_files_with_one_id_are_reported_with_both_places(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    (folder / "kopie.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    (line,) = _lint(cli, folder)
    assert line.startswith("voorbeeldegem-vdab-2024-2025.yaml:5:5: error: the id 'voorbeeldegem-vdab-2024-2025' is")
    assert "kopie.yaml:5" in line


def test_cycles_double_supersession_and_early_amendments(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    base = folder / BASE.name
    base.write_text(
        base.read_text(encoding="utf-8").replace(
            "edition: eerste versie", "edition: eerste versie\namends: voorbeeldegem-vdab-addendum-1"
        ),
        encoding="utf-8",
    )
    found = "\n".join(_lint(cli, folder))
    assert "the links form a cycle: voorbeeldegem-vdab-2024-2025 -> voorbeeldegem-vdab-addendum-1" in found
    folder = _register(tmp_path / "b")
    for name in ("een.yaml", "twee.yaml"):
        text = BASE.read_text(encoding="utf-8").replace(
            "id: voorbeeldegem-vdab-2024-2025", f"id: {name[:-5]}\nsupersedes: [voorbeeldegem-vdab-2024-2025]"
        )
        (folder / name).write_text(text, encoding="utf-8")
    found = "\n".join(_lint(cli, folder))
    assert "'voorbeeldegem-vdab-2024-2025' is also superseded by 'een'" in found
    folder = _register(tmp_path / "c")
    early = folder / ADDENDUM.name
    early.write_text(early.read_text(encoding="utf-8").replace("effective: 01-07-2025", "effective: 01-07-2023"))
    assert _lint(cli, folder) == [
        "voorbeeldegem-vdab-addendum-1.yaml:9:12: error: takes effect on 2023-07-01, before "
        f"'voorbeeldegem-vdab-2024-2025' ({folder / BASE.name}) starts on 2024-01-01 [agreement-links]"
    ]


def test_links_are_checked_from_the_cache_as_well(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    (folder / "kopie.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    first = cli("lint", "--cache-dir", str(cache), "-f", "concise", str(folder))
    second = cli("lint", "--cache-dir", str(cache), "-f", "concise", str(folder))
    assert first.stdout == second.stdout and "[agreement-links]" in second.stdout
    assert first.returncode == second.returncode == 1


def test_the_rule_can_be_turned_off(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    (folder / "kopie.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    assert _lint(cli, folder, "--ignore", "agreement-links") == []


def test_results_held_for_the_checks_across_files_are_not_kept_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Held in memory, every result waited as objects that each full collection walked again: quadratic time
    # on tens of thousands of files. They wait on disk now; the finding across files still reaches its file.
    import gc

    from samenwerk import lint
    from samenwerk.lint import FileResult, Settings, iter_lint

    monkeypatch.setattr(lint, "SPOOL_FROM", 10)  # from 200 files to check: fewer make this test quick

    folder = _register(tmp_path)
    for i in range(30):
        text = BASE.read_text(encoding="utf-8").replace(
            "id: voorbeeldegem-vdab-2024-2025", f"id: kopie-{i}" if i else "id: voorbeeldegem-vdab-2024-2025"
        )
        (folder / f"kopie-{i:02}.yaml").write_text(text, encoding="utf-8")
    files = sorted(folder.glob("*.yaml"))
    results = iter_lint(files, Settings(), jobs=1)
    first = next(results)  # every file has been checked by now: the rest wait to be released
    alive = sum(isinstance(o, FileResult) for o in gc.get_objects())
    rest = list(results)
    assert len(rest) == len(files) - 1 and alive <= 2, alive
    linked = [d for r in (first, *rest) for d in r.diagnostics if d.rule == "agreement-links"]
    assert sorted(Path(d.path).name for d in linked) == ["voorbeeldegem-vdab-2024-2025.yaml"]


def test_a_report_written_as_a_whole_has_the_findings_across_files(cli, tmp_path: Path) -> None:
    folder = _register(tmp_path)
    (folder / "kopie.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    found = json.loads(cli("lint", "--no-cache", "-f", "json", str(folder)).stdout)
    assert [Path(f["path"]).name for f in found["files"]] == sorted(p.name for p in folder.glob("*.yaml"))
    linked = [d for d in found["diagnostics"] if d["rule"] == "agreement-links"]
    assert [(Path(d["path"]).name, d["line"]) for d in linked] == [("voorbeeldegem-vdab-2024-2025.yaml", 5)]


def test_render_as_of_renders_the_text_in_force_with_a_note(cli) -> None:
    result = cli("render", str(BASE), "-f", "md", "-o", "-", "--as-of", "2026-02-01")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert "> Geconsolideerde tekst zoals van kracht op 1 februari 2026, met de wijzigingen van: Addendum 1" in md
    assert "(van kracht sinds 1 januari 2026)" in md and "Dit is geen ondertekende tekst." in md
    assert "tot en met 31 december 2026" in md and "200 inwoners extra" in md
    plain = cli("render", str(BASE), "-f", "md", "-o", "-").stdout
    assert "Geconsolideerde tekst" not in plain and "tot en met 31 december 2025" in plain
    early = cli("render", str(BASE), "-f", "md", "-o", "-", "--as-of", "2025-01-01").stdout
    assert "geen wijzigingen van kracht" in early and "150 inwoners extra" in early
