"""Lint result formats. Add a format: a module here with a writer, and one line in ``FORMATS``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from ...diagnostics import Level
from .. import Format, Registry

if TYPE_CHECKING:
    from ...lint import FileResult


@dataclass(frozen=True)
class Options:
    color: bool = False
    fail_on: Level = Level.ERROR
    """The level the run fails at: formats that pass or fail (JUnit) count only problems at it as failures."""


class Writer(Protocol):
    def __call__(self, results: Iterable[FileResult], out: TextIO, options: Options) -> None: ...


FORMATS: Registry[Writer] = Registry(
    __name__,
    {
        "full": Format("text:full", streaming=True),
        "concise": Format("text:concise", streaming=True),
        "json": Format("json:report"),
        "json-lines": Format("json:report_lines", streaming=True),
        "github": Format("github:report", streaming=True),
        "gitlab": Format("gitlab:report"),
        "junit": Format("junit:report"),
        "sarif": Format("sarif:report"),
    },
)


def source_lines(path: str) -> list[str]:
    """The lines of a checked file as written (for the source shown under a problem, and fingerprints);
    none when it cannot be read. Callers read it back only when ``FileResult.source_read`` allows."""
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            return fh.read().split("\n")
    except OSError:
        return []
