"""Outputs an author edits (the Facts draft): an edited copy is kept, never overwritten.

After writing, the hash of each such output is recorded in a small manifest beside it
(``.chronology-written.json``). Before writing again, a file whose bytes no longer match what
was recorded (or that was never recorded: a copy the tool did not write, or one from before
the manifest) has been changed by someone, so it is first copied to ``facts.edited.md`` (then
``facts.edited-2.md``…), and the command says so.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from chronology.privacy.safety import PRIVATE, write_text

MANIFEST = ".chronology-written.json"
EDITABLE = ("facts.md", "facts.docx")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recorded(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def _free_name(path: Path) -> Path:
    for number in range(1, 10_000):
        tag = "edited" if number == 1 else f"edited-{number}"
        candidate = path.with_name(f"{path.stem}.{tag}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(path)  # pragma: no cover - ten thousand backups


def keep_edited(out: Path, names: Sequence[str] = EDITABLE) -> list[tuple[Path, Path]]:
    """Copy each of ``names`` in ``out`` that was changed since it was written aside;
    ``(file, copy)`` for each one kept."""
    recorded = _recorded(out)
    kept = []
    for name in names:
        path = out / name
        if not path.is_file() or recorded.get(name) == _digest(path):
            continue
        backup = _free_name(path)
        shutil.copyfile(path, backup)
        backup.chmod(PRIVATE)
        kept.append((path, backup))
    return kept


def record(out: Path, written: Sequence[Path]) -> None:
    """Remember what was just written of the editable outputs."""
    recorded = _recorded(out)
    for path in written:
        if path.name in EDITABLE and path.parent == out and path.is_file():
            recorded[path.name] = _digest(path)
    if recorded:
        write_text(out / MANIFEST, json.dumps(recorded, indent=1, sort_keys=True) + "\n")


def kept_lines(kept: Sequence[tuple[Path, Path]]) -> list[str]:
    return [
        f"{path} had been edited since chronology wrote it: your copy is kept as {copy.name}"
        for path, copy in kept
    ]
