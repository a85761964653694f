"""The register: every agreement in a repository as one row, with its parties, deadlines and git history.

- ``entries``: the row of one validated agreement (``entry``, a module-level function, so that
  ``document.map_valid`` can run it in worker processes), ``collect`` for many files, ``Filter`` and
  ``order`` to select and sort rows for ``samenwerk list``, and rows as plain data for the site's manifest;
- ``parties``: who a party is across agreements, and its page name;
- ``history``: each commit that changed a file, and what it changed (``diff``), from git;
- ``timeline``: where terms, planning periods, legislatures and today fall on one axis;
- ``folder``: the site's output folder, its authenticated manifest and safe writes.

This module itself stays light (the command line reads ``SORTS`` at start-up); the others import the model.
"""

from __future__ import annotations

SORTS = ("end", "start", "id", "title", "kind", "status", "days-left", "changed")
"""The orders ``samenwerk list --sort`` offers (``entries.SORT_KEYS``)."""
