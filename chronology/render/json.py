"""``chronology.json``, always written: the machine-readable integrated chronology."""

from __future__ import annotations

from pathlib import Path

from chronology.codec import json_chunks
from chronology.safety import atomic_path
from chronology.schema import Chronology

FILENAME = "chronology.json"


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    # a large buffer: one write call per megabyte, not one per event
    with atomic_path(target) as temporary, temporary.open("wb", buffering=1 << 20) as stream:
        for chunk in json_chunks(chronology):
            stream.write(chunk)
    return [target]
