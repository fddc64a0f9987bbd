"""``chronology.json``, always written: the machine-readable integrated chronology."""

from __future__ import annotations

from pathlib import Path

from chronology.codec import json_chunks
from chronology.safety import atomic_path
from chronology.schema import Chronology

FILENAME = "chronology.json"


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    with atomic_path(target) as temporary, temporary.open("wb", buffering=1 << 20) as stream:
        stream.writelines(json_chunks(chronology))
    return [target]
