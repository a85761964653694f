"""The redline (diff -f html): both versions rendered as documents, the changes marked block by block in the
new version's layout, with the changes in words above; escaped; accessible (axe-core in a real Chromium).

A small fictional agreement and a changed version: a representative and a signatory dropped, an end date
moved, a body renamed, a paragraph reworded and one added (with markup in its text).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from samenwerk.diff import Side, compare
from samenwerk.reporters.diff import FORMATS, Options
from samenwerk.reporters.diff.redline import blocks, parse, redline
from tests.conftest import AGREEMENTS

OLD = """\
id: proefdorp-vdab-2024-2025
title: Samenwerkingsovereenkomst Proefdorp - VDAB 2024-2025
kind: samenwerkingsovereenkomst
status: signed
parties:
  - id: vdab
    name: VDAB
    kind: vdab
    representatives:
      - {id: directeur, name: Directeur Voorbeeld, function: directeur}
  - id: proefdorp
    name: Lokaal bestuur Proefdorp
    kind: gemeente
    representatives:
      - {id: rob-mennes, name: Rob Mennes, function: burgemeester}
      - {id: els-claes, name: Els Claes, function: algemeen directeur}
policy_framework:
  - title: Beleidskader
    text: |
      De partners werken samen aan werk voor iedereen.

      Zij volgen de afspraken van het **lokaal** werkgelegenheidsbeleid.
consultation:
  bodies:
    - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}
duration:
  start: 2024-01-01
  end: 2025-12-31
signing:
  blocks:
    - party: proefdorp
      signatories: [{person: rob-mennes}, {person: els-claes}]
    - party: vdab
      signatories: [{person: directeur}]
"""

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)></style><style>*{display:none}</style>"
NEW = (
    OLD.replace("      - {id: els-claes, name: Els Claes, function: algemeen directeur}\n", "")
    .replace(", {person: els-claes}", "")
    .replace("end: 2025-12-31", "end: 2026-12-31")
    .replace("name: Stuurgroep,", "name: Stuurgroep werk,")
    .replace(
        "werk voor iedereen.",
        f"werk voor alle inwoners.\n\n      Zij overleggen elk kwartaal {HOSTILE}.",
    )
)


def page(old: str | None = OLD, new: str | None = NEW) -> str:
    fd = compare(
        Side("oud.yaml", None if old is None else old.encode()),
        Side("nieuw.yaml", None if new is None else new.encode()),
    )
    out = io.StringIO()
    FORMATS.writer("html")([fd], out, Options())
    return out.getvalue()


def tree(text: str) -> Any:
    return lxml.html.document_fromstring(text)


def article(text: str) -> Any:
    (document,) = tree(text).iter("article")
    return document


def words(element: Any) -> str:
    return " ".join("".join(_texts(element)).split())


def _texts(element: Any) -> Iterator[str]:
    """The element's text, a line break read as a space."""
    if element.tag == "br":
        yield " "
    yield element.text or ""
    for child in element:
        yield from _texts(child)
        yield child.tail or ""


def test_a_dropped_list_item_is_struck_in_its_own_list() -> None:
    root = tree(page())
    (struck,) = [li for li in root.iter("li") if "redline-del" in (li.get("class") or "")]
    assert words(struck) == "Els Claes, algemeen directeur"
    assert [words(d) for d in struck.iter("del")] == ["Els Claes, algemeen directeur"]
    siblings = [words(li) for li in struck.getparent().iter("li")]
    assert siblings == ["Rob Mennes, burgemeester", "Els Claes, algemeen directeur"], "in the party's list"
    assert struck.getparent().getparent().get("id", "").endswith("partij-proefdorp")


def test_a_changed_paragraph_marks_the_words_that_changed() -> None:
    root = tree(page())
    term = next(p for p in root.iter("p") if "term" in (p.get("class") or "").split())
    assert "redline-changed" in term.get("class")
    assert [d.text for d in term.iter("del")] == ["2025."]
    assert [i.text for i in term.iter("ins")] == ["2026."]
    assert term.text.endswith("vanaf 1 januari 2024 tot en met 31 december "), "the unchanged words as they were"
    reworded = next(p for p in root.iter("p") if "werken samen" in words(p) and p.getparent().tag == "section")
    assert [d.text for d in reworded.iter("del")] == ["iedereen."]
    assert [i.text for i in reworded.iter("ins")] == ["alle inwoners."]


def test_a_renamed_heading_stays_a_heading_with_the_inserted_word() -> None:
    root = tree(page())
    (heading,) = [h for h in root.iter("h3") if "Stuurgroep" in words(h)]
    assert "redline-changed" in heading.get("class")
    assert heading.text == "Stuurgroep" and [i.text for i in heading.iter("ins")] == [" werk"]


def test_an_added_paragraph_is_inserted_whole_and_an_unchanged_one_keeps_its_formatting() -> None:
    root = tree(page())
    (added,) = [p for p in root.iter("p") if "redline-ins" in (p.get("class") or "")]
    (ins,) = added.iter("ins")
    assert words(ins).startswith("Zij overleggen elk kwartaal")
    section = added.getparent()
    assert words(section.find("h2")).endswith("Beleidskader")
    paragraphs = [words(p) for p in section.iter("p")]
    assert paragraphs[0].startswith("De partners") and paragraphs[1] == words(added), "in the source's order"
    kept = next(p for p in section.iter("p") if "Zij volgen" in words(p))
    assert kept.get("class") is None and not list(kept.iter("del", "ins"))
    assert [s.text for s in kept.iter("strong")] == ["lokaal"]


def test_a_dropped_signatory_is_struck_in_the_signatures() -> None:
    root = tree(page())
    signatures = next(s for s in root.iter("section") if "signatures" in (s.get("class") or ""))
    (struck,) = [p for p in signatures.iter("p") if "redline-del" in (p.get("class") or "")]
    assert words(struck) == "Els Claes algemeen directeur", "the line break a space"
    own = struck.getparent()
    assert own.get("class") == "signatory" and len(own) == 1, "in a signatory's place of its own, no field"
    assert "Rob Mennes" in words(own.getprevious()), "after the signatory beside whom it stood"


def test_the_changes_in_words_come_first_substantive_apart() -> None:
    text = page()
    root = tree(text)
    summary = next(d for d in root.iter("div") if d.get("class") == "redline-summary")
    headings = [words(h) for h in summary.iter("h3")]
    assert headings[0] == "Inhoudelijke wijzigingen"
    items = [words(li) for li in summary.find("ul").iter("li")]
    assert "einddatum gewijzigd van 31 december 2025 naar 31 december 2026" in items
    assert any("Els Claes" in item for item in items)
    assert text.index("redline-summary") < text.index('<article class="document"')


def test_agreement_text_cannot_inject_markup() -> None:
    text = page()
    root = tree(text)
    assert not list(root.iter("script", "img", "iframe"))
    assert len(list(root.iter("style"))) == 1, "one stylesheet: the text closed none and opened none"
    body = text.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in body
    assert "&amp;lt;" not in body, "escaped once"


def test_a_side_that_does_not_validate_shows_its_text_escaped() -> None:
    broken = NEW.replace("kind: samenwerkingsovereenkomst", "kind: onbekend").replace(
        "Proefdorp - VDAB", f"Proefdorp {HOSTILE} - VDAB"
    )
    text = page(OLD, broken)
    root = tree(text)
    assert not list(root.iter("script", "img"))
    assert "&lt;script&gt;" in text


def test_ids_stay_unique_with_several_files() -> None:
    fds = [compare(Side("a.yaml", OLD.encode()), Side("b.yaml", NEW.encode())) for _ in range(2)]
    out = io.StringIO()
    FORMATS.writer("html")(fds, out, Options())
    root = tree(out.getvalue())
    ids = [e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(ids) == len(set(ids)) and len(ids) > 10
    for e in root.iter():
        if isinstance(e.tag, str) and e.get("aria-labelledby"):
            assert e.get("aria-labelledby") in ids


def test_an_added_file_is_all_inserted_and_a_deleted_one_all_struck() -> None:
    added = article(page(None, OLD))
    assert not list(added.iter("del")) and list(added.iter("ins"))
    assert any("Els Claes" in words(i) for i in added.iter("ins"))
    deleted = article(page(OLD, None))
    assert not list(deleted.iter("ins")) and any("Els Claes" in words(d) for d in deleted.iter("del"))


def _doc(body: str) -> str:
    return f'<!DOCTYPE html><html lang="nl"><head></head><body><main>{body}</main></body></html>'


def _marked(old: str, new: str) -> Any:
    return redline(parse(_doc(old)), parse(_doc(new)))


def test_table_rows_are_blocks_changed_cell_by_cell() -> None:
    row = "<tr><td>{}</td><td>{}</td></tr>"
    old = "<table><tbody>" + row.format("Stuurgroep", "2 keer") + row.format("Werkgroep", "4 keer") + "</tbody></table>"
    new = (
        "<table><tbody>"
        + row.format("Stuurgroep", "3 keer")
        + row.format("Klankbord", "1 keer per jaar")
        + "</tbody></table>"
    )
    root = _marked(old, new)
    rows = list(root.iter("tr"))
    assert [r.get("class") for r in rows] == ["redline-changed", "redline-del", "redline-ins"]
    first = rows[0]
    assert [d.text for d in first.iter("del")] == ["2"] and [i.text for i in first.iter("ins")] == ["3"]
    assert first.find("td").text == "Stuurgroep", "the unchanged cell as it was"
    assert [words(d) for d in rows[1].iter("del")] == ["Werkgroep", "4 keer"]
    assert [words(i) for i in rows[2].iter("ins")] == ["Klankbord", "1 keer per jaar"]


def test_a_list_removed_whole_comes_back_as_a_struck_list() -> None:
    root = _marked("<h2>Doelen</h2><ul><li>een</li><li>twee</li></ul><p>Slot.</p>", "<h2>Doelen</h2><p>Slot.</p>")
    (struck,) = [u for u in root.iter("ul")]
    assert struck.get("class") == "redline-del"
    assert [words(li) for li in struck] == ["een", "twee"]
    assert struck.getprevious().tag == "h2" and struck.getnext().tag == "p", "where it stood"


def test_blocks_are_the_elements_with_text_of_their_own() -> None:
    doc = parse(
        _doc("<section><h2>Kop</h2><ul><li>a <em>b</em><ul><li>c</li></ul></li></ul><div><p>d</p></div></section>")
    )
    assert [(b.kind, b.text) for b in blocks(doc.root)] == [("h", "Kop"), ("li", "a b"), ("li", "c"), ("p", "d")]


# --- In a real browser -----------------------------------------------------------------------------------


def _shipped_change() -> tuple[str, str]:
    old = (AGREEMENTS / "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml").read_text(
        encoding="utf-8"
    )
    new = old.replace("31-12-2025", "31-12-2026", 1)
    assert new != old
    return old, new


@pytest.mark.parametrize("which", ["small", "shipped"])
def test_axe_finds_no_violation(which: str, browser: Any, axe: str, tmp_path: Path) -> None:
    old, new = (OLD, NEW) if which == "small" else _shipped_change()
    target = tmp_path / "redline.html"
    target.write_text(page(old, new), encoding="utf-8")
    browser.open(target.as_uri())
    assert [u for u in browser.requests() if u != target.as_uri()] == [], "self-contained: nothing fetched"
    assert browser.problems() == []
    browser.js(axe)
    violations = browser.js(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v =>"
        " ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    assert violations == [], json.dumps(violations, indent=1)
    assert browser.js("document.querySelectorAll('del').length") > 0
