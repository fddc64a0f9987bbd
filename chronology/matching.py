"""Find records from different agencies that describe one occurrence.

Candidates come only from blocks of nearby dates, never from all pairs, so the cost grows
with the number of rows. Every accepted link carries its score and a reason a person can read.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from chronology.classify import agency_type, kind_names, link_days, mentioned_types
from chronology.dates import Precision

# Same-day records scoring at least this on text alone are one occurrence.
TEXT_ALONE = 80
# With corroboration (each names the other agency, or both are the same kind of contact),
# this much shared wording is enough.
TEXT_CORROBORATED = 30
_WORDS = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float
    reason: str
    conflict: bool = False


def normalise_text(text: str) -> str:
    return _WORDS.sub(" ", text.lower()).strip()


def find_links(units: Sequence[Unit]) -> list[Link]:
    """Every accepted cross-agency link, strongest first, in a deterministic order."""
    links = list(_same_day_links(units)) + list(_meeting_links(units))
    best: dict[tuple[int, int], Link] = {}
    for link in links:
        key = (link.a, link.b)
        if key not in best or link.score > best[key].score:
            best[key] = link
    return sorted(best.values(), key=lambda k: (-k.score, k.a, k.b))


def _same_day_links(units: Sequence[Unit]) -> Iterator[Link]:
    by_day: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.exact:
            by_day[unit.start].append(unit)
    for day in sorted(by_day):
        left = by_day[day]
        right = left + by_day.get(day + 1, [])
        if len(right) < 2:
            continue
        scores = process.cdist(
            [u.text for u in left],
            [u.text for u in right],
            scorer=fuzz.token_set_ratio,
            score_cutoff=TEXT_CORROBORATED,
            dtype="uint8",
        )
        rows, cols = scores.nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            a, b = left[i], right[j]
            if a.agency == b.agency or (j < len(left) and j <= i):
                continue
            link = _judge_same_day(a, b, int(scores[i, j]))
            if link is not None:
                yield link


def _judge_same_day(a: Unit, b: Unit, text_score: int) -> Link | None:
    same_day = a.start == b.start
    named = _names_each_other(a, b)
    same_kind = a.kind is not None and a.kind == b.kind
    if a.time and b.time and a.time != b.time and not named:
        return None  # different times of day and no cross-reference: two contacts
    if text_score >= TEXT_ALONE and same_day:
        reason = f"same day, near-identical accounts (text {text_score}%)"
    elif named and (same_kind or text_score >= 45):
        what = (
            f"both record a {a.kind.replace('_', ' ')}"
            if same_kind and a.kind
            else "shared wording"
        )
        reason = f"same day, each names the other agency, {what} (text {text_score}%)"
    elif same_kind and same_day and a.kind in kind_names("meeting"):
        reason = f"same day, both record a {a.kind.replace('_', ' ')}"  # type: ignore[union-attr]
    else:
        return None
    score = round(text_score / 100 * 0.5 + 0.3 * named + 0.1 * same_kind + 0.1 * same_day, 3)
    return Link(min(a.index, b.index), max(a.index, b.index), score, reason)


def _names_each_other(a: Unit, b: Unit) -> bool:
    """A names B's kind of agency, or B names A's: the two ends of a call or referral."""
    type_a, type_b = agency_type(a.agency), agency_type(b.agency)
    return bool(
        (type_b and type_b in mentioned_types(a.text))
        or (type_a and type_a in mentioned_types(b.text))
    )


def _meeting_links(units: Sequence[Unit]) -> Iterator[Link]:
    """Multi-agency meetings: the same kind of meeting recorded by two agencies within the
    kind's window is one meeting when each record is the other's nearest; apart = conflict."""
    windows = link_days()
    by_kind_agency: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.kind in windows and unit.end - unit.start <= 7:
            by_kind_agency[(unit.kind, unit.agency)].append(unit)
    agencies_by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, agency in sorted(by_kind_agency):
        agencies_by_kind[kind].append(agency)
    for kind, agencies in agencies_by_kind.items():
        for i, first in enumerate(agencies):
            for second in agencies[i + 1 :]:
                yield from _mutual_nearest(
                    by_kind_agency[(kind, first)],
                    by_kind_agency[(kind, second)],
                    kind,
                    windows[kind],
                )


def _gap(a: Unit, b: Unit) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


class _Nearest:
    """Nearest record by date among one agency's records of one kind, by bisection."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = sorted(units, key=lambda u: (u.start, u.index))
        self.starts = [u.start for u in self.units]

    def to(self, unit: Unit) -> Unit:
        at = bisect.bisect_left(self.starts, unit.start)
        # spans are at most 8 days long, so the nearest lies within a few places of ``at``
        nearby = self.units[max(0, at - 8) : at + 8]
        return min(nearby, key=lambda o: (_gap(unit, o), abs(o.start - unit.start), o.index))


def _mutual_nearest(
    left: Sequence[Unit], right: Sequence[Unit], kind: str, window: int
) -> Iterator[Link]:
    label = kind.replace("_", " ")
    near_left, near_right = _Nearest(left), _Nearest(right)
    for a in left:
        b = near_right.to(a)
        if near_left.to(b) is not a:
            continue
        gap = _gap(a, b)
        pair = (min(a.index, b.index), max(a.index, b.index))
        if gap <= 1:
            yield Link(*pair, 0.95, f"same {label}, same day")
        elif gap <= window:
            reason = f"same {label}: each agency's nearest record of one, {gap} days apart"
            yield Link(*pair, round(0.8 - gap / 100, 3), reason, conflict=True)


def is_exact(precision: Precision, start: int, end: int) -> bool:
    return precision == Precision.DAY and start == end
