"""A sequence kept on disk: values that must wait until a run is over, held without growing the heap.

Lint holds every file's result until the last file is in when it checks across files, and a report written
as a whole (JSON, SARIF, JUnit, GitLab) needs them all at once. Held in memory, tens of thousands of results
are objects that the cyclic garbage collector walks again at each full collection, and the files still to be
read make it collect often: at 30,000 files that was 33 s of a 116 s run (``gc.callbacks``), and it grew with
the square of the number of files. A spool writes each value to an anonymous temporary file as it comes and
reads it back when asked, so memory and collections stay as flat as when nothing is held.

The file is made with ``tempfile.TemporaryFile``: unlinked at once, so no other process can open it, and only
values this process wrote are read back (which is why ``pickle`` is safe here). When no temporary file can be
made or written (no usable folder, a full disk), or a value cannot be pickled, the values are kept in memory
from then on: slower with very many files, never another result.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TypeVar, overload

T = TypeVar("T")


class Spool(Sequence[T]):
    """Values in the order appended; ``len``, indexing and iteration read them back from the file."""

    def __init__(self, values: Iterable[T] = (), *, disk: bool = True) -> None:
        """``disk=False`` keeps every value in memory: for a caller that knows there will be few."""
        self._file: IO[bytes] | None = None
        self._spans: list[tuple[int, int]] = []
        """Where each value on disk starts, and its length."""
        self._size = 0
        self._memory: list[T] = []
        """The values appended once the file was not to be used: they come after every value on disk."""
        self._to_disk = disk
        for value in values:
            self.append(value)

    def append(self, value: T) -> None:
        if self._to_disk:
            try:
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                if self._file is None:
                    # Unbuffered: a write that fails fails here, for this value, never later for another.
                    self._file = tempfile.TemporaryFile(buffering=0)
                self._file.seek(self._size)
                view = memoryview(data)
                while view:
                    written = self._file.write(view)
                    if not written:
                        raise OSError("the temporary file takes no more")
                    view = view[written:]
            except Exception:  # noqa: BLE001 - a disk that fails, or a value pickle cannot take: only an optimisation
                self._to_disk = False  # this value and every later one in memory, in order; those on disk stay
            else:
                self._spans.append((self._size, len(data)))
                self._size += len(data)
                return
        self._memory.append(value)

    def _read(self, index: int) -> T:
        assert self._file is not None
        start, length = self._spans[index]
        self._file.seek(start)
        data = self._file.read(length)
        while len(data) < length:  # a regular file reads whole; a short read is only ever continued
            more = self._file.read(length - len(data))
            if not more:
                raise OSError(f"the spool's temporary file ended {length - len(data)} bytes early")
            data += more
        value: T = pickle.loads(data)
        return value

    def __len__(self) -> int:
        return len(self._spans) + len(self._memory)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("spool index out of range")
        on_disk = len(self._spans)
        return self._read(index) if index < on_disk else self._memory[index - on_disk]

    def __iter__(self) -> Iterator[T]:
        # By index, so that a second iteration (or an index) in the middle of one does not disturb it.
        for index in range(len(self)):
            yield self[index]

    def close(self) -> None:
        """Remove the file now (it also goes when the spool is collected, or when the process ends)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._spans, self._memory, self._size = [], [], 0

    def __enter__(self) -> Spool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
