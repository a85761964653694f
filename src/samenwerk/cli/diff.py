"""samenwerk diff: what changed between two versions, in the agreement's terms; and the git diff driver."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from ..reporters.diff import FORMATS
from . import options, output

if TYPE_CHECKING:
    Format = str
else:
    Format = options.choices(FORMATS)


def _after_dashdash() -> list[str] | None:
    """Paths given after '--' (Typer passes them on as arguments, so the split is read from argv)."""
    argv = sys.argv[1:]
    if "--" not in argv:
        return None
    return argv[argv.index("--") + 1 :]


def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW (files or git revisions), REV1..REV2, or REV; then '--' and paths.", show_default=False
        ),
    ] = None,
    fmt: Annotated[Format, options.format_option("Output format.")] = "text",
    out: options.Output = None,
    force: options.Force = False,
    substantive_only: Annotated[bool, typer.Option("--substantive-only", help="Leave out editorial changes.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences, like git diff.")
    ] = False,
) -> int:
    """Show what changed between two versions of agreements: parties, dates, signatories, not lines of YAML.

    samenwerk diff                       the working tree against HEAD
    samenwerk diff OLD.yaml NEW.yaml     two files
    samenwerk diff REV1 REV2 [-- PATHS]  two git revisions (also REV1..REV2)
    samenwerk diff REV [-- PATHS]        a revision against the working tree
    """
    from ..config import load_config
    from ..diff import compare_arguments, shown, web_address
    from ..reporters.diff import Options

    given = list(args or [])
    paths = _after_dashdash()
    if paths:
        given = given[: len(given) - len(paths)]
    diffs = shown(compare_arguments(given, paths or [], Path.cwd()), substantive_only)
    web = web_address(diffs, Path.cwd(), load_config().repository_url) if str(fmt) == "markdown" else None
    with output.stream(out, force) as stream:
        FORMATS.writer(str(fmt))(diffs, stream, Options(color=output.color(out), web=web))
    if any(d.errors for d in diffs):
        return EXIT_USAGE
    return EXIT_FINDINGS if exit_code and any(d.changes for d in diffs) else EXIT_OK


def git_diff_driver(
    args: Annotated[
        list[str],
        typer.Argument(help="git's seven arguments: path old-file old-hex old-mode new-file new-hex new-mode."),
    ],
) -> int:
    """A git diff driver: set diff.samenwerk.command to 'samenwerk git-diff-driver'. Always exits 0."""
    try:
        from ..diff import Side, compare
        from ..reporters.diff import Options

        if len(args) < 7:
            sys.stdout.write(f"samenwerk: git-diff-driver expects 7 arguments, got {len(args)}\n")
            return EXIT_OK
        path, old_file, _, _, new_file, _, _ = args[:7]

        def read(name: str) -> bytes | None:
            return None if name == "/dev/null" else Path(name).read_bytes()

        result = compare(Side(f"a/{path}", read(old_file)), Side(f"b/{path}", read(new_file)))
        FORMATS.writer("text")([result], sys.stdout, Options(color=False))
    except Exception as exc:  # noqa: BLE001 - a diff driver must never fail git log -p
        from ..neutral import terminal

        sys.stdout.write(f"samenwerk: cannot compare {terminal(repr(args[:1]))}: {terminal(str(exc))}\n")
    return EXIT_OK
