"""samenwerk site without a browser: the pages and their links, the feeds, the incremental rebuild and the
output folder as untrusted input."""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from tests.robustness.invoke import invoke

from ..conftest import AGREEMENTS, git
from .conftest import GENT

AS_OF = "30-06-2025"
PERSPECTIEF = "perspectief-middenkust-vdab-2023-2025"


def build(source: Path, out: Path, *extra: str) -> tuple[int, dict]:
    code, text = invoke("site", str(source), "--output-dir", str(out), "--as-of", AS_OF, "-f", "json", *extra)
    start = text.find("{")
    return code, json.loads(text[start : text.rindex("}") + 1]) if start >= 0 else {"text": text}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href" and v]


def links(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_pages_and_their_links(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, summary = build(repo / "agreements", out)
    assert code == 0, summary
    ids = {p.stem for p in AGREEMENTS.glob("*.yaml")}
    assert summary["agreements"] == 5 and summary["errors"] == []
    index = links(out / "index.html")
    assert {f"overeenkomst/{i}.html" for i in ids} <= set(index)
    # Every relative link of every page leads to a file of the site (it works from file:// and any host).
    for page in out.rglob("*.html"):
        for href in links(page):
            if "://" in href or href.startswith("#"):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(out)} links to {href}"
    vdab = next(p for p in (out / "partij").glob("vdab-*.html"))
    assert {f"../overeenkomst/{i}.html" for i in ids if "vdab" in i} <= set(links(vdab))
    gent = (out / "overeenkomst" / f"{GENT}.html").read_text(encoding="utf-8")
    assert "Gent verlengd tot eind 2026" in gent and "inhoudelijk" in gent
    assert "31 december 2025" in gent and "31 december 2026" in gent
    assert f"../document/{GENT}.html" in gent and "pdf/" not in gent  # no PDFs without --pdf
    document = (out / "document" / f"{GENT}.html").read_text(encoding="utf-8")
    assert "tot en met 31 december 2026" in document


def test_history_lists_substantive_changes_first(repo: Path, tmp_path: Path) -> None:
    gent = repo / "agreements" / f"{GENT}.yaml"
    text = gent.read_text(encoding="utf-8")
    gent.write_text(
        text.replace("  end: 2026-12-31", "  end: 2027-12-31").replace("Stad Gent", "stad Gent", 1), "utf-8"
    )
    git(repo, "commit", "-qam", "Gent nog een jaar, en een hoofdletter")
    out = tmp_path / "site"
    assert build(repo / "agreements", out)[0] == 0
    page = (out / "overeenkomst" / f"{GENT}.html").read_text(encoding="utf-8")
    newest = page[page.index('<ol class="history">') : page.index("</li>", page.index('<ol class="history">'))]
    tags = re.findall(r'<li class="(substantive|editorial)">', newest)
    assert tags and tags == sorted(tags, key=lambda t: t != "substantive"), tags
    assert "Gent nog een jaar" in newest and "3 wijzigingen" not in newest


def test_atom_feed_validates_and_its_ids_are_stable(repo: Path, tmp_path: Path) -> None:
    assert build(repo / "agreements", tmp_path / "a")[0] == 0
    assert build(repo / "agreements", tmp_path / "b", "--force")[0] == 0
    feeds = [feedparser.parse((tmp_path / name / "wijzigingen.xml").read_bytes()) for name in ("a", "b")]
    for feed in feeds:
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10" and feed.feed.language == "nl"
        assert feed.feed.id.startswith("urn:uuid:") and feed.feed.updated
    first, second = feeds
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert len({e.id for e in first.entries}) == len(first.entries) == 6  # five files added, one changed
    newest = first.entries[0]
    assert newest.title.startswith("Samenwerkingsovereenkomst tussen de Stad Gent") and "inhoudelijke" in newest.title
    assert newest.tags[0].term == "inhoudelijk" and newest.link.endswith(
        f"overeenkomst/{GENT}.html#" + newest.link.split("#")[1]
    )
    assert "Gent verlengd tot eind 2026" == newest.summary
    assert "<del>" in newest.content[0].value and "<ins>" in newest.content[0].value
    # A later build with a new commit keeps the earlier entries' ids.
    (repo / "agreements" / f"{PERSPECTIEF}.yaml").write_text(
        (repo / "agreements" / f"{PERSPECTIEF}.yaml").read_text("utf-8").replace("end: 31-12-2025", "end: 30-06-2026"),
        "utf-8",
    )
    git(repo, "commit", "-qam", "Perspectief verlengd")
    assert build(repo / "agreements", tmp_path / "a")[0] == 0
    third = feedparser.parse((tmp_path / "a" / "wijzigingen.xml").read_bytes())
    assert [e.id for e in third.entries][1:] == [e.id for e in first.entries]


def test_absolute_links_with_a_base_url(repo: Path, tmp_path: Path) -> None:
    code, _ = build(repo / "agreements", tmp_path / "a", "--base-url", "https://register.example.org/sw/")
    assert code == 0
    feed = feedparser.parse((tmp_path / "a" / "wijzigingen.xml").read_bytes())
    assert feed.entries[0].link.startswith("https://register.example.org/sw/overeenkomst/")
    code, text = invoke("site", str(repo / "agreements"), "--output-dir", str(tmp_path / "b"), "--base-url", "ftp://x")
    assert code == 2 and "http- of https-adres" in text  # in Dutch: see conftest.py


def test_calendar_validates_and_matches_expiring(repo: Path, tmp_path: Path) -> None:
    assert build(repo / "agreements", tmp_path / "a")[0] == 0
    assert build(repo / "agreements", tmp_path / "b")[0] == 0
    calendars = [Calendar.from_ical((tmp_path / n / "deadlines.ics").read_bytes()) for n in ("a", "b")]
    uids = [[str(e["UID"]) for e in c.walk("VEVENT")] for c in calendars]
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0]) > 0
    assert f"{GENT}/end@samenwerk" in uids[0]
    code, ics = invoke("expiring", str(repo / "agreements"), "--as-of", AS_OF, "-f", "ics", "--fail-on", "never")
    assert code == 0
    assert uids[0] == [str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")]


def _mtimes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_rebuild_redoes_only_what_depends_on_the_change(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(repo / "agreements", out)[0] == 0
    code, again = build(repo / "agreements", out)
    assert code == 0 and again["written"] == [] and again["removed"] == []
    before = _mtimes(out)
    path = repo / "agreements" / f"{PERSPECTIEF}.yaml"
    path.write_text(path.read_text("utf-8").replace("end: 31-12-2025", "end: 30-06-2026"), "utf-8")
    code, changed = build(repo / "agreements", out)
    assert code == 0
    parties = {p for p in changed["written"] if p.startswith("partij/")}
    assert {p.split("-")[0] for p in parties} == {"partij/vdab", "partij/perspectief"}
    assert set(changed["written"]) - parties == {
        f"overeenkomst/{PERSPECTIEF}.html",
        f"document/{PERSPECTIEF}.html",
        "index.html",
        "tijdlijn.html",
        "deadlines.ics",
    }
    after = _mtimes(out)
    assert [k for k in before if before[k] != after[k] and k not in changed["written"]] == [".samenwerk-site.json"]
    # An editorial change to the text only: its document and page, nothing that lists it.
    path.write_text(path.read_text("utf-8").replace("Perspectief", "Perspectief ", 1), "utf-8")
    code, editorial = build(repo / "agreements", out)
    assert code == 0 and set(editorial["written"]) <= {
        f"overeenkomst/{PERSPECTIEF}.html",
        f"document/{PERSPECTIEF}.html",
    }
    # A file gone: its pages go too.
    path.unlink()
    code, gone = build(repo / "agreements", out)
    assert code == 0 and {f"overeenkomst/{PERSPECTIEF}.html", f"document/{PERSPECTIEF}.html"} <= set(gone["removed"])
    assert not (out / "overeenkomst" / f"{PERSPECTIEF}.html").exists()


def test_a_page_changed_by_hand_is_made_again(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(repo / "agreements", out)[0] == 0
    page = out / "overeenkomst" / f"{GENT}.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Gent", b"Brugge"))
    code, summary = build(repo / "agreements", out)
    assert code == 0 and summary["written"] == [f"overeenkomst/{GENT}.html"] and page.read_bytes() == original


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    text = (AGREEMENTS / f"{GENT}.yaml").read_text(encoding="utf-8")
    evil = '<script>alert(1)</script> & "quotes" \x1b]0;titel\x07'
    text = re.sub(r"^title: .*$", lambda m: f"title: {json.dumps(evil)}", text, count=1, flags=re.M)
    text = text.replace("name: Stad/OCMW Gent", 'name: "<img src=x onerror=alert(1)>"', 1)
    (folder / "x.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    code, summary = build(folder, out)
    assert code == 0, summary
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in (out / "index.html").read_text("utf-8")
    feed = feedparser.parse((out / "wijzigingen.xml").read_bytes())
    assert not feed.bozo


def test_duplicate_ids_and_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    shutil.copytree(AGREEMENTS, folder)
    shutil.copy(folder / f"{GENT}.yaml", folder / "zz-copy.yaml")
    (folder / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    code, summary = build(folder, tmp_path / "site")
    assert code == 2
    rules = sorted(e["rule"] for e in summary["errors"])
    assert rules == ["duplicate-ids", "syntax"]
    assert summary["agreements"] == 5


def test_outside_git_there_is_no_history(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    shutil.copytree(AGREEMENTS, folder)
    out = tmp_path / "site"
    code, summary = build(folder, out)
    assert code == 0
    assert "Geen geschiedenis" in (out / "overeenkomst" / f"{GENT}.html").read_text("utf-8")
    assert feedparser.parse((out / "wijzigingen.xml").read_bytes()).entries == []


def test_pdf_with_signature_fields_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(AGREEMENTS / f"{PERSPECTIEF}.yaml", folder)
    out = tmp_path / "site"
    assert build(folder, out, "--pdf")[0] == 0
    assert (out / "pdf" / f"{PERSPECTIEF}.pdf").read_bytes().startswith(b"%PDF")
    assert f"../pdf/{PERSPECTIEF}.pdf" in links(out / "overeenkomst" / f"{PERSPECTIEF}.html")


# --- the output folder is untrusted ------------------------------------------------------------------


def test_files_not_written_by_samenwerk_are_kept_without_force(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("mine", encoding="utf-8")
    code, summary = build(repo / "agreements", out)
    assert code == 2 and "--force" in summary["text"]
    assert (out / "index.html").read_text(encoding="utf-8") == "mine"
    assert build(repo / "agreements", out, "--force")[0] == 0
    assert "Overeenkomsten" in (out / "index.html").read_text(encoding="utf-8")


def test_a_forged_manifest_changes_nothing(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(repo / "agreements", out)[0] == 0
    manifest = out / ".samenwerk-site.json"
    mac, _, body = manifest.read_bytes().partition(b"\n")
    data = json.loads(body)
    page = out / "overeenkomst" / f"{GENT}.html"
    page.write_text("forged", encoding="utf-8")
    record = data["files"][f"overeenkomst/{GENT}.html"]
    record.update(size=page.stat().st_size, mtime=page.stat().st_mtime_ns)  # claims the forged page is current
    data["files"]["../outside.txt"] = record
    (tmp_path / "outside.txt").write_text("keep", encoding="utf-8")
    manifest.write_bytes(mac + b"\n" + json.dumps(data).encode())  # the old MAC does not fit the new body
    code, summary = build(repo / "agreements", out, "--force")
    assert code == 0 and any("niet door samenwerk voor deze gebruiker geschreven" in n for n in summary["notes"])
    assert page.read_text(encoding="utf-8") != "forged"
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "keep"


def test_an_authenticated_manifest_still_cannot_lead_outside(repo: Path, tmp_path: Path) -> None:
    """Even a manifest samenwerk would accept names files to remove only inside the folder, by names it makes."""
    from samenwerk.register import folder as site_folder

    out = tmp_path / "site"
    assert build(repo / "agreements", out)[0] == 0
    victim = tmp_path / "victim.html"
    victim.write_text("keep", encoding="utf-8")
    os.symlink(tmp_path, out / "link")
    folder = site_folder.SiteFolder(out, "x")
    folder.files = {
        "../victim.html": {"key": "k"},
        "link/victim.html": {"key": "k"},
        "partij/../../victim.html": {"key": "k"},
    }
    folder.finish({})
    assert build(repo / "agreements", out, "--force")[0] == 0
    assert victim.read_text(encoding="utf-8") == "keep"


def test_links_in_the_output_folder_are_not_written_through(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    os.symlink(elsewhere, out / "partij")
    code, summary = build(repo / "agreements", out, "--force")
    assert code == 2 and "symbolische link" in summary["text"]  # in Dutch: see conftest.py
    assert list(elsewhere.iterdir()) == []
    (out / "partij").unlink()
    target = tmp_path / "target.txt"
    target.write_text("keep", encoding="utf-8")
    os.symlink(target, out / "index.html")
    code, summary = build(repo / "agreements", out)
    assert code == 2 and "--force" in summary["text"]
    assert build(repo / "agreements", out, "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == "keep" and not (out / "index.html").is_symlink()


@pytest.mark.parametrize("name", ["index.html", "site.css"])
def test_a_pipe_in_the_way_is_refused_not_written_into(repo: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "site"
    out.mkdir()
    os.mkfifo(out / name)
    code, summary = build(repo / "agreements", out)
    assert code == 2 and "--force" in summary["text"]


def test_a_pipe_in_place_of_the_manifest_is_replaced_not_written_into(repo: Path, tmp_path: Path) -> None:
    """Writing into a pipe would wait for a reader for ever; the manifest's name is samenwerk's own."""
    out = tmp_path / "site"
    out.mkdir()
    os.mkfifo(out / ".samenwerk-site.json")
    code, summary = build(repo / "agreements", out)
    assert code == 0 and any("manifest" in note for note in summary["notes"])
    assert (out / ".samenwerk-site.json").is_file()
    code, summary = build(repo / "agreements", out)  # the manifest written is one samenwerk takes
    assert code == 0 and summary["written"] == [] and not summary["notes"]


def test_amendments_are_folded_into_their_agreement(tmp_path: Path) -> None:
    from ..conftest import ROOT

    out = tmp_path / "site"
    code, summary = invoke(
        "site", str(ROOT / "examples" / "register"), "--output-dir", str(out), "--as-of", "01-03-2026"
    )
    assert code == 0, summary
    base = "voorbeeldegem-vdab-2024-2025"
    assert re.findall(r'<tr data-id="([^"]+)"', (out / "index.html").read_text("utf-8")) == [base]
    assert 'data-end="2026-12-31"' in (out / "tijdlijn.html").read_text("utf-8")
    page = (out / "overeenkomst" / f"{base}.html").read_text("utf-8")
    assert "Gewijzigd door" in page and "voorbeeldegem-vdab-verlenging-2026.html" in page
    assert (out / "overeenkomst" / "voorbeeldegem-vdab-addendum-1.html").is_file()
