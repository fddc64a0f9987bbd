"""``chronology.json``, always written: the machine-readable integrated chronology.

A large chronology is written in two parts side by side, when a core is free: the first
events by a worker, straight into the file, and the rest (with the findings after them) made
here in memory meanwhile, then appended. Where this process would otherwise wait for another
to finish, it begins the file meanwhile (``begin``), and the rest is split as before. The
bytes are those of writing it in one go (``codec.json_chunks``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from chronology.codec import json_chunks
from chronology.parallel import can_fork, cores, run_all
from chronology.safety import atomic_path
from chronology.schema import Chronology

FILENAME = "chronology.json"
# Below this many events one process writes it all: forking would cost more than it saves.
SPLIT_EVENTS = 20_000
# Where the events are cut: the second part also carries the findings (a fifth of the file)
# and is appended here afterwards.
FIRST_PART = 0.65
# Events begun per check that the other process is still at work (about a tenth of a second).
BEGIN_BATCH = 5_000


@dataclass(frozen=True, slots=True)
class Begun:
    """The start of chronology.json in a private file beside the outputs: the head and the
    first ``events`` events (all of the file when they are all the events)."""

    path: Path
    events: int


def begin(chronology: Chronology, out: Path, *, meanwhile: Callable[[], bool]) -> Begun | None:
    """Write the start of the file, a batch of events at a time, for as long as
    ``meanwhile()`` holds (another process is finishing its part of the run, and this one
    would wait); None if there is nothing worth beginning."""
    count = len(chronology.events)
    if count < SPLIT_EVENTS or not meanwhile():
        return None
    out.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{FILENAME}.", suffix=".begun", dir=out)
    done = 0
    try:
        with os.fdopen(handle, "wb", buffering=1 << 20) as stream:
            while done < count and meanwhile():
                stop = min(count, done + BEGIN_BATCH)
                for chunk in json_chunks(chronology, range(done, stop)):
                    stream.write(chunk)
                done = stop
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Begun(Path(name), done)


def write(chronology: Chronology, out: Path, begun: Begun | None = None) -> list[Path]:
    """The file, going on from ``begun`` (from these same events) if given."""
    target = out / FILENAME
    count = len(chronology.events)
    with atomic_path(target) as temporary:
        first = 0
        if begun is not None and begun.path.exists():  # (gone if an earlier try took it)
            begun.path.replace(temporary)
            first = begun.events
            if first == count:
                return [target]
        _write_rest(chronology, range(first, count), temporary, append=first > 0)
    return [target]


def _write_rest(chronology: Chronology, events: range, path: Path, *, append: bool) -> None:
    """The events of ``events`` and all that follows them, onto ``path``: a large rest in
    two parts side by side, the first written in place by a worker while this process
    makes the second in memory and then appends it (copying a part written elsewhere
    would read it all back)."""
    at = path.stat().st_size if append else 0
    if len(events) < SPLIT_EVENTS or cores() < 2 or not can_fork():
        _write_part(chronology, events, path, at)
        return
    cut = events.start + int(len(events) * FIRST_PART)
    pieces: list[Callable[[], list[bytes]]] = [
        partial(_made, chronology, range(cut, events.stop)),  # the first piece runs here
        partial(_written, chronology, range(events.start, cut), path, at),
    ]
    later, _ = run_all(pieces)
    with path.open("ab") as stream:
        stream.writelines(later)


def _made(chronology: Chronology, events: range) -> list[bytes]:
    return list(json_chunks(chronology, events))


def _written(chronology: Chronology, events: range, path: Path, at: int) -> list[bytes]:
    _write_part(chronology, events, path, at)
    return []  # nothing left to append


def _write_part(chronology: Chronology, events: range, path: Path, at: int) -> None:
    """Write from byte ``at`` on, and end the file there: run again, it writes the same."""
    with path.open("r+b", buffering=1 << 20) as stream:  # one write call per megabyte
        stream.seek(at)
        for chunk in json_chunks(chronology, events):
            stream.write(chunk)
        stream.truncate()
