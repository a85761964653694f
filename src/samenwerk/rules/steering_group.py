"""steering-group: a cooperation agreement has a steering group that meets a set number of times a year.

The steering group follows the agreement up; without a frequency ("minstens 2 keer per jaar") nobody can
check that it does. Only for kind samenwerkingsovereenkomst. A warning, not an error: real agreements differ
here (the Kalmthout cluster's sets twice a year; Gent's has a stuurgroep but sets no frequency; a press
release may not describe the structure at all), and a faithful transcription of such a text is right.

Failing::

    consultation:
      bodies:
        - {id: stuurgroep, kind: steering-group, name: Stuurgroep}

Passing::

    consultation:
      bodies:
        - {id: stuurgroep, kind: steering-group, name: Stuurgroep, min_meetings_per_year: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..model import Agreement
from ..model.agreement import AgreementKind, BodyKind
from .base import Context, finding

id = "steering-group"
level = Level.WARNING
summary = "A samenwerkingsovereenkomst has a steering group with a minimum meeting frequency (advice)."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    if agreement.kind is not AgreementKind.SAMENWERKINGSOVEREENKOMST:
        return
    bodies = agreement.consultation.bodies if agreement.consultation else []
    groups = [(i, b) for i, b in enumerate(bodies) if b.kind is BodyKind.STEERING_GROUP]
    if not groups:
        yield finding(
            id,
            level,
            ("consultation",) if agreement.consultation else ("kind",),
            "there is no steering group (a body of kind steering-group)",
        )
    for i, body in groups:
        if body.min_meetings_per_year is None:
            yield finding(
                id,
                level,
                ("consultation", "bodies", i, "name"),
                f"the steering group '{body.id}' has no meeting frequency (min_meetings_per_year)",
            )
