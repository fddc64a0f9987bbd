"""``chronology.json``, always written: the machine-readable integrated chronology.

A large chronology is written in two parts side by side, when a core is free: the first
events here, the rest (and the findings after them) in a worker, into a private file that is
then appended here. The bytes are those of writing it in one go (``codec.json_chunks``).
"""

from __future__ import annotations

import os
import shutil
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


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    count = len(chronology.events)
    with atomic_path(target) as temporary:
        if count < SPLIT_EVENTS or cores() < 2 or not can_fork():
            _write_part(chronology, range(count), temporary)
            return [target]
        cut = int(count * FIRST_PART)
        rest = temporary.with_name(temporary.name + ".rest")
        try:
            run_all(
                [
                    partial(_write_part, chronology, range(cut), temporary),
                    partial(_write_part, chronology, range(cut, count), rest),
                ]
            )
            _append(temporary, rest)
        finally:
            rest.unlink(missing_ok=True)
    return [target]


def _write_part(chronology: Chronology, events: range, path: Path) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    # a large buffer: one write call per megabyte, not one per event
    with os.fdopen(handle, "wb", buffering=1 << 20) as stream:
        for chunk in json_chunks(chronology, events):
            stream.write(chunk)


def _append(path: Path, part: Path) -> None:
    with path.open("ab") as out, part.open("rb") as source:
        shutil.copyfileobj(source, out, 1 << 20)
