"""samenwerk render: the document people sign, as Markdown, HTML, Word (docx) or PDF/A with signature fields."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, EXIT_USAGE, SamenwerkError
from ..i18n import _
from . import options, output

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic


class Format(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


def render(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Agreement files or folders to render.")],
    fmt: Annotated[Format, options.format_option("Output format.")] = Format.pdf,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=options.OUTPUT_HELP,
            show_default="one file per input in --output-dir",
        ),
    ] = None,
    output_dir: Annotated[
        Path,
        typer.Option("--output-dir", metavar="DIR", help="Folder for the outputs, each named after its input."),
    ] = Path("build"),
    template_dir: Annotated[
        Path | None,
        typer.Option("--template-dir", help="Templates that override the defaults, file by file (run sandboxed)."),
    ] = None,
    force: options.Force = False,
    as_of: Annotated[
        dt.date | None,
        typer.Option(
            "--as-of",
            parser=options.parse_date,
            metavar="DATE",
            help=options.AS_OF_HELP,
            show_default="the agreement as written; with a date, as in force then",
        ),
    ] = None,
    jobs: options.Jobs = None,
) -> int:
    """Render agreements to the document people sign: Markdown, HTML, Word (docx), or PDF/A with a signature field per signatory.

    -o/--output takes one input ('-' is standard output for md and html); several go to --output-dir.

    The document is in the agreement's own language (Flemish Dutch, nl-BE), whatever the user's locale; the dates inside a docx come from SOURCE_DATE_EPOCH or the agreement, never the clock, so two renders of a file are byte-identical.

    With --as-of, the text as in force on that date: the amendments in the agreement's folder that took effect by then applied, with a note saying so.
    """
    from ..document.files import expand
    from ..fsutil import check_target, write_atomic
    from ..neutral import quote_path
    from ..parallel import pmap

    files = expand(paths)
    if out is not None and len(files) != 1:
        raise SamenwerkError(_("-o/--output takes one input file; use --output-dir for several"))
    if out is not None and output.to_stdout(out) and fmt in (Format.pdf, Format.docx):
        raise SamenwerkError(
            _("a {format} file is not written to standard output; give a file name").format(format=fmt.value.upper())
        )
    targets = [(f, out if out is not None else output_dir / f"{f.stem}.{fmt.value}") for f in files]
    seen: dict[Path, Path] = {}
    for source, target in targets:
        if target in seen:
            raise SamenwerkError(
                _("{first} and {second} would both be written to {target}; render them apart").format(
                    first=seen[target], second=source, target=target
                )
            )
        seen[target] = source
    for source, target in targets:
        if not source.is_file():
            raise SamenwerkError(_("{path}: no such file").format(path=source))
        if not output.to_stdout(target):
            check_target(target, force, make_parents=out is None)
    failed = 0
    work = [(source, fmt.value, template_dir, as_of) for source, _ in targets]
    # Rendered in worker processes when there are many files (``pmap``); written here, in order.
    rendered = pmap(_rendered, work, jobs or (os.cpu_count() or 1))
    with output.progress(len(targets), _("rendering")) as advance:
        for (_source, target), (data, diagnostics) in zip(targets, rendered):
            if data is None:
                failed += 1
                output.problems(diagnostics)
                advance()
                continue
            if output.to_stdout(target):
                assert isinstance(data, str)
                sys.stdout.write(data)
            else:
                write_atomic(target, data, force=force, make_parents=out is None)
                output.notice(_("{path}: written").format(path=quote_path(str(target))))
            advance()
    return EXIT_USAGE if failed else EXIT_OK


def _rendered(job: tuple[Path, str, Path | None, dt.date | None]) -> tuple[str | bytes | None, tuple[Diagnostic, ...]]:
    """One agreement rendered, or the diagnostics of why it cannot be."""
    from ..lint import load_resolved
    from ..render import in_force, render_pdf, render_text
    from ..render.docx import render_docx
    from ..render.pdf import Source

    source, fmt, template_dir, as_of = job
    agreement, diagnostics = load_resolved(source)
    if agreement is None:
        return None, diagnostics
    consolidation = None
    if as_of is not None:
        agreement, consolidation = in_force(agreement, source, as_of)
    # A consolidated text is no file's text: it carries no YAML to match a signature against.
    yaml = None if consolidation else Source(source.name, source.read_bytes())
    if fmt == Format.pdf:
        return render_pdf(agreement, template_dir, yaml, consolidation), ()
    if fmt == Format.docx:
        return render_docx(agreement, template_dir, consolidation), ()
    return render_text(agreement, fmt, template_dir, consolidation), ()
