"""Each record's cells on the Sources sheet, made while the merge runs.

A record's row on the Sources sheet of the xlsx is the same whichever event it joins, but
for the event's reference in its first cell. The merge keeps one core busy and leaves the
other idle, and the Sources sheet is a third of the xlsx's time, so a worker forked before
the merge writes every record's other cells as XML into an anonymous in-memory file
(``Preparing.write``). This process then maps the file (``Preparing.adopt``), and the
xlsx writer, here or in a worker forked later, copies each record's cells from it rather
than building them.

Only the very records that were prepared are served, by identity: an anonymised or
in-scope copy holds other objects, and is written the usual way. The cells are those the
writer would build (tests compare the workbooks byte for byte).
"""

from __future__ import annotations

import contextlib
import mmap
from collections.abc import Iterator, Sequence

from chronology.parallel import shared_file
from chronology.render.ooxml import Raw, cells_xml
from chronology.render.rows import source_cells
from chronology.schema import Source

# Records prepared per write to the file.
_BATCH = 2_000


class Prepared:
    """The prepared cells of the records of one merge, ready to be copied."""

    def __init__(self, sources: Sequence[Source], view: mmap.mmap, ends: Sequence[int]) -> None:
        self._sources = sources  # held, so no other object can take one of their ids
        self._position = {id(source): index for index, source in enumerate(sources)}
        self._view = view
        self._ends = ends

    def cells(self, source: Source) -> Raw | None:
        """``source``'s cells after the first, if prepared (None: build them)."""
        index = self._position.get(id(source))
        if index is None or self._sources[index] is not source:
            return None
        start = self._ends[index - 1] if index else 0
        return Raw(self._view[start : self._ends[index]].decode())


class Preparing:
    """The file the worker writes and this process reads: opened before the fork, so both
    hold it; it has no name, and goes when both have let it go."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = sources
        self._file = shared_file()

    def write(self) -> list[int] | None:
        """In the worker: every record's cells, one after another; where each one ends."""
        ends: list[int] = []
        written = 0
        self._file.seek(0)  # (written again here if the worker failed part-way: afresh)
        self._file.truncate()
        for low in range(0, len(self.sources), _BATCH):
            batch = [cells_xml(source_cells(s)).encode() for s in self.sources[low : low + _BATCH]]
            for part in batch:
                written += len(part)
                ends.append(written)
            self._file.write(b"".join(batch))
        self._file.flush()
        return ends

    def adopt(self, ends: list[int] | None) -> None:
        """Here: serve what the worker wrote (nothing, if it wrote nothing)."""
        global _current  # noqa: PLW0603 - read by the xlsx writer, here or in a later worker
        if ends is None or len(ends) != len(self.sources) or not ends or not ends[-1]:
            self._file.close()
            return
        view = mmap.mmap(self._file.fileno(), ends[-1], access=mmap.ACCESS_READ)
        self._file.close()  # the map keeps the memory
        _current = Prepared(self.sources, view, ends)


_current: Prepared | None = None


def current() -> Prepared | None:
    return _current


@contextlib.contextmanager
def released() -> Iterator[None]:
    """Run the block, then let the prepared cells go: they serve one rendering."""
    global _current  # noqa: PLW0603
    try:
        yield
    finally:
        _current = None
