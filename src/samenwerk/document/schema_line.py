"""The schema line an agreement file may start with (``# yaml-language-server: $schema=PATH``), and whether
the schema it names is there. The rule ``schema-line`` says what is wrong; lint's cache key needs the answer
for every file, also when every file is served from the cache, so it lives here, below the rules (which
import the model)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..fsutil import escapes, root_of

NAMED = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)
_NAMED_BYTES = re.compile(NAMED.pattern.encode("ascii"), re.MULTILINE)
ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
"""A URL's scheme (https:, file:, ...): the schema is not a path in the repository, and is never looked at."""


def target_state(target: str, path: Path) -> str:
    """Whether the schema ``target`` named by the file at ``path`` is there: '' for an address (never looked
    at), 'outside' for a path that leads out of the repository (not looked at), else 'there' or 'missing'."""
    if ADDRESS.match(target):
        return ""
    root = root_of(path)
    where = Path(os.path.abspath(Path(os.path.abspath(path)).parent / target))
    if not where.is_relative_to(os.path.abspath(root)):
        return "outside"
    if escapes(where, root) is not None:
        return "missing"
    return "there" if where.is_file() else "missing"


def cache_fact(path: Path, raw: bytes, seen: dict[tuple[str, str], str] | None = None) -> str:
    """What the lint result of the file at ``path`` (its bytes ``raw``) depends on outside the file: whether
    the schema its schema line names is there. Part of its cache key, so that a schema written or removed
    since is never answered from the cache. ``seen``: answers of this run by folder and target (the files of
    a folder mostly name the same schema: it is looked up once)."""
    named = _NAMED_BYTES.search(raw)
    if named is None:
        return ""
    target = named[1].decode("utf-8", "replace")
    if seen is None:
        return target_state(target, path)
    where = (os.path.dirname(path), target)  # the folder as named: the same all run (one working folder)
    state = seen.get(where)
    if state is None:
        state = seen[where] = target_state(target, path)
    return state
