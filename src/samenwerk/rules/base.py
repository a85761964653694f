"""What a lint rule is.

A rule is a module with an ``id`` that never changes, a default ``level``, a one-line ``summary``, a module
docstring that documents it (with a failing and a passing example), a ``check(agreement, ctx)`` generator
of findings, and where useful an ``Options`` model (its settings in [tool.samenwerk.rules.ID]) and a
``check_text(text, ctx)`` generator for rules that read the file's text rather than the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from ..calendars import Calendars, default_calendars
from ..diagnostics import Finding, Level, Loc
from ..model import Agreement


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the agreement: where it lives, its text, its options and the calendars.
    Never today's date: lint's answer on an unchanged file must not change when the calendar moves on."""

    path: str
    text: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    calendars: Calendars = field(default_factory=default_calendars)
    shared: dict[str, Any] = field(default_factory=dict)
    """Work shared by the rules on one file, such as the walk over the model."""

    def nodes(self, agreement: Agreement) -> list[tuple[Loc, BaseModel]]:
        """``walk(agreement)``, computed once per file for all rules."""
        cached = self.shared.get("nodes")
        if cached is None:
            cached = self.shared["nodes"] = walk(agreement)
        return cached


class Rule(Protocol):
    id: str
    level: Level
    summary: str

    def check(self, agreement: Agreement, ctx: Context) -> Iterator[Finding]: ...


def walk(model: BaseModel) -> list[tuple[Loc, BaseModel]]:
    """Every model in the tree with its data path, parents before children, in document order.

    A plain recursive function over the models' values, not a generator: several times faster.
    """
    out: list[tuple[Loc, BaseModel]] = []

    def visit(node: BaseModel, loc: Loc) -> None:
        out.append((loc, node))
        for name, value in node.__dict__.items():
            if isinstance(value, BaseModel):
                visit(value, (*loc, name))
            elif type(value) is list and value:
                for i, item in enumerate(value):  # a list may mix models and text (an association's members)
                    if isinstance(item, BaseModel):
                        visit(item, (*loc, name, i))

    visit(model, ())
    return out


def finding(module_id: str, level: Level, loc: Loc, message: str, **kw: Any) -> Finding:
    return Finding(loc, message, rule=module_id, level=level, **kw)
