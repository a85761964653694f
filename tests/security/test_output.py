"""Untrusted text (agreement text, file names) in every output format: neutralised for where it lands.

Each test writes small agreements in a temporary directory and runs the command in a subprocess, as a user
or a CI job does, then reads the output as its consumer would: Markdown rendered as a pull-request comment
is, XML by a strict parser, JSON decoded as UTF-8, workflow commands split into lines by the runner.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from ..conftest import FIXTURES

MINIMAL = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
TITLE = "title: Samenwerkingsovereenkomst tussen Voorbeeldgemeente en VDAB"
PARTY = "name: Voorbeeldgemeente\n"
BODY = "name: Stuurgroep"

# What a terminal must never receive raw: escape sequences (CSI, OSC with BEL), carriage return, backspace,
# a C1 control (single-byte CSI), DEL, and the bidirectional controls that reorder what a reader sees.
CONTROLS = "\x1b[2J\x1b]0;pwned\x07\r\b\x9b31m\x7f\x0b"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
UNSAFE = CONTROLS + BIDI
RAW = {c for c in UNSAFE if unicodedata.category(c) in ("Cc", "Cf")}
MENTION = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z0-9_]")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text)


def agreement(title: str | None = None, party: str | None = None, body: str | None = None, extra: str = "") -> str:
    text = MINIMAL
    if title is not None:
        text = text.replace(TITLE, f"title: {q(title)}")
    if party is not None:
        text = text.replace(PARTY, f"name: {q(party)}\n")
    if body is not None:
        text = text.replace(BODY, f"name: {q(body)}")
    return text + extra


def write(folder: Path, name: str | bytes, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The command in a subprocess; its output must be UTF-8 (a lone surrogate written out is not)."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "250", **(env or {})}
    if "GITHUB_ACTIONS" not in (env or {}):
        full_env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "samenwerk", *map(str, args)], capture_output=True, cwd=cwd, env=full_env, timeout=120
    )
    stdout = done.stdout.decode("utf-8")  # strict: invalid UTF-8 fails the test
    assert "internal error" not in done.stderr.decode("utf-8", "replace"), done.stderr
    return done.returncode, stdout, done.stderr.decode("utf-8", "replace")


def lint(folder: Path, fmt: str, *paths: str | Path, env: dict[str, str] | None = None) -> str:
    code, out, err = run("lint", "--no-cache", "--format", fmt, *(paths or (".",)), cwd=folder, env=env)
    assert code in (0, 1), err
    return out


def diff(tmp_path: Path, fmt: str, new_text: str, new_name: str | bytes = "new.yaml", old_text: str = MINIMAL) -> str:
    old = write(tmp_path, "old.yaml", old_text)
    new = write(tmp_path, new_name, new_text)
    code, out, err = run("diff", old.name, new.name, "--format", fmt, cwd=tmp_path)
    assert code in (0, 2), err
    return out


def expiring(tmp_path: Path, fmt: str, text: str, name: str | bytes = "a.yaml", *more: str) -> str:
    path = write(tmp_path, name, text)
    code, out, err = run("expiring", path.name, *more, "--as-of", "2025-11-01", "--format", fmt, cwd=tmp_path)
    assert code in (0, 1, 2), err
    return out


def render(markdown: str) -> str:
    """HTML as a GitHub-flavoured renderer makes it: raw HTML allowed, tables on."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def mentions(html: str) -> list[str]:
    """@mentions a forge would notify: GitHub and GitLab skip text inside code, pre and links."""
    outside = re.sub(r"<(code|pre|a)\b.*?</\1>", "", html, flags=re.S)
    return MENTION.findall(outside)


def assert_no_html(html: str) -> None:
    for tag in ("<script", "<iframe", "<img", "<svg", "<a ", "<b>"):
        assert tag not in html.lower(), html


def assert_neutral(out: str, visible: tuple[str, ...] = ("\\x1b", "\\u202e")) -> None:
    """No raw control or bidi character; the dangerous ones are shown escaped."""
    found = sorted({f"U+{ord(c):04X}" for c in out if c in RAW or ("\x80" <= c <= "\x9f")})
    assert not found, found
    for v in visible:
        assert v in out


HOSTILE_HTML = "<script>alert(1)</script> <iframe src=https://evil.example></iframe>"


# --- Markdown for pull-request comments: diff --format markdown ------------------------------------------


def test_diff_markdown_escapes_html(tmp_path: Path) -> None:
    out = diff(tmp_path, "markdown", agreement(title=HOSTILE_HTML, party="<img src=x onerror=alert(1)>"))
    assert "<script" not in out and "<img" not in out
    html = render(out)
    assert_no_html(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text


def test_diff_markdown_defuses_mentions(tmp_path: Path) -> None:
    out = diff(tmp_path, "markdown", agreement(title="Ping @octocat and @org/team", party="@everyone"))
    html = render(out)
    assert mentions(html) == []
    assert "@octocat" in out and "@org/team" in out and "@everyone" in out  # still readable
    assert "mail@example.org" in render(diff(tmp_path, "markdown", agreement(title="mail@example.org")))


def test_diff_markdown_neutralises_terminal_escapes(tmp_path: Path) -> None:
    assert_neutral(diff(tmp_path, "markdown", agreement(title=f"titel {UNSAFE} einde")))


def test_diff_markdown_file_name_with_newline_forges_no_lines(tmp_path: Path) -> None:
    name = "new\n### forged\n<img src=x onerror=alert(1)>\n- @octocat.yaml"
    out = diff(tmp_path, "markdown", agreement(title="Andere titel"), new_name=name)
    assert not [line for line in out.splitlines() if line.startswith(("### forged", "<img", "- @"))], out
    html = render(out)
    assert html.count("<h3>") == 1 and "forged" in html
    assert_no_html(html)
    assert mentions(html) == []


def test_diff_markdown_backtick_in_file_name(tmp_path: Path) -> None:
    name = "a`b <img src=x onerror=alert(1)> `` c.yaml"
    out = diff(tmp_path, "markdown", agreement(title="Andere titel"), new_name=name)
    html = render(out)
    assert_no_html(html)
    (code,) = re.findall(r"<h3><code>(.*?)</code>", html)
    assert code == "&quot;a`b &lt;img src=x onerror=alert(1)&gt; `` c.yaml&quot;"  # quoted: it holds spaces


def test_diff_markdown_active_characters_are_text(tmp_path: Path) -> None:
    title = "**vet** _schuin_ [klik](https://evil.example) ![x](https://evil.example/t.png) `code` ~~weg~~ | x"
    html = render(diff(tmp_path, "markdown", agreement(title=title)))
    assert_no_html(html)
    for tag in ("<strong>vet", "<em>schuin", "<code>code", "<del>", "<s>"):
        assert tag not in html
    assert "[klik](https://evil.example)" in html


def test_diff_markdown_error_location_and_message(tmp_path: Path) -> None:
    broken = agreement(extra=f"{q('<img src=x onerror=alert(1)> @octocat ' + UNSAFE)}: 1\n")
    out = diff(tmp_path, "markdown", broken, new_name="x`<b>y<b>\n### forged.yaml")
    html = render(out)
    assert_no_html(html)
    assert "<b>" not in html and html.count("<h3>") == 1
    assert mentions(html) == []
    assert_neutral(out, visible=("\\x1b",))


# --- Markdown for pull-request comments: expiring --format markdown --------------------------------------


def test_expiring_markdown_escapes_html(tmp_path: Path) -> None:
    out = expiring(tmp_path, "markdown", agreement(title=HOSTILE_HTML, body="<img src=x onerror=alert(1)>"))
    assert "<script" not in out and "<img" not in out
    html = render(out)
    assert_no_html(html)
    assert "&lt;iframe src=https://evil.example&gt;" in html


def test_expiring_markdown_defuses_mentions(tmp_path: Path) -> None:
    out = expiring(tmp_path, "markdown", agreement(title="Voor @everyone en @octocat", body="@org/stuurgroep"))
    assert mentions(render(out)) == []
    assert "@everyone" in out and "@org/stuurgroep" in out


def test_expiring_markdown_neutralises_terminal_escapes(tmp_path: Path) -> None:
    assert_neutral(expiring(tmp_path, "markdown", agreement(title=f"a {UNSAFE} b", body=f"c {UNSAFE} d")))


def test_expiring_markdown_table_cells_stay_cells(tmp_path: Path) -> None:
    title = "**vet** | [klik](https://evil.example) | `code` \\| <b>x</b>"
    html = render(expiring(tmp_path, "markdown", agreement(title=title, body="| Stuurgroep | x |\n| y")))
    assert_no_html(html)
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert rows and all(row.count("<td") in (0, 4) for row in rows)
    assert all(row.count("<th") in (0, 4) for row in rows)


def test_expiring_markdown_errors_cannot_forge(tmp_path: Path) -> None:
    write(tmp_path, "ok.yaml", agreement())
    broken = agreement(extra=f"{q('@octocat <img src=x onerror=alert(1)>')}: 1\n")
    path = write(tmp_path, "x`\n## forged <img src=x onerror=1>.yaml", broken)
    code, out, err = run(
        "expiring", "ok.yaml", path.name, "--as-of", "2025-11-01", "--format", "markdown", cwd=tmp_path
    )
    assert code == 2, err
    html = render(out)
    assert_no_html(html)
    assert "<h2>" in html and "forged" not in "".join(re.findall(r"<h2>.*?</h2>", html))
    assert mentions(html) == []


# --- The terminal: lint full/concise, diff text, expiring table ------------------------------------------


def test_lint_concise_neutralises_controls(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", agreement(extra=f"{q('key ' + UNSAFE)}: 1\n"))
    out = lint(tmp_path, "concise")
    assert_neutral(out)
    assert len(out.splitlines()) == 2  # one problem, one summary


def test_lint_full_neutralises_controls_and_source_line(tmp_path: Path) -> None:
    # Raw in the file: bidi controls in a key (valid YAML), shown in the source line; escapes in a message.
    write(tmp_path, "bidi.yaml", agreement(extra=f"sleutel{BIDI}: 1\n"))
    write(tmp_path, "esc.yaml", agreement(extra=f"{q('k ' + UNSAFE)}: 1\n"))
    out = lint(tmp_path, "full")
    assert_neutral(out)
    assert "    38 | sleutel\\u202a\\u202b" in out, out


def test_lint_full_caret_points_at_the_escaped_column(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", agreement(extra=f"x: {q(chr(0x202E))}\n{BIDI}k: 1\n"))
    out = lint(tmp_path, "full").splitlines()
    (i,) = [n for n, line in enumerate(out) if "| \\u202a" in line]
    assert out[i + 1].endswith("| ^")


def test_lint_full_prints_nothing_of_a_refused_file(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.yaml", "api-token: s3cr3t-d0-not-print\n")
    work = tmp_path / "repo"
    work.mkdir()
    (work / "link.yaml").symlink_to(secret)
    out = lint(work, "full", "link.yaml")
    assert "not followed" in out
    assert "s3cr3t" not in out and "api-token" not in out


def test_lint_text_file_name_with_newline(tmp_path: Path) -> None:
    write(tmp_path, "a\nforged.yaml:1:1: error: fake [schema]\n.yaml", agreement(extra="onbekend: 1\n"))
    write(tmp_path, "b\x1b[2J\u202e.yaml", agreement(extra="onbekend: 1\n"))
    for fmt in ("concise", "full"):
        out = lint(tmp_path, fmt)
        assert not [line for line in out.splitlines() if line.startswith("forged")], out
        assert '"a\\nforged.yaml:1:1: error: fake [schema]\\n.yaml":' in out
        assert_neutral(out)


def test_lint_text_non_utf8_file_name(tmp_path: Path) -> None:
    write(tmp_path, b"bad\xff name.yaml", agreement(extra="onbekend: 1\n"))
    out = lint(tmp_path, "concise")
    assert '"bad\\xff name.yaml":' in out


def test_diff_text_neutralises_controls(tmp_path: Path) -> None:
    out = diff(tmp_path, "text", agreement(title=f"a {UNSAFE} b", party=f"c {BIDI} d"))
    assert_neutral(out)
    assert len(out.splitlines()) == 5  # summary, blank line, file, two changes: nothing forged a line


def test_diff_text_file_name_with_newline(tmp_path: Path) -> None:
    name = "new\n  + forged: “x”  [substantive; line 1 → 1]\n\x1b[2J.yaml"
    out = diff(tmp_path, "text", agreement(title="Andere titel"), new_name=name)
    assert not [line for line in out.splitlines() if "forged" in line and not line.startswith('"new')], out
    assert_neutral(out, visible=("\\x1b",))


def test_diff_text_neutralises_unknown_keys_and_errors(tmp_path: Path) -> None:
    out = diff(tmp_path, "text", agreement(extra=f"{q('k ' + UNSAFE)}: {q(UNSAFE)}\n"))
    assert_neutral(out)


def test_expiring_table_neutralises_controls(tmp_path: Path) -> None:
    out = expiring(tmp_path, "table", agreement(body=f"Stuur {UNSAFE} groep"), f"a{CONTROLS}.yaml")
    assert_neutral(out)


def test_expiring_table_does_not_interpret_rich_markup(tmp_path: Path) -> None:
    out = expiring(tmp_path, "table", agreement(body="[bold]X[/bold] [link=https://evil.example]y[/link] [/]"))
    assert "[bold]X[/bold]" in out and "[link=https://evil.example]y[/link]" in out


def test_expiring_table_does_not_replace_emoji_codes(tmp_path: Path) -> None:
    out = expiring(tmp_path, "table", agreement(body=":warning:groep"), "[red]a.yaml")
    assert ":warning:groep" in out and "[red]a.yaml" in out


def test_expiring_table_errors_neutralised(tmp_path: Path) -> None:
    write(tmp_path, f"b{CONTROLS}.yaml", agreement(extra=f"{q('k ' + UNSAFE)}: 1\n"))
    out = expiring(tmp_path, "table", agreement(), "a.yaml", f"b{CONTROLS}.yaml")
    assert_neutral(out, visible=("\\x1b",))


# --- JUnit XML ---------------------------------------------------------------------------------------------


def parse_strict(xml: str) -> Any:
    from lxml import etree

    ET.fromstring(xml)
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=False, resolve_entities=False))


FORBIDDEN_IN_XML = "\x01\x02\x08\x0b\x0c\x1b\x1f\ufffe\uffff"


def test_junit_with_characters_xml_forbids(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", agreement(extra=f"{q('key ' + FORBIDDEN_IN_XML + ' end')}: 1\n"))
    root = parse_strict(lint(tmp_path, "junit"))
    (failure,) = root.iter("failure")
    assert "\\x01" in failure.get("message") and "\\x1b" in failure.text and "\\uffff" in failure.text


def test_junit_message_with_x01_parsed_back(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", agreement(extra=f"{q('a' + chr(1) + 'b')}: 1\n"))
    xml = lint(tmp_path, "junit")
    failure = ET.fromstring(xml).find(".//failure")
    assert failure is not None and "a\\x01b" in failure.get("message", "")
    parse_strict(xml)


def test_junit_with_non_utf8_and_control_file_names(tmp_path: Path) -> None:
    write(tmp_path, b"bad\xff.yaml", agreement(extra="onbekend: 1\n"))
    write(tmp_path, "c\x1b[2J\x01.yaml", agreement(extra="onbekend: 1\n"))
    root = parse_strict(lint(tmp_path, "junit"))
    cases = list(root.iter("testcase"))
    assert sorted(case.get("classname") for case in cases) == ["bad\\xff.yaml", "c\\x1b[2J\\x01.yaml"]
    assert sorted(case.get("file") for case in cases) == ["bad\\xff.yaml", "c\\x1b[2J\\x01.yaml"]


# --- SARIF and the JSON formats: valid UTF-8 JSON, lossless where JSON can hold it ---------------------------


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def assert_proper_json(text: str) -> Any:
    doc = json.loads(text)
    for s in strings(doc):
        s.encode("utf-8")  # no lone surrogates, not even as \udcff escapes
    return doc


def test_sarif_with_non_utf8_file_name_and_controls(tmp_path: Path) -> None:
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as SarifLog

    write(tmp_path, b"bad\xff name#1.yaml", agreement(extra=f"{q('k ' + UNSAFE)}: 1\n"))
    doc = assert_proper_json(lint(tmp_path, "sarif"))
    SarifLog.model_validate(doc)
    (result,) = doc["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad%FF%20name%231.yaml"
    assert UNSAFE in result["message"]["text"]  # lossless: JSON escapes it, nothing more


@pytest.mark.parametrize("fmt", ["json", "json-lines", "gitlab"])
def test_lint_json_formats_with_non_utf8_file_name(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, b"bad\xff.yaml", agreement(extra=f"{q('k ' + UNSAFE)}: 1\n"))
    out = lint(tmp_path, fmt)
    docs = [assert_proper_json(line) for line in out.splitlines()] if fmt == "json-lines" else [assert_proper_json(out)]
    assert "bad\\xff.yaml" in json.dumps(docs, ensure_ascii=False).replace("\\\\", "\\")


@pytest.mark.parametrize("fmt", ["json", "json-lines", "gitlab", "sarif"])
def test_lint_json_formats_are_lossless(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, "a b.yaml", agreement(extra=f"{q('k <b>@x</b> ' + UNSAFE)}: 1\n"))
    out = lint(tmp_path, fmt)
    docs = [json.loads(line) for line in out.split("\n") if line] if fmt == "json-lines" else [json.loads(out)]
    assert any(f"k <b>@x</b> {UNSAFE}" in s for s in strings(docs))
    if fmt != "sarif":
        assert "a b.yaml" in out


def test_diff_json_with_non_utf8_file_name(tmp_path: Path) -> None:
    out = diff(tmp_path, "json", agreement(title=f"t {UNSAFE}"), new_name=b"n\xff.yaml")
    doc = assert_proper_json(out)
    (change,) = doc["files"][0]["changes"]
    assert change["new"] == f"t {UNSAFE}"
    assert doc["files"][0]["new"] == "n\\xff.yaml"


def test_expiring_json_with_non_utf8_file_name(tmp_path: Path) -> None:
    out = expiring(tmp_path, "json", agreement(title=f"t {UNSAFE}"), b"n\xff.yaml")
    doc = assert_proper_json(out)
    assert doc["agreements"][0]["title"] == f"t {UNSAFE}"


# --- GitHub workflow commands ---------------------------------------------------------------------------


def unescape_property(value: str) -> str:
    """What the Actions runner does to a property value (and to data, without the last two)."""
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_one_line_per_annotation(tmp_path: Path) -> None:
    name = "a,b:c%0A%d\nline=9,title=x::forged\r.yaml"
    key = q("k %0A 100% ::x\r\n::error::forged")
    write(tmp_path, name, agreement(extra=f"{key}: 1\n"))
    out = lint(tmp_path, "github", env={"GITHUB_ACTIONS": "true"})
    lines = out.split("\n")  # the runner splits on \n and \r only
    assert lines[-1] == "" and len(lines) == 2 and "\r" not in out and lines[0].startswith("::error file="), out
    head, _, message = lines[0][2:].partition("::")
    props = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
    assert unescape_property(props["file"]) == name
    assert set(props) == {"file", "line", "col", "title"}
    assert "forged" in message and not message.startswith("error")


def test_github_annotation_neutralises_controls(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", agreement(extra=f"{q('k ' + UNSAFE)}: 1\n"))
    out = lint(tmp_path, "github", env={"GITHUB_ACTIONS": "true"})
    assert_neutral(out)
    assert len(out.splitlines()) == 1


def test_github_annotation_non_utf8_file_name(tmp_path: Path) -> None:
    write(tmp_path, b"bad\xff.yaml", agreement(extra="onbekend: 1\n"))
    out = lint(tmp_path, "github", env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::error file=bad\\xff.yaml,")


# --- Calendar and HTML -------------------------------------------------------------------------------------


def test_ics_neutralises_controls(tmp_path: Path) -> None:
    out = expiring(tmp_path, "ics", agreement(title=f"t {UNSAFE}", body=f"b {UNSAFE}"), b"n\xff.yaml")
    assert_neutral(out.replace("\r\n", "\n"), visible=("\\x1b",))  # iCalendar lines end in CRLF
    assert "END:VCALENDAR" in out


def test_diff_html_escapes_markup(tmp_path: Path) -> None:
    out = diff(tmp_path, "html", agreement(title=HOSTILE_HTML, party="<img src=x onerror=alert(1)>"))
    body = out.split("<body>", 1)[1]
    assert "<script" not in body and "<iframe" not in body and "<img" not in body
    assert "&lt;script&gt;" in body


def test_diff_html_shows_controls_and_bidi(tmp_path: Path) -> None:
    out = diff(tmp_path, "html", agreement(title=f"t {UNSAFE}"), new_name=f"n{CONTROLS}\n<b>.yaml")
    assert_neutral(out)
    assert "<b>" not in out.split("<body>", 1)[1]
