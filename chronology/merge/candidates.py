"""Find records from different agencies that describe one occurrence.

Candidates come only from blocks of nearby dates, never from all pairs, so the cost grows
with the number of rows. Every accepted link carries its score and a reason a person can read.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from chronology.merge.evidence import facet_links
from chronology.merge.meetings import meeting_links
from chronology.merge.rules import (
    MINUTES_APART,
    TEXT_ALONE,
    TEXT_CONTACT,
    TEXT_CORROBORATED,
    TEXT_ONE_NAMED,
    Pairs,
    pairs_of,
)
from chronology.merge.units import Links, Unit, pairs_in
from chronology.merge.wording import Wording, expansions

# A vague date (a week, a month) narrow enough to be matched against exact ones.
VAGUE_DAYS = 31
# Records screened per slice for named pairs: bounds the pair arrays to a few tens of MB.
PAIR_SLICE = 20_000


def find_links(units: Sequence[Unit], glossary: Mapping[str, object] | None = None) -> Links:
    """Every accepted cross-agency link, the best of each pair, strongest first, in a
    deterministic order. ``glossary``: the review's own abbreviations, for the wording."""
    found = [
        *_same_day_links(units),
        _vague_links(units),
        meeting_links(units),
        facet_links(units, Wording([u.text for u in units], expansions(glossary))),
    ]
    return Links.joined(found).ranked(len(units))


def _same_day_links(units: Sequence[Unit]) -> Iterator[Links]:
    """Exact-dated records on the same day, or the next (late-night contacts are often
    recorded the following morning). Only corroborated pairs are scored: pairs where one
    record names the other's agency, and same-kind pairs with near-identical wording."""
    exact = sorted((u for u in units if u.exact), key=lambda u: (u.start, u.index))
    if len(exact) < 2:
        return
    columns = _Columns(exact)
    yield from _named_links(columns)
    yield from _identical_links(columns)


def _named_links(columns: _Columns) -> Iterator[Links]:
    """Pairs where at least one record names the other's agency, screened with array
    arithmetic a slice of records at a time (memory stays bounded)."""
    for low in range(0, len(columns.day), PAIR_SLICE):
        i, j = _naming_pairs(columns, low, min(len(columns.day), low + PAIR_SLICE))
        yield _screened(columns, i, j)


def _naming_pairs(
    columns: _Columns, low: int, high: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every pair (i, j), i < j, dated a day or less apart, where one of the records low to
    high names the other's kind of agency: looked up from the namer's side in an index of
    records by kind of agency and day, so a crowded day costs its named pairs, not all of
    its pairs. A pair in which each names the other comes from the first of them only."""
    index = columns.by_type_and_day()
    nothing = np.zeros(0, dtype=np.int64)
    namers, named = [nothing], [nothing]
    for kind in range(len(columns.types)):
        a = low + np.flatnonzero((columns.mentions[low:high] >> kind) & 1)
        first = np.searchsorted(index.key, kind * index.span + columns.day[a] - 1, "left")
        last = np.searchsorted(index.key, kind * index.span + columns.day[a] + 1, "right")
        namer, at = pairs_in(first, last, 0, rows=a)
        namers.append(namer)
        named.append(index.order[at])
    a, b = np.concatenate(namers), np.concatenate(named)
    mutual = (columns.type[a] >= 0) & ((columns.mentions[b] >> np.maximum(columns.type[a], 0)) & 1)
    keep = (a != b) & ((mutual == 0) | (a < b))
    a, b = a[keep], b[keep]
    i, j = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((j, i))
    return i[order], j[order]


def _screened(columns: _Columns, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]) -> Links:
    named = columns.names(i, j) + columns.names(j, i)
    gap = columns.day[j] - columns.day[i]
    keep = (columns.agency[i] != columns.agency[j]) & (named >= 1) & ((named == 2) | (gap == 0))
    i, j = i[keep], j[keep]
    pairs = columns.pairs(i, j, named[keep])
    # only pairs that the best wording would carry (most fail on kind or time of day)
    keep = pairs.accepted(np.full(len(i), 100))
    pairs, i, j = pairs.subset(keep), i[keep], j[keep]
    # the bar each kind of pair has to clear; below it the wording counts for nothing, so
    # rapidfuzz may stop scoring a pair as soon as it cannot reach it
    texts = np.zeros(len(i), dtype=np.int64)
    for both, bar in ((True, TEXT_CORROBORATED), (False, min(TEXT_CONTACT, TEXT_ONE_NAMED))):
        part = (pairs.named == 2) == both
        texts[part] = process.cpdist(
            [columns.text[k] for k in i[part].tolist()],
            [columns.text[k] for k in j[part].tolist()],
            scorer=fuzz.token_set_ratio,
            score_cutoff=bar,
            dtype=np.float64,
            workers=-1,
        ).astype(np.int64)  # fmt: skip  (truncated, as int() of a single score)
    return pairs.judged(texts)


@dataclass(frozen=True, slots=True)
class _Index:
    """Record positions sorted by a key; ``key`` holds the keys in that order."""

    order: npt.NDArray[np.int64]
    key: npt.NDArray[np.int64]
    span: int  # one more than the largest day: keys are group * span + day


class _Columns:
    """The unit attributes the screen needs, as arrays."""

    def __init__(self, exact: Sequence[Unit]) -> None:
        day, agency, agency_type, kind, index, minutes, mentions, text = (
            zip(
                *[
                    (
                        u.start,
                        u.agency,
                        u.agency_type,
                        u.kind,
                        u.index,
                        u.minutes,
                        u.mentions,
                        u.text,
                    )
                    for u in exact
                ],
                strict=True,
            )
            if exact
            else [()] * 8
        )
        self.text: Sequence[str] = text
        types = _codes({t for named in set(mentions) for t in named} | set(agency_type))
        self.kinds = tuple(sorted({k for k in kind if k}))
        self.day = np.array(day, dtype=np.int64)
        self.agency = _coded(agency, _codes(set(agency)))
        self.type = _coded(agency_type, types)
        self.kind = _coded(kind, {name: n for n, name in enumerate(self.kinds)})
        self.index = np.array(index, dtype=np.int64)
        self.minutes = np.array([-1 if m is None else m for m in minutes], dtype=np.int64)
        # records name few combinations of agency types: each combination's mask made once
        masks = {named: sum(1 << types[t] for t in named) for named in set(mentions)}
        self.mentions = _coded(mentions, masks)
        self.types = types
        self._by_type: _Index | None = None

    def by_type_and_day(self) -> _Index:
        """Records with a known kind of agency, by that kind, then day, then position."""
        if self._by_type is None:
            self._by_type = self._index(self.type)
        return self._by_type

    def by_kind_and_day(self) -> _Index:
        """Records of a known kind of contact, by that kind, then day, then position."""
        return self._index(self.kind)

    def _index(self, group: npt.NDArray[np.int64]) -> _Index:
        span = int(self.day.max()) + 2 if len(self.day) else 2
        members = np.flatnonzero(group >= 0)
        key = group[members] * span + self.day[members]
        order = np.argsort(key, kind="stable")
        return _Index(members[order], key[order], span)

    def pairs(
        self, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64], named: npt.NDArray[np.int64]
    ) -> Pairs:
        """The records at positions ``i`` and ``j`` (``i`` < ``j``) as candidate pairs."""
        timed = (self.minutes[i] >= 0) & (self.minutes[j] >= 0)
        return Pairs(
            np.minimum(self.index[i], self.index[j]),
            np.maximum(self.index[i], self.index[j]),
            self.day[j] - self.day[i],
            np.ones(len(i), dtype=np.bool_),
            named,
            np.where(self.kind[i] == self.kind[j], self.kind[i], -1),
            timed & (np.abs(self.minutes[i] - self.minutes[j]) > MINUTES_APART),
            self.kinds,
        )

    def names(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """1 where record ``a`` names record ``b``'s kind of agency."""
        kind = self.type[b]
        return np.where(kind >= 0, (self.mentions[a] >> np.maximum(kind, 0)) & 1, 0)


def _codes(names: set[str | None]) -> dict[str | None, int]:
    """Each name's position in sorted order (no name: -1)."""
    return {name: n for n, name in enumerate(sorted(n for n in names if n))}


def _coded(values: Sequence[Hashable], codes: Mapping[Any, int]) -> npt.NDArray[np.int64]:
    """The values as their codes; -1 for a value without one."""
    return np.array([codes.get(v, -1) for v in values], dtype=np.int64)


def _identical_links(columns: _Columns) -> Iterator[Links]:
    """Same-day records of the same kind of contact by different agencies, in near-identical
    words: every such pair scored in one array comparison a slice at a time."""
    index = columns.by_kind_and_day()
    for low in range(0, len(index.order), PAIR_SLICE):
        i, j = _same_kind_pairs(columns, index, low, min(len(index.order), low + PAIR_SLICE))
        scores = process.cpdist(
            [columns.text[k] for k in i.tolist()], [columns.text[k] for k in j.tolist()],
            scorer=fuzz.ratio, score_cutoff=TEXT_ALONE, dtype=np.uint8, workers=-1,
        )  # fmt: skip
        found = scores.nonzero()[0]
        i, j = i[found], j[found]
        pairs = columns.pairs(i, j, columns.names(i, j) + columns.names(j, i))
        yield pairs.judged(scores[found].astype(np.int64))


def _same_kind_pairs(
    columns: _Columns, index: _Index, low: int, high: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every pair (i, j), i < j, of two agencies' records of one kind of contact on one
    day, for the index positions low to high: each kind's day is a run of the index."""
    end = np.searchsorted(index.key, index.key[low:high], side="right")
    p, q = pairs_in(np.arange(low + 1, high + 1, dtype=np.int64), end, low)
    i, j = index.order[p], index.order[q]  # i < j: the index keeps positions in order
    keep = columns.agency[i] != columns.agency[j]
    return i[keep], j[keep]


def _vague_links(units: Sequence[Unit]) -> Links:
    """A record dated only to a week or month, against exact records inside its interval
    that it names, or that name it (both ends of one referral, one dated "Jan 2012").
    Exact records are indexed by agency type and by the types they name, so it stays cheap."""
    vagues = [u for u in units if not u.exact and u.start >= 0 and u.end - u.start <= VAGUE_DAYS]
    if not vagues:
        return Links.of([])  # (most reviews have few vague dates, and some none: no index)
    by_type: dict[str, list[Unit]] = defaultdict(list)
    naming: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.exact and unit.agency_type:
            by_type[unit.agency_type].append(unit)
            for named in unit.mentions:
                naming[named].append(unit)
    index = _DateIndex([*by_type.items(), *((f"names:{k}", v) for k, v in naming.items())])
    found: list[tuple[Unit, Unit]] = []
    for vague in vagues:
        keys = [*sorted(vague.mentions), f"names:{vague.agency_type}"]
        candidates = {u.index: u for key in keys for u in index.within(key, vague.start, vague.end)}
        found += [(vague, candidates[k]) for k in sorted(candidates)]
    found = [(vague, exact) for vague, exact in found if exact.agency != vague.agency]
    texts = [int(fuzz.token_set_ratio(vague.text, exact.text)) for vague, exact in found]
    return pairs_of(found).judged(np.array(texts, dtype=np.int64))


class _DateIndex:
    def __init__(self, groups: Iterable[tuple[str, list[Unit]]]) -> None:
        self.units = {k: sorted(v, key=lambda u: (u.start, u.index)) for k, v in groups}
        self.starts = {k: [u.start for u in v] for k, v in self.units.items()}

    def within(self, key: str, start: int, end: int) -> list[Unit]:
        starts = self.starts.get(key, [])
        return self.units.get(key, [])[
            bisect.bisect_left(starts, start) : bisect.bisect_right(starts, end)
        ]
