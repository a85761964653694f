"""Semantic diff: what changed between two versions of an agreement, in the agreement's own terms."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import document
from ..diagnostics import Diagnostic
from ..document.files import SUFFIXES
from ..errors import SamenwerkError
from .engine import Change, Kind, diff

if TYPE_CHECKING:
    from ..model import Agreement


@dataclass(frozen=True)
class Side:
    name: str
    """How the side is shown: a path, or REV:path."""
    raw: bytes | None
    """None: the file does not exist on this side."""


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

    @property
    def substantive(self) -> bool:
        return any(c.substantive for c in self.changes)


def _load(side: Side) -> tuple[Any, document.Document | None]:
    """Plain data for one side: normalised through the model when it validates, as written where it does not."""
    if side.raw is None:
        return None, None
    doc = document.from_bytes(side.raw, side.name)
    if doc.agreement is None:
        return doc.data, doc  # the valid parts are still compared
    return doc.agreement.model_dump(mode="json", exclude_defaults=True), doc


def compare(old: Side, new: Side, status: str | None = None) -> FileDiff:
    old_data, old_doc = _load(old)
    new_data, new_doc = _load(new)
    if status is None:
        status = "added" if old.raw is None else "deleted" if new.raw is None else "modified"
    changes: list[Change] = []
    if old_data is not None or new_data is not None:
        for change in diff(old_data if old_data is not None else {}, new_data if new_data is not None else {}):
            changes.append(
                replace(
                    change,
                    old_line=old_doc.line_of(change.old_loc) if old_doc else None,
                    new_line=new_doc.line_of(change.new_loc) if new_doc else None,
                )
            )
    if status in ("added", "deleted"):
        # A whole file coming or going is one change, not one per key.
        data = new_data if status == "added" else old_data
        title = data.get("title") if isinstance(data, dict) else None
        kind = Kind.ADDED if status == "added" else Kind.REMOVED
        changes = [
            Change((), kind, None if status == "added" else title, title if status == "added" else None, True, (), ())
        ]
    return FileDiff(
        old.name if old.raw is not None else None,
        new.name if new.raw is not None else None,
        status,
        tuple(changes),
        (old_doc.diagnostics() if old_doc else ()) + (new_doc.diagnostics() if new_doc else ()),
        old_data,
        new_data,
        old_doc.agreement if old_doc else None,
        new_doc.agreement if new_doc else None,
    )


def compare_files(old: Path, new: Path) -> FileDiff:
    return compare(Side(str(old), _read(old)), Side(str(new), _read(new)))


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def compare_revisions(old_rev: str, new_rev: str | None, paths: list[str], cwd: Path) -> list[FileDiff]:
    """Every agreement file that differs between two revisions (``new_rev=None``: the working tree)."""
    from . import git

    top = git.toplevel(cwd)
    rel = [_relative_to(top, cwd, p) for p in paths]
    entries = git.changed(old_rev, new_rev, rel, top)
    blobs = git.read_blobs([b for e in entries for b in (e.old_blob, e.new_blob) if b], top)
    out = []
    for e in entries:
        old_raw = blobs.get(e.old_blob) if e.old_blob else None
        if e.new_path is None:
            new_raw = None
        elif e.new_blob is not None:
            new_raw = blobs[e.new_blob]
        else:
            new_raw = _read(top / e.new_path)
        old_name = f"{old_rev}:{e.old_path}" if e.old_path else None
        new_name = f"{new_rev}:{e.new_path}" if (e.new_path and new_rev) else e.new_path
        status = {"A": "added", "D": "deleted", "M": "modified", "R": "renamed"}[e.status]
        result = compare(Side(old_name or "", old_raw), Side(new_name or "", new_raw), status)
        out.append(result)
    return out


def _relative_to(top: Path, cwd: Path, path: str) -> str:
    full = (cwd / path).resolve()
    try:
        return str(full.relative_to(top.resolve()))
    except ValueError:
        raise SamenwerkError(f"{path}: outside the git repository {top}") from None


def compare_file_at(rev: str, path: Path, cwd: Path, reverse: bool = False) -> FileDiff:
    """A file at a revision against the file in the working tree (or the other way round)."""
    from . import git

    top = git.toplevel(cwd)
    rel = _relative_to(top, cwd, str(path))
    at_rev = Side(f"{rev}:{rel}", git.read_file_at(rev, rel, top))
    on_disk = Side(str(path), _read(path))
    return compare(on_disk, at_rev) if reverse else compare(at_rev, on_disk)


def compare_arguments(given: list[str], paths: list[str], cwd: Path) -> list[FileDiff]:
    """What ``samenwerk diff ARGS -- PATHS`` compares: files, a file at a revision, or revisions.

    Nothing, REV, REV1 REV2 and REV1..REV2 compare revisions (no second revision: the working tree);
    FILE, REV FILE and OLD NEW compare single files.
    """
    if len(given) == 1 and ".." in given[0] and not Path(given[0]).exists():
        old_rev, _, new_rev = given[0].partition("..")
        given = [old_rev or "HEAD", new_rev or "HEAD"]
    for name in given:  # a missing agreement file is that, not a git error
        if name.endswith(SUFFIXES) and not Path(name).exists():
            raise SamenwerkError(f"{name}: no such file")
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
        if b.is_file():
            return [compare_file_at(given[0], b, cwd)]
        if a.is_file():
            return [compare_file_at(given[1], a, cwd, reverse=True)]
        return compare_revisions(given[0], given[1], scope, cwd)
    raise SamenwerkError("diff takes at most two files or revisions (and paths after '--')")


def shown(diffs: list[FileDiff], substantive_only: bool = False) -> list[FileDiff]:
    """The diffs worth reporting: files whose agreement changed, came, went or has errors.

    With ``substantive_only`` editorial changes are left out, and files left with none.
    """
    if substantive_only:
        diffs = [replace(d, changes=tuple(c for c in d.changes if c.substantive)) for d in diffs]
        diffs = [d for d in diffs if d.changes or d.errors]
    return [d for d in diffs if d.changes or d.errors or d.status != "modified"]
