"""Multi-agency meetings: one meeting recorded by several agencies, each on its own day.

A strategy discussion or a conference has one record per agency that attended, often dated
a few days apart. Two agencies' records of the same kind of meeting, within the kind's window,
are one meeting when each is the other's nearest; apart, the link carries a date conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from chronology.merge.units import Links, Unit, pairs_in
from chronology.text.classify import kind_names, link_days

NOT_HELD = frozenset({"requested", "planned", "cancelled", "negated", "reported", "mentioned"})
# Records compared per slice: bounds the pair arrays to a few tens of MB.
PAIR_SLICE = 20_000


def _held_by_kind(units: Sequence[Unit]) -> dict[str, list[Unit]]:
    windows = link_days()
    by_kind: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        # a meeting only requested, planned, cancelled or denied is not the meeting
        held = unit.facets.status not in NOT_HELD
        if held and unit.kind in windows and unit.start >= 0 and unit.end - unit.start <= 7:
            by_kind[unit.kind].append(unit)
    return by_kind


def distant_meetings(units: Sequence[Unit]) -> list[tuple[int, int, int, str]]:
    """Two agencies' records of one kind of meeting, each the other's nearest, dated beyond
    the kind's window but within twice it: very probably one meeting with a date wrong, too
    far apart to merge. (unit a, unit b, days apart, kind)"""
    windows = link_days()
    found = []
    for kind, members in sorted(_held_by_kind(units).items()):
        if kind in kind_names("recurs"):
            continue  # a core group a fortnight after another is the next one
        ordered = sorted(members, key=lambda u: (u.start, u.index))
        first, second, gap = _mutual_nearest(ordered, 2 * windows[kind])
        found += [
            (int(a), int(b), int(g), kind)
            for a, b, g in zip(first.tolist(), second.tolist(), gap.tolist(), strict=True)
            if g > windows[kind]
        ]
    return found


def meeting_links(units: Sequence[Unit]) -> Links:
    """Multi-agency meetings: two agencies' records of the same kind of meeting, within the
    kind's window, are one meeting when each is the other's nearest; apart = a conflict."""
    windows = link_days()
    by_kind = _held_by_kind(units)
    parts = []
    for kind in sorted(by_kind):
        ordered = sorted(by_kind[kind], key=lambda u: (u.start, u.index))
        first, second, gap = _mutual_nearest(ordered, windows[kind])
        # a link's score and reason depend only on its gap: one meaning per gap
        gaps, meaning = np.unique(gap, return_inverse=True)
        label = kind.replace("_", " ")
        meanings = [_meaning(int(days), label) for days in gaps]
        score = np.array([m[0] for m in meanings], dtype=np.float64)
        parts.append(Links(first, second, score[meaning], meaning, [m[1:] for m in meanings]))
    return Links.joined(parts) if parts else Links.of([])


def _mutual_nearest(
    ordered: Sequence[Unit], window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Pairs (a, b) where b is a's nearest record of b's agency within ``window`` days and
    a is b's nearest of a's; nearest by gap, then by how far the starts are apart, then by
    index. Worked out as arrays, a slice of records at a time; given as the lower and the
    higher unit index of each pair, and the days between them."""
    start = np.fromiter((u.start for u in ordered), dtype=np.int64, count=len(ordered))
    end = np.fromiter((u.end for u in ordered), dtype=np.int64, count=len(ordered))
    index = np.fromiter((u.index for u in ordered), dtype=np.int64, count=len(ordered))
    codes = {name: n for n, name in enumerate(sorted({u.agency for u in ordered}))}
    agency = np.fromiter((codes[u.agency] for u in ordered), dtype=np.int64, count=len(ordered))
    low = np.searchsorted(start, start - window - 7, side="left")
    high = np.searchsorted(start, end + window, side="right")
    best: list[npt.NDArray[np.int64]] = []
    for first in range(0, len(ordered), PAIR_SLICE):
        last = min(len(ordered), first + PAIR_SLICE)
        a, b = pairs_in(low[first:last], high[first:last], first)
        gap = np.maximum(0, np.maximum(start[a], start[b]) - np.minimum(end[a], end[b]))
        keep = (agency[a] != agency[b]) & (gap <= window)
        a, b, gap = a[keep], b[keep], gap[keep]
        order = np.lexsort((index[b], np.abs(start[b] - start[a]), gap, agency[b], a))
        a, b = a[order], b[order]
        head = np.ones(len(a), dtype=np.bool_)
        head[1:] = (a[1:] != a[:-1]) | (agency[b][1:] != agency[b][:-1])
        best.append(a[head] * len(ordered) + b[head])
    chosen = np.concatenate(best) if best else np.zeros(0, dtype=np.int64)
    a, b = np.divmod(chosen, len(ordered))
    mutual = _within(b * len(ordered) + a, chosen) & (index[b] > index[a])
    a, b = a[mutual], b[mutual]
    gap = np.maximum(0, np.maximum(start[a], start[b]) - np.minimum(end[a], end[b]))
    return index[a], index[b], gap


def _within(keys: npt.NDArray[np.int64], of: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """``np.isin(keys, of)``, by a sort and a binary search (isin hashes both: several
    times slower here)."""
    ordered = np.sort(of)
    at = np.minimum(np.searchsorted(ordered, keys), max(len(ordered) - 1, 0))
    found: npt.NDArray[np.bool_] = (
        ordered[at] == keys if len(ordered) else np.zeros(len(keys), bool)
    )
    return found


def _meaning(gap: int, label: str) -> tuple[float, str, bool]:
    """A meeting link's score, reason and whether it is a date conflict, by the days
    between the two records."""
    if gap == 0:
        return 0.95, f"same {label}, same day", False
    if gap == 1:
        return 0.9, f"same {label}, recorded a day apart", False
    reason = f"same {label}: each agency's nearest record of one, {gap} days apart"
    return round(0.8 - gap / 100, 3), reason, True
