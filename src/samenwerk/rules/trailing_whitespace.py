"""trailing-whitespace: no line of the file ends in spaces or tabs.

Blanks at the end of a line cannot be seen, and they make changes that show in a review without changing
anything anyone can read: editors strip them, and the next person's edit then shows lines that did not
change. Each line that ends in spaces or tabs is a warning at its first trailing blank. Inside a text
written as a block (``|``) they are part of the text, but nothing in an agreement's wording depends on
them (``samenwerk diff`` compares texts with whitespace normalised).

``samenwerk fix`` removes them: after values, after comments, on empty lines and at the ends of the lines of
a block text. (The failing example has three spaces after its text.)

Failing::

    notes:
      - "Opgesteld door de stuurgroep."\u0020\u0020\u0020

Passing::

    notes:
      - "Opgesteld door de stuurgroep."
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..diagnostics import Finding, Level
from ..i18n import N_, _, ngettext
from ..model import Agreement
from .base import Context, finding

if TYPE_CHECKING:
    from .fixing import FixContext

id = "trailing-whitespace"
level = Level.WARNING
summary = "No line ends in spaces or tabs."
fixable = True
fix_summary = N_("removes them, also at the ends of the lines of block texts")

_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.rstrip("\r")
        if stripped.endswith((" ", "\t")):
            col = len(stripped.rstrip(" \t")) + 1
            yield finding(id, level, (), _("the line ends in spaces or tabs: remove them"), line=number, col=col)


def fix(data: Any, ctx: FixContext) -> list[str]:
    from ..document import write

    lines = sum(1 for line in ctx.text.split("\n") if line.rstrip("\r").endswith((" ", "\t")))
    if not lines:
        return []
    for node, key, value in write.texts(data):
        if "\n" in value and _TRAILING.search(value):
            write.put(node, key, type(value)(_TRAILING.sub("", value)))
    return [
        ngettext(
            "removed the spaces and tabs at the end of {n} line",
            "removed the spaces and tabs at the end of {n} lines",
            lines,
        ).format(n=lines)
    ]
