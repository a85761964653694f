"""Diagnostics: what lint finds, as frozen values (never exceptions), and the one way to print a location."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
