"""Merge every agency's sources into one ordered integrated chronology.

1. Exact duplicates (one agency's row pasted twice) collapse into one record.
2. Records of one occurrence by different agencies are linked (see ``matching``).
3. Linked records become one event keeping every agency's account; an event never holds two
   different records from the same agency, so similar occurrences are not chained together.
4. Events are ordered by date interval, time, sequence and agency, then numbered.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import replace

from chronology.dates.span import Precision
from chronology.merge.candidates import find_links
from chronology.merge.events import build_event, event_sort_key, one_record_event
from chronology.merge.evidence import ENDS_REASON
from chronology.merge.meetings import distant_meetings
from chronology.merge.units import Link, Links, Unit, is_exact, minutes_of, normalise_text
from chronology.model.schema import Event, Facets, MergeDecision, Source
from chronology.text.classify import mentioned_types, type_of
from chronology.text.facets import facets_of

# What matching reads from a record: its kind, the agency types it names, its words, facets.
Features = tuple[str | None, frozenset[str], tuple[str, str], Facets]


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
    glossary: Mapping[str, object] | None = None,
) -> list[Event]:
    """The integrated chronology: one event per occurrence, in order, numbered E0001…

    ``joins`` and ``splits`` are the author's overrides, as lists of source refs
    (``file:sheet:row``); they are applied after automatic matching and win over it.
    Unknown refs are skipped here: the review layer reports them, located, beforehand.
    ``glossary`` is the review's own abbreviations (``[glossary]``), read by the wording
    similarity with the packaged ones.
    """
    keys = [source_sort_key(source) for source in sources]
    order = sorted(range(len(sources)), key=keys.__getitem__)
    ordered = [sources[i] for i in order]
    features = features_of(ordered)
    for source, (kind, _mentions, _words, facets) in zip(ordered, features, strict=True):
        source.kind, source.facets = kind, facets
    words = [found[2] for found in features]
    clusters, duplicate_decisions = _collapse_duplicates(ordered, words)
    units = _units(clusters, ordered, features)
    forced, split = _overrides(clusters, ordered, joins, splits)
    groups = _group(units, forced, find_links(units, glossary), split)
    events = []
    event_of: dict[int, Event] = {}
    for members, links in groups:
        if not links and len(cluster := clusters[members[0]]) == 1 and len(members) == 1:
            events.append(one_record_event(ordered[cluster[0]]))  # most: one agency's record
            event_of[members[0]] = events[-1]
            continue
        group_sources = [ordered[m] for c in members for m in clusters[c]]
        decisions = [duplicate_decisions[c] for c in members if c in duplicate_decisions]
        decisions += [_decision(link, clusters, ordered) for link in links]
        events.append(
            build_event(
                group_sources,
                decisions,
                conflict=any(k.conflict for k in links),
                sent_received=any(k.reason.startswith(ENDS_REASON) for k in links),
            )
        )
        event_of.update((m, events[-1]) for m in members)
    _note_distant_meetings(units, clusters, ordered, event_of)
    events.sort(key=event_sort_key)
    width = max(4, len(str(len(events))))
    for number, event in enumerate(events, start=1):
        event.id = f"E{number:0{width}d}"
    return events


def _note_distant_meetings(
    units: Sequence[Unit],
    clusters: Sequence[list[int]],
    ordered: Sequence[Source],
    event_of: dict[int, Event],
) -> None:
    """Each pair of records very probably of one meeting but too far apart to merge is
    kept apart, and the decision recorded on both events (``method = "candidate"``): the
    analysis reports it as a date conflict."""
    for a, b, gap, kind in distant_meetings(units):
        first, second = event_of[a], event_of[b]
        if first is second:
            continue
        one, other = ordered[clusters[a][0]], ordered[clusters[b][0]]
        reason = (
            f"probably one {kind.replace('_', ' ')}, dated {one.date.text} by {one.agency} and "
            f"{other.date.text} by {other.agency} ({gap} days apart): not merged, the dates "
            "are too far apart; check which is right"
        )
        decision = MergeDecision([one.ref, other.ref], "candidate", reason, 0.5)
        for event in (first, second):  # the flag and the finding say the same
            event.merge.append(decision)
            if "unmerged_date_conflict" not in event.flags:
                event.flags.append("unmerged_date_conflict")


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
        mentions = mentioned_types(both)
        facets = facets_of(source.text, source.action, mentions)
        if source.kind and source.kind != facets.what:  # the agency's own kind leads
            facets = replace(facets, what=source.kind)
        found.append((facets.what, mentions, words, facets))
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
        _kind, mentions, (text, action), facets = features[members[0]]
        span, agency, time = first.date, first.agency, first.time
        start = span.start.toordinal() if span.start else -1
        end = span.end.toordinal() if span.end else -1
        if agency not in types:
            types[agency] = type_of(first)
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
                start if span.precision in (Precision.DAY, Precision.RANGE) else -1,
                facets,
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
