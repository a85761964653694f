"""Every mistake a policy officer makes in an agreement gets a message in samenwerk's own words, at the line and
column to fix: the value that is wrong, the mapping that lacks a key, the key that lacks its ':'."""

from __future__ import annotations

from pathlib import Path

import pytest

from samenwerk import document
from samenwerk.document.yaml import parse

from ..conftest import ROOT

# libyaml's and PyYAML's own wording: none of it may reach a user.
LIBYAML = (
    "while parsing",
    "while scanning",
    "while constructing",
    "expected <",
    "found '<",
    "did not find expected",
    "could not find expected",
    "not allowed in this context",
    "found character",
    "found unexpected",
    "could not determine a constructor",
    "unacceptable character",
    "Input should",
)

HEAD = "id: a\ntitle: T\nkind: pact\n"
PARTY = "parties: [{id: vdab, name: VDAB, kind: vdab}]\n"
APPROVAL = "  - id: raad1\n    party: vdab\n    body: gemeenteraad\n"

# (name, the file, line:col, rule, a part of the message)
CASES = [
    # --- schema: the value that is wrong, the mapping that lacks a key -------------------------------
    (
        "approval-without-date",
        HEAD + PARTY + "approvals:\n" + APPROVAL + "    date: 01-02-2020\n  - id: raad2\n    party: vdab\n"
        "    body: gemeenteraad\n",
        "10:5",
        "schema",
        "give the date of the decision, or say in 'date_unknown' why it is not known",
    ),
    (
        "date-as-a-number",
        HEAD + PARTY + "approvals:\n" + APPROVAL + "    date: 2022\n",
        "9:11",
        "schema",
        "expected a date such as 31-12-2025 or 2025-12-31, got the number 2022",
    ),
    (
        "start-as-a-number",
        HEAD + PARTY + "duration:\n  start: 2022\n",
        "6:10",
        "schema",
        "got the number 2022",
    ),
    (
        "date-with-slashes",
        HEAD + PARTY + "duration:\n  end: 31/12/2025\n",
        "6:8",
        "schema",
        "'31/12/2025' is not a date; write it with '-' between the parts: 31-12-2025",
    ),
    (
        "month-13",
        HEAD + PARTY + "duration:\n  end: 2025-13-01\n",
        "6:8",
        "schema",
        "'2025-13-01' is not a valid date: there is no month 13",
    ),
    (
        "two-digit-year",
        HEAD + PARTY + 'duration:\n  end: "31-12-25"\n',
        "6:8",
        "schema",
        "write the year in four digits",
    ),
    (
        "dutch-month-name",
        HEAD + PARTY + "duration:\n  end: 31 december 2025\n",
        "6:8",
        "schema",
        "write the month as a number: 31-12-2025",
    ),
    (
        "kbo-typo",
        HEAD + "parties:\n  - id: gent\n    name: Gent\n    kind: gemeente\n    enterprise_number: 0207.451.228\n",
        "8:24",
        "schema",
        "'0207.451.228' is not a valid KBO number: the check digits do not match",
    ),
    (
        "text-where-a-list-is-expected",
        HEAD + "parties: VDAB en Gent\n",
        "4:10",
        "schema",
        "expected a list (lines starting with '- ', or [a, b]), got the text 'VDAB en Gent'",
    ),
    (
        "empty-list",
        HEAD + PARTY + "consultation: {bodies: []}\n",
        "5:24",
        "schema",
        "the list is empty: give at least 1 item",
    ),
    ("no-parties", HEAD + "parties: []\n", "4:10", "schema", "an agreement names at least one party"),
    ("number-as-key", HEAD + PARTY + "1: x\n", "5:1", "schema", "unknown key '1'"),
    ("empty-text", 'id: a\ntitle: ""\nkind: pact\n' + PARTY, "2:8", "schema", "the text is empty"),
    # --- syntax: at the place to fix, in samenwerk's words -------------------------------------------
    ("tab-indent", HEAD + "parties:\n\t- {id: vdab, name: VDAB, kind: vdab}\n", "5:1", "syntax", "a tab cannot"),
    (
        "no-space-after-colon",
        HEAD + "parties:\n  - id:vdab\n    name: VDAB\n    kind: vdab\n",
        "5:7",
        "syntax",
        "a space is missing after the ':'",
    ),
    ("no-space-after-colon-top", HEAD + "region:Gent\n" + PARTY, "4:7", "syntax", "a space is missing after the ':'"),
    (
        "colon-missing",
        HEAD + PARTY + "region Gent\nstatus: draft\n",
        "5:1",
        "syntax",
        "a ':' is missing after the key 'region Gent'",
    ),
    (
        "colon-missing-before-a-mapping",
        HEAD + PARTY + "duration\n  end: 31-12-2025\n",
        "5:1",
        "syntax",
        "a ':' is missing after the key 'duration'",
    ),
    (
        "unclosed-double-quote",
        HEAD + 'subtitle: "Een titel\n' + PARTY,
        "4:11",
        "syntax",
        "an unclosed quote: nothing closes this '\"'",
    ),
    ("unclosed-single-quote", HEAD + "subtitle: 'Een titel\n" + PARTY, "4:11", "syntax", "an unclosed quote"),
    (
        "quote-closed-on-a-later-line",
        HEAD + PARTY + 'subtitle: "Een titel\nregion: "Gent"\n',
        "5:11",
        "syntax",
        "an unclosed quote: this '\"' is only closed at line 6",
    ),
    (
        "text-after-the-closing-quote",
        HEAD + PARTY + 'subtitle: "Gent" en Antwerpen\n',
        "5:16",
        "syntax",
        "the text goes on after its closing '\"'",
    ),
    (
        "apostrophe-in-single-quotes",
        HEAD + PARTY + "subtitle: 'Gent's werk'\n",
        "5:16",
        "syntax",
        "write '' for a \"'\" inside",
    ),
    (
        "list-item-indented-less",
        HEAD + "parties:\n  - id: vdab\n    name: VDAB\n    kind: vdab\n - id: gent\n   name: Gent\n",
        "8:2",
        "syntax",
        "a list item stands where a key is expected",
    ),
    (
        "list-item-indented-as-a-key",
        HEAD + "parties:\n  - id: vdab\n    name: VDAB\n    kind: vdab\n    - id: gent\n",
        "8:5",
        "syntax",
        "a list item stands where a key is expected",
    ),
    (
        "dash-without-space",
        HEAD + PARTY + "notes:\n  - een\n  -twee\n  - drie\n",
        "7:3",
        "syntax",
        "'-' starts a list item only with a space after it: write '- twee'",
    ),
    (
        "list-on-the-line-of-its-key",
        HEAD + "notes: - een\n" + PARTY,
        "4:8",
        "syntax",
        "a list cannot start on the line of its key",
    ),
    (
        "key-indented-under-a-value",
        HEAD + "region: Gent\n  subtitle: Iets\n" + PARTY,
        "5:3",
        "syntax",
        "this key is indented more than the key above it, which already has a value",
    ),
    (
        "key-indented-less-than-its-siblings",
        HEAD + "parties:\n  - id: vdab\n    name: VDAB\n   kind: vdab\n",
        "7:4",
        "syntax",
        "a key is indented less than the key above it (column 5)",
    ),
    (
        "nested-key-indented-less",
        HEAD + PARTY + "duration:\n  start: 01-01-2020\n end: 31-12-2025\n",
        "7:2",
        "syntax",
        "a key is indented less than the key above it (column 3)",
    ),
    (
        "key-at-the-indentation-of-the-list",
        HEAD + "parties:\n  - id: vdab\n    name: VDAB\n    kind: vdab\n  region: Gent\n",
        "8:3",
        "syntax",
        "a key at the indentation of the list's '- ' items",
    ),
    (
        "duplicate-key",
        HEAD + PARTY + "kind: pact\n",
        "5:1",
        "syntax",
        "duplicate key 'kind' (first defined at line 3, column 1)",
    ),
    (
        "colon-inside-a-text",
        HEAD + "subtitle: Samenwerking: werk en zorg\n" + PARTY,
        "4:23",
        "syntax",
        "a ': ' inside a plain text would start a mapping: put the text in quotes",
    ),
    (
        "unclosed-bracket",
        HEAD + "parties: [{id: vdab, name: VDAB, kind: vdab}\nregion: Gent\n",
        "4:10",
        "syntax",
        "this '[' is never closed",
    ),
    ("unclosed-bracket-at-the-end", HEAD + "parties: [\n", "4:10", "syntax", "this '[' is never closed"),
    (
        "wrong-closing-bracket",
        HEAD + "parties: [{id: vdab, name: VDAB, kind: vdab]\n",
        "4:44",
        "syntax",
        "']' cannot close the '{' at line 4, column 11",
    ),
    (
        "comma-missing",
        HEAD + "parties: [{id: vdab, name: VDAB, kind: vdab} {id: b, name: B, kind: vdab}]\n",
        "4:46",
        "syntax",
        "a ',' is missing before this entry",
    ),
    (
        "at-sign",
        HEAD + PARTY + "subtitle: @gent\n",
        "5:11",
        "syntax",
        "'@' cannot start a text here: put the text in quotes",
    ),
    (
        "star",
        HEAD + PARTY + "subtitle: *gent\n",
        "5:11",
        "syntax",
        "'*gent' refers to an anchor '&gent' that does not exist",
    ),
    ("backslash", HEAD + PARTY + 'subtitle: "C:\\pad"\n', "5:14", "syntax", "'\\p' is not an escape"),
    ("control-character", HEAD + PARTY + "subtitle: a\x07b\n", "5:12", "syntax", "the character U+0007 is not allowed"),
    ("tag-that-does-not-fit", HEAD + PARTY + "region: !!int abc\n", "5:9", "syntax", "remove the tag '!!int'"),
    ("key-without-a-name", HEAD + PARTY + ": x\n", "5:1", "syntax", "a ':' without a key before it"),
]


def _diagnostics(text: str) -> list[tuple[str, str, str]]:
    doc = document.from_bytes(text.encode("utf-8"), "x.yaml")
    return [(f"{d.line}:{d.col}", d.rule, d.message) for d in doc.diagnostics()]


@pytest.mark.parametrize(("name", "text", "where", "rule", "message"), CASES, ids=[c[0] for c in CASES])
def test_mistake_is_placed_and_worded(name: str, text: str, where: str, rule: str, message: str) -> None:
    got = _diagnostics(text)
    assert got, "no problem reported"
    first = got[0]
    assert (first[0], first[1]) == (where, rule), got
    assert message in first[2], got
    for _, _, said in got:
        assert not any(phrase in said for phrase in LIBYAML), said
        assert "\n" not in said


SUITE = ROOT.parent / "shared" / "yaml-test-suite"
SUITE_CASES = sorted(SUITE.rglob("in.yaml")) if SUITE.exists() else []


def test_no_libyaml_wording_in_the_yaml_test_suite() -> None:
    if not SUITE_CASES:
        pytest.skip("the YAML Test Suite is not beside the project")
    leaks = []
    for path in SUITE_CASES:
        loaded = parse(path.read_bytes().decode("utf-8", errors="replace"))
        if loaded.error is not None:
            said = loaded.error.message
            if any(phrase in said for phrase in LIBYAML) or "\n" in said or loaded.error.line is None:
                leaks.append(f"{path.parent.relative_to(SUITE)}: {said}")
    assert leaks == []


def test_an_unclosed_quote_names_where_it_opened() -> None:
    # libyaml reports the end of the file; the place to fix is the quote.
    (got,) = _diagnostics(HEAD + PARTY + 'subtitle: "Een titel\nregion: x\nnotes: [a]\n')
    assert got[0] == "5:11" and "unclosed quote" in got[2]


def test_a_missing_colon_is_reported_on_the_line_of_the_key(tmp_path: Path) -> None:
    # libyaml's mark is on the next line; the key that lacks its ':' is on the line before.
    (got,) = _diagnostics(HEAD + PARTY + "duration\n  end: 31-12-2025\n  start: 01-01-2020\n")
    assert got[0] == "5:1"
