"""samenwerk signatures: who has signed a rendered agreement, and is the signed PDF the agreement in git."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK
from ..reporters.signatures import FORMATS
from . import options, output

if TYPE_CHECKING:
    Format = str
else:
    Format = options.choices(FORMATS)


def signatures(
    pdf: Annotated[Path, typer.Argument(metavar="SIGNED.pdf", help="A PDF made by samenwerk render, signed or not.")],
    agreement: Annotated[
        Path | None,
        typer.Argument(
            metavar="[AGREEMENT.yaml]", help="The agreement's YAML, to check that the PDF carries exactly this file."
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option("--rev", metavar="REV", help="Compare with AGREEMENT.yaml as it is at this git revision."),
    ] = None,
    require: Annotated[
        str | None,
        typer.Option(
            "--require",
            metavar="all|ID,...",
            help="Exit 1 unless these have signed: all, or party ids, signatory ids or field names.",
        ),
    ] = None,
    trust: Annotated[
        list[Path] | None,
        typer.Option(
            "--trust",
            metavar="FILE",
            help="Trust anchors, PEM or DER (repeat for more): check each certificate's chain against them. "
            "Without, the chain is not checked.",
        ),
    ] = None,
    revocation: Annotated[
        bool,
        typer.Option("--revocation", help="Check revocation online (OCSP, CRL); needs --trust. Off: no network."),
    ] = False,
    fmt: Annotated[Format, options.format_option("Output format.")] = "table",
    out: options.Output = None,
    force: options.Force = False,
) -> int:
    """Check the signatures of a PDF that samenwerk rendered: which fields are signed, by whom, intact or not,
    and whether the PDF carries the agreement's YAML as it is (in the working tree or at --rev).

    Exit 1 when a --require is not met, a signature is not intact or not by its field's signatory, later changes go beyond signing, the agreement differs, or a chain does not lead to a --trust anchor; 2 when the file is not a PDF, not made by samenwerk, or cannot be read.
    """  # one line: Typer keeps the line breaks of a help text's later paragraphs
    from ..reporters.signatures import Options
    from ..signatures import check, read_anchors

    report = check(
        pdf,
        agreement,
        rev=rev,
        require=options.ids(require) or (),
        anchors=read_anchors(trust or []),
        revocation=revocation,
    )
    with output.stream(out, force) as stream:
        FORMATS.writer(str(fmt))(report, stream, Options(color=output.color(out)))
    return EXIT_FINDINGS if report.failed else EXIT_OK
