"""samenwerk lint: check agreements and report in the format a CI reads."""

from __future__ import annotations

import os
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK
from ..i18n import _, ngettext
from ..reporters.lint import FORMATS
from . import options, output

if TYPE_CHECKING:
    Format = str
else:
    Format = options.choices(FORMATS)


class Severity(StrEnum):
    error = "error"
    warning = "warning"


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"


def lint(
    paths: options.Paths = None,
    fmt: Annotated[
        Format | None, options.format_option("Output format; 'github' by default under GitHub Actions.")
    ] = None,
    out: options.Output = None,
    force: options.Force = False,
    config: options.Config = None,
    select: options.Select = None,
    ignore: options.Ignore = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option("--fail-on", help="Exit 1 on problems of this level or worse.", show_default="error"),
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", hidden=True, help="Ignored: lint does not depend on the date (deprecated)."),
    ] = None,
    jobs: options.Jobs = None,
    no_cache: options.NoCache = False,
    cache_dir: options.CacheDir = None,
) -> int:
    """Check agreements: YAML syntax, the schema, references and the domain rules, each at path:line:col.

    Exit 0 when clean, 1 when problems at the --fail-on level were found, 2 on usage errors.
    """
    from ..cache import default_dir
    from ..config import load_config
    from ..diagnostics import Level
    from ..document.files import expand
    from ..lint import FileResult, Settings, Summary, iter_lint
    from ..reporters.lint import Options
    from ..spool import Spool

    started = time.perf_counter()
    settings_config = load_config(config).selecting(options.ids(select), options.ids(ignore))
    files = expand(paths or [Path("agreements")])
    if as_of is not None:
        output.warning(_("lint --as-of is ignored and goes in the next release: lint does not depend on the date"))
    settings = Settings(config=settings_config, debug=os.environ.get("SAMENWERK_DEBUG") == "1")
    cache = None if no_cache else (cache_dir or default_dir(Path.cwd()))
    output.detail(
        ngettext("{n} file; cache: {cache}", "{n} files; cache: {cache}", len(files)).format(
            n=len(files), cache=cache or _("off")
        )
    )
    results = iter_lint(
        files, settings, jobs or (os.cpu_count() or 1), cache, progress=output.progress, warn=output.warning
    )
    name = str(fmt or _default_format())
    threshold = Level(fail_on.value) if fail_on else settings_config.fail_on
    summary = Summary()
    with output.stream(out, force) as stream, Spool[FileResult]() as whole:
        counted = summary.count(results)
        if not FORMATS[name].streaming:
            # A report written as a whole waits for every result: on disk, not in memory (see ``spool``).
            for result in counted:
                whole.append(result)
        FORMATS.writer(name)(
            counted if FORMATS[name].streaming else whole,
            stream,
            Options(color=output.color(out), fail_on=threshold),
        )
    output.detail(_("checked in {seconds} s").format(seconds=f"{time.perf_counter() - started:.2f}"))
    if summary.crashed:
        output.error(
            ngettext(
                "samenwerk met a bug while checking {n} file (see the 'internal' diagnostics); "
                "run again with --debug for the traceback and report it",
                "samenwerk met a bug while checking {n} files (see the 'internal' diagnostics); "
                "run again with --debug for the traceback and report it",
                summary.crashed,
            ).format(n=summary.crashed)
        )
        return EXIT_INTERNAL
    return EXIT_FINDINGS if summary.fails(threshold) and not exit_zero else EXIT_OK
