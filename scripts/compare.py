"""Compare two output folders file by file, and say where each differing file first differs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

TEXT = {".json", ".csv", ".html", ".md", ".svg", ".txt", ".xml", ".css", ".js", ".rels"}
ZIPPED = {".xlsx", ".docx"}
SHOWN = 40  # characters of each side shown around a difference


@dataclass(frozen=True)
class Difference:
    name: str
    where: str


def compare_folders(base: Path, ours: Path) -> tuple[int, list[Difference]]:
    """How many files were compared (the union of both folders), and those that differ."""
    names = sorted(_files(base) | _files(ours))
    differences = []
    for name in names:
        mine, theirs = base / name, ours / name
        if not mine.is_file() or not theirs.is_file():
            differences.append(
                Difference(name, "only in " + ("this tree" if theirs.is_file() else "base"))
            )
            continue
        where = first_difference(name, mine.read_bytes(), theirs.read_bytes())
        if where:
            differences.append(Difference(name, where))
    return len(names), differences


def first_difference(name: str, base: bytes, ours: bytes) -> str:
    """Where two versions of a file first differ ("" when they are the same): the line and
    column for text, the member for a zip, the sizes for anything else."""
    if base == ours:
        return ""
    suffix = Path(name).suffix.lower()
    if suffix in TEXT:
        return _text_difference(base, ours)
    if suffix in ZIPPED:
        return _zip_difference(base, ours)
    return _sizes(base, ours)


def _files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def _text_difference(base: bytes, ours: bytes) -> str:
    old = base.decode("utf-8", "replace").splitlines()
    new = ours.decode("utf-8", "replace").splitlines()
    for number, (was, now) in enumerate(zip(old, new, strict=False), start=1):
        if was != now:
            at = _first_column(was, now)
            start = max(0, at - SHOWN // 4)
            return (
                f"line {number} col {at + 1}: base {was[start : start + SHOWN]!r}, "
                f"this tree {now[start : start + SHOWN]!r}"
            )
    return f"{len(old):,} lines in base, {len(new):,} in this tree (the rest the same)"


def _first_column(was: str, now: str) -> int:
    for column, (a, b) in enumerate(zip(was, now, strict=False)):
        if a != b:
            return column
    return min(len(was), len(now))  # one line is the other's beginning


def _zip_difference(base: bytes, ours: bytes) -> str:
    try:
        old, new = zipfile.ZipFile(io.BytesIO(base)), zipfile.ZipFile(io.BytesIO(ours))
    except zipfile.BadZipFile:
        return _sizes(base, ours)
    with old, new:
        old_names, new_names = old.namelist(), new.namelist()
        if old_names != new_names:
            only = sorted(set(old_names) ^ set(new_names))
            return f"members differ ({', '.join(only) or 'in order'}); {_sizes(base, ours)}"
        for member in old_names:
            was, now = old.read(member), new.read(member)
            if was != now:
                inner = first_difference(member, was, now)
                return f"member {member}: {inner}"
    return f"same members and contents, different zip bytes; {_sizes(base, ours)}"


def _sizes(base: bytes, ours: bytes) -> str:
    return f"{len(base):,} bytes in base, {len(ours):,} in this tree"
