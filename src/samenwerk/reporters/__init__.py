"""Output formats, one package per kind of result: ``lint``, ``diff`` and ``deadlines``.

Each kind has its own registry (``FORMATS``: name -> where the writer lives) and one module per format. A
writer takes the results, a text stream and the kind's options, and writes; it never decides an exit code.
Formats are imported when chosen, so a run pays only for the one it writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..neutral import markdown

W = TypeVar("W")


@dataclass(frozen=True)
class Format:
    target: str
    """``module:function`` of the writer, in the kind's package."""
    streaming: bool = False
    """Written result by result as they come; the others need every result first."""


class Registry(Mapping[str, Format], Generic[W]):
    """The formats of one kind of result, by name; a writer is imported only when it is chosen."""

    def __init__(self, package: str, formats: dict[str, Format]) -> None:
        self._package = package
        self._formats = formats

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._formats)

    def __len__(self) -> int:
        return len(self._formats)

    def writer(self, name: str) -> W:
        module, _, function = self._formats[name].target.partition(":")
        found: W = getattr(importlib.import_module(f"{self._package}.{module}"), function)
        return found


def md_cell(text: str) -> str:
    """Untrusted text for one line or one table cell of Markdown: through ``neutral.markdown`` (HTML and
    Markdown escaped, mentions defused, line breaks folded, controls shown escaped)."""
    return markdown(text)
