"""samenwerk site: the register as a static website (index, timeline, parties, agreements, feeds)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, EXIT_USAGE, SamenwerkError
from ..i18n import _
from ..reporters.register import SITE_FORMATS
from . import options, output

if TYPE_CHECKING:
    Format = str
else:
    Format = options.choices(SITE_FORMATS)


def site(
    paths: options.Paths = None,
    output_dir: Annotated[
        Path,
        typer.Option("--output-dir", metavar="DIR", help="Folder for the outputs, each named after its input."),
    ] = Path("build/site"),
    pdf: Annotated[
        bool,
        typer.Option("--pdf/--no-pdf", help="Also lay out each agreement as PDF/A with signature fields (slow, once)."),
    ] = False,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", metavar="URL", help="Where the site is published: absolute links in the feed."),
    ] = None,
    as_of: options.AsOf = None,
    fmt: Annotated[Format, options.format_option("Format of the build summary.")] = "text",
    out: options.Output = None,
    force: options.Force = False,
    jobs: options.Jobs = None,
) -> int:
    """Build the register as a static website in --output-dir: works from the file system and any static host.

    A rebuild redoes only what changed. Exit 2 when a file cannot be loaded or rendered (the others are still
    in the site) or on usage errors.
    """
    from ..document.files import expand
    from ..reporters.register.site import SiteOptions, build

    if base_url is not None and not base_url.startswith(("https://", "http://")):
        raise SamenwerkError(_("--base-url '{url}': give an http or https address").format(url=base_url))
    files = expand(paths or [Path("agreements")])
    settings = SiteOptions(
        as_of=as_of or dt.date.today(), pdf=pdf, base_url=base_url, jobs=jobs or (os.cpu_count() or 1)
    )
    with output.progress(len(files), _("building the site")) as advance:
        summary = build(files, output_dir, settings, force=force, advance=advance)
    for note in summary.notes:
        output.notice(f"samenwerk: {note}")
    with output.stream(out, force) as stream:
        SITE_FORMATS.writer(str(fmt))(summary, stream)
    return EXIT_USAGE if summary.errors else EXIT_OK
