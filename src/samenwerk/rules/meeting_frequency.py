"""meeting-frequency: a steering group has a minimum number of meetings a year.

Without a frequency ("minstens 2 keer per jaar") nobody can check that the steering group follows the
agreement up, and ``expiring`` has no meetings to remind anyone of. A warning: checked against the sources,
real agreements differ (the Kalmthout cluster's sets twice a year; Gent's stuurgroep has none), and a
faithful transcription of a text without one is right.

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
from ..i18n import _
from ..model import Agreement
from ..model.agreement import BodyKind
from .base import Context, finding

id = "meeting-frequency"
level = Level.WARNING
summary = "A steering group has a minimum number of meetings a year."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    bodies = agreement.consultation.bodies if agreement.consultation else []
    for i, body in enumerate(bodies):
        if body.kind is BodyKind.STEERING_GROUP and body.min_meetings_per_year is None:
            yield finding(
                id,
                level,
                ("consultation", "bodies", i, "name"),
                _("the steering group '{body}' has no meeting frequency (min_meetings_per_year)").format(body=body.id),
            )
