"""samenwerk schema: write the JSON Schema of an agreement, for editors and other validators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK


def schema(
    out: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the schema; '-' is standard output.")
    ] = Path("schemas/agreement.schema.json"),
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the file differs from the model; write nothing.")
    ] = False,
) -> int:
    """Write the JSON Schema (draft 2020-12) of an agreement, for editors and other validators."""
    from ..fsutil import write_atomic
    from ..schema import render_schema
    from . import output

    text = render_schema()
    if output.to_stdout(out) and not check:
        typer.echo(text, nl=False)
        return EXIT_OK
    current = out.read_text(encoding="utf-8") if out.exists() else None
    if check:
        if current != text:
            typer.echo(f"{out}: out of date; run 'samenwerk schema' to regenerate it", err=True)
            return EXIT_FINDINGS
        typer.echo(f"{out}: up to date")
        return EXIT_OK
    if current == text:
        typer.echo(f"{out}: up to date")
        return EXIT_OK
    # The schema is generated, never hand-edited: regenerating it is what the command is for.
    write_atomic(out, text, force=True, make_parents=True)
    typer.echo(f"{out}: written")
    return EXIT_OK
