"""schema-line: the file names its JSON Schema for the editor, on a yaml-language-server line (when required).

With ``# yaml-language-server: $schema=PATH`` at the top, an editor with the YAML extension (Red Hat's,
which runs yaml-language-server) completes keys, shows each field's description and marks what the schema
refuses while typing. ``PATH`` is the schema in the repository (``schemas/agreement.schema.json``, written by
``samenwerk schema`` and ``samenwerk init``), relative to the file.

A repository may map the schema onto its folder in ``.vscode/settings.json`` instead, so the line is only
required where the configuration says so: ``required = true`` under ``[rules.schema-line]`` (the
``samenwerk.toml`` that ``samenwerk init`` writes does). Then a file without it is a warning at 1:1.

A line that names a schema in the repository (a path, not an address such as ``https://...``) names one
that is there: a path to no file is a warning at the path, since the editor then checks nothing and says
nothing. The path is looked up relative to the file, inside the repository only (a path that leads out of
it is a warning too, and is not looked at); an address is never fetched.

``samenwerk fix`` adds the line: the path to the closest ``schemas/agreement.schema.json`` in the folders
above the file (up to the repository's top), else the schema's address in samenwerk's repository.

Failing::

    # samenwerk.toml: [rules.schema-line] required = true
    id: gent-vdab-2020-2025
    title: Samenwerkingsovereenkomst Gent en VDAB 2020-2025

Passing::

    # yaml-language-server: $schema=../schemas/agreement.schema.json
    id: gent-vdab-2020-2025
    title: Samenwerkingsovereenkomst Gent en VDAB 2020-2025
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from ..diagnostics import Finding, Level
from ..document.schema_line import NAMED, target_state
from ..document.yaml import line_col
from ..i18n import N_, _
from ..model import Agreement
from .base import Context, finding

if TYPE_CHECKING:
    from .fixing import FixContext

id = "schema-line"
level = Level.WARNING
summary = "The file names its JSON Schema on a yaml-language-server line, for the editor."
fixable = True
fix_summary = N_("adds the line at the top, with the path to the repository's schemas/agreement.schema.json")

MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=\S", re.MULTILINE)
SCHEMA = Path("schemas") / "agreement.schema.json"


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    required: bool = False
    """Whether every agreement file must carry the line (off: the repository may map the schema otherwise)."""


def check(agreement: Agreement, ctx: Context) -> Iterator[Finding]:
    return iter(())


def check_text(text: str, ctx: Context) -> Iterator[Finding]:
    named = NAMED.search(text)
    if named is not None:
        problem = _missing(named[1], Path(ctx.path))
        if problem is not None:
            line, col = line_col(text, named.start(1))
            yield finding(id, level, (), problem, line=line, col=col)
    if Options.model_validate(ctx.options).required and not MODELINE.search(text):
        yield finding(
            id,
            level,
            (),
            _(
                "no schema line: start the file with '# yaml-language-server: $schema=...' so that editors "
                "complete and check it ('samenwerk fix' adds it)"
            ),
            line=1,
            col=1,
        )


def _missing(target: str, path: Path) -> str | None:
    """What is wrong with the schema ``target`` that the file at ``path`` names; None when it is an address or
    a file in the repository."""
    from ..fsutil import escapes, root_of

    state = target_state(target, path)
    if state in ("", "there"):
        return None
    if state == "outside":
        return _(
            "the schema line names '{schema}', outside the repository: name the schema in the repository "
            "(or by its address)"
        ).format(schema=target)
    folder = Path(os.path.abspath(path)).parent
    refused = escapes(folder / target, root_of(path))
    if refused is not None:
        return _("the schema line names '{schema}': {problem}").format(schema=target, problem=refused)
    return _(
        "the schema line names '{schema}', which does not exist (looked in {folder}): the editor checks nothing; "
        "'samenwerk schema -o PATH' writes the schema"
    ).format(schema=target, folder=folder)


def schema_line(path: Path) -> str:
    """The line for an agreement file at ``path``: its schema in the repository, relative to the file."""
    return f"# yaml-language-server: $schema={schema_reference(path)}"


def schema_reference(path: Path) -> str:
    """The closest ``schemas/agreement.schema.json`` above ``path`` (up to the repository's top), relative to
    the file; else the schema's address in samenwerk's repository."""
    folder = Path(os.path.abspath(path)).parent
    for above in (folder, *folder.parents):
        if (above / SCHEMA).is_file():
            return Path(os.path.relpath(above / SCHEMA, folder)).as_posix()
        if (above / ".git").exists():
            break
    from ..resources import repository_url

    return f"{repository_url()}/raw/main/{SCHEMA.as_posix()}"


def fix(data: Any, ctx: FixContext) -> list[str]:
    if any(MODELINE.match(line) for line in ctx.header) or MODELINE.search(ctx.text):
        return []
    line = schema_line(ctx.path)
    ctx.header.insert(0, line)
    return [_("added the schema line '{line}'").format(line=line)]
