"""Both cores when there are many files: an order-preserving map over worker processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 200  # below this, starting worker processes costs more than it saves


def pmap(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``map(fn, items)`` in order; in ``jobs`` processes when there are at least THRESHOLD items.

    ``fn`` must be a module-level function and its results small: they are pickled back.
    """
    if jobs <= 1 or len(items) < THRESHOLD:
        yield from map(fn, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the imported modules with the workers; spawn (elsewhere) imports them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        yield from pool.map(fn, items, chunksize=chunk)
