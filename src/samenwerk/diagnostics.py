"""Diagnostics: what lint finds, as frozen values (never exceptions), and the one way to print a location."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports before it has a position: a path into the data and a message.

    ``at_key`` asks for the position of the key itself (an unknown key), not of its value;
    ``at_parent`` for the mapping that should have held a missing key.
    """

    loc: Loc
    message: str
    rule: str = "schema"
    level: Level = Level.ERROR
    at_key: bool = False
    at_parent: bool = False
    line: int | None = None
    col: int | None = None
    redact: bool = False
    """The text at this place is personal data: no output may show it (see ``Diagnostic.redact``)."""


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    level: Level = field(compare=False)
    rule: str
    message: str
    end_line: int | None = field(default=None, compare=False)
    end_col: int | None = field(default=None, compare=False)
    redact: bool = field(default=False, compare=False)
    """The source at this place holds personal data: a reporter that shows source text masks it."""

    @property
    def location(self) -> str:
        """``path:line:col``: how every output names a place in a file."""
        return f"{self.path}:{self.line}:{self.col}"

    def format(self, level: str | None = None) -> str:
        """The one-line form ``path:line:col: level: message [rule]``; ``level`` may carry colour codes."""
        return f"{self.location}: {level or self.level}: {self.message} [{self.rule}]"

    def __str__(self) -> str:
        return self.format()

    def __reduce__(self) -> tuple[Any, ...]:
        # Its fields in order, the level as its text: a dataclass's generic pickling (``fields()`` at every
        # value) took most of the time of holding a lint result on disk (``spool``) or sending it from a worker.
        fields = (self.path, self.line, self.col, self.level.value, self.rule, self.message)
        return (_diagnostic, (*fields, self.end_line, self.end_col, self.redact))


LEVELS: dict[str, Level] = {level.value: level for level in Level}
"""A level by its text: a dictionary look-up, where ``Level(text)`` goes through the enum machinery."""


def _diagnostic(path: str, line: int, col: int, level: str, rule: str, message: str, *rest: Any) -> Diagnostic:
    return Diagnostic(path, line, col, LEVELS[level], rule, message, *rest)
