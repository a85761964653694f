"""annex-file: an annex that names a file has that file, with the recorded SHA-256.

Paths are relative to the agreement file, without '..' (an absolute path or '..' is a schema error at the
annex's line); a symbolic link that leads out of the repository is reported and never read. A changed annex
changes what was signed: the hash makes that visible.

Failing::

    annexes:
      - {id: dashboard, title: Dashboard Gent, file: bijlagen/dashboard.pdf}   # no such file

Passing::

    annexes:
      - id: dashboard
        title: Dashboard Gent
        file: bijlagen/dashboard.pdf
        sha256: 5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Finding, Level
from ..fsutil import escapes, root_of
from ..i18n import _
from ..model import Agreement
from .base import Context, finding

id = "annex-file"
level = Level.ERROR
summary = "Annex files exist and match their recorded SHA-256."


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    base = Path(ctx.path).parent
    for i, annex in enumerate(agreement.annexes):
        if not annex.file:
            continue
        path = base / annex.file
        refused = escapes(path, root_of(Path(ctx.path)))
        if refused is not None:  # the repository's link: never read, nothing of it printed
            yield finding(
                id,
                level,
                ("annexes", i, "file"),
                _("annex file '{file}': {problem}").format(file=annex.file, problem=refused),
            )
            continue
        if not path.is_file():
            yield finding(
                id,
                level,
                ("annexes", i, "file"),
                _("annex file '{file}' does not exist (looked in {folder})").format(file=annex.file, folder=base),
            )
            continue
        if annex.sha256:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != annex.sha256:
                yield finding(
                    id,
                    level,
                    ("annexes", i, "sha256"),
                    _("'{file}' has SHA-256 {digest}, not the recorded one").format(file=annex.file, digest=digest),
                )
