"""What matching works on: each record as a unit, and a link between two of them.

Shared by the candidate-pair searches (``matching``, ``meetings``) and by ``merge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chronology.dates import Precision

_WORDS = re.compile(r"[^\w]+")
# ASCII word characters kept, every other byte made a space: ``_WORDS`` for ASCII text.
_ASCII_WORDS = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256)
)


@dataclass(slots=True, eq=False)  # identity: unique by index; not frozen: 3x faster to build
class Unit:
    """One record (or a cluster of exact duplicates) as the matcher sees it."""

    index: int
    agency: str
    start: int  # proleptic ordinal of the first possible day
    end: int
    exact: bool  # dated to a single day
    kind: str | None
    text: str
    time: str | None
    mentions: frozenset[str] = frozenset()  # agency types the record names
    agency_type: str | None = None
    minutes: int | None = None  # time of day, in minutes after midnight


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float
    reason: str
    conflict: bool = False


def normalise_text(text: str) -> str:
    """Lower-case words separated by single spaces. Most records are ASCII, and for them a
    byte table does what the regex does, three times faster (every record is read so)."""
    lowered = text.lower()
    if lowered.isascii():
        return " ".join(lowered.encode().translate(_ASCII_WORDS).decode().split())
    return _WORDS.sub(" ", lowered).strip()


def minutes_of(time: str | None) -> int | None:
    """``"15:30"`` → 930."""
    if not time:
        return None
    hours, _, mins = time.partition(":")
    return int(hours) * 60 + int(mins or 0)


def is_exact(precision: Precision, start: int, end: int) -> bool:
    return precision == Precision.DAY and start == end


def pairs_in(
    begin: npt.NDArray[np.int64],
    stop: npt.NDArray[np.int64],
    low: int,
    rows: npt.NDArray[np.int64] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every (i, j) with i = low + k (or ``rows[k]``) and begin[k] <= j < stop[k]."""
    counts = np.maximum(stop - begin, 0)
    if rows is None:
        rows = np.arange(low, low + len(counts), dtype=np.int64)
    left = np.repeat(rows, counts)
    offsets = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(counts) - counts, counts
    )
    return left, np.repeat(begin, counts) + offsets
