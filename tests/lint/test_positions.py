"""Each fixture under fixtures/lint/negative names, in '# expect:' lines, the problems lint must report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samenwerk.config import parse_config
from samenwerk.lint import Settings, lint_file

from ..conftest import FIXTURES

NEGATIVE = sorted((FIXTURES / "lint" / "negative").glob("*.yaml"))
POSITIVE = sorted((FIXTURES / "lint" / "positive").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (\S+) (.+)$")


def expectations(path: Path) -> list[tuple[int, int, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := EXPECT.match(line):
            out.append((int(m[1]), int(m[2]), m[3], m[4]))
    return out


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_fixture_reports_exact_positions(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    # Only the rules these fixtures are about: the domain rules have their own cases (tests/rules).
    named = sorted({rule for _, _, rule, _ in expected} - {"syntax", "schema"})
    result = lint_file(path, settings=Settings(config=parse_config({"select": named})))
    got = [(d.line, d.col, d.rule, d.message) for d in result.diagnostics]
    assert len(got) == len(expected), got
    for (line, col, rule, message), (gl, gc, gr, gm) in zip(expected, got):
        assert (gl, gc, gr) == (line, col, rule), gm
        assert gm.startswith(message), gm


@pytest.mark.parametrize("path", POSITIVE, ids=lambda p: p.stem)
def test_positive_fixture_is_clean(path: Path) -> None:
    result = lint_file(path)
    assert result.diagnostics == ()
    assert result.agreement is not None


def test_a_broken_file_does_not_stop_the_run(tmp_path: Path) -> None:
    from samenwerk.lint import iter_lint

    broken = tmp_path / "a.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    good = tmp_path / "b.yaml"
    good.write_text((FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    results = list(iter_lint([broken, good], Settings(), jobs=1))
    assert [r.path for r in results] == [str(broken), str(good)]
    assert results[0].diagnostics and results[0].diagnostics[0].rule == "syntax"
    assert results[1].diagnostics == ()


@pytest.mark.parametrize(
    ("raw", "line", "col", "start"),
    [
        (b"id: x\ntitle: \xff\n", 2, 8, "invalid UTF-8"),
        (b"\xff\xfei\x00d\x00", 1, 1, "the file is UTF-16"),
        (b"id: x\n\x00", 2, 1, "the file contains a NUL byte"),
    ],
)
def test_undecodable_bytes_are_reported_at_their_position(
    tmp_path: Path, raw: bytes, line: int, col: int, start: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    (d,) = lint_file(path).diagnostics
    assert (d.line, d.col) == (line, col)
    assert d.message.startswith(start)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "lint" / "positive" / "minimal.yaml").read_bytes())
    assert lint_file(path).diagnostics == ()


def test_yaml_1_1_booleans_stay_strings(tmp_path: Path) -> None:
    # 'no' is a string in YAML 1.2; under YAML 1.1 it would silently become False.
    path = tmp_path / "no.yaml"
    text = (FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("name: VDAB", "name: no"), encoding="utf-8")
    result = lint_file(path)
    assert result.diagnostics == ()
    assert result.agreement is not None and result.agreement.parties[0].name == "no"
