"""Diff report formats. Add a format: a module here with a writer, and one line in ``FORMATS``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from .. import Format, Registry

if TYPE_CHECKING:
    from ...diff import FileDiff


@dataclass(frozen=True)
class Options:
    color: bool = False
    web: str | None = None
    """The repository's web address: Markdown links each line it names there (``diff.links``)."""


class Writer(Protocol):
    def __call__(self, diffs: Sequence[FileDiff], out: TextIO, options: Options) -> None: ...


FORMATS: Registry[Writer] = Registry(
    __name__,
    {
        "text": Format("text:report"),
        "markdown": Format("markdown:report"),
        "json": Format("json:report"),
        "html": Format("html:report"),
    },
)
