"""todo: no placeholder left to fill in: every 'TODO' in the file is a warning that says what it asks for.

``samenwerk new`` writes an agreement with a placeholder for each thing it cannot know (a party's
representatives, the signing, the contact points, the end date), as the word TODO followed by what to
write there. Each one left, in a value or in a comment, is a warning at its line and column that repeats
what it asks for, until it is filled in (or the line removed). Only the word in capitals counts, and not in
the reason given with a suppression ('# samenwerk: ignore[rule] ...').

Failing::

    parties:
      - {id: gent, name: "TODO: de naam van het lokaal bestuur", kind: lokaal-bestuur}

Passing::

    parties:
      - {id: gent, name: Stad Gent, kind: lokaal-bestuur}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..i18n import _
from ..model import Agreement
from ..suppress import DIRECTIVE
from .base import Context, finding

id = "todo"
level = Level.WARNING
summary = "No placeholder (TODO) is left to fill in."

_TODO = re.compile(r"\bTODO\b[:\s]*(.*)")


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    if "TODO" not in text:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        directive = DIRECTIVE.search(line)
        for m in _TODO.finditer(line):
            if directive is not None and m.start() > directive.start():
                break  # the reason of a suppression ('# samenwerk: ignore[x] ...'), not a placeholder
            asks = m[1]
            quote = line[m.start() - 1] if m.start() and line[m.start() - 1] in "\"'" else None
            if quote is not None:  # a quoted text: what it asks ends with the text
                asks = asks.split(quote, 1)[0]
            elif not line[: m.start()].lstrip().startswith("#"):  # a plain value: up to a comment after it
                asks = asks.split(" #", 1)[0]
            asks = asks.strip()
            message = (
                _("a placeholder to fill in: '{asks}'").format(asks=asks) if asks else _("a placeholder to fill in")
            )
            yield finding(id, level, (), message, line=number, col=m.start() + 1)
            break  # one a line: the rest of the line is what the first one asks for
