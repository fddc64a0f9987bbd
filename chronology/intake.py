"""Load every input, half of the files in a worker, with what matching reads from each record.

Loading and reading each record's wording (its kind, the agencies it names, its words) are
the two largest costs before the merge, and both are per file: so, with a second core, a
forked worker takes the later half of the files (by size) while this process takes the
rest. The worker's records come back as plain values, marshalled into a shared in-memory
file (several times faster than pickling the dataclasses through the pipe), file by file as
each is loaded, so that this process, once done with its own files, is rebuilding the
worker's earlier files while the worker loads its last. Files are taken
in a fixed order and reassembled in it, so nothing depends on which process loaded what. A
file that fails is loaded again here, the first in that order, so the error raised is
exactly the one a serial run gives.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from chronology.dates import DateSpan, Precision
from chronology.loaders import load_file
from chronology.merge import Features, features_of
from chronology.parallel import can_fork, cores, shared_file, start_each
from chronology.schema import LoadResult, Source

# One file's outcome: its LoadResult and features (None when not asked for), or None where
# loading it raised.
Outcome = tuple[LoadResult, list[Features] | None] | None
# Worth a worker only where there is this much to read (bytes): below it forking costs more.
SMALLEST = 2_000_000
# This process's share of the bytes: half. The worker marshals each file's records after
# loading it, and this process rebuilds them after loading its own (about 0.15 s each for
# the half of 100,000 rows).
HERE_SHARE = 0.5


@dataclass(slots=True)
class AgencySpec:
    """What the review file says about the inputs of one agency."""

    name: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


Spec = Callable[[Path], AgencySpec]


def display_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each input's name as shown in provenance: the file name, or the path as given
    where two inputs share a name."""
    counts = Counter(p.name for p in paths)
    return {p: p.name if counts[p.name] == 1 else p.as_posix() for p in paths}


def load_all(
    paths: Sequence[Path],
    spec_for: Spec = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
    *,
    features: bool = False,
    on_start: Callable[[], None] = lambda: None,
) -> tuple[LoadResult, list[Features] | None]:
    """Every input, in a fixed order so that outputs never depend on the order given; with
    ``features``, each source's features too (aligned with ``LoadResult.sources``).
    ``on_start`` is called once any worker is forked: the place to start a thread (a
    progress display), as a fork beside a live thread could deadlock the worker."""
    loader = _Loader(display_names(paths), spec_for, features=features)
    ordered = sorted(paths, key=lambda p: (loader.names[p], p.as_posix()))
    here, there = _split(ordered)
    outcomes: dict[Path, Outcome] = {}
    with _Channel() as channel:
        pieces = [partial(_packed, loader, path, channel) for path in there]
        with start_each(pieces) as turn:
            on_start()
            outcomes.update(zip(here, loader.each(here, on_file), strict=True))
            if all(outcomes.values()):  # else the first failure here is raised, below
                for path, (ok, packed) in zip(there, turn.outcomes(), strict=True):
                    outcomes[path] = channel.unpacked(packed) if ok and packed else None
                    on_file(path)
    return _assembled(ordered, outcomes, loader, features=features)


def _split(ordered: list[Path]) -> tuple[list[Path], list[Path]]:
    """This process's files and the worker's: the later files, a little under half the
    bytes, as the worker's records still have to come back."""
    sizes = [_size(p) for p in ordered]
    total = sum(sizes)
    if cores() < 2 or not can_fork() or len(ordered) < 2 or total < SMALLEST:
        return ordered, []
    running = 0
    for index, size in enumerate(sizes):
        running += size
        if running >= total * HERE_SHARE:
            cut = max(1, min(index + 1, len(ordered) - 1))
            return ordered[:cut], ordered[cut:]
    return ordered, []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0  # reported, located, when it is loaded


@dataclass(slots=True)
class _Loader:
    names: dict[Path, str]
    spec_for: Spec
    features: bool

    def one(self, path: Path) -> tuple[LoadResult, list[Features] | None]:
        spec = self.spec_for(path)
        result = load_file(path, agency=spec.name, columns=spec.columns, display=self.names[path])
        return result, features_of(result.sources) if self.features else None

    def each(
        self, paths: Sequence[Path], on_file: Callable[[Path], None] = lambda _p: None
    ) -> list[Outcome]:
        """Each file's outcome, stopping at the first that raises (its outcome and the
        rest None): ``_assembled`` loads it again, in order, to raise the error itself."""
        outcomes: list[Outcome] = []
        for path in paths:
            try:
                outcomes.append(self.one(path))
            except Exception:  # noqa: BLE001 - raised again, located, by _assembled
                break
            on_file(path)
        return outcomes + [None] * (len(paths) - len(outcomes))


def _assembled(
    ordered: list[Path], outcomes: dict[Path, Outcome], loader: _Loader, *, features: bool
) -> tuple[LoadResult, list[Features] | None]:
    loaded = LoadResult()
    found: list[Features] = []
    for path in ordered:
        result, its_features = outcomes.get(path) or loader.one(path)  # raises, located
        loaded.extend(result)
        found.extend(its_features or ())
    return loaded, found if features else None


# Packing: each of the worker's files as plain values, its records and features marshalled
# (three times faster than pickling them) into a shared file; what goes through the pipe is
# small. The worker sends each file as soon as it is loaded, and this process takes it once
# done with its own files: only the last file's packing is waited for.
Packed = tuple[Any, ...]


class _Channel:
    """The worker's records, file after file, in a shared in-memory file: the worker writes
    each after the last, and this process reads each where the worker says it is. (The two
    share the file's position, so neither moves it: each keeps its own count.)"""

    def __init__(self) -> None:
        self._file = shared_file()
        self._end = 0  # the worker's count: how much it has sent

    def __enter__(self) -> _Channel:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._file.close()

    def send(self, result: LoadResult, features: list[Features] | None) -> Packed:
        records = marshal.dumps(([_source_values(s) for s in result.sources], features))
        at, view = self._end, memoryview(records)
        while view:
            view = view[os.pwrite(self._file.fileno(), view, at + len(records) - len(view)) :]
        self._end += len(records)
        return at, len(records), result.warnings, result.rejected, result.files

    def unpacked(self, packed: Packed) -> Outcome:
        at, size, warnings, rejected, files = packed
        records = os.pread(self._file.fileno(), size, at)
        sources, features = marshal.loads(records)  # noqa: S302 - our worker's bytes
        return LoadResult([_source(v) for v in sources], warnings, rejected, files), features


def _packed(loader: _Loader, path: Path, channel: _Channel) -> Packed:
    """In the worker: load one file and send its records."""
    return channel.send(*loader.one(path))


def _span_values(span: DateSpan | None) -> tuple[Any, ...] | None:
    if span is None:
        return None
    start = span.start.toordinal() if span.start else 0
    end = span.end.toordinal() if span.end else 0
    return start, end, span.precision.value, span.text, span.time, span.approximate


_PRECISIONS = {p.value: p for p in Precision}
_day = dt.date.fromordinal


def _span(values: tuple[Any, ...]) -> DateSpan:
    start, end, precision, text, time, approximate = values
    return DateSpan(
        _day(start) if start else None, _day(end) if end else None, _PRECISIONS[precision],
        text, time, approximate,
    )  # fmt: skip


def _source_values(s: Source) -> tuple[Any, ...]:
    return (
        s.agency, s.file, s.sheet, s.row, _span_values(s.date), s.text, s.time,
        _span_values(s.recorded_on), s.action, s.worker, s.subject, s.reference, s.sequence,
        s.fields, s.kind,
    )  # fmt: skip


def _source(values: tuple[Any, ...]) -> Source:
    agency, file, sheet, row, date, text, time, recorded, *rest = values
    recorded_on = _span(recorded) if recorded is not None else None
    return Source(agency, file, sheet, row, _span(date), text, time, recorded_on, *rest)
