"""Property test: the shipped agreements, mutated as careless or hostile editing would (types swapped,
references broken, keys removed or duplicated, extreme values), through every command. The exit code is
always 0, 1 or 2 and there is never a traceback (a run that hung would show as pytest's faulthandler dump)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import AGREEMENTS
from .invoke import invoke

SHIPPED = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(AGREEMENTS.glob("*.yaml"))}

REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.just(10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just("x" * 200_000),
    st.just("\x1b[31m\u202eomgekeerd\u202c @iedereen <script>alert(1)</script>"),
    st.sampled_from(["31-12-9999", "00-00-0000", "29-02-2023", "2025-12-31T10:00", "on-signing", "31-12-2025"]),
    st.just([]),
    st.just({}),
    st.just([[[[]]]]),
    st.just({"id": "x"}),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*prefix, i)))
    return out


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(SHIPPED)))
    data = yaml.safe_load(yaml.safe_dump(SHIPPED[name]))  # a deep copy
    duplicate_a_line = False
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent, last = _get(data, path[:-1]), path[-1]
        action = draw(st.sampled_from(["replace", "remove", "break-reference", "duplicate", "duplicate-key"]))
        if action == "replace":
            parent[last] = draw(REPLACEMENTS)
        elif action == "remove":
            del parent[last]
        elif action == "break-reference" and isinstance(parent[last], str):
            parent[last] = parent[last] + "-x"
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[last])
        elif action == "duplicate-key":
            duplicate_a_line = True
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    if duplicate_a_line:
        lines = text.splitlines(keepends=True)
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        text = "".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :])
    return text


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutations")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated())
def test_every_command_answers_mutated_agreements(workdir: Path, text: str) -> None:
    path = workdir / "mutated.yaml"
    path.write_text(text, encoding="utf-8")
    original = AGREEMENTS / "gent-vdab-2020-2025.yaml"
    commands = [
        ["lint", "--no-cache", "-f", "concise", str(path)],
        ["lint", "--no-cache", "-f", "sarif", str(path)],
        ["expiring", str(path), "-f", "json", "--as-of", "2025-06-01"],
        ["expiring", str(path), "-f", "ics", "--as-of", "2025-06-01"],
        ["render", str(path), "-f", "md", "-o", "-"],
        ["render", str(path), "-f", "html", "-o", "-"],
        ["diff", str(original), str(path), "--format", "text"],
        ["diff", str(original), str(path), "--format", "html"],
    ]
    for args in commands:
        code, output = invoke(*args)
        assert code in (0, 1, 2), (args, code, output[-3000:])
        assert "Traceback" not in output and "internal error" not in output, (args, output[-3000:])
