"""``chronology.json``, always written: the machine-readable integrated chronology."""

from __future__ import annotations

from pathlib import Path

from chronology.model.codec import json_chunks
from chronology.model.schema import Chronology
from chronology.privacy.safety import atomic_path

FILENAME = "chronology.json"


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    with atomic_path(target) as temporary, temporary.open("wb", buffering=1 << 20) as stream:
        stream.writelines(json_chunks(chronology))
    return [target]
