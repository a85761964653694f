"""fmt as a property (hypothesis): random agreements, written in random layouts with comments and blank lines
placed at random, come out idempotent, loading to the same model, with every comment kept where it belongs.

Each generated file is written line by line here (not by a YAML library), so that the layout varies the way
hand-written files do: key order, indentation of 2 or 4, indented and unindented lists, flow and block
collections, plain, single- and double-quoted texts, literal and folded blocks, dates in both forms and
without leading zeros. Every comment names the place it was written for, and the test checks that it is
still there after formatting: a whole-line comment before the same key or entry, an end-of-line comment on
that key's line (or just before it, for a block).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from samenwerk.document.yaml import Yaml12Resolver, compose, parse
from samenwerk.format import comment_texts, format_text
from samenwerk.model import Agreement

IDS = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
WORDS = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzéèëABCZ0123456789 ,.;:-()'\"/&?!#[]{}*%@`|>"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s)
LINES = st.lists(WORDS | st.just(""), min_size=2, max_size=5).map("\n".join).filter(lambda s: s.strip() == s)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    day = draw(DATES)
    return draw(
        st.sampled_from(
            [
                f"{day.day:02d}-{day.month:02d}-{day.year}",
                day.isoformat(),
                f"{day.day}-{day.month}-{day.year}",
                f"{day.year}-{day.month}-{day.day}",
            ]
        )
    )


@st.composite
def agreements(draw: st.DrawFn) -> dict:
    parties = []
    for pid in draw(st.lists(IDS, min_size=1, max_size=3, unique=True)):
        party: dict = {"id": pid, "name": draw(WORDS), "kind": draw(st.sampled_from(["vdab", "gemeente", "andere"]))}
        if draw(st.booleans()):
            party["short_name"] = draw(WORDS)
        if draw(st.booleans()):
            party["address"] = {"street": draw(WORDS), "number": str(draw(st.integers(1, 200))), "postal_code": "9000",
                                "municipality": draw(WORDS)}  # fmt: skip
        people = draw(st.lists(IDS, max_size=2, unique=True))
        if people:
            party["representatives"] = [{"id": p, "name": draw(WORDS), "function": draw(WORDS)} for p in people]
        if draw(st.booleans()):
            party["legal_personality"] = draw(st.booleans())
        parties.append(party)
    data: dict = {
        "id": draw(IDS),
        "title": draw(WORDS),
        "kind": draw(st.sampled_from(["samenwerkingsovereenkomst", "pact", "engagementsverklaring"])),
        "parties": parties,
    }
    if draw(st.booleans()):
        data["status"] = draw(st.sampled_from(["draft", "signed"]))
    if draw(st.booleans()):
        duration: dict = {"start": draw(date_texts() | st.just("on-signing")), "end": draw(date_texts())}
        if draw(st.booleans()):
            duration["text"] = draw(LINES | WORDS)
        data["duration"] = duration
    if draw(st.booleans()):
        data["consultation"] = {
            "bodies": [
                {
                    "id": draw(IDS),
                    "kind": "steering-group",
                    "name": draw(WORDS),
                    "min_meetings_per_year": draw(st.integers(1, 12)),
                    "members": [{"parties": [p["id"]]} for p in parties],
                }
            ]
        }
    if draw(st.booleans()):
        data["signing"] = {
            "date": draw(date_texts()),
            "blocks": [{"party": p["id"], "signatories": [{"person": r["id"]} for r in p.get("representatives", [])]}
                       for p in parties],
        }  # fmt: skip
    if draw(st.booleans()):
        data["notes"] = draw(st.lists(LINES | WORDS, min_size=1, max_size=3))
    return data


# --- a hand-written file ------------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    path: tuple | None = None
    """The key or entry that starts on this line (the outermost), if any."""
    eol: bool = False
    """Whether a comment may end this line."""
    owner: tuple | None = None
    """The key or entry an end-of-line comment here belongs to (the innermost starting on the line)."""

    def __post_init__(self) -> None:
        if self.owner is None:
            self.owner = self.path


def _plain_ok(text: str) -> bool:
    from yaml.nodes import ScalarNode as Node

    if Yaml12Resolver().resolve(Node, text, (True, False)) != "tag:yaml.org,2002:str":
        return False
    if re.search(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|[:]$|[\[\]{},]", text) or re.fullmatch(r"\d{4}-\d\d?-\d\d?", text):
        return False
    return True


def scalar(value: object, rnd: random.Random) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    styles = ["double", "single"] + (["plain"] * 3 if _plain_ok(text) else [])
    style = rnd.choice(styles)
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def _flowable(value: object) -> bool:
    if isinstance(value, dict):
        return all(_flowable(v) for v in value.values())
    if isinstance(value, list):
        return all(_flowable(v) for v in value)
    return not (isinstance(value, str) and "\n" in value)


def flow(value: object, rnd: random.Random) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v, rnd)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v, rnd) for v in value) + "]"
    text = scalar(value, rnd)
    # libyaml, the fast loader, reads no ':' in a plain text inside a flow collection
    return text if not re.search(r"[,\[\]{}:]", text) or text[0] in "'\"" else json.dumps(value)


def write_value(key: str, value: object, ind: int, path: tuple, rnd: random.Random, out: list[Line], step: int) -> None:
    """``key: value`` at indentation ``ind`` (key '' for a list entry's first line, written by the caller)."""
    pad = " " * ind
    if isinstance(value, str) and "\n" in value:
        if rnd.random() < 0.3:  # a quoted text over one line
            out.append(Line(f"{pad}{key}: {json.dumps(value, ensure_ascii=False)}", path, eol=True))
            return
        folded = rnd.random() < 0.3 and "\n\n" not in value and not re.search(r"(^|\n)[ \t]|\n$", value)
        if folded:  # a folded block: each line break written as an empty line
            out.append(Line(f"{pad}{key}: >-", path, eol=rnd.random() < 0.5))
            for i, part in enumerate(value.split("\n")):
                if i:
                    out.append(Line(""))
                out.append(Line(f"{pad}{' ' * step}{part}" if part else ""))
            return
        out.append(Line(f"{pad}{key}: |-", path, eol=rnd.random() < 0.5))
        for part in value.split("\n"):
            out.append(Line(f"{pad}{' ' * step}{part}" if part else ""))
        return
    if isinstance(value, (dict, list)) and value and (not _flowable(value) or rnd.random() < 0.6):
        out.append(Line(f"{pad}{key}:", path, eol=True))
        write_block(value, ind + step if isinstance(value, dict) else ind + rnd.choice([0, step]), path, rnd, out, step)
        return
    text = flow(value, rnd) if isinstance(value, (dict, list)) else scalar(value, rnd)
    out.append(Line(f"{pad}{key}: {text}", path, eol=True))


def write_block(value: object, ind: int, path: tuple, rnd: random.Random, out: list[Line], step: int) -> None:
    if isinstance(value, dict):
        keys = list(value)
        rnd.shuffle(keys)
        for k in keys:
            write_value(k, value[k], ind, (*path, k), rnd, out, step)
        return
    assert isinstance(value, list)
    for i, item in enumerate(value):
        here = (*path, i)
        pad = " " * ind
        if isinstance(item, dict) and item and (not _flowable(item) or rnd.random() < 0.6):
            inner: list[Line] = []
            write_block(item, ind + 2, here, rnd, inner, step)
            first = inner[0]
            inner[0] = Line(pad + "- " + first.text[ind + 2 :], here, first.eol, first.owner)
            out.extend(inner)
        elif isinstance(item, str) and "\n" in item:
            out.append(Line(f"{pad}- |-", here, eol=rnd.random() < 0.5))
            for part in item.split("\n"):
                out.append(Line(f"{pad}  {' ' * step}{part}" if part else ""))
        else:
            text = flow(item, rnd) if isinstance(item, (dict, list)) else scalar(item, rnd)
            out.append(Line(f"{pad}- {text}", here, eol=True))


@dataclass
class Written:
    text: str
    leading: dict[str, tuple]
    """Each whole-line comment (its text) -> the path of the key or entry it was written before."""
    eol: dict[str, tuple]
    header: set[str]
    trailing: set[str]


def write_file(data: dict, rnd: random.Random) -> Written:
    step = rnd.choice([2, 2, 4])
    lines: list[Line] = []
    write_block(data, 0, (), rnd, lines, step)
    out: list[str] = []
    leading: dict[str, tuple] = {}
    eol: dict[str, tuple] = {}
    counter = iter(range(10**6))

    def comment(where: str) -> str:
        words = rnd.choice(["", " over dit deel", " '#' en: \"quotes\"", " samenwerk: ignore[contact-point] reden"])
        return f"# c{next(counter)} {where}{words}"

    header = {comment("header") for _ in range(rnd.randint(0, 2))}
    out += sorted(header) + ([""] if header and rnd.random() < 0.5 else [])
    for n, line in enumerate(lines):
        if line.path is not None and n and rnd.random() < 0.3:
            for _ in range(rnd.randint(1, 2)):
                if rnd.random() < 0.3:
                    out.append("")
                else:
                    text = comment("before")
                    leading[text] = line.path
                    out.append(" " * rnd.randint(0, len(line.path) * step) + text)
        text = line.text
        if line.eol and line.path is not None and rnd.random() < 0.3:
            c = comment("after")
            eol[c] = line.owner
            text += " " * rnd.randint(1, 3) + c
        out.append(text)
    trailing = {comment("trailing") for _ in range(rnd.randint(0, 2))}
    out += sorted(trailing)
    return Written("\n".join(out) + "\n", leading, eol, header, trailing)


# --- where things are after formatting ----------------------------------------------------------------------


def anchors(text: str) -> list[tuple[int, int, tuple]]:
    """(line, column, path) of every key and list entry written in block style, in document order."""
    found: list[tuple[int, int, tuple]] = []

    def visit(node, path: tuple) -> None:
        if isinstance(node, ScalarNode) or node.flow_style:
            return
        if isinstance(node, MappingNode):
            for k, v in node.value:
                found.append((k.start_mark.line, k.start_mark.column, (*path, k.value)))
                visit(v, (*path, k.value))
        elif isinstance(node, SequenceNode):
            for i, v in enumerate(node.value):
                found.append((v.start_mark.line, v.start_mark.column - 2, (*path, i)))
                visit(v, (*path, i))

    visit(compose(text), ())
    return sorted(found, key=lambda a: (a[0], a[1]))


def model(text: str) -> Agreement:
    loaded = parse(text)
    assert loaded.error is None, loaded.error
    return Agreement.model_validate(loaded.data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(agreements(), st.randoms(use_true_random=False))
def test_fmt_keeps_the_model_and_every_comment_in_its_place(data: dict, rnd: random.Random) -> None:
    written = write_file(data, rnd)
    before = model(written.text)
    out = format_text(written.text).text
    assert format_text(out).text == out, "fmt twice = fmt once"
    assert model(out) == before
    assert sorted(comment_texts(out)) == sorted(comment_texts(written.text))
    places = anchors(out)
    line_of = {path: ln for ln, _, path in places}

    def before(following: tuple | None, target: tuple) -> bool:
        """The next key or entry is the target, or the list entry whose first line the target shares."""
        if following is None:
            return False
        return following == target or (target[: len(following)] == following and line_of[following] == line_of[target])

    lines = out.split("\n")
    first_anchor = places[0][0]
    last_anchor = places[-1][0]
    comments = set(comment_texts(out))  # a '# c..' line indented into a block text above it is that text's
    for number, line in enumerate(lines):
        m = re.search(r"# (c\d+ (header|before|after|trailing))", line)
        if not m or line[m.start() :] not in comments:
            continue
        text = line[m.start() :]
        following = next((p for ln, _, p in places if ln > number), None)
        on_line = [p for ln, _, p in places if ln == number]
        if text in written.header:
            assert number < first_anchor, (text, out)
        elif text in written.trailing:
            assert number > last_anchor, (text, out)
        elif text in written.leading:
            target = written.leading[text]
            assert before(following, target) or (number < first_anchor and target == places[0][2]), (text, out)
        else:
            target = written.eol[text]
            assert target in on_line or (not line[: m.start()].strip() and before(following, target)), (text, out)


def test_a_comment_before_a_key_moves_with_it() -> None:
    text = (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "title: T  # the title\n"
        "\n"
        "# the parties, as the source lists them\n"
        "parties:\n"
        "  - {name: VDAB, id: vdab, kind: vdab}\n"
        "id: t\n"
        "kind: pact\n"
    )
    assert format_text(text).text == (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "id: t\n"
        "title: T  # the title\n"
        "kind: pact\n"
        "\n"
        "# the parties, as the source lists them\n"
        "parties:\n"
        "  - {id: vdab, name: VDAB, kind: vdab}\n"
    )
