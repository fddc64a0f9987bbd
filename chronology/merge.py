"""Merge every agency's sources into one ordered integrated chronology.

1. Exact duplicates (one agency's row pasted twice) collapse into one record.
2. Records of one occurrence by different agencies are linked (see ``matching``).
3. Linked records become one event keeping every agency's account; an event never holds two
   different records from the same agency, so similar occurrences are not chained together.
4. Events are ordered by date interval, time, sequence and agency, then numbered.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from chronology.classify import agency_type, classify, mentioned_types
from chronology.events import build_event, event_sort_key, one_record_event
from chronology.matching import find_links
from chronology.parallel import map_chunks
from chronology.schema import Event, MergeDecision, Source
from chronology.units import Link, Links, Unit, is_exact, minutes_of, normalise_text

# What matching reads from a record: its kind, the agency types it names, its words.
Features = tuple[str | None, frozenset[str], tuple[str, str]]


def source_sort_key(source: Source) -> tuple[object, ...]:
    """A total order on sources that does not depend on the order files were given in."""
    return (
        source.date.sort_key,
        source.time or "",
        source.sequence if source.sequence is not None else float("inf"),
        source.agency,
        source.file,
        source.sheet or "",
        source.row,
    )


def merge(
    sources: Sequence[Source],
    joins: Sequence[Sequence[str]] = (),
    splits: Sequence[Sequence[str]] = (),
    *,
    features: Sequence[Features] | None = None,
) -> list[Event]:
    """The integrated chronology: one event per occurrence, in order, numbered E0001…

    ``joins`` and ``splits`` are the author's overrides, as lists of source refs
    (``file:sheet:row``); they are applied after automatic matching and win over it.
    Unknown refs are skipped here: the review layer reports them, located, beforehand.
    ``features``, if given, are ``features_of(sources)`` found beforehand.
    """
    keys = [source_sort_key(source) for source in sources]
    order = sorted(range(len(sources)), key=keys.__getitem__)
    ordered = [sources[i] for i in order]
    if features is None:
        features = map_chunks(features_of, ordered)
    else:
        features = [features[i] for i in order]
    for source, (kind, _mentions, _words) in zip(ordered, features, strict=True):
        source.kind = kind
    words = [found[2] for found in features]
    clusters, duplicate_decisions = _collapse_duplicates(ordered, words)
    units = _units(clusters, ordered, features)
    forced, split = _overrides(clusters, ordered, joins, splits)
    groups = _group(units, forced, find_links(units), split)
    events = []
    for members, links in groups:
        if not links and len(cluster := clusters[members[0]]) == 1 and len(members) == 1:
            events.append(one_record_event(ordered[cluster[0]]))  # most: one agency's record
            continue
        group_sources = [ordered[m] for c in members for m in clusters[c]]
        decisions = [duplicate_decisions[c] for c in members if c in duplicate_decisions]
        decisions += [_decision(link, clusters, ordered) for link in links]
        events.append(
            build_event(group_sources, decisions, conflict=any(k.conflict for k in links))
        )
    events.sort(key=event_sort_key)
    width = max(4, len(str(len(events))))
    for number, event in enumerate(events, start=1):
        event.id = f"E{number:0{width}d}"
    return events


def _overrides(
    clusters: Sequence[list[int]],
    ordered: Sequence[Source],
    joins: Sequence[Sequence[str]],
    splits: Sequence[Sequence[str]],
) -> tuple[list[Link], list[frozenset[int]]]:
    if not joins and not splits:
        return [], []
    unit_of = {ordered[m].ref: c for c, members in enumerate(clusters) for m in members}
    forced = []
    for refs in joins:
        found = sorted({unit_of[r] for r in refs if r in unit_of})
        forced += [
            Link(a, b, 2.0, "author: merge.join in the review file")
            for a, b in itertools.pairwise(found)
        ]
    split = [frozenset(unit_of[r] for r in refs if r in unit_of) for refs in splits]
    return forced, split


def _duplicate_key(source: Source, words: tuple[str, str]) -> tuple[object, ...]:
    return (source.agency, source.file, source.sheet, source.date.text, source.time, *words)


def _collapse_duplicates(
    ordered: Sequence[Source], words: Sequence[tuple[str, str]]
) -> tuple[list[list[int]], dict[int, MergeDecision]]:
    first_of: dict[tuple[object, ...], int] = {}
    clusters: list[list[int]] = []
    decisions: dict[int, MergeDecision] = {}
    for index, source in enumerate(ordered):
        key = _duplicate_key(source, words[index])
        if key in first_of and source.text.strip():
            clusters[first_of[key]].append(index)
            continue
        first_of[key] = len(clusters)
        clusters.append([index])
    for cluster, members in enumerate(clusters):
        if len(members) > 1:  # the decision is made once per cluster, not once per member
            refs = [ordered[m].ref for m in members]
            decisions[cluster] = MergeDecision(
                refs, "auto", "exact duplicate: the same row submitted twice", 1.0
            )
    return clusters, decisions


def features_of(sources: Sequence[Source]) -> list[Features]:
    """What matching reads from each record's wording: its kind (unless the agency gave
    one; the text leads, the action column decides only when the text names no kind),
    the agency types it names, and its words normalised."""
    found = []
    for source in sources:
        both = f"{source.text}\n{source.action}"
        words = (normalise_text(source.text), normalise_text(source.action))
        found.append((source.kind or classify(both), mentioned_types(both), words))
    return found


def _units(
    clusters: Sequence[list[int]], ordered: Sequence[Source], features: Sequence[Features]
) -> list[Unit]:
    """Each cluster as matching sees it, from its first record."""
    types: dict[str, str | None] = {}  # a review has few agencies and few times of day
    minutes: dict[str | None, int | None] = {}
    units = []
    for index, members in enumerate(clusters):
        first = ordered[members[0]]
        _kind, mentions, (text, action) = features[members[0]]
        span, agency, time = first.date, first.agency, first.time
        start = span.start.toordinal() if span.start else -1
        end = span.end.toordinal() if span.end else -1
        if agency not in types:
            types[agency] = agency_type(agency)
        if time not in minutes:
            minutes[time] = minutes_of(time)
        units.append(
            Unit(
                index,
                agency,
                start,
                end,
                span.start is not None and is_exact(span.precision, start, end),
                first.kind,
                f"{text} {action}" if text and action else text or action,  # space-joined
                time,
                mentions,
                types[agency],
                minutes[time],
            )
        )
    return units


class _Groups:
    """Union-find over units that refuses to join two records of the same agency
    (unless the author forces it) or anything the author has split apart."""

    def __init__(self, units: Sequence[Unit], split: Sequence[frozenset[int]]) -> None:
        self.parent = list(range(len(units)))
        self.agencies = [{u.agency} for u in units]
        self.split = split
        # each group's members, kept only to honour the author's splits
        self.members = [{u.index} for u in units] if split else []
        self.links: dict[int, list[Link]] = {}  # by root: most units join nothing

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int, *, forced: bool = False) -> int | None:
        """Join the groups of units ``a`` and ``b``; their root, or None if they are one
        group already or may not be joined."""
        a, b = self.root(a), self.root(b)
        if a == b:
            return None
        if not forced and not self.agencies[a].isdisjoint(self.agencies[b]):
            return None
        if self.split and self._kept_apart(a, b):
            return None
        low, high = min(a, b), max(a, b)
        self.parent[high] = low
        self.agencies[low] |= self.agencies[high]
        if self.split:
            self.members[low] |= self.members[high]
        if high in self.links:
            self.links.setdefault(low, []).extend(self.links.pop(high))
        return low

    def _kept_apart(self, a: int, b: int) -> bool:
        return any(self.members[a] & s and self.members[b] & s for s in self.split)


def _group(
    units: Sequence[Unit], forced: Sequence[Link], found: Links, split: Sequence[frozenset[int]]
) -> list[tuple[list[int], list[Link]]]:
    """The author's links first, then the links found, strongest first."""
    groups = _Groups(units, split)
    for link in forced:
        if (root := groups.join(link.a, link.b, forced=True)) is not None:
            groups.links.setdefault(root, []).append(link)
    scores, meanings = found.score.tolist(), found.meaning.tolist()
    for k, (a, b) in enumerate(zip(found.a.tolist(), found.b.tolist(), strict=True)):
        if (root := groups.join(a, b)) is not None:
            link = Link(a, b, scores[k], *found.meanings[meanings[k]])
            groups.links.setdefault(root, []).append(link)
    members: dict[int, list[int]] = {}
    for unit in units:
        members.setdefault(groups.root(unit.index), []).append(unit.index)
    return [(m, groups.links.get(root, [])) for root, m in members.items()]


def _decision(
    link: Link, clusters: Sequence[list[int]], ordered: Sequence[Source]
) -> MergeDecision:
    refs = [ordered[clusters[link.a][0]].ref, ordered[clusters[link.b][0]].ref]
    method = "author" if link.reason.startswith("author") else "auto"
    return MergeDecision(refs, method, link.reason, link.score)
