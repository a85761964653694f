"""Word for word: every shipped agreement rendered to Markdown against the source text it transcribes.

The source is cut to the agreement itself (``PARTS``: from a phrase where the agreement starts to a phrase where it
ends, both taken literally from the source, the end phrase included): a council decision's own considerations, a
news item's other news, the QR code under a signed PDF are not the agreement. Both texts lose their markup
(Markdown's ``#``, ``*``, ``_``, ``\\``, bullets; a numbered item keeps its number, as the sources print it) and
become sequences of lower-case words (letters and digits);
``difflib.SequenceMatcher`` (no junk heuristic) finds the longest matching blocks in order. The figure is the share
of the source's words that the rendering has in the same order. The rendering may add words (headings such as
"Ondertekening", the signature lines): they cost nothing; words of the source it drops or moves do.

Run with ``-s`` to see the figures and, per agreement, the runs of source words the rendering misses.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

import pytest

from samenwerk.document import load as load_valid
from samenwerk.render import render_text

from ..conftest import AGREEMENTS
from ..conftest import SOURCES as BESIDE

# The sources live beside the checkout (../shared/sources, as tests/test_sources.py reads them); a git worktree
# one level deeper finds them one level further up.
SOURCES = next((p for p in (BESIDE, BESIDE.parents[2] / "shared" / "sources") if p.is_dir()), BESIDE)


@dataclass(frozen=True)
class Part:
    source: str
    spans: tuple[tuple[str, str], ...]
    """(start phrase, end phrase) pairs, in the source's order; each phrase occurs once in the source."""
    floor: float
    """The share of the source's words the rendering must keep in order."""


PARTS = {
    # The whole text is the agreement, from its title to the last signature block.
    "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025": Part(
        "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.txt",
        (("Samenwerkingsovereenkomst tussen de lokale besturen", "provinciaal directeur VDAB Antwerpen"),),
        0.98,
    ),
    # The council decision carries the agreement as its annex: from the annex's title to its signature blocks
    # (the decision's considerations before it and the signatures of the decision after it are not the agreement).
    "gent-vdab-2020-2025": Part(
        "gent-vdab-2020-2025-gemeenteraadsbesluit.txt",
        (("Samenwerkingsovereenkomst tussen de Stad Gent en VDAB", "Gedelegeerd bestuurder VDAB"),),
        0.98,
    ),
    # The VVSG's text about the pact: all of it is what the pact says.
    "pact-samen-en-lokaal-voor-werk": Part(
        "pact-samen-en-lokaal-voor-werk-vvsg-serv.txt",
        (("De VVSG heeft", "een plek vindt en zich kan ontwikkelen."),),
        1.0,
    ),
    # A press release: what it says the agreement contains, up to its term; the quotes after it are comments.
    "perspectief-middenkust-vdab-2023-2025": Part(
        "perspectief-middenkust-vdab-2023-press-release.txt",
        (("VDAB en projectvereniging Perspectief slaan", "uiterste einddatum 31 december 2025."),),
        0.94,
    ),
    # A news item: the sentence on what was signed, and the declaration's own text at the end; the minister's
    # five points, the activation pacts and the other news are not part of it.
    "engagementsverklaring-werkgelegenheidsconferentie-limburg": Part(
        "werkgelegenheidsconferentie-limburg-engagementsverklaring.txt",
        (
            ("Na een boeiende dag", "werkzaamheidsgraad van 80%"),
            ("Onze arbeidsmarkt wordt gekenmerkt", "samen en lokaal, naar werk."),
        ),
        0.94,
    ),
}

_MARKUP = re.compile(r"\\(?=[_*#\\])|[*_#>`|]|^\s*[-+•]\s+", re.M)


def words(text: str) -> list[str]:
    """Lower-case words (letters and digits) of a text without its Markdown markup."""
    return re.findall(r"[^\W_]+", _MARKUP.sub(" ", text).lower())


def agreement_part(part: Part) -> str:
    path = SOURCES / part.source
    if not path.is_file():
        pytest.skip(f"source text {path} is not here")
    text = path.read_text(encoding="utf-8")
    pieces = []
    for start, end in part.spans:
        assert text.count(start) == 1 and text.count(end) == 1, (part.source, start, end)
        i, j = text.index(start), text.index(end) + len(end)
        assert i < j, (part.source, start, end)
        pieces.append(text[i:j])
    return "\n\n".join(pieces)


@dataclass(frozen=True)
class Comparison:
    source_words: int
    kept: int
    missing: list[str]

    @property
    def share(self) -> float:
        return self.kept / self.source_words


def compare(source: str, rendering: str) -> Comparison:
    src, out = words(source), words(rendering)
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    missing, at, kept = [], 0, 0
    for block in matcher.get_matching_blocks():
        if block.a > at:
            missing.append(" ".join(src[at : block.a]))
        at = block.a + block.size
        kept += block.size
    return Comparison(len(src), kept, missing)


@cache
def markdown(stem: str) -> str:
    agreement, diagnostics = load_valid(AGREEMENTS / f"{stem}.yaml")
    assert agreement is not None, diagnostics
    return render_text(agreement, "md")


def test_every_shipped_agreement_has_its_source_part() -> None:
    assert sorted(PARTS) == sorted(p.stem for p in AGREEMENTS.glob("*.yaml"))


@pytest.mark.parametrize("stem", sorted(PARTS))
def test_rendering_keeps_the_sources_words_in_order(stem: str) -> None:
    part = PARTS[stem]
    result = compare(agreement_part(part), markdown(stem))
    print(f"\n{stem}: {result.kept} of {result.source_words} source words in order ({result.share:.1%})")
    for run in result.missing:
        print(f"  missing: {run}")
    assert result.share >= part.floor, f"{result.share:.1%} < {part.floor:.0%}; missing: {result.missing}"


def test_the_comparison_sees_a_dropped_or_moved_sentence() -> None:
    source = "Eerste zin over werk. Tweede zin over opleiding. Derde zin over taal."
    assert compare(source, source).share == 1
    assert (
        compare(source, "# Kop\n\n**Eerste** zin over werk. Tweede zin over opleiding. Derde zin over taal.").share == 1
    )
    dropped = compare(source, "Eerste zin over werk. Derde zin over taal.")
    assert dropped.missing == ["tweede zin over opleiding"] and dropped.kept == 8
    moved = compare(source, "Derde zin over taal. Eerste zin over werk. Tweede zin over opleiding.")
    assert moved.share < 1
