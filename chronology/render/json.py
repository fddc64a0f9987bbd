"""``chronology.json``, always written: the machine-readable integrated chronology."""

from __future__ import annotations

from pathlib import Path

from chronology.codec import dumps
from chronology.safety import write_text
from chronology.schema import Chronology

FILENAME = "chronology.json"


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    write_text(target, dumps(chronology))
    return [target]
