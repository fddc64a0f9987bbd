"""What matching works on: each record as a unit, and a link between two of them.

Shared by the candidate-pair searches (``matching``, ``meetings``) and by ``merge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chronology.dates.span import Precision
from chronology.model.schema import Facets

NO_FACETS = Facets()

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
    # the first day, when the record gives it exactly (a day, or a range from a day: an
    # admission "09-aug-20" to its discharge); -1 otherwise
    first_day: int = -1
    facets: Facets = NO_FACETS  # what the record is, how, its status, direction (text.facets)


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float
    reason: str
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class Links:
    """Links as columns: unit indexes ``a`` < ``b``, ``score``, and ``meaning``, a position
    in ``meanings`` (reason, conflict). Most candidate links are never used (a meeting that
    k agencies recorded gives k(k - 1) / 2 of them, and joining it takes k - 1), so a
    ``Link`` is made only for one that joins two groups."""

    a: npt.NDArray[np.int64]
    b: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]
    meaning: npt.NDArray[np.int64]
    meanings: list[tuple[str, bool]]

    @classmethod
    def of(cls, links: list[Link]) -> Links:
        return cls(
            np.array([k.a for k in links], dtype=np.int64),
            np.array([k.b for k in links], dtype=np.int64),
            np.array([k.score for k in links], dtype=np.float64),
            np.arange(len(links), dtype=np.int64),
            [(k.reason, k.conflict) for k in links],
        )

    @classmethod
    def joined(cls, parts: list[Links]) -> Links:
        """All of ``parts``, in order."""
        offsets = np.cumsum([0, *(len(p.meanings) for p in parts)])
        return cls(
            np.concatenate([p.a for p in parts]),
            np.concatenate([p.b for p in parts]),
            np.concatenate([p.score for p in parts]),
            np.concatenate([p.meaning + at for p, at in zip(parts, offsets, strict=False)]),
            [m for p in parts for m in p.meanings],
        )

    def ranked(self, units: int) -> Links:
        """The best link of each pair of units (the first of equals), strongest first, then
        by ``a`` and ``b``: a deterministic order for the grouping to take them in."""
        pair = self.a * max(units, 1) + self.b
        order = np.lexsort((np.arange(len(pair)), -self.score, pair))
        best = order[np.r_[True, pair[order][1:] != pair[order][:-1]]] if len(order) else order
        best = best[np.lexsort((self.b[best], self.a[best], -self.score[best]))]
        return Links(
            self.a[best], self.b[best], self.score[best], self.meaning[best], self.meanings
        )

    def link(self, k: int) -> Link:
        return Link(
            int(self.a[k]), int(self.b[k]), float(self.score[k]), *self.meanings[self.meaning[k]]
        )


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
