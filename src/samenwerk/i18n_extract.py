"""Babel extractors for the texts that are not ``_()`` calls in the code (see babel.cfg).

``texts`` yields both (Babel takes one extractor per file, and this file is its trigger):

- ``help_texts``: every help text, epilog and shown default of the command line, as Typer builds them from
  the commands' signatures and docstrings (``cli.language`` translates them when the app is built).
- ``rule_texts``: each lint rule's summary and documentation (its module docstring), and the built-in
  findings' descriptions (``rules.docs`` translates them).

Both read the code by importing it, so Babel must run with these sources importable (``make messages`` and
tests/test_i18n.py do). The file they are attached to in babel.cfg is only the trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Message = tuple[int, str | None, str, list[str]]


def _unique(texts: Iterator[tuple[str, str]]) -> Iterator[Message]:
    seen: set[str] = set()
    for text, comment in texts:
        if text not in seen:
            seen.add(text)
            yield 0, None, text, [comment]


def help_texts(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Message]:
    from . import i18n
    from .cli import command
    from .cli.language import help_texts as texts

    before = i18n.language()
    i18n.use("en")
    try:
        group = command()
    finally:
        i18n.use(before)
    yield from _unique((text, "command-line help") for text in texts(group))


def rule_texts(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Message]:
    from .rules import BUILTIN, REGISTRY
    from .rules.docs import english_source, prose

    def texts() -> Iterator[tuple[str, str]]:
        for rule_id, text in BUILTIN.items():
            yield text, f"built-in check {rule_id}"
        for rule_id, module in REGISTRY.items():
            yield module.summary, f"summary of rule {rule_id}"
            for block in prose(english_source(module)):
                yield block, f"documentation of rule {rule_id}: keep the first words '{rule_id}:' and ``literals``"

    yield from _unique(texts())


def texts(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Message]:
    yield from help_texts(fileobj, keywords, comment_tags, options)
    yield from rule_texts(fileobj, keywords, comment_tags, options)
