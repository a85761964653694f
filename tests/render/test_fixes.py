"""Small agreements, one per fault found in rendered documents (issue 16): each renders the fault's case to
Markdown and HTML (and, where the fault is about paper, to pages) and checks what a signatory would see."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from samenwerk.document import load as load_valid
from samenwerk.model import Agreement
from samenwerk.render import render_pdf, render_text

from ..conftest import AGREEMENTS, FIXTURES

REAL = sorted(AGREEMENTS.glob("*.yaml"))


def agreement(tmp_path: Path, **extra: Any) -> Agreement:
    """The minimal valid agreement with ``extra`` keys set (None removes a key)."""
    data = yaml.safe_load((FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8"))
    data["duration"] = {"start": "01-01-2020", "end": "31-12-2025"}
    for key, value in extra.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    model, diagnostics = load_valid(path)
    assert model is not None, diagnostics
    return model


def text_of_html(html: str) -> str:
    body = re.sub(r"(?s)<style>.*?</style>|<head>.*?</head>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&amp;", "&")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def empty_headings(md: str) -> list[str]:
    """Markdown headings with nothing under them before the next heading of the same or a higher level."""
    lines = [line for line in md.splitlines() if line.strip()]
    empty = []
    for n, line in enumerate(lines):
        m = re.match(r"^(#+) ", line)
        if not m:
            continue
        rest = lines[n + 1 :]
        following = rest[0] if rest else ""
        f = re.match(r"^(#+) ", following)
        if not following or (f and len(f[1]) <= len(m[1])):
            empty.append(line)
    return empty


def test_bullet_items_under_a_top_level_section_are_rendered(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        policy_framework=[{"title": "Kernambities", "items": ["Meer mensen aan het werk", "Sterkere loopbanen"]}],
    )
    md = render_text(a, "md")
    assert re.search(r"^## \d+\. Kernambities\n\n- Meer mensen aan het werk\n- Sterkere loopbanen\n", md, re.M), md
    html = render_text(a, "html")
    assert "<li>Meer mensen aan het werk</li><li>Sterkere loopbanen</li>" in html


def test_numbers_as_the_source_prints_them_never_twice(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        objective={"number": "1", "title": "Algemene doelstelling", "text": "Samen meer mensen aan het werk."},
        policy_framework=[{"number": "2", "title": "Bestuurlijk kader", "text": "Binnen de beleidslijnen."}],
        themes={
            "title": "Beleidsprioriteiten",
            "themes": [
                {"id": "actieplannen", "number": "5.1", "title": "Actieplannen", "text": "Per prioriteit een plan."},
                {"id": "loopbanen", "number": "5.2", "title": "Loopbanen", "text": "Duurzaam."},
            ],
        },
    )
    md = render_text(a, "md")
    heads = re.findall(r"^#+ (.+)$", md, re.M)
    assert heads[1:7] == [
        "1. Algemene doelstelling",
        "2. Bestuurlijk kader",
        "5. Beleidsprioriteiten",  # the number its parts 5.1 and 5.2 share
        "5.1 Actieplannen",
        "5.2 Loopbanen",
        "6. Overlegstructuur",  # continues the source's scheme
    ], heads
    html = render_text(a, "html")
    assert '<h3 id="thema-actieplannen">5.1 Actieplannen</h3>' in html
    assert "counter(h" not in html and "::before" not in html  # no second number from CSS
    assert not re.search(r"\d+\.\d+ \d+ ", text_of_html(html))  # never "5.1 4 Actieplannen"


def test_parts_numbered_deel_i_ii_continue_their_scheme(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        objective={"number": "Deel I", "title": "Algemene doelstelling", "text": "Samen."},
        principles=[{"id": "p", "number": "Deel II", "title": "Principes", "principles": [{"id": "a", "text": "A."}]}],
        themes={"title": "Streven naar resultaten", "themes": [{"id": "t", "title": "Werk", "text": "Meer werk."}]},
    )
    heads = re.findall(r"^## (.+)$", render_text(a, "md"), re.M)
    assert heads[:5] == [
        "Deel I. Algemene doelstelling",
        "Deel II. Principes",
        "Deel III. Streven naar resultaten",
        "Deel IV. Overlegstructuur",
        "Deel V. Aanspreekpunten",
    ]


def test_targets_appear_in_html_and_markdown_once(tmp_path: Path) -> None:
    target = {"id": "wg", "indicator": "werkzaamheidsgraad", "value": 80, "unit": "%"}
    alone = agreement(tmp_path, targets=[{**target, "text": "Een werkzaamheidsgraad van 80% tegen 2030."}])
    for fmt in ("md", "html"):
        assert "Een werkzaamheidsgraad van 80% tegen 2030." in render_text(alone, fmt), fmt
    reader = PdfReader(io.BytesIO(render_pdf(alone)))
    assert "Een werkzaamheidsgraad van 80% tegen 2030." in squash(" ".join(p.extract_text() for p in reader.pages))
    # A target taken from a sentence of the text is that sentence: the document does not say it twice.
    said = agreement(
        tmp_path,
        objective={"text": "Wij willen veel. Een werkzaamheidsgraad van 80% is het doel."},
        targets=[{**target, "text": "Een werkzaamheidsgraad van 80% is het doel."}],
    )
    for fmt in ("md", "html"):
        assert render_text(said, fmt).count("Een werkzaamheidsgraad van 80% is het doel.") == 1, fmt


def test_dutch_lists_case_and_grammar(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        parties=[
            {
                "id": "vdab",
                "name": "VDAB",
                "kind": "vdab",
                "representatives": [{"id": "directeur", "name": "Voornaam Achternaam", "function": "directeur"}],
            },
            {
                "id": "gemeente",
                "name": "Lokaal bestuur Voorbeeldegem",
                "designation": "het lokaal bestuur Voorbeeldegem",
                "kind": "lokaal-bestuur",
                "authority": {"body": "haar gemeenteraad", "decision": "gr"},
                "representatives": [
                    {"id": "burgemeester", "name": "Voornaam Burgemeester", "function": "burgemeester"}
                ],
            },
            {
                "id": "vereniging",
                "name": "Perspectief",
                "designation": "projectvereniging Perspectief",
                "kind": "projectvereniging",
                "members": ["Oostende", "Bredene", "De Haan"],
            },
        ],
        approvals=[{"id": "gr", "party": "gemeente", "body": "gemeenteraad", "date": "25-05-2020"}],
        consultation={
            "bodies": [
                {
                    "id": "stuurgroep",
                    "kind": "steering-group",
                    "name": "Stuurgroep",
                    "min_meetings_per_year": 2,
                    "members": [{"parties": ["vdab", "gemeente"], "function": "directie"}],
                }
            ]
        },
        contact_points=None,
        signing={
            "blocks": [
                {"party": "vdab", "signatories": [{"person": "directeur"}]},
                {"party": "gemeente", "signatories": [{"person": "burgemeester"}]},
                {"party": "vereniging"},
            ]
        },
    )
    for fmt in ("md", "html"):
        text = squash(render_text(a, fmt) if fmt == "md" else text_of_html(render_text(a, fmt)))
        assert "met als leden Oostende, Bredene en De Haan" in text, fmt
        assert "Voor VDAB en het lokaal bestuur Voorbeeldegem: directie" in text, fmt
        assert "Voor Lokaal bestuur" not in text, fmt  # a name in the middle of a sentence keeps its case
        assert "waarvoor optreedt:" in text, fmt  # one representative: singular
        assert "en die handelen" not in text, fmt
        assert "Zij handelen in uitvoering van het besluit van de gemeenteraad van 25 mei 2020." in text, fmt
        assert "Voor projectvereniging Perspectief" in text, fmt
    md = render_text(a, "md")
    assert not re.search(r"\S  +\S", md), "doubled spaces"


def test_the_term_is_said_once(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        duration={
            "start": "01-01-2020",
            "end": "31-12-2025",
            "text": "De overeenkomst loopt tot en met 31 december 2025.",
        },
    )
    md = render_text(a, "md")
    assert md.count("31 december 2025") == 1, md
    assert "Looptijd" not in md
    b = agreement(tmp_path, duration={"start": "on-signing", "end": "31-12-2025"})
    assert render_text(b, "md").count("tot en met 31 december 2025") == 1
    # An end date the text does not say (changed without its sentence) is shown, not hidden.
    c = agreement(
        tmp_path, duration={"start": "01-01-2020", "end": "31-12-2026", "text": "De overeenkomst loopt tot het einde."}
    )
    for fmt in ("md", "html"):
        assert "tot en met 31 december 2026" in render_text(c, fmt), fmt


def test_all_fixed_text_is_dutch(tmp_path: Path) -> None:
    a = agreement(tmp_path, status="draft", signing={"date": "22-11-2023", "blocks": [{"party": "vdab"}]})
    for fmt in ("md", "html"):
        out = render_text(a, fmt) if fmt == "md" else text_of_html(render_text(a, fmt))
        assert "(stand: ontwerp)" in out, fmt
        assert not re.search(r"\b(draft|status|meeting|steering|signed)\b", out), fmt
        assert "op 22 november 2023" in out, fmt


def test_documents_follow_the_agreements_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANG", "LC_ALL", "LC_TIME", "LANGUAGE"):
        monkeypatch.setenv(name, "en_US.UTF-8")  # the user's locale is not the document's
    a = agreement(tmp_path, signing={"date": "22-11-2023", "blocks": [{"party": "vdab"}]})
    html = render_text(a, "html")
    assert '<html lang="nl-BE">' in html and "22 november 2023" in html


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_no_empty_headings_in_the_shipped_agreements(path: Path) -> None:
    model, _ = load_valid(path)
    assert model is not None
    assert empty_headings(render_text(model, "md")) == []


def test_a_part_with_nothing_to_say_has_no_heading(tmp_path: Path) -> None:
    a = agreement(tmp_path, monitoring={"body": "stuurgroep"}, roles={"roles": []})
    md = render_text(a, "md")
    assert "Opvolging" not in md and "Rollen" not in md
    assert empty_headings(md) == []


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_draft_watermark_has_aa_contrast(tmp_path: Path) -> None:
    html = render_text(agreement(tmp_path, status="draft"), "html")
    assert 'class="draft-mark"' in html
    rule = re.search(r"\.draft-mark \{([^}]*)\}", html)
    assert rule is not None
    color = re.search(r"color: rgb\((\d+), (\d+), (\d+)\)", rule[1])
    assert color is not None and "opacity" not in rule[1] and "rgba" not in rule[1]
    rgb = (int(color[1]), int(color[2]), int(color[3]))
    contrast = (1.0 + 0.05) / (_luminance(rgb) + 0.05)
    assert contrast >= 3.0, contrast  # WCAG AA for large text (72 pt bold)
    assert (_luminance(rgb) + 0.05) / (0 + 0.05) >= 4.5  # black text over the mark stays readable


def _pages(html: str) -> list[list[tuple[tuple[str, ...], str]]]:
    """Per page as WeasyPrint lays it out on A4: the text in the flow, each with the tags that hold it
    (the page's margin boxes, with 'Pagina x van y', left out)."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    def walk(box: Any, tags: tuple[str, ...]) -> Any:
        if isinstance(box, boxes.MarginBox):
            return
        tag = getattr(box, "element_tag", None)
        element = getattr(box, "element", None)
        if tag and element is not None and element.get("class"):
            tag = f"{tag}.{element.get('class').split()[0]}"
        if tag == "div.draft-mark":  # the draft mark is on every page, outside the flow
            return
        here = tags + (tag,) if tag and (not tags or tags[-1] != tag) else tags
        if isinstance(box, boxes.TextBox):
            if box.text.strip():
                yield here, box.text
            return
        for child in getattr(box, "children", []):
            yield from walk(child, here)

    document = HTML(string=html).render()
    return [list(walk(page._page_box, ())) for page in document.pages]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_on_paper_no_lonely_footer_and_no_heading_at_a_page_end(path: Path) -> None:
    model, _ = load_valid(path)
    assert model is not None
    pages = _pages(render_text(model, "html"))
    assert len(pages) > 1
    assert_paper(pages)


def assert_paper(pages: list[list[tuple[tuple[str, ...], str]]]) -> None:
    """The last page holds more than the footer; no other page ends with a heading or an action's title."""
    assert any("footer.document" not in tags for tags, _ in pages[-1]), "the footer stands alone on the last page"
    headings = {"h1", "h2", "h3", "h4", "h5", "h6", "p.action"}
    for n, page in enumerate(pages[:-1], start=1):
        tags, text = page[-1]
        assert not headings & {t.split("#")[0] for t in tags}, f"page {n} ends with the heading {text!r}"


def test_a_short_name_equal_to_the_name_is_not_repeated(tmp_path: Path) -> None:
    a = agreement(
        tmp_path,
        parties=[
            {"id": "vdab", "name": "VDAB", "short_name": "VDAB", "kind": "vdab"},
            {
                "id": "serv",
                "name": "Sociaal-Economische Raad van Vlaanderen",
                "short_name": "SERV",
                "kind": "sociale-partner",
            },
        ],
        consultation=None,
        contact_points=None,
        signing=None,
    )
    for fmt in ("md", "html"):
        out = render_text(a, fmt)
        assert "VDAB** (VDAB)" not in out and "VDAB</strong> (VDAB)" not in out, fmt
        assert "(SERV)" in out, fmt


def _filled(tmp_path: Path, lines: int) -> Agreement:
    """An agreement whose text fills pages line by line: somewhere a heading, an action's title or the footer
    falls at a page's end."""
    return agreement(
        tmp_path,
        signing=None,
        themes={
            "themes": [
                {
                    "id": "werk",
                    "title": "Meer mensen aan de slag",
                    "text": "\n\n".join(["Een regel van het thema."] * lines),
                    "action_domains": [
                        {
                            "id": "ad1",
                            "number": "1",
                            "title": "Activeren",
                            "actions": [{"id": "a1", "title": "Samen bemiddelen", "text": "Tekst van de actie."}],
                        }
                    ],
                }
            ]
        },
        duration={"start": "01-01-2020", "end": "31-12-2025", "text": "\n\n".join(["Regel van de duur."] * lines)},
    )


def test_on_paper_as_the_text_grows(tmp_path: Path) -> None:
    """Every length of text from one page to three: the old print CSS left the footer alone on a last page at
    some of these lengths."""
    for lines in range(20, 60, 2):
        assert_paper(_pages(render_text(_filled(tmp_path, lines), "html")))


def test_a_theme_is_headed_as_the_source_heads_it(tmp_path: Path) -> None:
    a = agreement(tmp_path, themes={"themes": [{"id": "doel", "title": "Doel: 80% werkzaamheid", "text": "Werk."}]})
    assert "\n### Doel: 80% werkzaamheid\n" in render_text(a, "md")  # no label the source does not print
    assert ">Doel: 80% werkzaamheid</h3>" in render_text(a, "html")


def test_commitments_in_full_sentences_get_no_intro_of_ours(tmp_path: Path) -> None:
    sentences = [{"id": "overleg", "text": "De ondertekenaars engageren zich om samen te overleggen."}]
    clauses = [{"id": "vacatures", "text": "vacatures snel te ontsluiten;"}]
    full = agreement(tmp_path, themes={"themes": [{"id": "e", "title": "Engagementen", "commitments": sentences}]})
    for fmt in ("md", "html"):
        out = render_text(full, fmt)
        assert "engageren zich om:" not in out and "De ondertekenaars engageren zich om samen" in out, fmt
    part = agreement(tmp_path, themes={"themes": [{"id": "e", "title": "Vacatures", "commitments": clauses}]})
    for fmt in ("md", "html"):
        assert "De partners engageren zich om:" in render_text(part, fmt), fmt
