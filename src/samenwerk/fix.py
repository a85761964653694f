"""samenwerk fix: repair what the rules with a safe fix find, through the same round trip as ``fmt``.

For each file: the checks that can fix (``rules.FIXES``: the schema's dates, and the rules that declare
``fixable``) run as lint runs them (the configuration's selection, ``# samenwerk: ignore`` honoured); the
fixes of those that found something change the file's round-trip data; the result is written in canonical
form (``format.rewrite``, which checks that it reads back as the changed data with every comment kept).
That repeats while a round still fixes something (a date the schema refused, once fixed, lets title-years
see the dates), at most a few times. What the same checks still find afterwards is what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .config import Config
from .diagnostics import Diagnostic, Finding

ROUNDS = 3


@dataclass(frozen=True)
class Outcome:
    path: Path
    before: str
    after: str
    fixed: tuple[str, ...]
    """One line per change: 'title-years: title: ...'."""
    left: tuple[Diagnostic, ...]
    """What the fixable checks still find."""

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fixable(config: Config, path: Path) -> list[str]:
    """The ids of the checks whose fixes run on ``path``: those with a fix that the configuration (and the
    command line's --select and --ignore) turn on, in the order the fixes run."""
    from .rules import BUILTIN, FIXES

    enabled = set(config.rules_for(path))
    for builtin in BUILTIN:  # always checked; their fixes run unless left out by name
        if ("ALL" in config.select or builtin in config.select) and builtin not in config.ignore:
            enabled.add(builtin)
    return [rule_id for rule_id in FIXES if rule_id in enabled]


def problems(text: str, path: Path, config: Config, rule_ids: list[str]) -> list[Diagnostic]:
    """What the checks ``rule_ids`` find in ``text`` (the file at ``path``), as lint finds it: the schema's
    findings, each rule's, suppressions honoured (the loader's are never suppressed)."""
    from . import document
    from .calendars import default_calendars
    from .document.yaml import in_scalars
    from .rules import BUILTIN, REGISTRY
    from .rules.base import Context
    from .suppress import parse as parse_suppressions

    doc = document.from_bytes(text.encode("utf-8"), str(path))
    findings: list[Finding] = [f for f in doc.findings if f.rule in rule_ids]
    settings = config.rules_for(path)
    calendars = config.calendars or default_calendars()
    shared: dict[str, Any] = {}
    for rule_id in rule_ids:
        rule = REGISTRY.get(rule_id)
        if rule is None:
            continue
        options = settings[rule_id].options if rule_id in settings else {}
        ctx = Context(path=str(path), text=text, options=options, calendars=calendars, shared=shared)
        if doc.agreement is not None:
            findings.extend(rule.check(doc.agreement, ctx))
        check_text = getattr(rule, "check_text", None)
        if check_text is not None:
            findings.extend(check_text(text, ctx))
    placed = list(doc.place(findings))
    root = doc.positions.root if doc.positions is not None else None
    suppressions = parse_suppressions(text, partial(in_scalars, root) if root is not None else None)
    return sorted(d for d in placed if d.rule in BUILTIN or not suppressions.hides(d.line, d.rule))


def fix_text(text: str, path: Path, config: Config, rule_ids: list[str] | None = None) -> Outcome:
    """``text`` (the file at ``path``) with the fixes of ``rule_ids`` (default: ``fixable``) applied to what
    they find. A file that does not parse is a ``format.FormatError``; nothing to fix leaves it as it is."""
    from .document.yaml import parse
    from .format import FormatError, Source, rewrite
    from .rules import FIXES
    from .rules.fixing import FixContext

    # The checks and fixes see the text as YAML reads it: every line ending '\n', no byte order mark; the
    # result is written with the file's own (``format.Source``).
    file = Source.of(text)
    loaded = parse(file.body)
    if loaded.error is not None:  # nothing can be fixed in a file that does not parse: say where it fails
        raise FormatError(f"{path}:{loaded.error.line or 1}:{loaded.error.col or 1}: {loaded.error.message}")
    chosen = fixable(config, path) if rule_ids is None else rule_ids
    current = file.body
    fixed: list[str] = []
    for _ in range(ROUNDS):
        found = {d.rule for d in problems(current, path, config, chosen)}
        todo = [rule_id for rule_id in chosen if rule_id in found]
        if not todo:
            break
        done: list[str] = []

        def edit(
            data: Any, header: list[str], todo: list[str] = todo, done: list[str] = done, text: str = current
        ) -> None:
            for rule_id in todo:
                ctx = FixContext(path, text, data, header)
                done.extend(f"{rule_id}: {change}" for change in FIXES[rule_id][0](data, ctx))

        result = rewrite(current, str(path), edit).text
        if not done:
            break
        fixed.extend(done)
        current = result
    left = problems(current, path, config, chosen)
    return Outcome(path, text, file.written(current) if fixed else text, tuple(fixed), tuple(left))


def fix_file(path: Path, config: Config, rule_ids: list[str] | None = None) -> Outcome:
    from .format import read_source

    return fix_text(read_source(path), path, config, rule_ids)
