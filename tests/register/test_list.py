"""samenwerk list: rows, filters, sort orders and the four formats, read back as their consumers read them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from samenwerk.register import SORTS
from samenwerk.register.entries import SORT_KEYS
from tests.robustness.invoke import invoke

from ..conftest import AGREEMENTS
from .conftest import GENT

AS_OF = "30-06-2025"


def _json(*args: str) -> dict:
    code, text = invoke("list", *args, "--as-of", AS_OF, "-f", "json", "-o", "-")
    assert code == 0, text
    return json.loads(text)


def test_every_agreement_is_a_row_with_its_facts(repo: Path) -> None:
    doc = _json(str(repo / "agreements"))
    rows = {r["id"]: r for r in doc["agreements"]}
    assert set(rows) == {p.stem for p in AGREEMENTS.glob("*.yaml")}
    gent = rows[GENT]
    assert gent["title"].startswith("Samenwerkingsovereenkomst tussen de Stad Gent")
    assert (gent["kind"], gent["status"], gent["region"]) == ("samenwerkingsovereenkomst", "expired", "Gent")
    assert gent["end"] == "2026-12-31" and gent["days_left"] == 549  # the end as consolidated: after the change
    assert [p["short"] for p in gent["parties"]] == ["Stad/OCMW Gent", "VDAB"]
    assert "ondertekent" in gent["parties"][0]["roles"]
    assert gent["last_change"]["subject"] == "Gent verlengd tot eind 2026"
    assert len(gent["last_change"]["commit"]) >= 40
    perspectief = rows["perspectief-middenkust-vdab-2023-2025"]
    assert perspectief["start"] == "2023-11-22" and perspectief["last_change"]["subject"] == "Alle overeenkomsten"


def test_outside_git_there_is_no_last_change(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    shutil.copytree(AGREEMENTS, folder)
    doc = _json(str(folder))
    assert all(r["last_change"] is None for r in doc["agreements"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--party", "zandhoven"], {"kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025"}),
        (
            ["--party", "VDAB", "--kind", "engagementsverklaring"],
            {"engagementsverklaring-werkgelegenheidsconferentie-limburg"},
        ),
        (["--kind", "pact"], {"pact-samen-en-lokaal-voor-werk"}),
        (["--status", "none"], {"pact-samen-en-lokaal-voor-werk"}),
        (["--status", "signed"], {"engagementsverklaring-werkgelegenheidsconferentie-limburg"}),
        (["--region", "antwerpen"], {"kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025"}),
        (
            ["--ends-before", "01-01-2026"],
            {
                "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025",
                "perspectief-middenkust-vdab-2023-2025",
            },
        ),
        (["--ends-before", "2025-12-31"], set()),
    ],
)
def test_filters(repo: Path, args: list[str], expected: set[str]) -> None:
    assert {r["id"] for r in _json(str(repo / "agreements"), *args)["agreements"]} == expected


def test_sort_orders_put_missing_values_last_both_ways(repo: Path) -> None:
    assert set(SORT_KEYS) == set(SORTS)
    ends = [r["end"] for r in _json(str(repo / "agreements"), "--sort", "end")["agreements"]]
    assert ends == ["2025-12-31", "2025-12-31", "2026-12-31", None, None]
    ends = [r["end"] for r in _json(str(repo / "agreements"), "--sort", "end", "--reverse")["agreements"]]
    assert ends == ["2026-12-31", "2025-12-31", "2025-12-31", None, None]
    titles = [r["title"] for r in _json(str(repo / "agreements"), "--sort", "title")["agreements"]]
    assert titles == sorted(titles, key=str.casefold)


def test_bad_choices_are_usage_errors() -> None:
    code, text = invoke("list", str(AGREEMENTS), "--kind", "treaty")
    assert code == 2 and "--kind 'treaty': kies een van samenwerkingsovereenkomst" in text  # in Dutch: see conftest.py
    code, text = invoke("list", str(AGREEMENTS), "--status", "lost")
    assert code == 2 and "none" in text
    code, text = invoke("list", str(AGREEMENTS), "--sort", "colour")
    assert code == 2


def test_table_is_dutch_and_neutralised(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    text = (AGREEMENTS / f"{GENT}.yaml").read_text(encoding="utf-8")
    (folder / "x.yaml").write_text(
        text.replace("region: Gent", 'region: "Gent\\e[31m [bold]rood[/bold]"'), encoding="utf-8"
    )
    code, out = invoke("list", str(folder), "--as-of", AS_OF)
    assert code == 0, out
    assert "Overeenkomsten op 30 juni 2025" in out and "31-12-2025" in out and "ondertekend" not in out
    assert "verlopen" in out and "1 overeenkomst" in out
    assert "\x1b" not in out


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (AGREEMENTS / f"{GENT}.yaml").read_text(encoding="utf-8")
    for n, formula in enumerate(FORMULAS):
        changed = text.replace(f"id: {GENT}", f"id: {GENT}-{n}", 1).replace(
            "region: Gent", f"region: {json.dumps(formula)}"
        )
        changed = changed.replace("name: Stad/OCMW Gent", f"name: {json.dumps(formula)}", 1)
        (folder / f"a{n}.yaml").write_text(changed, encoding="utf-8")
    return folder


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    code, out = invoke("list", str(_hostile(tmp_path)), "--as-of", AS_OF, "-f", "csv", "--sort", "id")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))  # headings in Dutch: see conftest.py
    assert [r["regio"] for r in rows] == ["'" + f for f in FORMULAS]
    assert all(r["partijen"].startswith("'") for r in rows)
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())
    assert rows[0]["einde"] == "2025-12-31" and rows[0]["dagen"] == "184"


def test_xlsx_reads_back_as_text_and_dates(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "register.xlsx"
    code, out = invoke(
        "list", str(_hostile(tmp_path)), "--as-of", AS_OF, "-f", "xlsx", "-o", str(target), "--sort", "id"
    )
    assert code == 0, out
    sheet = load_workbook(target)["Overeenkomsten"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["id", "titel", "soort", "partijen", "begin", "einde"]
    rows = list(sheet.iter_rows(min_row=2))
    region = header.index("regio")
    for row, formula in zip(rows, FORMULAS):
        assert row[region].data_type == "s" and row[region].value == formula.replace("\r", "\\r")
    end = rows[0][header.index("einde")]
    assert end.is_date and end.value.date().isoformat() == "2025-12-31" and end.number_format == "DD-MM-YYYY"
    assert rows[0][header.index("dagen")].value == 184
    code, out = invoke("list", str(AGREEMENTS), "-f", "xlsx", "-o", str(target))
    assert code == 2 and "bestaat al" in out  # never over a file without --force (in Dutch: see conftest.py)


def test_a_broken_file_is_reported_and_the_rest_listed(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    shutil.copytree(AGREEMENTS, folder)
    (folder / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    code, out = invoke("list", str(folder), "-f", "json", "--as-of", AS_OF)
    assert code == 2
    doc = json.loads(out[: out.rindex("}") + 1])
    assert len(doc["agreements"]) == 5 and doc["errors"][0]["path"].endswith("broken.yaml")


def test_the_end_as_consolidated_with_amendments() -> None:
    """examples/register: an agreement until 31-12-2025, an addendum and an extension to 31-12-2026."""
    from ..conftest import ROOT

    code, text = invoke("list", str(ROOT / "examples" / "register"), "--as-of", "01-03-2026", "-f", "json")
    assert code == 0, text
    doc = json.loads(text)
    (row,) = doc["agreements"]  # the amendments are folded into the agreement they amend
    assert row["id"] == "voorbeeldegem-vdab-2024-2025" and row["end"] == "2026-12-31"
    assert row["amended_by"] == ["voorbeeldegem-vdab-addendum-1", "voorbeeldegem-vdab-verlenging-2026"]


def test_people_read_their_language_scripts_read_stable_keys(repo: Path) -> None:
    """Table, CSV and spreadsheet headings and words follow --lang; JSON keys and values do not (its texts,
    the parties' roles, do)."""
    from samenwerk.reporters.register import COLUMNS

    folder = str(repo / "agreements")
    runs = {}
    for lang in ("nl", "en"):
        code, out = invoke("list", folder, "--as-of", AS_OF, "-f", "csv", "--lang", lang, "--sort", "id")
        assert code == 0, out
        runs[lang] = list(csv.reader(io.StringIO(out)))
    nl, en = runs["nl"], runs["en"]
    assert nl[0][:6] == ["id", "titel", "soort", "partijen", "begin", "einde"]
    assert en[0][:6] == ["id", "title", "kind", "parties", "start", "end"] and len(en[0]) == len(COLUMNS)
    status = en[0].index("status")
    assert {r[status] for r in en[1:]} >= {"expired", "signed"} and "ondertekend" in {r[status] for r in nl[1:]}
    assert [r[0] for r in nl][1:] == [r[0] for r in en][1:]  # the same rows in the same order
    code, table = invoke("list", folder, "--as-of", AS_OF, "--lang", "en")
    assert code == 0 and "Agreements as of June 30, 2025" in table and "Dec 31" in table  # a short English date
    docs = {}
    for lang in ("nl", "en"):
        code, out = invoke("list", folder, "--as-of", AS_OF, "-f", "json", "--lang", lang, "--sort", "id")
        assert code == 0, out
        docs[lang] = json.loads(out)
    rows = {lang: docs[lang]["agreements"] for lang in docs}
    assert [sorted(r) for r in rows["nl"]] == [sorted(r) for r in rows["en"]]
    assert [(r["status"], r["state"], r["end"]) for r in rows["nl"]] == [
        (r["status"], r["state"], r["end"]) for r in rows["en"]
    ]
    gent_nl, gent_en = (next(r for r in rows[lang] if r["id"] == GENT) for lang in ("nl", "en"))
    assert "ondertekent" in gent_nl["parties"][0]["roles"] and "signs" in gent_en["parties"][0]["roles"]
