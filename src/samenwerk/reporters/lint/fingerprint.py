"""Where a finding is for a CI system: its file's path from the repository root, and a fingerprint.

GitLab Code Quality and SARIF viewers (GitHub code scanning) track a finding from one commit to the next by
its fingerprint: a finding whose fingerprint is new shows as new, one whose fingerprint is gone as fixed. So
the fingerprint must be the same for the same finding after unrelated lines were added or removed above it,
and different for every finding of one run (GitLab keeps one issue per fingerprint and drops the rest).

It is the SHA-256 of, JSON-encoded:

- ``VERSION``, so that a change of the scheme changes every fingerprint at once rather than some;
- the path from the repository root (not from the working directory, which differs between jobs);
- the rule id and the message, with the number after "line" left out: a message that points at another line
  ("first defined at line 3") would change when lines move;
- the text of the flagged line, stripped (when the file's text could be read back; a refused file has no
  text): two findings of one rule with one message on different lines differ by their line. The digits of
  a line that holds personal data (``Diagnostic.redact``) are left out: a hash of a line with a national
  register number on it could be reversed by trying every number;
- an occurrence count among the findings of that file with all of the above equal, in file order: the
  second identical finding on identical lines is ``2``. Lines added above both leave the order, and so the
  count, as it was.

The line number and column are not in it: they are what moves.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from ...diagnostics import Diagnostic
from ...fsutil import root_of
from ...lint import FileResult
from . import source_lines

VERSION = "samenwerk/v1"
"""The fingerprint scheme; also SARIF's ``partialFingerprints`` key."""

_LINE_NUMBER = re.compile(r"\b(lines?)(\s+)\d+(?:\s*[-\u2013]\s*\d+)?", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def locate(path: str) -> tuple[Path, str]:
    """The root ``path`` belongs to (``fsutil.root_of``: the closest folder with ``.git`` above it, else the
    working directory when it lies below it, else its own folder) and the path from there, with '/'."""
    root = root_of(Path(path))
    return root, Path(os.path.abspath(path)).relative_to(root).as_posix()


def message_key(message: str) -> str:
    """The message without the numbers of lines it names (``line 3`` -> ``line #``)."""
    return _LINE_NUMBER.sub(r"\1\2#", message)


def fingerprints(result: FileResult, path: str) -> list[str]:
    """One fingerprint per diagnostic of ``result``, in its order; ``path`` is the file's path from its root."""
    if not result.diagnostics:
        return []
    lines = source_lines(result.path) if result.source_read else []
    seen: Counter[str] = Counter()
    out = []
    for d in result.diagnostics:
        key = json.dumps([VERSION, path, d.rule, message_key(d.message), _line_text(d, lines)])
        seen[key] += 1
        out.append(hashlib.sha256(f"{key}\n{seen[key]}".encode()).hexdigest())
    return out


def _line_text(d: Diagnostic, lines: list[str]) -> str:
    if not 0 < d.line <= len(lines):
        return ""
    text = lines[d.line - 1].strip()
    return _DIGIT.sub("", text) if d.redact else text
