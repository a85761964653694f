"""The command line: parse options, call the core, pick a reporter, return an exit code. No logic here."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SamenwerkError

app = typer.Typer(
    name="samenwerk",
    help="Keep cooperation agreements (samenwerkingsovereenkomsten) as code: lint, diff, deadlines, render.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samenwerk {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
) -> None:
    os.environ["SAMENWERK_DEBUG"] = "1" if debug else os.environ.get("SAMENWERK_DEBUG", "")


class LintFormat(StrEnum):
    full = "full"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    sarif = "sarif"


class Severity(StrEnum):
    error = "error"
    warning = "warning"


def _default_format() -> LintFormat:
    return LintFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else LintFormat.full


def _ids(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


@app.command()
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or directories.", show_default="agreements/")] = None,
    output_format: Annotated[
        LintFormat | None,
        typer.Option("--output-format", help="Output format; 'github' by default under GitHub Actions."),
    ] = None,
    output_file: Annotated[Path | None, typer.Option("--output-file", help="Write the report to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output-file if it exists.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file (default: closest samenwerk.toml or pyproject.toml).")
    ] = None,
    select: Annotated[str | None, typer.Option("--select", help="Comma-separated rule ids to run (replaces the configured).")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Comma-separated rule ids to skip (added to the configured).")] = None,
    fail_on: Annotated[
        Severity | None, typer.Option("--fail-on", help="Exit 1 on problems of this level or worse.", show_default="error")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date rules take as today (31-12-2025 or 2025-12-31).", show_default="today")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes; by default all cores when there are many files.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write .samenwerk_cache/.")] = False,
) -> None:
    """Check agreements: YAML syntax, the schema, references and the domain rules, each at path:line:col.

    Exit 0 when clean, 1 when problems at the --fail-on level were found, 2 on usage errors.
    """
    import dataclasses

    from .config import load_config, parse_config
    from .diagnostics import Level
    from .files import expand
    from .lint import Settings, iter_lint
    from .model.types import parse_date
    from .reporters import STREAMING, get

    settings_config = load_config(config) if config else load_config()
    if select or ignore:
        table = {"select": list(_ids(select) or settings_config.select), "ignore": [*settings_config.ignore, *(_ids(ignore) or ())]}
        checked = parse_config(table)
        settings_config = dataclasses.replace(settings_config, select=checked.select, ignore=checked.ignore)
    try:
        today = parse_date(as_of) if as_of else None
    except ValueError as exc:
        raise SamenwerkError(f"--as-of: {exc}") from None
    files = expand(paths or [Path("agreements")])
    settings = Settings(config=settings_config, today=today)
    results = iter_lint(files, settings, jobs or (os.cpu_count() or 1), cache_root=None if no_cache else Path.cwd(), progress=_progress)
    fmt = output_format or _default_format()
    levels: set[Level] = set()

    def noting(stream: Any) -> Any:
        for result in stream:
            levels.update(d.level for d in result.diagnostics)
            yield result

    reporter = get(fmt.value)
    with _output(output_file, force) as out:
        stream = noting(results) if fmt.value in STREAMING else list(noting(results))
        if fmt in (LintFormat.full, LintFormat.concise):
            reporter(stream, out, color=_color(output_file))  # type: ignore[call-arg]
        else:
            reporter(stream, out)
    threshold = Level(fail_on.value) if fail_on else settings_config.fail_on
    failing = Level.ERROR in levels or (threshold is Level.WARNING and Level.WARNING in levels)
    raise typer.Exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@app.command()
def rules(rule_id: Annotated[str | None, typer.Argument(help="A rule id, to explain that rule.")] = None) -> None:
    """List the lint rules, or explain one with a failing and a passing example."""
    from .rules import BUILTIN, REGISTRY

    if rule_id is None:
        width = max(map(len, [*REGISTRY, *BUILTIN]))
        for rid, text in BUILTIN.items():
            typer.echo(f"{rid:<{width}}  error    {text}")
        for rid, listed in REGISTRY.items():
            typer.echo(f"{rid:<{width}}  {listed.level:<7}  {listed.summary}")
        return
    if rule_id in BUILTIN:
        typer.echo(f"{rule_id} (always on, error)\n\n{BUILTIN[rule_id]}")
        return
    module = REGISTRY.get(rule_id)
    if module is None:
        raise SamenwerkError(f"unknown rule '{rule_id}'; 'samenwerk rules' lists them")
    options = getattr(module, "Options", None)
    typer.echo(f"{rule_id} (default level: {module.level})\n")
    typer.echo((module.__doc__ or module.summary).strip())
    if options is not None:
        typer.echo("\nOptions: " + ", ".join(f"{k} (default {f.default!r})" for k, f in options.model_fields.items()))


class ExpiringFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    ics = "ics"


class FailOn(StrEnum):
    expired = "expired"
    expiring = "expiring"
    never = "never"


@app.command()
def expiring(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or directories.", show_default="agreements/")] = None,
    within: Annotated[str, typer.Option("--within", help="Window ahead: days, weeks or months (90d, 12w, 6m).")] = "90d",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Reference date (31-12-2025 or 2025-12-31).", show_default="today")
    ] = None,
    output_format: Annotated[ExpiringFormat, typer.Option("--output-format", help="Output format.")] = ExpiringFormat.table,
    output_file: Annotated[Path | None, typer.Option("--output-file", help="Write the report to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output-file if it exists.")] = False,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when an agreement is in this state (expiring includes expired).")
    ] = FailOn.expired,
    alarm: Annotated[int, typer.Option("--alarm", min=0, help="ics: days before each deadline to alert.")] = 14,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes; by default all cores when there are many files.")
    ] = None,
) -> None:
    """Report end dates and every other deadline: notice, follow-ups, meetings, planning periods.

    Exit 1 when an agreement is in the --fail-on state, 2 when a file cannot be loaded or on usage errors.
    """
    import datetime as dt

    from .deadlines import State, parse_within
    from .deadlines import reports as deadline_reports
    from .files import expand
    from .model.types import parse_date

    try:
        day = parse_date(as_of) if as_of else dt.date.today()
    except ValueError as exc:
        raise SamenwerkError(f"--as-of: {exc}") from None
    window = parse_within(within)
    files = [str(p) for p in expand(paths or [Path("agreements")])]
    reports, errors = deadline_reports(files, day, window, jobs or (os.cpu_count() or 1))
    until = day + window
    with _output(output_file, force) as buffer:
        if output_format is ExpiringFormat.table:
            from .reporters.expiring_text import table

            table(reports, errors, buffer, as_of=day, until=until, color=_color(output_file))
        elif output_format is ExpiringFormat.markdown:
            from .reporters.expiring_text import markdown

            markdown(reports, errors, buffer, as_of=day, until=until)
        elif output_format is ExpiringFormat.json:
            from .reporters.expiring_json import report

            report(reports, errors, buffer, as_of=day, until=until)
        else:
            from .reporters.ics import report as ics

            ics(reports, buffer, as_of=day, alarm_days=alarm)
            for e in errors:
                sys.stderr.write(f"{e.path}:{e.line}:{e.col}: error: {e.message} [{e.rule}]\n")
    failing = {FailOn.expired: {State.EXPIRED}, FailOn.expiring: {State.EXPIRED, State.EXPIRING}, FailOn.never: set()}
    if errors:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if any(r.state in failing[fail_on] for r in reports) else EXIT_OK)


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def _after_dashdash() -> list[str] | None:
    """Paths given after '--' (Typer passes them on as arguments, so the split is read from argv)."""
    argv = sys.argv[1:]
    if "--" not in argv:
        return None
    return argv[argv.index("--") + 1 :]


@app.command(context_settings={"allow_interspersed_args": True})
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(help="OLD NEW (files or git revisions), REV1..REV2, or REV; then '--' and paths.", show_default=False),
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--output-format", help="Output format.")] = DiffFormat.text,
    output_file: Annotated[Path | None, typer.Option("--output-file", help="Write the report to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output-file if it exists.")] = False,
    substantive_only: Annotated[bool, typer.Option("--substantive-only", help="Leave out editorial changes.")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when there are differences, like git diff.")] = False,
) -> None:
    """Show what changed between two versions of agreements: parties, dates, signatories, not lines of YAML.

    samenwerk diff                       the working tree against HEAD
    samenwerk diff OLD.yaml NEW.yaml     two files
    samenwerk diff REV1 REV2 [-- PATHS]  two git revisions (also REV1..REV2)
    samenwerk diff REV [-- PATHS]        a revision against the working tree
    """
    import dataclasses

    from .diff import compare_arguments

    given = list(args or [])
    paths = _after_dashdash()
    if paths:
        given = given[: len(given) - len(paths)]
    diffs = compare_arguments(given, paths or [], Path.cwd())
    if substantive_only:
        diffs = [dataclasses.replace(d, changes=tuple(c for c in d.changes if c.substantive)) for d in diffs]
        diffs = [d for d in diffs if d.changes or d.errors]
    diffs = [d for d in diffs if d.changes or d.errors or d.status != "modified"]
    with _output(output_file, force) as buffer:
        if output_format is DiffFormat.text:
            from .reporters.diff_text import text

            text(diffs, buffer, color=_color(output_file))
        elif output_format is DiffFormat.markdown:
            from .reporters.diff_text import markdown

            markdown(diffs, buffer)
        elif output_format is DiffFormat.json:
            from .reporters.diff_json import report

            report(diffs, buffer)
        else:
            from .reporters.diff_html import report as redline

            redline(diffs, buffer)
    if any(d.errors for d in diffs):
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if exit_code and any(d.changes for d in diffs) else EXIT_OK)


@app.command("git-diff-driver", hidden=False)
def git_diff_driver(
    args: Annotated[list[str], typer.Argument(help="git's seven arguments: path old-file old-hex old-mode new-file new-hex new-mode.")],
) -> None:
    """A git diff driver: set diff.samenwerk.command to 'samenwerk git-diff-driver'. Always exits 0."""
    try:
        from .diff import Side, compare
        from .reporters.diff_text import text

        if len(args) < 7:
            sys.stdout.write(f"samenwerk: git-diff-driver expects 7 arguments, got {len(args)}\n")
            raise typer.Exit(EXIT_OK)
        path, old_file, _, _, new_file, _, _ = args[:7]

        def read(name: str) -> bytes | None:
            return None if name == "/dev/null" else Path(name).read_bytes()

        result = compare(Side(f"a/{path}", read(old_file)), Side(f"b/{path}", read(new_file)))
        text([result], sys.stdout, color=False)
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - a diff driver must never fail git log -p
        sys.stdout.write(f"samenwerk: cannot compare {args[:1]}: {exc}\n")
    raise typer.Exit(EXIT_OK)


class RenderFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


@app.command()
def render(
    files: Annotated[list[Path], typer.Argument(help="Agreement files to render.")],
    fmt: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = RenderFormat.pdf,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (one input only); '-' for standard output (md, html).")
    ] = None,
    output_dir: Annotated[Path, typer.Option("--output-dir", help="Directory for the outputs, named after each input.")] = Path(
        "build"
    ),
    template_dir: Annotated[
        Path | None, typer.Option("--template-dir", help="Templates that override the defaults, file by file (run sandboxed).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")] = False,
) -> None:
    """Render agreements to the document people sign: Markdown, HTML, or PDF/A with a signature field per signatory."""
    from .fsutil import write_atomic
    from .lint import load_valid
    from .render import render_pdf, render_text

    if output is not None and len(files) != 1:
        raise SamenwerkError("-o/--output takes one input file; use --output-dir for several")
    if output is not None and str(output) == "-" and fmt is RenderFormat.pdf:
        raise SamenwerkError("a PDF is not written to standard output; give a file name")
    targets = [(f, output if output is not None else output_dir / f"{f.stem}.{fmt.value}") for f in files]
    for source, target in targets:
        if not source.is_file():
            raise SamenwerkError(f"{source}: no such file")
        if str(target) != "-" and target.exists() and not force:
            raise SamenwerkError(f"{target}: already exists; use --force to overwrite it")
    failed = 0
    with _progress(len(targets), "rendering") as advance:
        for source, target in targets:
            agreement, diagnostics = load_valid(source)
            if agreement is None:
                failed += 1
                for d in diagnostics:
                    sys.stderr.write(f"{d.path}:{d.line}:{d.col}: error: {d.message} [{d.rule}]\n")
                advance()
                continue
            data: str | bytes = (
                render_pdf(agreement, template_dir) if fmt is RenderFormat.pdf else render_text(agreement, fmt.value, template_dir)
            )
            if str(target) == "-":
                assert isinstance(data, str)
                sys.stdout.write(data)
            else:
                write_atomic(target, data, force=force)
                sys.stderr.write(f"{target}: written\n")
            advance()
    raise typer.Exit(EXIT_USAGE if failed else EXIT_OK)


def _progress(total: int, label: str):  # type: ignore[no-untyped-def]
    """A progress bar on stderr for long runs at a terminal; nothing in CI logs or pipes."""
    import contextlib

    @contextlib.contextmanager
    def bar():  # type: ignore[no-untyped-def]
        if total < 3 or not sys.stderr.isatty() or os.environ.get("CI"):
            yield lambda: None
            return
        from rich.progress import Progress

        with Progress(transient=True, console=None) as progress:
            task = progress.add_task(label, total=total)
            yield lambda: progress.advance(task)

    return bar()


@app.command()
def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the schema.")
    ] = Path("schemas/agreement.schema.json"),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the file differs from the model; write nothing.")] = False,
) -> None:
    """Write the JSON Schema (draft 2020-12) of an agreement, for editors and other validators."""
    from .fsutil import write_atomic
    from .schema import render_schema

    text = render_schema()
    current = output.read_text(encoding="utf-8") if output.exists() else None
    if check:
        if current != text:
            typer.echo(f"{output}: out of date; run 'samenwerk schema' to regenerate it", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        typer.echo(f"{output}: up to date")
        return
    if current == text:
        typer.echo(f"{output}: up to date")
        return
    # The schema is generated, never hand-edited: regenerating it is what the command is for.
    write_atomic(output, text, force=True)
    typer.echo(f"{output}: written")


def _color(output_file: Path | None) -> bool:
    return output_file is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _output(output_file: Path | None, force: bool) -> Any:
    """Where a report goes: standard output, or --output-file written atomically."""
    import contextlib

    if output_file is None:
        return contextlib.nullcontext(sys.stdout)
    from .fsutil import atomic_writer

    return atomic_writer(output_file, force=force)


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"samenwerk: {message}\n")
    sys.exit(code)


def handle_termination() -> None:
    """SIGTERM (a CI job cancelled, a container stopped) unwinds like Ctrl-C, so temporary files are removed."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)


def run() -> None:
    """Run the app; turn user errors into a message and exit 2, internal errors into a short report."""
    handle_termination()
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except SamenwerkError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        # Typer's usage errors (bad option values, unknown commands) carry their own message and code;
        # Typer vendors its click, so they are recognised by what they can do, not by their class.
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(getattr(exc, "exit_code", None), int):
            show()
            sys.exit(EXIT_USAGE)
        if os.environ.get("SAMENWERK_DEBUG") == "1":
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug in samenwerk {__version__}. Run again with --debug for a traceback and report it "
            "with the command you ran (never the agreement itself if it is confidential).",
            EXIT_INTERNAL,
        )
