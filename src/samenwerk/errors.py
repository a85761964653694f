"""One root for user-facing errors, and the exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class SamenwerkError(Exception):
    """An error the user can fix: printed as a one-line message, exit code 2, never a traceback."""

    exit_code = EXIT_USAGE
