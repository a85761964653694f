"""The only way in: bytes -> YAML with positions -> Agreement, with every file-level problem as a finding.

Every command loads agreements through here (``read`` for a file, ``from_bytes`` for a git blob or any
other bytes) and nothing else parses YAML. Writing YAML back, keeping comments, lives beside it in
``document.write`` (ruamel.yaml round trip).

A broken file is a value, never an exception: a ``Document`` whose ``agreement`` is None carries the
findings (io, syntax, schema) that say why, and ``diagnostics()`` places them at line and column.
"""

from __future__ import annotations

import gc
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..diagnostics import Diagnostic, Finding
from ..fsutil import MAX_FILE_BYTES, escapes, not_regular, read_regular
from ..i18n import _, number

if TYPE_CHECKING:
    from ..model import Agreement
    from .yaml import Positions

# The YAML parser, the model and the validator are imported when a file is first read, not here: a lint run
# served entirely from the cache never needs them (importing PyYAML alone compiles regular expressions for
# about a tenth of such a run), and building the model classes is most of the start-up time.


def too_large(max_bytes: int) -> str:
    """What to say about a file over the size limit."""
    limit = f"{max_bytes / (1024 * 1024):g} MiB" if max_bytes >= 1024 * 1024 else f"{max_bytes:,} bytes"
    return _("agreements are limited to {limit} (max-file-size in samenwerk.toml)").format(limit=limit)


__all__ = ["Document", "from_bytes", "load", "map_valid", "read"]

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Document:
    """One agreement file as read: its text, its plain data, the validated model, and what went wrong."""

    name: str
    """How the file is shown in messages: a path, or REV:path for a git blob."""
    text: str = ""
    data: Any = None
    agreement: Agreement | None = None
    findings: tuple[Finding, ...] = ()
    positions: Positions | None = None

    def place(self, findings: Iterable[Finding]) -> Iterator[Diagnostic]:
        """Findings (the document's own, or a rule's) as diagnostics at their line and column."""
        positions = self.positions
        for f in findings:
            if positions is None:
                from .yaml import Positions

                positions = Positions(self.text)
            line, col = positions.locate(f)
            yield Diagnostic(self.name, line, col, f.level, f.rule, f.message, redact=f.redact)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The file-level problems (io, syntax, schema), placed and sorted."""
        return tuple(sorted(self.place(self.findings)))

    def line_of(self, loc: tuple[Any, ...] | None) -> int | None:
        """The line of a data path, or None where the document has no node tree."""
        if self.positions is None or loc is None or self.positions.root is None:
            return None
        return self.positions.locate(Finding(loc, ""))[0]


def _problem(name: str, message: str, rule: str) -> Document:
    return Document(name, findings=(Finding((), message, rule=rule, line=1, col=1),))


def from_bytes(raw: bytes, name: str) -> Document:
    """Decode, parse and validate. Problems become findings of the document, never exceptions."""
    from .yaml import Positions, decode, parse

    text, error = decode(raw)
    if error is not None or text is None:
        return Document(name, findings=(error,) if error else ())
    # A large file makes hundreds of thousands of small objects that all stay alive: the cyclic collector would
    # scan them again and again for nothing (about half the load time of 32,000 parties). It resumes afterwards;
    # for ordinary files the pause makes no measurable difference, so they are left alone.
    collecting = gc.isenabled() and len(text) > 1_000_000
    if collecting:
        gc.disable()
    try:
        loaded = parse(text)
        if loaded.error is not None:
            return Document(name, text, findings=(loaded.error,))
        from .validate import validate

        agreement, findings = validate(loaded.data)
    finally:
        if collecting:
            gc.enable()
    return Document(name, text, loaded.data, agreement, tuple(findings), Positions(text, loaded.node))


def read(path: Path, name: str | None = None, root: Path | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read one file. A symbolic link out of ``root`` (default: the repository of the working directory),
    in the file's name or in any folder above it, is not followed: nothing of such a file is read."""
    name = name or str(path)
    refused = escapes(path, root)
    if refused is not None:
        return _problem(name, refused, "io")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return _problem(name, not_regular(), "io")
        size = info.st_size
        if size > max_bytes:
            message = _("the file is {size} bytes; {limit}").format(size=number(size), limit=too_large(max_bytes))
            return _problem(name, message, "syntax")
        raw = read_regular(path, size)
    except OSError as exc:
        return _problem(name, _("cannot read the file: {reason}").format(reason=exc.strerror), "io")
    return from_bytes(raw, name)


def load(path: Path, name: str | None = None) -> tuple[Agreement | None, tuple[Diagnostic, ...]]:
    """For commands that need a validated model (deadlines, render): the model, or where it failed."""
    document = read(path, name)
    return document.agreement, document.diagnostics()


def _apply(job: tuple[Callable[..., R], str]) -> tuple[R | None, tuple[Diagnostic, ...]]:
    fn, path = job
    agreement, diagnostics = load(Path(path))
    return (None, diagnostics) if agreement is None else (fn(agreement, path=path), ())


def map_valid(fn: Callable[..., R], paths: list[str], jobs: int) -> tuple[list[R], list[Diagnostic]]:
    """``fn(agreement, path=...)`` for every file that validates, in file order, and the diagnostics of the rest.

    Runs in ``jobs`` processes when there are many files: ``fn`` must be picklable (a module-level function
    or a ``functools.partial`` of one) and its results small.
    """
    from ..parallel import pmap

    results: list[R] = []
    errors: list[Diagnostic] = []
    for result, diagnostics in pmap(_apply, [(fn, p) for p in paths], jobs):
        if result is None:
            errors.extend(diagnostics)
        else:
            results.append(result)
    return results, errors
