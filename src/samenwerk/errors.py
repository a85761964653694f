"""One root for user-facing errors, and the exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class SamenwerkError(Exception):
    """An error the user can fix: printed as a one-line message, exit code 2, never a traceback."""

    exit_code = EXIT_USAGE


def how_to_report() -> str:
    """What every report of an internal bug (exit 3) says after what went wrong: the version, and how."""
    from . import __version__
    from .i18n import _

    return _(
        "This is a bug in samenwerk {version}. Run again with --debug for a traceback and report it "
        "with the command you ran (never the agreement itself if it is confidential)."
    ).format(version=__version__)
