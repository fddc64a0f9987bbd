"""Find records from different agencies that describe one occurrence.

Candidates come only from blocks of nearby dates, never from all pairs, so the cost grows
with the number of rows. Every accepted link carries its score and a reason a person can read.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from chronology.meetings import meeting_links
from chronology.units import Link, Links, Unit, pairs_in

# A vague date (a week, a month) narrow enough to be matched against exact ones.
VAGUE_DAYS = 31
# Records screened per slice for named pairs: bounds the pair arrays to a few tens of MB.
PAIR_SLICE = 20_000
# Kinds of contact that have two ends, each recorded by one agency.
_CONTACT_KINDS = frozenset({"phone_call", "referral", "death", "incident", "correspondence"})
# Same-day records scoring at least this on text alone are one occurrence.
TEXT_ALONE = 80
# With corroboration (each names the other agency, or both are the same kind of contact),
# this much shared wording is enough.
TEXT_CORROBORATED = 30


def find_links(units: Sequence[Unit]) -> Links:
    """Every accepted cross-agency link, the best of each pair, strongest first, in a
    deterministic order."""
    judged = Links.of([*_same_day_links(units), *_vague_links(units)])
    return Links.joined([judged, meeting_links(units)]).ranked(len(units))


def _same_day_links(units: Sequence[Unit]) -> Iterator[Link]:
    """Exact-dated records on the same day, or the next (late-night contacts are often
    recorded the following morning). Only corroborated pairs are scored: pairs where one
    record names the other's agency, and same-kind pairs with near-identical wording."""
    exact = sorted((u for u in units if u.exact), key=lambda u: (u.start, u.index))
    if len(exact) < 2:
        return
    columns = _Columns(exact)
    yield from _named_links(exact, columns)
    yield from _identical_links(exact, columns)


def _named_links(exact: Sequence[Unit], columns: _Columns) -> Iterator[Link]:
    """Pairs where at least one record names the other's agency, screened with array
    arithmetic a slice of records at a time (memory stays bounded); only the survivors
    reach ``judge``."""
    for low in range(0, len(exact), PAIR_SLICE):
        i, j = _naming_pairs(columns, low, min(len(exact), low + PAIR_SLICE))
        yield from _screened(exact, columns, i, j)


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


def _screened(
    exact: Sequence[Unit], columns: _Columns, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> Iterator[Link]:
    named = columns.names(i, j) + columns.names(j, i)
    gap = columns.day[j] - columns.day[i]
    keep = (columns.agency[i] != columns.agency[j]) & (named >= 1) & ((named == 2) | (gap == 0))
    # and only pairs that the best wording would carry (most fail on kind or time of day)
    keep[keep] = columns.acceptable(i[keep], j[keep], named[keep], np.full(keep.sum(), 100))
    i, j, named = i[keep], j[keep], named[keep]
    # the bar each kind of pair has to clear; below it the wording counts for nothing, so
    # rapidfuzz may stop scoring a pair as soon as it cannot reach it
    texts = np.zeros(len(i), dtype=np.int64)
    for both, bar in ((True, TEXT_CORROBORATED), (False, 60)):
        part = (named == 2) == both
        texts[part] = process.cpdist(
            [exact[k].text for k in i[part].tolist()],
            [exact[k].text for k in j[part].tolist()],
            scorer=fuzz.token_set_ratio,
            score_cutoff=bar,
            dtype=np.float64,
            workers=-1,
        ).astype(np.int64)  # fmt: skip  (truncated, as int() of a single score)
    accept = columns.acceptable(i, j, named, texts)
    for a, b, text in zip(
        i[accept].tolist(), j[accept].tolist(), texts[accept].tolist(), strict=True
    ):
        link = judge(exact[a], exact[b], int(text))  # the same rules, one pair: the reason
        if link is not None:
            yield link


@dataclass(frozen=True, slots=True)
class _Index:
    """Record positions sorted by a key; ``key`` holds the keys in that order."""

    order: npt.NDArray[np.int64]
    key: npt.NDArray[np.int64]
    span: int  # one more than the largest day: keys are group * span + day


class _Columns:
    """The unit attributes the screen needs, as arrays."""

    def __init__(self, exact: Sequence[Unit]) -> None:
        agencies = {name: n for n, name in enumerate(sorted({u.agency for u in exact}))}
        types = {
            name: n
            for n, name in enumerate(
                sorted(
                    {t for u in exact for t in u.mentions}
                    | {u.agency_type for u in exact if u.agency_type}
                )
            )
        }
        self.day = np.fromiter((u.start for u in exact), dtype=np.int64, count=len(exact))
        self.agency = np.fromiter(
            (agencies[u.agency] for u in exact), dtype=np.int64, count=len(exact)
        )
        self.type = np.fromiter(
            (types.get(u.agency_type or "", -1) for u in exact), dtype=np.int64, count=len(exact)
        )
        kinds = {name: n for n, name in enumerate(sorted({u.kind for u in exact if u.kind}))}
        self.kind = np.fromiter(
            (kinds.get(u.kind or "", -1) for u in exact), dtype=np.int64, count=len(exact)
        )
        self.contact = np.fromiter(
            (u.kind in _CONTACT_KINDS for u in exact), dtype=np.bool_, count=len(exact)
        )
        self.minutes = np.fromiter(
            (-1 if u.minutes is None else u.minutes for u in exact),
            dtype=np.int64,
            count=len(exact),
        )
        self.mentions = np.fromiter(
            (sum(1 << types[t] for t in u.mentions) for u in exact),
            dtype=np.int64,
            count=len(exact),
        )
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

    def acceptable(
        self,
        a: npt.NDArray[np.int64],
        b: npt.NDArray[np.int64],
        named: npt.NDArray[np.int64],
        text: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.bool_]:
        """``judge``'s rules for exact-dated pairs, as array arithmetic (a prefilter:
        ``judge`` still decides each survivor, so the two cannot drift apart silently)."""
        same_day = self.day[a] == self.day[b]
        same_kind = (self.kind[a] == self.kind[b]) & (self.kind[a] >= 0)
        timed = (self.minutes[a] >= 0) & (self.minutes[b] >= 0)
        far = timed & (np.abs(self.minutes[a] - self.minutes[b]) > 120) & (named < 2)
        both = (named == 2) & np.where(
            same_day, same_kind | (text >= TEXT_CORROBORATED), same_kind & (text >= 45)
        )
        one = (
            (named == 1) & same_day & ((same_kind & self.contact[a] & (text >= 60)) | (text >= 65))
        )
        accepted: npt.NDArray[np.bool_] = ~far & ((same_day & (text >= TEXT_ALONE)) | both | one)
        return accepted

    def names(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """1 where record ``a`` names record ``b``'s kind of agency."""
        kind = self.type[b]
        return np.where(kind >= 0, (self.mentions[a] >> np.maximum(kind, 0)) & 1, 0)


def _identical_links(exact: Sequence[Unit], columns: _Columns) -> Iterator[Link]:
    """Same-day records of the same kind of contact by different agencies, in near-identical
    words: every such pair scored in one array comparison a slice at a time."""
    index = columns.by_kind_and_day()
    for low in range(0, len(index.order), PAIR_SLICE):
        i, j = _same_kind_pairs(columns, index, low, min(len(index.order), low + PAIR_SLICE))
        scores = process.cpdist(
            [exact[k].text for k in i.tolist()], [exact[k].text for k in j.tolist()],
            scorer=fuzz.ratio, score_cutoff=TEXT_ALONE, dtype=np.uint8, workers=-1,
        )  # fmt: skip
        found = scores.nonzero()[0]
        for a, b, text in zip(
            i[found].tolist(), j[found].tolist(), scores[found].tolist(), strict=True
        ):
            link = judge(exact[a], exact[b], int(text))
            if link is not None:
                yield link


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


def _vague_links(units: Sequence[Unit]) -> Iterator[Link]:
    """A record dated only to a week or month, against exact records inside its interval
    that it names, or that name it (both ends of one referral, one dated "Jan 2012").
    Exact records are indexed by agency type and by the types they name, so it stays cheap."""
    vagues = [u for u in units if not u.exact and u.start >= 0 and u.end - u.start <= VAGUE_DAYS]
    if not vagues:
        return  # (most reviews have few vague dates, and some none: no index to build)
    by_type: dict[str, list[Unit]] = defaultdict(list)
    naming: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.exact and unit.agency_type:
            by_type[unit.agency_type].append(unit)
            for named in unit.mentions:
                naming[named].append(unit)
    index = _DateIndex([*by_type.items(), *((f"names:{k}", v) for k, v in naming.items())])
    for vague in vagues:
        keys = [*sorted(vague.mentions), f"names:{vague.agency_type}"]
        candidates = {u.index: u for key in keys for u in index.within(key, vague.start, vague.end)}
        for index_b in sorted(candidates):
            exact = candidates[index_b]
            if exact.agency != vague.agency:
                link = judge(vague, exact, int(fuzz.token_set_ratio(vague.text, exact.text)))
                if link is not None:
                    yield link


class _DateIndex:
    def __init__(self, groups: Iterable[tuple[str, list[Unit]]]) -> None:
        self.units = {k: sorted(v, key=lambda u: (u.start, u.index)) for k, v in groups}
        self.starts = {k: [u.start for u in v] for k, v in self.units.items()}

    def within(self, key: str, start: int, end: int) -> list[Unit]:
        starts = self.starts.get(key, [])
        return self.units.get(key, [])[
            bisect.bisect_left(starts, start) : bisect.bisect_right(starts, end)
        ]


def _directions(a: Unit, b: Unit) -> int:
    """How many of the two records name the other's kind of agency (0, 1 or 2)."""
    return int(bool(b.agency_type and b.agency_type in a.mentions)) + int(
        bool(a.agency_type and a.agency_type in b.mentions)
    )


def judge(a: Unit, b: Unit, text: int) -> Link | None:
    """Accept a candidate pair only on corroborated evidence, with a reason to show."""
    gap = max(0, max(a.start, b.start) - min(a.end, b.end))
    named = _directions(a, b)
    same_kind = a.kind is not None and a.kind == b.kind
    if (
        a.minutes is not None
        and b.minutes is not None
        and abs(a.minutes - b.minutes) > 120
        and named < 2
    ):
        return None  # hours apart with no cross-reference: two contacts
    exact = a.exact and b.exact
    when = "same day" if exact and gap == 0 else ("next day" if exact else "within the vague date")
    if exact and gap == 0 and text >= TEXT_ALONE:
        reason = f"same day, near-identical accounts (text {text}%)"
    elif named == 2 and _corroborated(exact, gap, same_kind, text):
        reason = f"{when}, each record names the other agency (text {text}%)"
    elif named == 1 and gap == 0 and same_kind and a.kind in _CONTACT_KINDS and text >= 60:
        reason = f"{when}, both record a {_label(a.kind)}; one names the other (text {text}%)"
    elif named == 1 and exact and gap == 0 and text >= 65:
        reason = f"same day, one names the other agency, closely matching accounts (text {text}%)"
    else:
        return None
    score = round(0.5 * named / 2 + 0.3 * text / 100 + 0.1 * same_kind + 0.1 * (gap == 0), 3)
    return Link(min(a.index, b.index), max(a.index, b.index), score, reason)


def _corroborated(exact: bool, gap: int, same_kind: bool, text: int) -> bool:
    if exact and gap == 0:
        return same_kind or text >= TEXT_CORROBORATED
    if exact:  # a day apart: the same kind of contact, and wording in common
        return same_kind and text >= 45
    return same_kind or text >= 45


def _label(kind: str | None) -> str:
    return (kind or "contact").replace("_", " ")
