"""The languages of the command line (issue 21): the catalog is complete and up to date with the code, the
language is chosen as documented, and Dutch and English runs say the same things in their own words."""

from __future__ import annotations

import gettext
import re
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from samenwerk import i18n

from .conftest import ROOT

PO = ROOT / "src" / "samenwerk" / "locale" / "nl" / "LC_MESSAGES" / "samenwerk.po"
MO = PO.with_suffix(".mo")


def _extracted() -> Catalog:
    """What `make messages` extracts, through Babel's own API and babel.cfg: no network, no files written."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, str(ROOT / "babel.cfg"))
    before = i18n.language()
    catalog = Catalog()
    try:
        for _filename, _lineno, message, comments, context in extract_from_dir(str(ROOT), method_map, options_map):
            catalog.add(message, None, [], auto_comments=comments, context=context)
    finally:
        i18n.use(before)
    return catalog


def _po() -> Catalog:
    with open(PO, "rb") as fh:
        return read_po(fh, locale="nl")


def _key(message_id: str | tuple[str, ...]) -> str | tuple[str, ...]:
    return message_id if isinstance(message_id, str) else tuple(message_id)


def _fields(text: str) -> set[str]:
    """The ``{name}`` fields of a message, which a translation must keep (it is filled with .format())."""
    return {name for _, name, spec, conv in string.Formatter().parse(text) if name is not None}


def test_catalog_is_up_to_date_with_the_code() -> None:
    """Extract the messages from the code and compare: a message added, changed or removed in the code and
    not in the catalog fails here; `make messages` brings the catalog up to date."""
    code = {_key(m.id) for m in _extracted() if m.id}
    po = {_key(m.id) for m in _po() if m.id}
    missing, stale = code - po, po - code
    assert not missing and not stale, (
        f"run `make messages` and translate: {len(missing)} message(s) of the code are not in {PO.name} "
        f"(e.g. {sorted(map(str, missing))[:3]}), {len(stale)} in it are no longer in the code "
        f"(e.g. {sorted(map(str, stale))[:3]})"
    )


def test_every_message_has_a_dutch_translation() -> None:
    """English is the code's own language (the messages are the English text); Dutch is the translation, and
    every message must have one that is not fuzzy and keeps the message's ``{fields}``."""
    untranslated, fuzzy, fields = [], [], []
    for m in _po():
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strs = [m.string] if isinstance(m.string, str) else list(m.string)
        if not all(strs):
            untranslated.append(ids[0])
        elif m.fuzzy:
            fuzzy.append(ids[0])
        elif any(_fields(s) != _fields(ids[-1 if i else 0]) for i, s in enumerate(strs)) and "{n}" not in ids[0]:
            fields.append(ids[0])
        elif "{n}" in ids[0] and any(_fields(s) - _fields(ids[-1]) for s in strs):
            fields.append(ids[0])
    assert not untranslated, f"{len(untranslated)} message(s) without Dutch, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy translation(s) to check, e.g. {fuzzy[:5]}"
    assert not fields, f"translations that change the {{fields}} of their message: {fields[:5]}"


def test_compiled_catalog_matches_the_po_file() -> None:
    """The .mo that ships in the wheel says exactly what the .po says (`make messages` compiles it)."""
    with open(MO, "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    expected: dict[object, str] = {}
    for m in _po():
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, str):
            expected[m.id] = m.string
        else:
            for i, s in enumerate(m.string):
                expected[(m.id[0], i)] = s
    actual = {k: v for k, v in compiled._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert actual == expected, "the .mo is out of date: run `make messages`"
    # It ships in the wheel: tests/test_layout.py builds one and looks.


# --- choosing the language ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"SAMENWERK_LANG": "nl"}, "nl"),
        ({"SAMENWERK_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        ({"SAMENWERK_LANG": "en", "LC_ALL": "nl_BE.UTF-8"}, "en"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "nl_NL"}, "nl"),
        ({"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),
        ({"LC_ALL": "C", "LANG": "nl_BE.UTF-8"}, "en"),  # LC_ALL overrides, and C is not Dutch
        ({"LC_ALL": "nl_BE@euro", "LC_MESSAGES": "en_US"}, "nl"),
        ({"LANG": "fr_BE.UTF-8"}, "en"),  # a language we do not speak: English
        ({"SAMENWERK_LANG": "de"}, "en"),
        ({"SAMENWERK_LANG": "nl-BE"}, "nl"),
    ],
)
def test_language_from_environment(env: dict[str, str], expected: str) -> None:
    assert i18n.detect(env) == expected


def test_lang_option_beats_the_environment(cli) -> None:
    nl = cli("--lang", "nl", "rules", "end-before-start", env={"SAMENWERK_LANG": "en", "LC_ALL": "en_US.UTF-8"})
    en = cli("rules", "end-before-start", "--lang", "en", env={"SAMENWERK_LANG": "nl", "LC_ALL": "nl_BE.UTF-8"})
    assert nl.returncode == en.returncode == 0, nl.stderr + en.stderr
    assert "standaardniveau" in nl.stdout and "default level" in en.stdout
    env_nl = cli("rules", "end-before-start", env={"SAMENWERK_LANG": "", "LC_ALL": "", "LANG": "nl_BE.UTF-8"})
    assert "standaardniveau" in env_nl.stdout


def test_unknown_language_is_a_usage_error(cli) -> None:
    done = cli("lint", "--lang", "fr", "--no-cache", "tests/fixtures/lint/positive")
    assert done.returncode == 2
    assert "--lang" in done.stderr and "'fr'" in done.stderr


def test_help_in_dutch_and_english(cli) -> None:
    nl = cli("--lang", "nl", "lint", "--help", env={"COLUMNS": "200"})
    en = cli("--lang", "en", "lint", "--help", env={"COLUMNS": "200"})
    assert nl.returncode == en.returncode == 0
    assert "Controleer overeenkomsten" in nl.stdout and "Opties" in nl.stdout
    assert "Check agreements" in en.stdout and "Options" in en.stdout
    assert "Check agreements" not in nl.stdout


def test_dates_numbers_and_lists_follow_the_language() -> None:
    import datetime as dt

    before = i18n.language()
    try:
        i18n.use("nl")
        assert i18n.date(dt.date(2025, 12, 31)) == "31 december 2025"
        assert i18n.number(12000) == "12.000" and i18n.number(8.5) == "8,5"
        assert i18n.join(["a", "b", "c"]) == "a, b en c"
        assert i18n.join(["a", "b"], "or") == "a of b"
        assert i18n.short_date(dt.date(2025, 3, 1)) == "01-03-2025" and i18n.short_date(None) == ""
        i18n.use("en")
        assert i18n.date(dt.date(2025, 12, 31)) == "December 31, 2025"
        assert i18n.number(12000) == "12,000" and i18n.number(8.5) == "8.5"
        assert i18n.join(["a", "b", "c"]) == "a, b, and c"
        assert i18n.short_date(dt.date(2025, 3, 1)) == "Mar 1, 2025"
    finally:
        i18n.use(before)


@pytest.mark.parametrize("value", [0, 7, -999, 1000, -1000, 12000, 999_999, 1_234_567, -98_765_432, 10**15])
@pytest.mark.parametrize("lang", sorted(i18n.BABEL_LOCALES))
def test_whole_numbers_are_written_as_babel_writes_them(lang: str, value: int) -> None:
    from babel.numbers import format_decimal

    before = i18n.language()
    try:
        i18n.use(lang)
        assert i18n.number(value) == format_decimal(value, locale=i18n.babel_locale())
    finally:
        i18n.use(before)


def test_importing_i18n_loads_neither_babel_nor_rich(tmp_path: Path) -> None:
    """The lint cache-hit path pays only for gettext: Babel loads when a date or a fraction is formatted."""
    import subprocess
    import sys

    code = (
        "import sys; from samenwerk import i18n; i18n.use('nl'); i18n._('error'); i18n.number(12); i18n.number(3000);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'rich', 'pydantic', 'jinja2')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- the same findings in two languages ---------------------------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "i18n"
BROKEN = "tests/fixtures/i18n/broken.yaml"
DEADLINES = "tests/fixtures/i18n/deadlines.yaml"
_LINE = re.compile(r"^(?P<where>\S+:\d+:\d+): (?P<level>\w+): (?P<message>.*) \[(?P<rule>[\w-]+)\]$")


def _lint(cli, lang: str, fmt: str = "full") -> str:
    done = cli("lint", "--lang", lang, "--no-cache", "-f", fmt, BROKEN)
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lint_snapshot(cli, lang: str, update_golden: bool) -> None:
    """The broken agreement linted in each language, as a golden file (pytest --update-golden rewrites it)."""
    out = _lint(cli, lang)
    golden = FIXTURES / f"lint.{lang}.txt"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_same_findings_at_the_same_places_in_both_languages(cli) -> None:
    nl, en = ([m for m in map(_LINE.match, _lint(cli, lang, "concise").splitlines()) if m] for lang in ("nl", "en"))
    assert len(nl) == len(en) >= 10
    assert [(m["where"], m["rule"]) for m in nl] == [(m["where"], m["rule"]) for m in en]
    assert {m["level"] for m in nl} == {"fout", "waarschuwing"} and {m["level"] for m in en} == {"error", "warning"}
    differ = sum(a["message"] != b["message"] for a, b in zip(nl, en))
    assert differ == len(nl), "every message reads differently in Dutch"
    # Dates follow the language: the Dutch run writes them as Dutch does, the English one as English does.
    dates = dict(zip((m["rule"] for m in nl), zip((m["message"] for m in nl), (m["message"] for m in en))))
    assert "31 december 2025" in dates["end-before-start"][0] and "December 31, 2025" in dates["end-before-start"][1]


def test_machine_formats_keep_english_ids_and_keys(cli) -> None:
    import json

    runs = {lang: cli("lint", "--lang", lang, "--no-cache", "-f", "json", BROKEN) for lang in ("nl", "en")}
    nl, en = (json.loads(runs[lang].stdout) for lang in ("nl", "en"))
    assert nl.keys() == en.keys()

    def rows(data: dict[str, list[dict[str, object]]]) -> list[tuple[object, ...]]:
        return [(d["path"], d["line"], d["col"], d["rule"], d["level"]) for d in data["diagnostics"]]

    assert rows(nl) == rows(en) and len(rows(en)) >= 10
    assert {d["level"] for d in nl["diagnostics"]} == {"error", "warning"}  # levels are keys: English
    assert [d["message"] for d in nl["diagnostics"]] != [d["message"] for d in en["diagnostics"]]


# --- no word of the other language --------------------------------------------------------------------------

ENGLISH_WORDS = frozenset(
    "the a an and has have no not with without after before there file files checked clean problems "
    "error errors warning warnings party date end start signs twice unknown did you mean represents "
    "than which does default always options failing passing documentation".split()
)
"""Common English words: none may appear in a Dutch run's own text. Words that are Dutch too (is, of, in)
are not in it, nor 'fix' (the name of the command `samenwerk fix`, which marks the rules it repairs)."""
DUTCH_WORDS = frozenset(
    "de het een geen niet heeft hebben zonder na ligt partij fout fouten waarschuwing waarschuwingen "
    "bestand bestanden gecontroleerd zonder problemen einddatum begindatum tekent keer onbekende bedoelde je "
    "vertegenwoordigt standaardniveau altijd aan instellingen goed herstel documentatie".split()
)
"""Common Dutch words: none may appear in an English run's own text."""

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|``[^`]*``|`[^`]*`|“[^”\n]*”|‘[^’\n]*’")  # agreement text, ids, literals
_MACHINE = re.compile(r"\[[^\]\n]*\|[^\]\n]*\]|\[(?:default|standaard): [^\]\n]*\]|PDF/A")  # choices, defaults
_CODE = re.compile(r"\S+\.yaml:\d+:\d+|\[[\w-]+\]|\b\w+(?:\.\w+)+\b|\(\w+_\w+\)|https?://\S+")


def _own_words(output: str) -> list[str]:
    """The words samenwerk wrote itself: without quoted agreement text, the quoted source lines and examples,
    file names, rule ids, data paths (duration.end) and URLs."""
    kept = []
    for line in output.splitlines():
        if re.match(r"^\s*\d*\s*\|", line) or line.startswith("    "):  # a source line, a caret, a YAML example
            continue
        kept.append(_MACHINE.sub(" ", _CODE.sub(" ", _QUOTED.sub(" ", line))))
    return [w.lower() for w in re.findall(r"[\w-]+", "\n".join(kept)) if not w.isupper()]  # FILE, DATE: metavars


HELP = ("lint", "rules", "expiring", "diff", "list", "render", "fmt", "fix", "init", "new", "extend", "amend")
"""The commands whose --help the word-list tests read, with the app's own."""


def _outputs(cli, lang: str) -> str:
    runs = [
        ("lint", "--no-cache", "-f", "full", BROKEN),
        ("lint", "--no-cache", "-f", "concise", BROKEN),
        ("lint", "--no-cache", "-f", "concise", "tests/fixtures/lint/negative"),  # syntax and schema errors
        ("rules",),
        ("--help",),
        ("rules", "end-before-start"),
        ("rules", "signed-after-end"),
        ("rules", "references"),
        ("expiring", "--as-of", "2027-10-01", "--within", "12m", DEADLINES),
        ("expiring", "--as-of", "2027-10-01", "--within", "12m", "-f", "markdown", DEADLINES),
        ("diff", DEADLINES, DEADLINES.replace(".yaml", "-changed.yaml")),
        ("diff", "-f", "markdown", DEADLINES, DEADLINES.replace(".yaml", "-changed.yaml")),
    ]
    runs += [(command, "--help") for command in HELP]
    texts = []
    for args in runs:
        done = cli("--lang", lang, *args, env={"COLUMNS": "200"})
        assert done.returncode in (0, 1), done.stderr
        texts.append(done.stdout + done.stderr)
    return "\n".join(texts)


def test_no_english_word_in_a_dutch_run(cli) -> None:
    words = _own_words(_outputs(cli, "nl"))
    assert len(words) > 200
    assert sorted(set(words) & ENGLISH_WORDS) == []


def test_no_dutch_word_in_an_english_run(cli) -> None:
    words = _own_words(_outputs(cli, "en"))
    assert len(words) > 200
    assert sorted(set(words) & DUTCH_WORDS) == []


def test_word_lists_catch_a_mixed_message() -> None:
    """The check itself works: an English word left in a Dutch line is found, a quoted one is not."""
    assert set(_own_words("x.yaml:1:2: fout: the einddatum [end-before-start]")) & ENGLISH_WORDS == {"the"}
    assert set(_own_words("x.yaml:1:2: fout: partij 'the party' [contact-point]")) & ENGLISH_WORDS == set()


# --- the same, for list, the register site, render's errors and signatures ---------------------------------

AS_OF = "2027-10-01"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture agreement in a git repository of its own (commit subjects of no language), changed once,
    so that the site has a history with changes to word."""
    from .conftest import git

    repo = tmp_path_factory.mktemp("register")
    (repo / "agreements").mkdir()
    target = repo / "agreements" / "deadlines.yaml"
    target.write_text((ROOT / DEADLINES).read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "2026")
    changed = (ROOT / DEADLINES.replace(".yaml", "-changed.yaml")).read_text(encoding="utf-8")
    target.write_text(changed.replace("id: deadlines-for-languages-changed", "id: deadlines-for-languages"), "utf-8")
    git(repo, "commit", "-qam", "2027")
    return repo


@pytest.fixture(scope="module")
def signed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture agreement with a signature block per party, rendered as PDF (unsigned): signatures reads
    its fields and embedded YAML. Returns the PDF and the YAML."""
    from .conftest import run_cli

    folder = tmp_path_factory.mktemp("pdf")
    yaml, pdf = folder / "deadlines.yaml", folder / "deadlines.pdf"
    text = (ROOT / DEADLINES).read_text(encoding="utf-8")
    assert text.endswith("signing:\n  date: 25-12-2025\n")
    yaml.write_text(text + "  blocks:\n    - {party: vdab}\n    - {party: gemeente}\n", encoding="utf-8")
    done = run_cli("render", str(yaml), "-f", "pdf", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    return pdf, yaml


class _PageText(HTMLParser):
    """The site's own text on a page: text nodes and the attributes people read (aria-label, a title, the
    script's count), leaving out what is marked as in another language than the page's (the agreements'
    text), code, and what is not shown (script, style)."""

    SKIP = frozenset({"code", "script", "style"})
    VOID = frozenset({"meta", "link", "br", "input", "img", "hr", "line", "rect"})
    READ = ("aria-label", "title", "data-shown", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[bool] = []  # per open element: is its content left out?
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.page_lang = found.get("lang") or ""
        other = found.get("lang") not in (None, self.page_lang)
        skipped = (self.stack[-1] if self.stack else False) or other or tag in self.SKIP
        if not skipped:
            self.texts += [v for k, v in attrs if k in self.READ and v and tag != "link"]
        if tag not in self.VOID:
            self.stack.append(skipped)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(data)


def site_text(folder: Path) -> str:
    """Every page's own text (the documents people sign are the agreement's, in its language: left out)."""
    texts = []
    for page in sorted(folder.rglob("*.html")):
        if page.parent.name == "document":
            continue
        parser = _PageText()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.page_lang, page
        texts += parser.texts
    feed = (folder / "wijzigingen.xml").read_text(encoding="utf-8")
    texts += re.findall(r"<(?:subtitle)>([^<]*)<", feed) + re.findall(r"<title>([^<]*)<", feed)[:1]
    return "\n".join(texts)


def _register_outputs(cli, lang: str, register: Path, signed: tuple[Path, Path], tmp_path: Path) -> str:
    """list, the site, render's errors and signatures, in ``lang``."""
    agreements = str(register / "agreements")
    pdf, yaml = str(signed[0]), str(signed[1])
    runs: list[tuple[tuple[str, ...], tuple[int, ...]]] = [
        (("list", "--as-of", AS_OF, DEADLINES), (0,)),
        (("list", "--as-of", AS_OF, "-f", "csv", DEADLINES), (0,)),
        (("list", "--as-of", AS_OF, "--kind", "treaty", DEADLINES), (2,)),
        (("render", DEADLINES, BROKEN, "-f", "md", "-o", str(tmp_path / "one.md")), (2,)),
        (("render", DEADLINES, "-f", "pdf", "-o", "-"), (2,)),
        (
            ("render", DEADLINES, "-f", "md", "--output-dir", str(tmp_path), "--template-dir", str(tmp_path / "t0")),
            (2,),
        ),
        (("signatures", DEADLINES), (2,)),
        (("signatures", pdf, yaml), (0, 1)),
        (("signatures", pdf, DEADLINES), (1,)),  # not the agreement the PDF carries
        (("signatures", pdf, yaml, "--require", "all"), (1,)),
        (("signatures", pdf, yaml, "--require", "all", "-f", "github"), (1,)),
        (("signatures", pdf, yaml, "--require", "nobody"), (2,)),
        (("signatures", pdf, "--rev", "HEAD"), (2,)),
        (("signatures", pdf, "--revocation"), (2,)),
        (("site", agreements, "--output-dir", str(tmp_path / "site"), "--as-of", AS_OF), (0,)),
    ]
    texts = []
    for args, codes in runs:
        done = cli("--lang", lang, *args, env={"COLUMNS": "200"}, cwd=ROOT)
        assert done.returncode in codes, (args, done.returncode, done.stderr)
        texts.append(done.stdout + done.stderr)
    texts.append(site_text(tmp_path / "site"))
    # GitHub's workflow commands (::error file=...,title=...::) are syntax; what follows is the message.
    return re.sub(r"^::\w+ [^\n]*?::", "", "\n".join(texts), flags=re.M)


def test_no_english_word_in_a_dutch_register_render_or_signatures_run(cli, register, signed_pdf, tmp_path) -> None:
    out = _register_outputs(cli, "nl", register, signed_pdf, tmp_path)
    words = _own_words(out)
    assert len(words) > 300 and {"overeenkomsten", "tijdlijn", "ondertekend"} <= set(words)
    assert sorted(set(words) & ENGLISH_WORDS) == []


def test_no_dutch_word_in_an_english_register_render_or_signatures_run(cli, register, signed_pdf, tmp_path) -> None:
    out = _register_outputs(cli, "en", register, signed_pdf, tmp_path)
    words = _own_words(out)
    assert len(words) > 300 and {"agreements", "timeline", "signed"} <= set(words)
    assert sorted(set(words) & DUTCH_WORDS) == []


def test_the_page_text_leaves_out_only_text_in_another_language() -> None:
    """The check of the site works: an English word in a Dutch page's own text is found, the agreement's
    text marked with its language is left out, and so is code."""
    parser = _PageText()
    parser.feed(
        '<html lang="en"><body><h1 lang="nl">Het plan</h1><p>the <code>de</code> plan<br>'
        '<a aria-label="de link" href="x">x</a></p></body></html>'
    )
    assert parser.texts == ["the ", " plan", "de link", "x"]
    assert set(_own_words("\n".join(parser.texts))) & DUTCH_WORDS == {"de"}


# --- rendered documents follow the agreement, not the user -------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_dutch_agreement_renders_in_dutch_with_an_english_command_line(cli, fmt: str) -> None:
    gent = "agreements/gent-vdab-2020-2025.yaml"
    en = cli("render", gent, "-f", fmt, "-o", "-", "--lang", "en", env={"LC_ALL": "en_US.UTF-8"})
    nl = cli("render", gent, "-f", fmt, "-o", "-", "--lang", "nl")
    assert en.returncode == nl.returncode == 0, en.stderr + nl.stderr
    assert en.stdout == nl.stdout  # the user's language changes nothing in the document
    assert "31 december 2025" in en.stdout and "December 31, 2025" not in en.stdout
    words = set(re.findall(r"[a-z]+", en.stdout))
    assert {"de", "het", "van", "overeenkomst"} <= words
