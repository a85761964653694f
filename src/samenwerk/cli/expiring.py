"""samenwerk expiring: end dates and every other deadline, for CI and for a calendar."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from ..reporters.deadlines import FORMATS
from . import options, output

if TYPE_CHECKING:
    from ..model import Agreement

    Format = str
else:
    Format = options.choices(FORMATS)


class FailOn(StrEnum):
    expired = "expired"
    expiring = "expiring"
    never = "never"


def expiring(
    paths: options.Paths = None,
    within: Annotated[
        str, typer.Option("--within", help="Window ahead: days, weeks or months (90d, 12w, 6m).")
    ] = "90d",
    as_of: options.AsOf = None,
    fmt: Annotated[Format, options.format_option("Output format.")] = "table",
    out: options.Output = None,
    force: options.Force = False,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when an agreement is in this state (expiring includes expired)."),
    ] = FailOn.expired,
    alarm: Annotated[int, typer.Option("--alarm", min=0, help="ics: days before each deadline to alert.")] = 14,
    jobs: options.Jobs = None,
    no_cache: options.NoCache = False,
    cache_dir: options.CacheDir = None,
) -> int:
    """Report end dates and every other deadline: notice, follow-ups, meetings, planning periods.

    Exit 1 when an agreement is in the --fail-on state, 2 when a file cannot be loaded or on usage errors.
    """
    from ..cache import default_dir
    from ..deadlines import failing, parse_within, report, window_end, with_versions
    from ..document.files import expand
    from ..lint import iter_dates
    from ..reporters.deadlines import Options

    day = as_of or dt.date.today()
    window = parse_within(within)
    files = expand(paths or [Path("agreements")])
    cache = None if no_cache else (cache_dir or default_dir(Path.cwd()))
    given, errors = iter_dates(files, jobs or (os.cpu_count() or 1), cache, warn=output.warning)
    reports = [report(material, day, window, path) for path, material in given]
    reports, problems = with_versions(reports, day, window, _load)
    errors += problems
    report_options = Options(as_of=day, until=window_end(day, window), color=output.color(out), alarm_days=alarm)
    with output.stream(out, force) as stream:
        FORMATS.writer(str(fmt))(reports, errors, stream, report_options)
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing(reports, fail_on.value) else EXIT_OK


def _load(path: str) -> Agreement | None:
    """An agreement read again (one with amendments, to consolidate it)."""
    from .. import document

    return document.read(Path(path)).agreement
