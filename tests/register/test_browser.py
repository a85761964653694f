"""The register site in a real Chromium (Debian's, headless, over the DevTools protocol): the index lists every
agreement, search, a filter and sorting work, a party page links to its agreements, the timeline has one bar
per agreement at the right dates, no page reports an error or asks the network for anything, and axe-core
(from the npm registry, pinned in package-lock.json, installed by `make test`) finds no accessibility violation.

Locally the test skips when Chromium or axe-core is missing; under CI=true that is a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from tests.robustness.invoke import invoke

from ..conftest import AGREEMENTS
from .chromium import Browser
from .conftest import GENT, make_repo

AS_OF = dt.date(2025, 6, 30)
IDS = sorted(p.stem for p in AGREEMENTS.glob("*.yaml"))


def _build(tmp_path_factory: pytest.TempPathFactory, lang: str) -> Path:
    from ..conftest import CACHE_HOME

    os.environ.setdefault("XDG_CACHE_HOME", str(CACHE_HOME))
    root = tmp_path_factory.mktemp("register")
    repo = make_repo(root / "repo")
    out = root / "site"
    code, text = invoke(
        "site", str(repo / "agreements"), "--output-dir", str(out), "--as-of", AS_OF.isoformat(), "--lang", lang
    )
    assert code == 0, text
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site in Dutch, as its readers read it (module-scoped: built once, before conftest's ``dutch``)."""
    return _build(tmp_path_factory, "nl")


@pytest.fixture(scope="module")
def site_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "en")


def visible_ids(b: Browser) -> list[str]:
    return b.js(
        "[...document.querySelectorAll('#overeenkomsten tbody tr')].filter(r => !r.hidden).map(r => r.dataset.id)"
    )


def test_the_index_lists_every_agreement(site: Path, browser: Browser) -> None:
    browser.open((site / "index.html").as_uri())
    assert browser.js("document.documentElement.lang") == "nl"
    assert sorted(visible_ids(browser)) == IDS
    titles = browser.js("[...document.querySelectorAll('#overeenkomsten tbody tr td:first-child a')].map(a => a.href)")
    assert sorted(t.rsplit("/", 1)[1] for t in titles) == [f"{i}.html" for i in IDS]
    assert browser.js("document.getElementById('aantal').textContent") == "5 van 5 overeenkomsten getoond"
    assert browser.problems() == []


def test_search_and_filters(site: Path, browser: Browser) -> None:
    browser.open((site / "index.html").as_uri())
    browser.type("#zoek", "Zandhoven")
    assert visible_ids(browser) == ["kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025"]
    assert browser.js("document.getElementById('aantal').textContent") == "1 van 5 overeenkomsten getoond"
    browser.js(
        "{const s = document.getElementById('zoek'); s.value = ''; s.dispatchEvent(new Event('input', {bubbles: true}))}"
    )
    assert len(visible_ids(browser)) == 5
    browser.js(
        "{const k = document.getElementById('soort'); k.value = 'pact';"
        "k.dispatchEvent(new Event('change', {bubbles: true}))}"
    )
    assert visible_ids(browser) == ["pact-samen-en-lokaal-voor-werk"]
    browser.js(
        "{const k = document.getElementById('soort'); k.value = ''; k.dispatchEvent(new Event('change', {bubbles: true}));"
        "const d = document.getElementById('eindigt'); d.value = '2026-01-01';"
        "d.dispatchEvent(new Event('input', {bubbles: true}))}"
    )
    assert sorted(visible_ids(browser)) == [
        "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025",
        "perspectief-middenkust-vdab-2023-2025",
    ]
    assert browser.problems() == []


def test_sorting_by_a_column(site: Path, browser: Browser) -> None:
    browser.open((site / "index.html").as_uri())
    browser.js("document.querySelector('th[data-sort=title] button').click()")
    titles = browser.js("[...document.querySelectorAll('#overeenkomsten tbody tr')].map(r => r.dataset.title)")
    assert titles == sorted(titles, key=str.casefold)
    assert browser.js("document.querySelector('th[data-sort=title]').getAttribute('aria-sort')") == "ascending"
    browser.js("document.querySelector('th[data-sort=title] button').click()")
    assert (
        browser.js("[...document.querySelectorAll('#overeenkomsten tbody tr')].map(r => r.dataset.title)")
        == titles[::-1]
    )


def test_a_party_page_links_to_its_agreements(site: Path, browser: Browser) -> None:
    vdab = next((site / "partij").glob("vdab-*.html"))
    browser.open(vdab.as_uri())
    assert (
        browser.js("document.querySelector('h1').textContent")
        == "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    )
    hrefs = browser.js("[...document.querySelectorAll('main table a')].map(a => a.href)")
    expected = [i for i in IDS if "vdab" in i or i.startswith("engagementsverklaring")]  # VDAB signs all four
    assert sorted({h.rsplit("/", 1)[1].removesuffix(".html") for h in hrefs}) == expected
    browser.js(f"document.querySelector('main table a[href$=\"{GENT}.html\"]').click()")
    browser.wait_for("Page.loadEventFired")
    assert browser.js("location.pathname").endswith(f"/overeenkomst/{GENT}.html")
    assert "Stad Gent" in browser.js("document.querySelector('h1').textContent")
    assert browser.problems() == []


def test_the_timeline_has_one_bar_per_agreement_at_its_dates(site: Path, browser: Browser) -> None:
    browser.open((site / "tijdlijn.html").as_uri())
    geometry = browser.js(
        """(() => {
          const box = e => e.getBoundingClientRect();
          const ticks = {};
          document.querySelectorAll('line.tick').forEach(t => { ticks[t.dataset.year] = box(t).left; });
          const bars = [...document.querySelectorAll('rect.bar')].map(b => ({
            id: b.dataset.id, start: b.dataset.start, end: b.dataset.end, left: box(b).left, right: box(b).right,
            open: b.classList.contains('open-start')}));
          const rows = [...document.querySelectorAll('g.row')].map(g => g.dataset.id);
          const today = box(document.querySelector('.today line')).left;
          const first = Math.min(...Object.values(ticks));
          return {ticks, bars, rows, today, first};
        })()"""
    )
    assert sorted(geometry["rows"]) == IDS
    ticks = {int(y): x for y, x in geometry["ticks"].items()}

    def x(day: dt.date) -> float:
        if (day.month, day.day) == (1, 1):
            return ticks[day.year]
        start, end = ticks[day.year], ticks[day.year + 1]
        length = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
        return start + (end - start) * (day - dt.date(day.year, 1, 1)).days / length

    with_dates = {
        "gent-vdab-2020-2025": (None, dt.date(2026, 12, 31)),
        "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025": (None, dt.date(2025, 12, 31)),
        "perspectief-middenkust-vdab-2023-2025": (dt.date(2023, 11, 22), dt.date(2025, 12, 31)),
    }
    bars = {b["id"]: b for b in geometry["bars"]}
    assert len(geometry["bars"]) == len(bars) == len(with_dates)
    for ident, (start, end) in with_dates.items():
        bar = bars[ident]
        assert bar["end"] == end.isoformat() and bar["start"] == (start.isoformat() if start else "")
        # The bar covers its first day through its last ("tot en met"): it ends where the next day starts.
        assert bar["right"] == pytest.approx(x(end + dt.timedelta(days=1)), abs=1.0), ident
        if start is None:
            assert bar["open"] and bar["left"] == pytest.approx(geometry["first"], abs=1.0)
        else:
            assert bar["left"] == pytest.approx(x(start), abs=1.0), ident
    assert geometry["today"] == pytest.approx(x(AS_OF), abs=1.0)
    labels = browser.js("[...document.querySelectorAll('.period-label')].map(t => t.textContent)")
    assert "meerjarenplan 2020-2025" in labels and "legislatuur 2019-2024" in labels
    assert browser.problems() == []


def _pages(site: Path) -> list[Path]:
    return [
        site / "index.html",
        site / "tijdlijn.html",
        site / "partijen.html",
        next((site / "partij").glob("vdab-*.html")),
        site / "overeenkomst" / f"{GENT}.html",
        site / "document" / f"{GENT}.html",
    ]


def test_no_page_reports_a_problem_or_reaches_the_network(site: Path, browser: Browser) -> None:
    for page in _pages(site):
        browser.open(page.as_uri())
        requests = browser.requests()
        # Files of the site, and data: URLs Chromium makes for its own controls (a date field's icon).
        assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests
        assert browser.problems() == [], page.name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_no_accessibility_violations(
    site: Path, site_en: Path, browser: Browser, axe: str, lang: str
) -> None:
    """In both languages: the English site marks the agreements' Dutch text with lang="nl" (axe checks that
    every lang is valid, and the page's is set)."""
    site = site if lang == "nl" else site_en
    found = {}
    for page in _pages(site):
        browser.open(page.as_uri())
        browser.js(axe)
        violations = browser.js(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v =>"
            " ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        if violations:
            found[str(page.relative_to(site))] = violations
    assert not found, json.dumps(found, indent=1)


def test_pages_print(site: Path, browser: Browser) -> None:
    """Printed (A4, as Chromium lays it out): every agreement on paper, without the menu and the filters."""
    import base64
    import io
    import re

    from pypdf import PdfReader

    browser.open((site / "index.html").as_uri())
    data = browser.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})["data"]
    reader = PdfReader(io.BytesIO(base64.b64decode(data)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))
    for ident in IDS:
        assert ident.split("-")[0] in text
    assert "Alle overeenkomsten op 30 juni 2025" in text
    assert "Zoeken" not in text and "Hoofdmenu" not in text and "Tijdlijn" not in text


def test_the_english_site_marks_the_agreements_dutch_text(site_en: Path, browser: Browser) -> None:
    browser.open((site_en / "index.html").as_uri())
    assert browser.js("document.documentElement.lang") == "en"
    assert browser.js("document.getElementById('aantal').textContent") == "5 of 5 agreements shown"
    # Every title of an agreement is in Dutch: the element that holds it says so; the site's words do not.
    langs = browser.js(
        "[...document.querySelectorAll('#overeenkomsten tbody td:first-child a')].map(a => a.closest('[lang]').lang)"
    )
    assert langs == ["nl"] * 5
    assert browser.js("document.querySelector('caption').closest('[lang]').lang") == "en"
    browser.open((site_en / "overeenkomst" / f"{GENT}.html").as_uri())
    assert browser.js("document.querySelector('h1').lang") == "nl"
    assert browser.js("document.querySelector('h2').closest('[lang]').lang") == "en"
    assert browser.problems() == []
