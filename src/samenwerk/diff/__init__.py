"""Semantic diff: what changed between two versions of an agreement, in the agreement's own terms."""

from __future__ import annotations

import gc
import os
import signal
import stat
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import document
from ..diagnostics import Diagnostic, Finding, Level
from ..document.files import is_agreement_file
from ..document.yaml import MAX_DEPTH, MAX_FILE_BYTES
from ..errors import SamenwerkError
from ..fsutil import escapes
from ..i18n import N_, _
from .engine import Change, Kind
from .pairing import compare as paired

if TYPE_CHECKING:
    from ..model import Agreement


@dataclass(frozen=True)
class Side:
    name: str
    """How the side is shown: a path, or REV:path."""
    raw: bytes | None
    """None: the file does not exist on this side (or was not read: see ``problem``)."""
    problem: Finding | None = None
    """Why the side exists but was not read (a symbolic link, a submodule, too large): reported, not compared."""

    @property
    def exists(self) -> bool:
        return self.raw is not None or self.problem is not None


@dataclass(frozen=True)
class FileDiff:
    old: str | None
    new: str | None
    status: str  # added, deleted, modified, renamed
    changes: tuple[Change, ...] = ()
    errors: tuple[Diagnostic, ...] = ()
    old_data: Any = field(default=None, compare=False, repr=False)
    new_data: Any = field(default=None, compare=False, repr=False)
    old_agreement: Agreement | None = field(default=None, compare=False, repr=False)
    """The validated model of each side, where it validates (for the redline)."""
    new_agreement: Agreement | None = field(default=None, compare=False, repr=False)
    old_at: tuple[str, str] | None = None
    """(commit, path in the repository) of the old side when it was read from a commit: for links to lines."""
    new_at: tuple[str, str] | None = None

    @property
    def substantive(self) -> bool:
        return any(c.substantive for c in self.changes)


def _note(message: str, rule: str = "io", level: Level = Level.WARNING) -> Finding:
    return Finding((), message, rule=rule, level=level, line=1, col=1)


SYMLINK_NOTE = N_("symbolic link, not compared")
SUBMODULE_NOTE = N_("submodule, not compared")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Loading builds hundreds of thousands of small objects and no reference cycles: the cyclic garbage
    collector would walk them again and again (half the time of loading a large file). Paused meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(side: Side) -> tuple[Any, document.Document | None]:
    """Plain data for one side: normalised through the model when it validates, as written where it does not."""
    if side.problem is not None:
        return None, document.Document(side.name, findings=(side.problem,))
    if side.raw is None:
        return None, None
    doc = document.from_bytes(side.raw, side.name)
    if _deeper_than(doc.data, MAX_DEPTH):
        # The loader bounds flow nesting ([ and {); block nesting ("- - - x") is bounded here, where comparing
        # would recurse.
        problem = _note(_("nesting deeper than {n} levels: not compared").format(n=MAX_DEPTH), "syntax", Level.ERROR)
        return None, document.Document(side.name, doc.text, findings=(problem,))
    if doc.agreement is None:
        return doc.data, doc  # the valid parts are still compared
    return doc.agreement.model_dump(mode="json", exclude_defaults=True), doc


def _deeper_than(data: Any, limit: int) -> bool:
    level, depth = [data], 0
    while level:  # one level of mappings and lists at a time
        if depth > limit:
            return True
        below: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                below += [v for v in node.values() if isinstance(v, (dict, list))]
            elif isinstance(node, list):
                below += [v for v in node if isinstance(v, (dict, list))]
        level, depth = below, depth + 1
    return False


PARALLEL_BYTES = 1_000_000
"""Both sides at least this large (bytes): the old side is read in a worker process while this one reads the
new side. Reading is most of the time of a diff of two large files (composing YAML nodes in C, validating),
and the two sides do not depend on each other."""

Lines = Callable[[list[tuple[Any, ...] | None]], list[int | None]]
"""The lines of many data paths of one side, in one call."""


class _Loaded(NamedTuple):
    """One side as read: the data to compare, the document, and where its data paths stand."""

    data: Any
    doc: document.Document | None
    lines: Lines


@dataclass(frozen=True, slots=True)
class _Read(document.Document):
    """A side read in the worker process: its diagnostics placed there, where its node tree is."""

    placed: tuple[Diagnostic, ...] = ()

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.placed


class _Worker:
    """Reads one side in a forked process (see ``PARALLEL_BYTES``). Its data, placed diagnostics and data
    normalised by the model come back at once; the node tree stays there, and answers for the lines of the
    changes once they are known (``lines``). A worker that dies (killed, out of memory) costs only time: what
    it did not answer is worked out here. A failure in its own code is a bug, said as such."""

    def __init__(self, side: Side) -> None:
        from multiprocessing import Pipe

        self.side = side
        self._conn, child = Pipe()
        # Signals wait until each process has set itself up: the worker must never unwind the command's stack
        # (its handlers, buffered output) however early an interrupt comes.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        self._pid = os.fork()
        if self._pid == 0:  # the worker: never returns
            try:
                for signum in _STOPPING:
                    signal.signal(signum, signal.SIG_DFL)  # stopped, not unwound
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                self._conn.close()
                _serve(side, child)
            finally:
                os._exit(0)  # no clean-up of the command's state: its buffers, files and handlers are not ours
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()

    def loaded(self) -> _Loaded:
        answer = self._ask(None)
        if not isinstance(answer, tuple) or answer[0] != "read":
            self.close()
            data, doc = _load(self.side)
            return _Loaded(data, doc, _Lines(doc))
        _, data, doc, valid = answer
        if valid:  # the model itself does not cross the pipe (pickling it costs more than validating again)
            from ..document.validate import validate

            agreement, _findings = validate(doc.data)
            doc = replace(doc, agreement=agreement)
        return _Loaded(data, doc, self.lines)

    def lines(self, locs: list[tuple[Any, ...] | None]) -> list[int | None]:
        answer = self._ask(locs)
        if isinstance(answer, list):
            return answer
        if isinstance(answer, str):  # the worker's own code failed: where this process would have, a bug
            raise RuntimeError(f"finding the lines of {self.side.name}'s changes failed in the worker: {answer}")
        self.close()  # the worker is gone: its node tree with it; read the side again for its lines
        return _Lines(_load(self.side)[1])(locs)

    def _ask(self, question: Any) -> Any:
        try:
            if question is not None:
                self._conn.send(question)
            return self._conn.recv()
        except (EOFError, OSError):
            return None

    def close(self) -> None:
        """End the worker, whatever it is doing (it holds nothing but what it read), and collect it."""
        if not self._conn.closed:
            self._conn.close()
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)


_STOPPING = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP} if hasattr(signal, "SIGHUP") else ())


def _serve(side: Side, conn: Any) -> None:
    """The worker's life: read the side, send what was read, answer one request for lines."""
    try:
        data, doc = _load(side)
        if doc is None:
            conn.send(("read", data, None, False))
            return
        read = _Read(doc.name, doc.text, doc.data, None, doc.findings, None, placed=doc.diagnostics())
        conn.send(("read", data, read, doc.agreement is not None))
        locs = conn.recv()
    except BaseException:  # noqa: BLE001 - the command reads the side itself, and meets any problem there
        return
    try:
        conn.send(_Lines(doc)(locs))
    except Exception:
        conn.send(traceback.format_exc(limit=-3))


def _cores() -> int:
    """The cores this process may run on (not the machine's: a container or taskset may allow fewer)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_parallel(old: Side, new: Side) -> bool:
    return (
        hasattr(os, "fork")
        and _cores() > 1
        and all(s.raw is not None and s.problem is None and len(s.raw) >= PARALLEL_BYTES for s in (old, new))
    )


def _load_both(old: Side, new: Side) -> tuple[_Loaded, _Loaded, _Worker | None]:
    worker = _Worker(old) if _in_parallel(old, new) else None
    try:
        new_data, new_doc = _load(new)
        b = _Loaded(new_data, new_doc, _Lines(new_doc))
        if worker is not None:
            return worker.loaded(), b, worker
    except BaseException:
        if worker is not None:
            worker.close()
        raise
    old_data, old_doc = _load(old)
    return _Loaded(old_data, old_doc, _Lines(old_doc)), b, None


def compare(old: Side, new: Side, status: str | None = None) -> FileDiff:
    with _no_gc():
        a, b, worker = _load_both(old, new)
        # What was just loaded lives until the diff is reported and holds no reference cycles: out of the
        # collector's sight, comparing and describing do not pay for it being scanned again and again
        # (most of the time of a diff of two lists of 32,000 entries). Freed as usual when no longer used.
        gc.freeze()
    try:
        return _compare(old, new, status, a, b)
    finally:
        if worker is not None:
            worker.close()


def _compare(old: Side, new: Side, status: str | None, a: _Loaded, b: _Loaded) -> FileDiff:
    (old_data, old_doc, old_lines), (new_data, new_doc, new_lines) = a, b
    if status is None:
        status = "added" if not old.exists else "deleted" if not new.exists else "modified"
    if old.problem is not None and new.problem is not None and old.problem.message == new.problem.message:
        old_doc = None  # a link or submodule on both sides: said once
    errors = (old_doc.diagnostics() if old_doc else ()) + (new_doc.diagnostics() if new_doc else ())
    old_name = old.name if old.exists else None
    new_name = new.name if new.exists else None
    if old.problem is not None or new.problem is not None:  # one side is not an agreement file: nothing to compare
        return FileDiff(old_name, new_name, status, (), errors)
    amended = _amended(old_doc, new_doc)
    if amended is not None:  # an agreement against its amendment: what the amendment changes in it
        new_data = amended.model_dump(mode="json", exclude_defaults=True)
        new_doc = document.Document(new.name, new_doc.text if new_doc else "", new_data, amended)
        new_lines = _Lines(new_doc)
    changes: list[Change] = []
    unreadable = any(doc is not None and doc.data is None and doc.findings for doc in (old_doc, new_doc))
    if (old_data is not None or new_data is not None) and not unreadable:
        # A side that could not be read at all (not UTF-8, not YAML) is its error, not the removal of every key.
        if _one_validates(old_doc, new_doc):
            # Compared as written on both sides: a side that validates would otherwise show its defaults and
            # normalised dates as changes against the other's raw text.
            old_data, new_data = old_doc.data if old_doc else old_data, new_doc.data if new_doc else new_data
        found = paired(old_data if old_data is not None else {}, new_data if new_data is not None else {})
        olds, news = old_lines([c.old_loc for c in found]), new_lines([c.new_loc for c in found])
        changes = [replace(c, old_line=a, new_line=b) for c, a, b in zip(found, olds, news, strict=True)]
    if status in ("added", "deleted"):
        # A whole file coming or going is one change, not one per key.
        data = new_data if status == "added" else old_data
        title = data.get("title") if isinstance(data, dict) else None
        kind = Kind.ADDED if status == "added" else Kind.REMOVED
        changes = [
            Change((), kind, None if status == "added" else title, title if status == "added" else None, True, (), ())
        ]
    return FileDiff(
        old_name,
        new_name,
        status,
        tuple(changes),
        errors,
        old_data,
        new_data,
        old_doc.agreement if old_doc else None,
        new_doc.agreement if new_doc else None,
    )


def _amended(old: document.Document | None, new: document.Document | None) -> Agreement | None:
    """When ``new`` is an amendment of ``old``: ``old`` as the amendment makes it (its lines are then
    the old version's, since the amendment file has no such lines)."""
    if old is None or new is None or old.agreement is None or new.agreement is None:
        return None
    if new.agreement.amends != old.agreement.id:
        return None
    from ..versions import ConsolidationError, consolidate

    try:
        return consolidate(old.agreement, [new.agreement], None, drafts=True).agreement
    except ConsolidationError:
        return None


def _one_validates(old: document.Document | None, new: document.Document | None) -> bool:
    """Both sides exist and were read, and exactly one of them validates."""
    if old is None or new is None or old.data is None or new.data is None:
        return False
    return (old.agreement is None) != (new.agreement is None)


class _Lines:
    """Lines of data paths in one document, for many changes: a mapping's keys are looked up in a
    dictionary made once per mapping node, so that thousands of changes under one mapping with thousands of
    keys cost no more than the changes (the document's own lookup scans the keys each time)."""

    def __init__(self, doc: document.Document | None) -> None:
        self._root = doc.positions.root if doc is not None and doc.positions is not None else None
        self._keys: dict[int, dict[str, Any]] = {}

    def __call__(self, locs: list[tuple[Any, ...] | None]) -> list[int | None]:
        return [self.line(loc) for loc in locs]

    def line(self, loc: tuple[Any, ...] | None) -> int | None:
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        node = self._root
        if node is None or loc is None:
            return None
        for part in loc:
            if isinstance(node, MappingNode):
                keys = self._keys.get(id(node))
                if keys is None:
                    keys = {}
                    for k, v in node.value:
                        if isinstance(k, ScalarNode):
                            keys.setdefault(k.value, v)
                    self._keys[id(node)] = keys
                child = keys.get(str(part))
                if child is None:
                    break  # the deepest node that exists
                node = child
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                break
        return int(node.start_mark.line) + 1


def _read(path: Path, root: Path | None = None, name: str | None = None) -> Side:
    """A file on disk as one side: not followed through a symbolic link out of ``root`` (by default the
    repository the file lies in), not read beyond the loader's size limit, a folder refused."""
    name = str(path) if name is None else name
    refused = escapes(path, root)
    if refused is not None:
        return Side(name, None, _note(refused, "io", Level.ERROR))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return Side(name, None, _note(_("a folder, not an agreement file: not compared")))
        if info.st_size > MAX_FILE_BYTES:
            return Side(name, None, _note(_too_large(info.st_size), "syntax", Level.ERROR))
        return Side(name, path.read_bytes())
    except FileNotFoundError:
        return Side(name, None)
    except OSError as exc:
        return Side(
            name, None, _note(_("cannot read the file: {reason}").format(reason=exc.strerror), "io", Level.ERROR)
        )


def _too_large(size: int) -> str:
    from .git import too_large

    return too_large(size, MAX_FILE_BYTES)


def _worktree(top: Path, path: str) -> Side:
    """A file of the working tree, as git lists it: a symbolic link or a folder (a submodule) is reported,
    not read."""
    full = top / path
    try:
        info = full.lstat()
    except FileNotFoundError:
        return Side(path, None)
    except OSError as exc:
        return Side(
            path, None, _note(_("cannot read the file: {reason}").format(reason=exc.strerror), "io", Level.ERROR)
        )
    if stat.S_ISLNK(info.st_mode):
        return Side(path, None, _note(_(SYMLINK_NOTE)))
    if stat.S_ISDIR(info.st_mode):
        return Side(path, None, _note(_(SUBMODULE_NOTE) if (full / ".git").exists() else _("a folder, not compared")))
    if not stat.S_ISREG(info.st_mode):
        return Side(path, None, _note(_("not a regular file: not compared")))
    return _read(full, top, path)


def compare_files(old: Path, new: Path) -> FileDiff:
    return compare(_read(old), _read(new))


def compare_folders(old: Path, new: Path) -> list[FileDiff]:
    """Two folders of agreements, file by file: the same relative path on both sides is one file; a path on
    one side only is a file added or deleted. Symbolic links out of each folder's repository are not read."""

    def files(folder: Path) -> dict[str, Path]:
        return {
            p.relative_to(folder).as_posix(): p
            for p in folder.rglob("*")
            if is_agreement_file(p.name) and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        }

    before, after = files(old), files(new)
    out = []
    for name in sorted(before.keys() | after.keys()):
        a = _read(before[name]) if name in before else Side(str(old / name), None)
        b = _read(after[name]) if name in after else Side(str(new / name), None)
        out.append(compare(a, b))
    return out


def compare_revisions(old_rev: str, new_rev: str | None, paths: list[str], cwd: Path) -> list[FileDiff]:
    """Every agreement file that differs between two revisions (``new_rev=None``: the working tree)."""
    from . import git

    top = git.toplevel(cwd)
    rel = [_relative_to(top, cwd, p) for p in paths]
    entries = git.changed(old_rev, new_rev, rel, top)
    wanted = [
        blob
        for e in entries
        for blob, mode in ((e.old_blob, e.old_mode), (e.new_blob, e.new_mode))
        if blob and mode not in (git.SYMLINK, git.GITLINK)
    ]
    blobs, unread = git.read_blobs(wanted, top, MAX_FILE_BYTES)

    def side(name: str | None, blob: str | None, mode: str | None) -> Side:
        if name is None:
            return Side("", None)
        if mode == git.SYMLINK:
            return Side(name, None, _note(_(SYMLINK_NOTE)))
        if mode == git.GITLINK:
            return Side(name, None, _note(_(SUBMODULE_NOTE)))
        if blob is not None and blob in unread:
            why = unread[blob]
            rule, level = ("syntax", Level.ERROR) if why.too_large else ("io", Level.WARNING)
            return Side(name, None, _note(why.message, rule, level))
        return Side(name, blobs.get(blob) if blob else None)

    old_commit = git.resolve(old_rev, top)
    new_commit = git.resolve(new_rev, top) if new_rev is not None else None
    out = []
    for e in entries:
        old = side(_at(old_rev, e.old_path), e.old_blob, e.old_mode)
        if e.new_path is not None and e.new_blob is None:  # the working tree
            new = _worktree(top, e.new_path)
            if e.new_mode in (git.SYMLINK, git.GITLINK):
                new = side(e.new_path, None, e.new_mode)
        else:
            new = side(_at(new_rev, e.new_path), e.new_blob, e.new_mode)
        if e.status == "U":
            new = Side(new.name or e.new_path or "", None, _note(_("unmerged (a merge conflict): not compared")))
        status = {"A": "added", "D": "deleted", "R": "renamed"}.get(e.status, "modified")
        if status == "modified" and not new.exists:  # deleted in the working tree, or gone since git listed it
            status = "deleted"
        out.append(
            replace(
                compare(old, new, status),
                old_at=(old_commit, e.old_path) if e.old_path else None,
                new_at=(new_commit, e.new_path) if new_commit and e.new_path else None,
            )
        )
    return out


def web_address(diffs: list[FileDiff], cwd: Path, configured: str | None = None) -> str | None:
    """The repository's web address, when some side was read from a commit and one is known (``links``)."""
    if not any(d.old_at or d.new_at for d in diffs):
        return None
    from . import git, links

    return links.web_address(git.toplevel(cwd), configured)


def _at(rev: str | None, path: str | None) -> str | None:
    """How a file of git is named: ``REV:path``, or the path alone in the working tree and the index."""
    if path is None:
        return None
    return f"{rev}:{path}" if rev is not None else path


def _relative_to(top: Path, cwd: Path, path: str) -> str:
    full = (cwd / path).resolve()
    try:
        return str(full.relative_to(top.resolve()))
    except ValueError:
        raise SamenwerkError(_("{path}: outside the git repository {top}").format(path=path, top=top)) from None


def compare_file_at(rev: str, path: Path, cwd: Path, reverse: bool = False) -> FileDiff:
    """A file at a revision against the file in the working tree (or the other way round)."""
    from . import git

    top = git.toplevel(cwd)
    rel = _relative_to(top, cwd, str(path))
    name = f"{rev}:{rel}"
    found = git.tree_entry(rev, rel, top)
    if found is None:
        at_rev = Side(name, None)
    elif found[0] == git.SYMLINK:
        at_rev = Side(name, None, _note(_(SYMLINK_NOTE)))
    elif found[0] == git.GITLINK:
        at_rev = Side(name, None, _note(_(SUBMODULE_NOTE)))
    elif not found[0].startswith("100"):
        at_rev = Side(name, None, _note(_("a folder, not an agreement file: not compared")))
    else:
        blobs, unread = git.read_blobs([found[1]], top, MAX_FILE_BYTES)
        problem = unread.get(found[1])
        at_rev = Side(name, blobs.get(found[1]), _note(problem.message, "syntax", Level.ERROR) if problem else None)
    on_disk = _read(path, top)
    at = (git.resolve(rev, top), rel) if found is not None else None
    if reverse:
        return replace(compare(on_disk, at_rev), new_at=at)
    return replace(compare(at_rev, on_disk), old_at=at)


def compare_arguments(given: list[str], paths: list[str], cwd: Path) -> list[FileDiff]:
    """What ``samenwerk diff ARGS -- PATHS`` compares: files, a file at a revision, or revisions.

    Nothing, REV, REV1 REV2 and REV1..REV2 compare revisions (no second revision: the working tree);
    FILE, REV FILE and OLD NEW compare single files; two folders compare their files by relative path.
    """
    if len(given) == 1 and ".." in given[0] and not Path(given[0]).exists():
        old_rev, _dots, new_rev = given[0].partition("..")
        given = [old_rev or "HEAD", new_rev or "HEAD"]
    for name in given:  # a missing agreement file is that, not a git error
        if is_agreement_file(name) and not Path(name).exists():
            raise SamenwerkError(_("{name}: no such file").format(name=name))
    scope = paths or ["."]
    if not given:
        return compare_revisions("HEAD", None, scope, cwd)
    if len(given) == 1:
        one = Path(given[0])
        return [compare_file_at("HEAD", one, cwd)] if one.is_file() else compare_revisions(given[0], None, scope, cwd)
    if len(given) == 2:
        a, b = Path(given[0]), Path(given[1])
        if a.is_file() and b.is_file():
            return [compare_files(a, b)]
        if a.is_dir() and b.is_dir():
            return compare_folders(a, b)
        if b.is_file():
            return [compare_file_at(given[0], b, cwd)]
        if a.is_file():
            return [compare_file_at(given[1], a, cwd, reverse=True)]
        return compare_revisions(given[0], given[1], scope, cwd)
    raise SamenwerkError(_("diff takes at most two files or revisions (and paths after '--')"))


def shown(diffs: list[FileDiff], substantive_only: bool = False) -> list[FileDiff]:
    """The diffs worth reporting: files whose agreement changed, came, went or has errors.

    With ``substantive_only`` editorial changes are left out, and files left with none.
    """
    if substantive_only:
        diffs = [replace(d, changes=tuple(c for c in d.changes if c.substantive)) for d in diffs]
        diffs = [d for d in diffs if d.changes or d.errors]
    return [d for d in diffs if d.changes or d.errors or d.status != "modified"]
