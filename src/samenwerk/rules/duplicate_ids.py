"""duplicate-ids: an id is used once among entries of the same kind.

Parties, approvals, themes, action domains, actions, commitments, bodies, annexes and the other entries
with an ``id`` are matched by id in diff and referenced by id in lint; two entries of one kind with the
same id make both ambiguous. People are unique within their party.

Failing::

    parties:
      - {id: vdab, name: VDAB, kind: vdab}
      - {id: vdab, name: Stad Gent, kind: gemeente}

Passing::

    parties:
      - {id: vdab, name: VDAB, kind: vdab}
      - {id: stad-gent, name: Stad Gent, kind: gemeente}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level, Loc
from ..document.validate import dotted
from ..i18n import _
from ..model import Agreement
from ..model.agreement import Person
from .base import Context

id = "duplicate-ids"
level = Level.ERROR
summary = "Ids are unique among entries of the same kind (people: within their party)."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, Loc, str], Loc] = {}
    for loc, node in ctx.nodes(agreement):
        ident = getattr(node, "id", None)
        if not isinstance(ident, str) or not loc:
            continue
        # People are scoped to their party; everything else to the whole agreement.
        scope: Loc = loc[:2] if isinstance(node, Person) else ()
        key = (type(node).__name__, scope, ident)
        if key in seen:
            first = dotted(seen[key])
            yield Finding(
                (*loc, "id"),
                _("duplicate id '{id}' (first used at {first})").format(id=ident, first=first),
                rule=id,
                level=level,
            )
        else:
            seen[key] = loc
