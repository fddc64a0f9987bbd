"""``chronology.json``, always written: the machine-readable integrated chronology.

A large chronology is written in two parts side by side, when a core is free: the first
events here, the rest (and the findings after them) in a worker, into a private file that is
then appended here. Where this process would otherwise wait for another to finish, it begins
the file meanwhile (``begin``), and the rest is split as before. The bytes are those of
writing it in one go (``codec.json_chunks``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from chronology.codec import json_chunks
from chronology.parallel import can_fork, cores, run_all
from chronology.safety import PRIVATE, atomic_path
from chronology.schema import Chronology

FILENAME = "chronology.json"
# Below this many events one process writes it all: forking would cost more than it saves.
SPLIT_EVENTS = 20_000
# Where the events are cut: the second part also carries the findings (a fifth of the file).
FIRST_PART = 0.6
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
    if len(events) < SPLIT_EVENTS or cores() < 2 or not can_fork():
        _write_part(chronology, events, path, append=append)
        return
    cut = events.start + int(len(events) * FIRST_PART)
    rest = path.with_name(path.name + ".rest")
    try:
        run_all(
            [
                partial(_write_part, chronology, range(events.start, cut), path, append=append),
                partial(_write_part, chronology, range(cut, events.stop), rest),
            ]
        )
        _append(path, rest)
    finally:
        rest.unlink(missing_ok=True)


def _write_part(chronology: Chronology, events: range, path: Path, *, append: bool = False) -> None:
    mode = os.O_APPEND if append else os.O_TRUNC
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | mode, PRIVATE)
    # a large buffer: one write call per megabyte, not one per event
    with os.fdopen(handle, "ab" if append else "wb", buffering=1 << 20) as stream:
        for chunk in json_chunks(chronology, events):
            stream.write(chunk)


def _append(path: Path, part: Path) -> None:
    with path.open("ab") as out, part.open("rb") as source:
        shutil.copyfileobj(source, out, 1 << 20)
