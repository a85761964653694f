"""samenwerk schema: write the JSON Schema of an agreement, for editors and other validators."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK
from ..i18n import _
from . import options


class Format(StrEnum):
    json = "json"


def schema(
    out: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="Write to this file, atomically; '-' is standard output."),
    ] = Path("schemas/agreement.schema.json"),
    fmt: Annotated[Format, options.format_option("Output format: the JSON Schema, draft 2020-12.")] = Format.json,
    force: options.Force = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the file differs from the model; write nothing.")
    ] = False,
) -> int:
    """Write the JSON Schema (draft 2020-12) of an agreement, for editors and other validators.

    An earlier schema written by samenwerk is replaced; any other file only with --force.
    """
    from ..fsutil import write_atomic
    from ..schema import SCHEMA_ID, render_schema
    from . import output

    if check and output.to_stdout(out):
        from ..errors import SamenwerkError

        raise SamenwerkError(_("--check compares the schema with a file: name it with -o (or leave -o out)"))
    text = render_schema()
    if output.to_stdout(out):
        typer.echo(text, nl=False)
        return EXIT_OK
    current = out.read_text(encoding="utf-8", errors="replace") if out.is_file() else None
    if check:
        if current != text:
            output.error(_("{path}: out of date; run 'samenwerk schema' to regenerate it").format(path=out))
            return EXIT_FINDINGS
        output.notice(_("{path}: up to date").format(path=out))
        return EXIT_OK
    if current == text:
        output.notice(_("{path}: up to date").format(path=out))
        return EXIT_OK
    # A schema samenwerk wrote is generated, never hand-edited: regenerating it is what the command is for.
    # Anything else at that path is somebody's file.
    ours = current is not None and f'"$id": "{SCHEMA_ID}"' in current
    write_atomic(out, text, force=force or ours, make_parents=True)
    output.notice(_("{path}: written").format(path=out))
    return EXIT_OK
