"""fmt on files as other systems and editors write them: line endings (old Mac, Windows), a byte order mark,
texts that cannot be literal blocks, tabs between tokens, read-only files, standard input; and what fmt
says when it cannot rewrite a file, or when it meets a bug."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from samenwerk import __version__
from samenwerk.document.yaml import parse
from samenwerk.format import FormatBug, FormatError, comment_texts, format_text, unified_diff

from ..conftest import AGREEMENTS, CACHE_HOME

G4RS = (
    'unicode: "Sosa did fine.\\u263A"\ncontrol: "\\b1998\\t1999\\t2000\\n"\nhex esc: "\\x0d\\x0a is \\r\\n"\n\n'
    "single: '\"Howdy!\" he cried.'\nquoted: ' # Not a ''comment''.'\ntie-fighter: '|\\-*-/|'\n"
)
"""Cases of the YAML test suite (https://github.com/yaml/yaml-test-suite), by their ids."""
Y2GN = "---\nkey: &an:chor value\n"
P94K = "key:    # Comment\n        # lines\n  value\n\n\n"


def _formats_once(text: str) -> str:
    out = format_text(text).text
    assert format_text(out).text == out, "fmt twice = fmt once"
    return out


# --- line endings and the byte order mark -------------------------------------------------------------------


def test_a_lone_carriage_return_is_a_line_break_and_no_comment_is_lost() -> None:
    text = "id: a\r# belangrijke opmerking\rtitle: T  # over de titel\r"
    assert _formats_once(text) == "id: a\n# belangrijke opmerking\ntitle: T  # over de titel\n"
    text += "kind: pact\r"
    assert _formats_once(text) == "id: a\n# belangrijke opmerking\ntitle: T  # over de titel\nkind: pact\n"


def test_a_crlf_file_keeps_its_line_ending() -> None:
    canonical = "# kop\r\nid: a\r\ntitle: T  # de titel\r\nnotes:\r\n  - |\r\n    een\r\n    twee\r\n"
    assert format_text(canonical).text == canonical, "a consistent CRLF file is canonical with CRLF"
    messy = "title: 'T'  # de titel\r\nid: a\r\n"
    assert _formats_once(messy) == "id: a\r\ntitle: T  # de titel\r\n"


def test_mixed_line_endings_become_the_majority_or_lf() -> None:
    assert format_text("id: a\r\ntitle: T\r\nkind: pact\n").text == "id: a\r\ntitle: T\r\nkind: pact\r\n"
    assert format_text("id: a\r\ntitle: T\nkind: pact\n").text == "id: a\ntitle: T\nkind: pact\n"
    assert format_text("id: a\r\ntitle: T\n").text == "id: a\ntitle: T\n", "a tie: LF"


def test_a_byte_order_mark_stays() -> None:
    assert format_text("\ufeffid: a\r\ntitle: 'T'\r\n").text == "\ufeffid: a\r\ntitle: T\r\n"
    assert format_text("\ufeffid: a\ntitle: T\n").text == "\ufeffid: a\ntitle: T\n"


# --- texts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("a\u2028b\nc", '"a\\Lb\\nc"'),
        ("a\u2029 b\nc", '"a\\P b\\nc"'),
        ("a\u2028b", '"a\\Lb"'),
        ("\tIngesprongen eerste regel\ntweede regel", '"\\tIngesprongen eerste regel\\ntweede regel"'),
        ("a\r\nb", '"a\\r\\nb"'),
        ("a\x07\nb", '"a\\ab"'.replace("ab", "a\\nb")),
        ("a\vb\nc", '"a\\vb\\nc"'),
        ("a\fb\nc", '"a\\fb\\nc"'),
        ("a\x85b\nc", '"a\\Nb\\nc"'),
    ],
)
def test_a_text_a_literal_block_cannot_hold_is_double_quoted(value: str, written: str) -> None:
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    out = _formats_once(f'id: a\nnotes:\n  - "{escaped}"\n')
    assert out == f"id: a\nnotes:\n  - {written}\n"
    assert parse(out).data["notes"] == [value]


def test_texts_of_the_yaml_test_suite_that_are_no_blocks() -> None:
    text = G4RS
    out = _formats_once(text)
    assert parse(out).data == parse(text).data


def test_readers_that_disagree_are_an_error_at_the_place_not_a_bug() -> None:
    """libyaml reads '&an:chor value' as anchor 'an' and the text ':chor value', ruamel.yaml as anchor 'an:chor'."""
    text = Y2GN
    with pytest.raises(FormatError, match=r"^y.yaml:2:6: YAML readers disagree"):
        format_text(text, "y.yaml")


def test_a_keeping_block_text_at_the_end_gets_no_document_end_marker() -> None:
    for text in ("id: a\nnotes: |+\n  x\n\n", "id: a\nnotes: |+\n  x\n\n\n# slot\n"):
        out = _formats_once(text)
        assert out == text and "..." not in out


# --- tabs, merge keys, what ruamel.yaml cannot read -----------------------------------------------------------


def test_a_tab_after_a_colon_is_written_as_a_space() -> None:
    text = (AGREEMENTS / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    tabbed = text.replace("\nstatus: expired ", "\nstatus:\texpired ", 1)
    assert tabbed != text
    assert format_text(tabbed).text == text
    assert format_text("id: a\ntitle:\tT\t# de titel\nnotes: [a,\tb]\n").text == (
        "id: a\ntitle: T # de titel\nnotes: [a, b]\n"
    )


def test_a_tab_indenting_a_later_line_of_a_plain_text_is_a_space() -> None:
    """YAML test suite NB6Z and UV7Q: libyaml reads them, ruamel.yaml refuses the tab."""
    out = _formats_once("id: a\ntitle: value\n  with\n  \t\n  tabs\nnotes:\n - x\n  \tx\n")
    assert out == "id: a\ntitle: |-\n  value with\n  tabs\nnotes:\n  - x x\n"


def test_what_ruamel_yaml_cannot_read_is_said_at_its_place_on_one_line() -> None:
    """YAML test suite X4QW: a '#' right after '>' is a comment to libyaml, not to ruamel.yaml."""
    with pytest.raises(FormatError) as raised:
        format_text("id: a\nblock: ># comment\n  scalar\n", "x.yaml")
    message = str(raised.value)
    assert message.startswith("x.yaml:2:9: lint reads this file, but fmt cannot rewrite it: after '|' or '>'")
    assert "\n" not in message and "ruamel" not in message and "while scanning" not in message


def test_a_merge_key_is_reported_at_its_place() -> None:
    with pytest.raises(FormatError, match=r"^merge.yaml:3:1: a merge key '<<'"):
        format_text("base: &b {id: x}\nid: t\n<<: *b\n", "merge.yaml")


def test_a_file_ruamel_yaml_reads_only_without_its_comments_is_written() -> None:
    """ruamel.yaml 0.19 fails on these comments ('overlap in comment'): it is not given them."""
    text = P94K
    out = _formats_once(text)
    assert comment_texts(out) == comment_texts(text)


# --- comments -----------------------------------------------------------------------------------------------


def test_comments_before_the_document_start_keep_their_order() -> None:
    assert format_text("# top\n--- # doc\nid: a\n").text == "# top\n# doc\nid: a\n"


def test_comments_in_a_flow_collection_keep_their_order() -> None:
    text = (
        "id: flow\nparties: [\n  {id: a, name: A, kind: andere},  # first\n  # between\n"
        "  {id: b, name: B, kind: andere}\n]\n"
    )
    out = _formats_once(text)
    assert comment_texts(out) == ["# first", "# between"]
    assert out == (
        "id: flow\n# first\n# between\nparties: [{id: a, name: A, kind: andere}, {id: b, name: B, kind: andere}]\n"
    )


# --- diff ---------------------------------------------------------------------------------------------------


def test_a_diff_cuts_lines_only_at_line_breaks() -> None:
    before = "title: 'a\u2028b'\nid: a\n"
    after = format_text(before).text
    diff = unified_diff(Path("t.yaml"), before, after)
    assert "-title: 'a\u2028b'\n" in diff
    assert unified_diff("t.yaml", "id: a\r\n", "id: b\r\n").endswith("-id: a\r\n+id: b\r\n")


# --- the command ----------------------------------------------------------------------------------------------


def _run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(CACHE_HOME)}
    return subprocess.run(
        [sys.executable, "-m", "samenwerk", *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=120
    )


def test_check_accepts_a_canonical_crlf_file_and_fmt_keeps_crlf_and_the_bom(tmp_path: Path) -> None:
    (tmp_path / "crlf.yaml").write_bytes(b"id: a\r\ntitle: T  # de titel\r\n")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbftitle: 'T'\r\nid: a\r\n")
    done = _run("fmt", "--check", "crlf.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = _run("fmt", "crlf.yaml", "bom.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "crlf.yaml").read_bytes() == b"id: a\r\ntitle: T  # de titel\r\n"
    assert (tmp_path / "bom.yaml").read_bytes() == b"\xef\xbb\xbfid: a\r\ntitle: T\r\n"


def test_a_read_only_file_is_rewritten_only_with_force(tmp_path: Path) -> None:
    path = tmp_path / "ro.yaml"
    path.write_text("title: T\nid: a\n", encoding="utf-8")
    path.chmod(0o444)
    done = _run("fmt", "ro.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert b"ro.yaml: the file is read-only" in done.stderr and b"--force" in done.stderr
    assert b"0 of 1 file reformatted; 1 file could not be read or written" in done.stderr
    assert path.read_text(encoding="utf-8") == "title: T\nid: a\n"
    done = _run("fmt", "--force", "ro.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == "id: a\ntitle: T\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444, "the rewritten file keeps its mode"


def test_standard_input_is_formatted_to_standard_output(tmp_path: Path) -> None:
    messy = b"\xef\xbb\xbftitle: 'T'  # de titel\r\nid: a\r\n"
    done = _run("fmt", "-", cwd=tmp_path, stdin=messy)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"\xef\xbb\xbfid: a\r\ntitle: T  # de titel\r\n"
    check = _run("fmt", "--check", "-", cwd=tmp_path, stdin=messy)
    assert (check.returncode, check.stdout) == (1, b"")
    assert _run("fmt", "--check", "-", cwd=tmp_path, stdin=done.stdout).returncode == 0
    broken = _run("fmt", "--stdin-filename", "agreements/x.yaml", "-", cwd=tmp_path, stdin=b"id: [a\n")
    assert (broken.returncode, broken.stdout) == (2, b"")
    assert broken.stderr.startswith(b"samenwerk: error: agreements/x.yaml:1:5:")
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_a_bug_says_the_version_and_how_to_report_it(capsys: pytest.CaptureFixture[str]) -> None:
    from samenwerk.cli.rewriting import bug

    os.environ.pop("SAMENWERK_DEBUG", None)
    bug(FormatBug("t.yaml: the canonical form would change the data; nothing was written"))
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"This is a bug in samenwerk {__version__}. Run again with --debug" in err
    assert "report it" in err
