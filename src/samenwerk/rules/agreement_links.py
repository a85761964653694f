"""agreement-links: agreements checked together agree with each other.

Checked across the files of one run, after each file on its own: every agreement has its own id (two files
with one id would also share their calendar entries); an amendment (``amends``) and a new version
(``supersedes``) point at an agreement that is among the files checked; an amendment takes effect once the
agreement it amends has started; no agreement is superseded by two others; the links form no cycle. Each
problem is reported at the file and line it concerns, naming the other file. Lint the whole folder (as the
pre-commit hook does) so that every target is among the files checked.

Failing::

    # agreements/a.yaml
    id: samenwerking-2026
    # agreements/b.yaml
    id: verlenging-2027
    kind: verlenging
    amends: samenwerking-2025

Passing::

    # agreements/a.yaml
    id: samenwerking-2026
    # agreements/b.yaml
    id: verlenging-2027
    kind: verlenging
    amends: samenwerking-2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Level
from ..model import Agreement
from ..versions import RULE
from .base import Context

id = RULE
level = Level.ERROR
summary = "Agreements checked together agree: unique ids, links to agreements that exist, no cycles."
cross_file = True
"""Checked across the files of a run (``versions.check``), not file by file."""


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    """Nothing to check in one file alone."""
    return iter(())
