"""What a lint rule is: an id that never changes, a default level, and a ``check`` generator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from ..diagnostics import Finding, Level, Loc
from ..model import Agreement


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the agreement: where it lives and its options."""

    path: str
    text: str = ""
    options: dict[str, Any] = field(default_factory=dict)


class Rule(Protocol):
    id: str
    level: Level
    summary: str

    def check(self, agreement: Agreement, ctx: Context) -> Iterator[Finding]: ...


def walk(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every model in the tree with its data path, parents before children, in document order."""
    yield loc, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from walk(value, (*loc, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, (*loc, name, i))
