"""An agreement's history from git: each commit that changed its file, and what changed in its own terms.

One ``git log --raw`` per repository lists every commit that touched the folders of the files, with the
blob ids before and after; renames are followed back (``-M``), so a file's history survives a new name.
What a commit changed is ``diff.compare`` of the two blobs, worded by ``diff.describe`` (substantive
changes first): the same words ``samenwerk diff`` uses. Blobs are read with ``git cat-file --batch``, never
by checking anything out; no shell is involved, and paths go to git after ``--`` as literal pathspecs.

Commit subjects, author names and file names come from the repository: they are data, shown escaped by
whatever writes them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SamenwerkError
from ..i18n import _

STATUS = {"A": "added", "M": "modified", "R": "renamed", "T": "modified", "C": "added"}


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    time: dt.datetime
    """The committer's date, in UTC."""
    author: str
    subject: str


@dataclass(frozen=True, slots=True)
class Step:
    """One commit that changed one agreement file."""

    commit: Commit
    status: str
    """added, modified or renamed (a rename may change the content too)."""
    path: str
    """The file's path in the repository after the commit."""
    old_path: str | None
    old_blob: str | None
    new_blob: str | None

    @property
    def pair(self) -> str | None:
        """The two blobs compared, as one key (``old:new``), where there are two and they differ."""
        if self.old_blob and self.new_blob and self.old_blob != self.new_blob:
            return f"{self.old_blob}:{self.new_blob}"
        return None


@dataclass
class Log:
    """The history of a set of files, by the file as it was given (``str(path)``), newest first."""

    steps: dict[str, list[Step]] = field(default_factory=dict)
    tops: dict[str, Path] = field(default_factory=dict)
    """The repository each file with a history belongs to."""
    notes: list[str] = field(default_factory=list)
    """Why some files have no history (not in a repository, git missing)."""
    order: dict[str, int] = field(default_factory=dict)
    """Each commit's place in git's log, newest first: the order of commits made within the same second."""

    def last(self, path: str) -> Step | None:
        steps = self.steps.get(path)
        return steps[0] if steps else None


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    from ..diff.git import _git as run  # the one runner: no shell, no pager, C locale, a time limit

    return run(["-c", "log.showSignature=false", "--literal-pathspecs", *args], cwd, stdin)


def _toplevel(folder: Path) -> Path | None:
    try:
        out = _git(["rev-parse", "--show-toplevel"], folder)
    except SamenwerkError:
        return None
    top = os.fsdecode(out.rstrip(b"\n"))
    return Path(top) if top else None


def log(files: Iterable[Path]) -> Log:
    """Every commit that changed each file (following renames), newest first."""
    result = Log()
    by_top: dict[Path, dict[str, str]] = {}
    tops: dict[Path, Path | None] = {}
    resolved: dict[Path, Path] = {}
    for f in files:
        folder = resolved.get(f.parent) or resolved.setdefault(f.parent, f.parent.resolve())
        if folder not in tops:
            tops[folder] = _toplevel(folder)
        top = tops[folder]
        if top is None:
            continue
        try:
            rel = (folder / f.name).relative_to(top.resolve()).as_posix()
        except ValueError:
            continue
        by_top.setdefault(top, {})[rel] = str(f)
    if any(t is None for t in tops.values()):
        result.notes.append(_("some files are not in a git repository: they have no history"))
    for top, names in by_top.items():
        try:
            _walk(top, names, result)
        except SamenwerkError as exc:
            result.notes.append(_("{folder}: no history: {error}").format(folder=top, error=exc))
    return result


def _walk(top: Path, names: dict[str, str], result: Log) -> None:
    folders = sorted({os.path.dirname(rel) or "." for rel in names})
    raw = _git(
        [
            "log",
            "-z",
            "--raw",
            "-M",
            "--no-abbrev",
            "--no-color",
            "--format=%x1e%H%x00%ct%x00%an%x00%s",
            "--",
            *folders,
        ],
        top,
    )
    tracking = dict(names)  # path in the repository at the commit being read -> the file as given
    for commit, entries in _parse(raw):
        result.order.setdefault(commit.sha, len(result.order))
        moves: list[tuple[str, str | None]] = []
        for status, old_path, new_path, old_blob, new_blob in entries:
            if new_path is None or new_path not in tracking:
                continue
            given = tracking[new_path]
            result.steps.setdefault(given, []).append(
                Step(commit, STATUS.get(status, "modified"), new_path, old_path, old_blob, new_blob)
            )
            result.tops[given] = top
            if status in "AC":
                moves.append((new_path, None))  # its history starts here
            elif status == "R" and old_path:
                moves.append((new_path, old_path))
        for new_path, old_path in moves:
            given = tracking.pop(new_path)
            if old_path is not None:
                tracking[old_path] = given


_Entry = tuple[str, str | None, str | None, str | None, str | None]


def _parse(raw: bytes) -> list[tuple[Commit, list[_Entry]]]:
    """``git log -z --raw`` with a header of four NUL-separated fields: read field by field, paths by count,
    so that no subject or file name can pass for a header."""
    tokens = raw.decode("utf-8", "surrogateescape").split("\0")
    out: list[tuple[Commit, list[_Entry]]] = []
    i = 0
    while i + 3 < len(tokens):
        head = tokens[i].lstrip("\n")
        if not head.startswith("\x1e"):
            raise SamenwerkError(_("git log: unexpected output {text}").format(text=repr(head[:60])))
        sha, stamp, author, subject = head[1:], tokens[i + 1], tokens[i + 2], tokens[i + 3]
        commit = Commit(sha, dt.datetime.fromtimestamp(int(stamp or 0), dt.UTC), author, subject)
        i += 4
        entries: list[_Entry] = []
        while i < len(tokens) and tokens[i].lstrip("\n").startswith(":"):
            meta = tokens[i].lstrip("\n:").split()
            if len(meta) < 5:
                raise SamenwerkError(_("git log: unexpected output {text}").format(text=repr(tokens[i][:60])))
            status = meta[4][0]
            old_blob = None if set(meta[2]) == {"0"} else meta[2]
            new_blob = None if set(meta[3]) == {"0"} else meta[3]
            old_path: str | None
            new_path: str | None
            if status in "RC":
                old_path, new_path = tokens[i + 1], tokens[i + 2]
                i += 3
            else:
                old_path = new_path = tokens[i + 1]
                i += 2
            if status == "D":
                new_path = None
            entries.append((status, old_path if status != "A" else None, new_path, old_blob, new_blob))
        out.append((commit, entries))
    return out


# --- what each commit changed ------------------------------------------------------------------------


def changes(pairs: Iterable[tuple[str, str, str]], top: Path) -> dict[str, dict[str, Any]]:
    """For each ``(pair, old name, new name)``: the changes between the two blobs as plain data (``plain``),
    by ``pair``. A blob git cannot give (a shallow clone, a file over the size limit) is said, not compared."""
    from ..diff import Side, compare
    from ..diff.git import read_blobs
    from ..document.yaml import MAX_FILE_BYTES

    wanted = list(pairs)
    blobs, unread = read_blobs([b for pair, _, _ in wanted for b in pair.split(":")], top, MAX_FILE_BYTES)
    out: dict[str, dict[str, Any]] = {}
    for pair, old_name, new_name in wanted:
        old_blob, new_blob = pair.split(":")
        problem = unread.get(old_blob) or unread.get(new_blob)
        if problem is not None:
            out[pair] = {"summary": problem.message, "changes": [], "errors": 0}
            continue
        found = compare(Side(old_name, blobs.get(old_blob)), Side(new_name, blobs.get(new_blob)), "modified")
        out[pair] = plain(found)
    return out


def plain(found: Any) -> dict[str, Any]:
    """A ``diff.FileDiff`` as the site shows it: a summary, then each change worded in the run's language
    (the agreement's own text as it is), substantive changes first (words marked as ``[op, text]`` pieces)."""
    from ..diff.describe import Describer, summary

    return _plain(found, Describer, summary)


def _plain(found: Any, Describer: Any, summary: Any) -> dict[str, Any]:  # noqa: N803
    words = Describer(found.old_data, found.new_data)
    listed = []
    for change in sorted(found.changes, key=lambda c: not c.substantive):
        d = words.describe(change)
        listed.append(
            {
                "substantive": change.substantive,
                "head": d.head,
                "old": d.old,
                "new": d.new,
                "words": [[p.op, p.text] for p in d.words],
            }
        )
    return {"summary": summary(list(found.changes)), "changes": listed, "errors": len(found.errors)}
