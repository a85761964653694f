"""Runs load, validation and the rules over files, and stamps positions on what they find."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import versions
from .config import Config
from .diagnostics import Diagnostic, Finding, Level
from .fsutil import escapes, read_regular
from .i18n import _
from .spool import Spool
from .versions import Identity

if TYPE_CHECKING:
    from .calendars import Calendars
    from .deadlines import Inputs
    from .model import Agreement

# The loader, the rules (and through them the model) are imported where they are first needed, not here: a
# run whose every file is served from the cache never needs them, and building the model classes is most of
# start-up (``python -X importtime``).


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    agreement: Agreement | None = None
    cacheable: bool = True
    """False when the result depends on more than the file (annex files, a symbolic link)."""
    source_read: bool = True
    """False when the file's text was not read (refused, unreadable, not text): reporters then show none of it."""
    crashed: bool = False
    """True when checking the file hit a bug in samenwerk (reported as an 'internal' diagnostic)."""
    identity: Identity | None = None
    """The file's id and links to other agreements, for the checks across files (``versions``)."""
    dates: Any = None
    """The file's deadline material (``deadlines.Inputs`` as JSON data) where it validates: cached beside the
    lint result, so that ``expiring`` after ``lint`` reads no file again."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Its fields in order, not a dataclass's generic pickling (see ``Diagnostic.__reduce__``).
        fields = (self.path, self.diagnostics, self.agreement, self.cacheable, self.source_read, self.crashed)
        return (FileResult, (*fields, self.identity, self.dates))

    @property
    def errors(self) -> int:
        return sum(d.level is Level.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.level is Level.WARNING for d in self.diagnostics)


@dataclass(frozen=True)
class Settings:
    """Everything a lint run needs besides the files: the configuration. No date: lint's answer does not
    depend on the day it runs (time questions are ``expiring``'s)."""

    config: Config = Config()
    calendars: Calendars | None = None
    debug: bool = False
    """Put the traceback of an internal error into its diagnostic."""
    suppressions: bool = True
    """Honour ``# samenwerk: ignore`` directives (not when a command needs the checks to hold)."""


def _internal(exc: BaseException, where: str, debug: bool) -> Finding:
    """A bug met while checking a file, as a finding of that file: the run goes on."""
    message = _("internal error {where}: {error}: {message}; this is a bug in samenwerk, please report it").format(
        where=where, error=type(exc).__name__, message=exc
    )
    if debug:
        import traceback

        message += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return Finding((), message, rule="internal", line=1, col=1)


def lint_file(path: Path, display: str | None = None, settings: Settings | None = None) -> FileResult:
    """Load one file and run the enabled rules over it. A broken file is a result, never an exception; a bug
    met on one file is an 'internal' diagnostic of that file, and every other file still gets its result."""
    settings = settings or Settings()
    try:
        return _lint_file(path, display, settings)
    except Exception as exc:  # noqa: BLE001 - isolation: one file's bug never costs another its result
        name = display or str(path)
        finding = _internal(exc, _("while checking the file"), settings.debug)
        diagnostic = Diagnostic(name, 1, 1, Level.ERROR, finding.rule, finding.message)
        return FileResult(name, (diagnostic,), None, cacheable=False, source_read=False, crashed=True)


def _lint_file(path: Path, display: str | None, settings: Settings) -> FileResult:
    from . import document
    from .calendars import default_calendars
    from .document.yaml import in_scalars
    from .rules import REGISTRY
    from .rules.base import Context
    from .suppress import MARK
    from .suppress import parse as parse_suppressions

    crashed = False
    doc = document.read(path, display, max_bytes=settings.config.max_file_size)
    agreement, text = doc.agreement, doc.text
    findings: list[Finding] = list(doc.findings)
    rules = settings.config.rules_for(path)
    if text and rules:
        calendars = settings.calendars or settings.config.calendars or default_calendars()
        shared: dict[str, object] = {}
        for rule_id, rule_settings in rules.items():
            rule = REGISTRY[rule_id]
            ctx = Context(path=doc.name, text=text, options=rule_settings.options, calendars=calendars, shared=shared)
            produced: list[Finding] = []
            try:
                if agreement is not None:
                    produced.extend(rule.check(agreement, ctx))
                check_text = getattr(rule, "check_text", None)
                if check_text is not None:
                    produced.extend(check_text(text, ctx))
            except Exception as exc:  # noqa: BLE001 - one rule's bug costs neither the other rules nor files
                findings.append(_internal(exc, _("in rule '{rule}'").format(rule=rule_id), settings.debug))
                crashed = True
                continue
            sensitive = getattr(rule, "sensitive", False)
            for f in produced:
                if f.level is not rule_settings.level or sensitive:
                    f = replace(f, level=rule_settings.level, redact=f.redact or sensitive)
                findings.append(f)
    diagnostics: Iterable[Diagnostic] = doc.place(findings)
    suppressions = None
    if MARK in text and settings.suppressions:
        root = doc.positions.root if doc.positions is not None else None
        spans = partial(in_scalars, root) if root is not None else None
        suppressions = parse_suppressions(text, spans)
    if suppressions is not None:
        diagnostics = (d for d in diagnostics if d.rule in UNSUPPRESSIBLE or not suppressions.hides(d.line, d.rule))
    cacheable = not crashed and bool(text) and not path.is_symlink()  # only what was read and fully checked
    cacheable = cacheable and not (agreement is not None and any(a.file for a in agreement.annexes))
    return FileResult(
        doc.name,
        tuple(sorted(diagnostics)),
        agreement,
        cacheable,
        source_read=bool(text),
        crashed=crashed,
        identity=versions.identity(doc),
        dates=_dates(agreement) if agreement is not None and not crashed else None,
    )


def _dates(agreement: Agreement) -> Any:
    from .deadlines import inputs

    try:
        return inputs(agreement).to_json()
    except Exception:  # noqa: BLE001 - only an optimisation: expiring then reads the file itself
        return None


RESOLVING_RULES = ("references", "duplicate-ids", "signatory-representative", "duplicate-signature")
"""The rules whose errors mean that some reference in the agreement points nowhere or to two places."""


def load_resolved(path: Path, display: str | None = None) -> tuple[Agreement | None, tuple[Diagnostic, ...]]:
    """For commands that follow references (render): the model when it validates and every reference
    resolves, or lint-style diagnostics of why not. No directive can silence these checks here."""
    from .config import parse_config

    settings = Settings(config=parse_config({"select": list(RESOLVING_RULES)}), suppressions=False)
    result = lint_file(path, display, settings)
    errors = tuple(d for d in result.diagnostics if d.level is Level.ERROR)
    if result.crashed or errors or result.agreement is None:
        return None, errors or result.diagnostics
    return result.agreement, ()


def _lint_without_model(job: tuple[Path, Settings]) -> FileResult:
    result = lint_file(job[0], settings=job[1])
    return replace(result, agreement=None)  # the model stays in the worker: results cross processes light


def lint_many(files: list[Path], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Results in file order, from ``jobs`` processes when there are enough files to pay for them."""
    from .parallel import pmap

    yield from pmap(_lint_without_model, [(p, settings) for p in files], jobs)


def iter_lint(
    files: list[Path],
    settings: Settings,
    jobs: int,
    cache_dir: Path | None = None,
    progress: Callable[[int, str], AbstractContextManager[Callable[[], None]]] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[FileResult]:
    """Results in file order, as they come: memory stays flat however many files there are.

    With ``cache_dir``, results are served from the cache where content, version, configuration and date
    are unchanged. A cache that cannot be used safely is left alone: ``warn`` is told once, and every file
    is linted.
    """
    import gc

    from .cache import content_digest
    from .document.schema_line import cache_fact

    cache = _Cache(cache_dir, settings, warn or (lambda message: None))
    keys: dict[Path, str] = {}
    contents: dict[Path, tuple[str, bytes]] = {}
    if cache.active:
        limit = settings.config.max_file_size
        folders: dict[str, tuple[str, str]] = {}
        schemas: dict[tuple[str, str], str] = {}
        for path in files:
            # Never read through a link for a key (such a file is never cached either), nor a file over the
            # size limit (it is refused without being read).
            try:
                found = _resolved(path, folders)
                if found is None:
                    continue
                resolved, size = found
                if size > limit:
                    continue
                raw = read_regular(path, size)
                # The path as given and as resolved: the same name from another folder is another file.
                name, content = f"{path}\0{resolved}", content_digest(raw)
                # What the result depends on outside the file: whether the schema its schema line names is there.
                keys[path] = cache.key_of(f"{name}\0{cache_fact(path, raw, schemas)}", content)
                contents[path] = (name, content)
            except OSError:
                continue
    hits = cache.get_many(list(keys.values()))
    todo = [p for p in files if keys.get(p) not in hits]
    if todo:
        # What checking a file needs (the rules and through them the model), imported now rather than with the
        # first file: these modules are most of the objects that live as long as the process, and so are
        # frozen with the rest just below, not walked at every full collection.
        from . import document  # noqa: F401
        from .rules import REGISTRY  # noqa: F401
    # Everything made so far lives as long as the run: keep the collector from scanning it again and again
    # while thousands of short-lived node trees and models come and go (also in forked workers).
    gc.freeze()
    pending: list[tuple[str, tuple[Diagnostic, ...], Any]] = []
    dates: list[tuple[str, Any]] = []
    across = _Across(settings, files, spool=len(todo) >= SPOOL_FROM)
    try:
        try:
            with (progress or _no_progress)(len(todo), "linting") as advance:
                fresh = lint_many(todo, settings, jobs)
                for path in files:
                    key = keys.get(path)
                    if key in hits:
                        diagnostics, known = hits.pop(key)
                        identity = Identity.from_json(str(path), known) if known is not None else None
                        yield from across.hold(FileResult(str(path), diagnostics, identity=identity))
                        continue
                    result = next(fresh)
                    advance()
                    if key is not None and result.cacheable:
                        pending.append((key, result.diagnostics, result.identity and result.identity.to_json()))
                    if key is not None and result.dates is not None:
                        dates.append((cache.dates_key(*contents[path]), result.dates))
                    if len(pending) + len(dates) >= 1000:
                        cache.put_many(pending)
                        cache.put_data_many(dates)
                        pending, dates = [], []
                    yield from across.hold(result)
        finally:
            cache.put_many(pending)
            cache.put_data_many(dates)
            cache.close()
        yield from across.release()
    finally:
        across.close()


def iter_dates(
    files: list[Path],
    jobs: int,
    cache_dir: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[tuple[str, Inputs]], list[Diagnostic]]:
    """Each file's deadline material (``deadlines.Inputs``) in file order, and the diagnostics of the files
    that do not validate (as ``document.load`` gives them). With ``cache_dir``, a file whose material a lint
    run or an earlier run stored (authenticated, keyed by content and path) is not read again; anything wrong
    with the cache means no cache, never another result."""
    from .cache import content_digest
    from .deadlines import Inputs
    from .document.yaml import MAX_FILE_BYTES
    from .parallel import pmap

    cache = _Cache(cache_dir, Settings(), warn or (lambda message: None))
    keys: dict[Path, str] = {}
    if cache.active:
        folders: dict[str, tuple[str, str]] = {}
        for path in files:
            try:
                found = _resolved(path, folders)
                if found is None or found[1] > MAX_FILE_BYTES:
                    continue  # read (and refused) as ``document.read`` does
                raw = read_regular(path, found[1])
                keys[path] = cache.dates_key(f"{path}\0{found[0]}", content_digest(raw))
            except OSError:
                continue
    known: dict[Path, Inputs] = {}
    stored = cache.get_data_many(list(keys.values()))
    for path, key in keys.items():
        if key in stored:
            try:
                known[path] = Inputs.from_json(stored[key])
            except (KeyError, TypeError, ValueError, IndexError):
                continue  # written by another version of the format: read the file
    todo = [str(p) for p in files if p not in known]
    fresh = dict(zip(todo, pmap(_dates_of, todo, jobs)))
    given: list[tuple[str, Inputs]] = []
    errors: list[Diagnostic] = []
    store: list[tuple[str, Any]] = []
    try:
        for path in files:
            name = str(path)
            if path in known:
                given.append((name, known[path]))
                continue
            made, diagnostics = fresh[name]
            if made is None:
                errors.extend(diagnostics)
                continue
            given.append((name, made))
            if path in keys:
                store.append((keys[path], made.to_json()))
    finally:
        cache.put_data_many(store)
        cache.close()
    return given, errors


def _dates_of(path: str) -> tuple[Inputs | None, tuple[Diagnostic, ...]]:
    from . import document
    from .deadlines import inputs

    agreement, diagnostics = document.load(Path(path))
    return (None, diagnostics) if agreement is None else (inputs(agreement), ())


SPOOL_FROM = 200
"""Results held for the checks across files wait on disk when at least this many files are to be checked
(not served from the cache). A full collection comes about once in 70 files checked, and each walks every
result held in memory: with thousands of files that grew with the square of their number. With fewer, the
collections are few, and writing the results out and reading them back would be the larger cost (about 25 µs
a file, against about 100 µs for everything else a file served from the cache costs)."""


class _Across:
    """The checks across files (``versions.check``): when their rule is on, results are held until every file
    is in, and each gets the problems found across files added (never cached: they depend on other files).
    When it is off, results pass straight through, as they come.

    With ``spool``, held results and their identities wait on disk, so that holding them costs neither memory
    nor the collector's time while files are still being checked (see ``spool``)."""

    def __init__(self, settings: Settings, files: list[Path], spool: bool) -> None:
        self._settings = settings
        self._on = len(files) > 1 and _checks_links(settings.config, files)
        self._spool = spool
        self._held: Spool[FileResult] = Spool(disk=spool)
        self._identities: Spool[Identity] = Spool(disk=spool)

    def hold(self, result: FileResult) -> Iterator[FileResult]:
        if not self._on:
            yield result
            return
        if result.identity is not None:
            self._identities.append(result.identity)
        if self._spool:
            # Only what the report needs goes to disk: the deadline material is the cache's, the identity above.
            result = replace(result, identity=None, dates=None)
        self._held.append(result)

    def release(self) -> Iterator[FileResult]:
        try:
            extra: dict[str, list[Diagnostic]] = {}
            for d in versions.check(list(self._identities)):
                rules = self._settings.config.rules_for(Path(d.path))
                if versions.RULE in rules:
                    extra.setdefault(d.path, []).append(replace(d, level=rules[versions.RULE].level))
            self._identities.close()
            for r in self._held:
                found = extra.get(r.path)
                yield replace(r, diagnostics=tuple(sorted((*r.diagnostics, *found)))) if found else r
        finally:
            self.close()

    def close(self) -> None:
        self._held.close()
        self._identities.close()


def _resolved(path: Path, folders: dict[str, tuple[str, str]]) -> tuple[str, int] | None:
    """``str(path.resolve())`` and the size of a regular file (no symbolic link, no pipe or device) that is
    not reached through a link out of its root (``escapes``); None for any other. One ``lstat`` per file:
    each folder is resolved once for all the files in it (``folders``, by the folder as named), where
    ``Path.resolve`` looks at every folder above every file."""
    given, name = os.path.split(path)
    known = folders.get(given)
    if known is None:
        folder = os.path.abspath(given)
        known = folders[given] = (folder, os.path.realpath(folder))
    absolute = os.path.join(known[0], name)
    info = os.lstat(absolute)
    if not stat.S_ISREG(info.st_mode):
        return None  # a link, or no file to open (a pipe would wait for ever): ``document.read`` says which
    resolved = os.path.join(known[1], name)
    if resolved != absolute and escapes(path) is not None:
        return None
    return resolved, info.st_size


def _checks_links(config: Config, files: list[Path]) -> bool:
    """Whether the checks across files are on for some file. Without overrides, the answer ``rules_for``
    gives, read from the selection alone: listing every rule would import them all (and the model), which a
    run served from the cache does not otherwise need."""
    if not config.overrides:
        return ("ALL" in config.select or versions.RULE in config.select) and versions.RULE not in config.ignore
    return any(versions.RULE in config.rules_for(p) for p in files)


class _Cache:
    """The lint cache, or nothing: any problem with it turns it off with one warning, never a changed result."""

    def __init__(self, directory: Path | None, settings: Settings, warn: Callable[[str], None]) -> None:
        self._warn = warn
        self._cache: Any = None
        if directory is None:
            return
        from .cache import CacheUnavailable, LintCache
        from .i18n import language

        config = settings.config
        fingerprint = repr(
            (
                language(),  # the messages are stored in the language of the run that made them
                config.select,
                config.ignore,
                sorted(config.rules.items()),
                config.overrides,
                config.calendars,
                config.max_file_size,
            )
        )
        self._unavailable = CacheUnavailable
        try:
            self._cache = LintCache(directory, fingerprint)
        except CacheUnavailable as exc:
            self._off(exc)

    @property
    def active(self) -> bool:
        return self._cache is not None

    def _off(self, exc: Exception) -> None:
        if self._cache is not None:
            self._cache.close()
        self._cache = None
        self._warn(_("the lint cache is not used: {exc}").format(exc=exc))

    def key_of(self, path: str, content: bytes) -> str:
        key: str = self._cache.key_of(path, content)
        return key

    def dates_key(self, path: str, content: bytes) -> str:
        key: str = self._cache.dates_key(path, content)
        return key

    def get_data_many(self, keys: list[str]) -> dict[str, Any]:
        if self._cache is None or not keys:
            return {}
        try:
            found: dict[str, Any] = self._cache.get_data_many(keys)
            return found
        except self._unavailable as exc:
            self._off(exc)
            return {}

    def put_data_many(self, items: list[tuple[str, Any]]) -> None:
        if self._cache is None or not items:
            return
        try:
            self._cache.put_data_many(items)
        except self._unavailable as exc:
            self._off(exc)

    def get_many(self, keys: list[str]) -> dict[str, tuple[tuple[Diagnostic, ...], Any]]:
        if self._cache is None or not keys:
            return {}
        try:
            found: dict[str, tuple[tuple[Diagnostic, ...], Any]] = self._cache.get_many(keys)
            return found
        except self._unavailable as exc:
            self._off(exc)
            return {}

    def put_many(self, items: list[tuple[str, tuple[Diagnostic, ...], Any]]) -> None:
        if self._cache is None or not items:
            return
        try:
            self._cache.put_many(items)
        except self._unavailable as exc:
            self._off(exc)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()


UNSUPPRESSIBLE = frozenset({"syntax", "schema", "io", "internal"})
"""What the loader and the engine report: never silenced by a directive."""


class Summary:
    """Counts and levels gathered while results stream past: for summary lines and the exit code."""

    def __init__(self) -> None:
        self.files = self.bad = self.errors = self.warnings = self.crashed = 0
        self.levels: set[Level] = set()

    def count(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for r in results:
            self.files += 1
            self.crashed += r.crashed
            if r.diagnostics:
                self.bad += 1
                for d in r.diagnostics:  # one pass over them, not one per count
                    self.levels.add(d.level)
                    if d.level is Level.ERROR:
                        self.errors += 1
                    else:
                        self.warnings += 1
            yield r

    def fails(self, threshold: Level) -> bool:
        """Whether the problems seen reach ``threshold`` (errors always do)."""
        return Level.ERROR in self.levels or (threshold is Level.WARNING and Level.WARNING in self.levels)


@contextlib.contextmanager
def _no_progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    yield lambda: None
