"""Statutory timescales: was each step taken within the time the guidance then in force set?

The rules are data (``rules/timescales.toml``; see ``timescale_rules``). Each finding in
``chronology.analysis["timescales"]`` is::

    {"kind": "timescale", "rule", "title", "edition", "status", "limit", "unit", "due",
     "start": {"event", "label", "date", "date_text", "start", "end", "agencies", "sources"},
     "end": {...} or None, "date_conflict", "days", "working_days", "days_range",
     "working_days_range", "events", "sources", "detail"}

``status`` is ``met``, ``missed``, ``not_evidenced`` (no end, or no start, in the chronology),
``not_due`` (no end, but the review period ended before it was due) or ``unclear`` (vague
dates that allow both answers, or an end dated before its start). Where the start (or end)
event's date is in conflict between agencies, the check is reported once under each agency's
date: the strategy discussion dated 1 May by the police and 23 May by children's social care
gives two results for the one conference; when they differ, each says so
(``depends_on_date``: the answer depends on which date is right).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from chronology.dates.span import DateSpan
from chronology.dates.workdays import add_months, add_working_days, working_days_between
from chronology.model.schema import Chronology, Event
from chronology.stages.analysis.common import (
    Finding,
    bounds,
    day_text,
    iso,
    plural,
    when,
)
from chronology.stages.analysis.phrases import normalise
from chronology.stages.analysis.timescale_rules import Rule, Side
from chronology.text.classify import type_of
from chronology.text.screen import Screens, words_of


@dataclass(frozen=True, slots=True)
class _Dated:
    """An event as dated by some of its agencies (all of them, unless they disagree)."""

    event: Event
    span: DateSpan
    agencies: tuple[str, ...]
    sources: tuple[str, ...]
    conflict: bool

    def describe(self, label: str) -> Finding:
        start, end = self.span.to_iso()
        return {
            "event": self.event.id,
            "label": label,
            "date": when(self.span),
            "date_text": self.span.text,
            "start": start,
            "end": end,
            "agencies": list(self.agencies),
            "sources": list(self.sources),
        }

    def phrase(self) -> str:
        if not self.conflict:
            return when(self.span)
        return f"{when(self.span)}, the date given by {' and '.join(self.agencies)}"


def _dated(event: Event, side: Side) -> list[_Dated]:
    """The event's date, or, where its agencies disagree, each date given by an agency whose
    record is of this step (a CSC note requesting the strategy discussion is not)."""
    if "date_conflict" not in event.flags:
        refs = tuple(s.ref for s in event.sources)
        return [_Dated(event, event.date, tuple(event.agencies), refs, conflict=False)]
    records = [s for s in event.sources if side.source_matches(s)] or event.sources
    groups: dict[tuple[dt.date, dt.date], list[tuple[str, str, DateSpan]]] = {}
    for source in records:
        if source.date.start is not None and source.date.end is not None:
            key = (source.date.start, source.date.end)
            groups.setdefault(key, []).append((source.agency, source.ref, source.date))
    return [
        _Dated(
            event,
            members[0][2],
            tuple(sorted({agency for agency, _r, _s in members})),
            tuple(ref for _a, ref, _s in members),
            conflict=len(groups) > 1,
        )
        for _key, members in sorted(groups.items())
    ]


class _Dating:
    """``_dated`` for each event and side, worked out once (editions of a rule share them)."""

    def __init__(self) -> None:
        self.found: dict[tuple[int, int], list[_Dated]] = {}

    def __call__(self, event: Event, side: Side) -> list[_Dated]:
        key = (id(event), id(side))
        if key not in self.found:
            self.found[key] = _dated(event, side)
        return self.found[key]


def _first(event: Event) -> dt.date:
    return bounds(event.date)[0]


def check_timescales(chronology: Chronology, rules: Sequence[Rule]) -> list[Finding]:
    """Every applicable rule checked against the chronology, in date order."""
    found: list[tuple[tuple[object, ...], Finding]] = []
    last = _period_end(chronology)
    matching = _matching(chronology.events, [side for r in rules for side in (r.start, r.end)])
    dated = _Dating()
    for number, rule in enumerate(rules):
        starts, ends = matching[rule.start], matching[rule.end]
        for finding in _check(rule, starts, ends, last, dated):
            anchor = finding["start"] or finding["end"]
            found.append(((anchor["start"], number, finding["events"]), finding))
    found.sort(key=lambda pair: pair[0])
    return [finding for _key, finding in found]


def _period_end(chronology: Chronology) -> dt.date | None:
    """The end of the review period (the review file's), else of the chronology."""
    given = (chronology.meta.get("facts") or {}).get("end")
    if given:
        return dt.date.fromisoformat(str(given))
    return max((e.date.end for e in chronology.events if e.date.end), default=None)


def _matching(events: Sequence[Event], sides: Sequence[Side]) -> dict[Side, list[Event]]:
    """The events each side matches, in order. (Editions of one rule share their sides.)
    Each event is tried only against the sides its words allow (``text.screen``)."""
    distinct = list(dict.fromkeys(sides))
    owners = [number for number, side in enumerate(distinct) for _m in side.matchers]
    screens = Screens([m.screen for side in distinct for m in side.matchers])
    found: list[list[Event]] = [[] for _side in distinct]
    for event in events:
        hopeful = {
            owners[at]
            for source in event.sources
            for at in screens.passing(words_of(normalise(f"{source.text} {source.action}")))
        }
        for number in sorted(hopeful):
            if distinct[number].matches(event):
                found[number].append(event)
    return dict(zip(distinct, found, strict=True))


def _check(
    rule: Rule,
    starts: Sequence[Event],
    ends: Sequence[Event],
    last: dt.date | None,
    dated: _Dating,
) -> Iterator[Finding]:
    pairs = (
        _last_starts(rule, starts, ends)
        if rule.pair == "last_start"
        else (_first_ends(rule, starts, ends))
    )
    for start, end in pairs:
        if start is None and end is not None:
            if rule.report_unmatched and rule.applies(_first(end)):
                yield from (_no_start(rule, e) for e in dated(end, rule.end)[:1])
            continue
        results: list[Finding] = []
        for s in dated(start, rule.start) if start is not None else ():
            if s.span.start is None or not rule.applies(s.span.start):
                continue
            if end is None:
                if rule.report_unmatched:
                    results.append(_no_end(rule, s, last))
                continue
            results.extend(_result(rule, s, e) for e in dated(end, rule.end))
        yield from _depending(results)


def _depending(results: list[Finding]) -> list[Finding]:
    """One step's results under each agency's date: when they disagree (met under one,
    missed under the other), each says that the answer depends on the date."""
    if len({r["status"] for r in results}) > 1:
        for result in results:
            result["depends_on_date"] = True
            result["detail"] += (
                " Under another agency's date the answer differs: it depends on which "
                "date is right."
            )
    return results


def _last_starts(
    rule: Rule, starts: Sequence[Event], ends: Sequence[Event]
) -> Iterator[tuple[Event | None, Event | None]]:
    """For each end, the last start on or before it and after the previous end; with
    ``chain_days``, the first of the run of starts leading up to it (a referral logged,
    then awaiting allocation, counts from the referral)."""
    days = [_first(s) for s in starts]
    for index, end in enumerate(ends):
        earliest = max(
            _first(ends[index - 1]) if index else dt.date.min,
            _first(end) - dt.timedelta(days=rule.within_days),
        )
        excluded = (end, ends[index - 1]) if index else (end,)
        usable = []
        for at in range(bisect.bisect_right(days, _first(end)) - 1, -1, -1):
            if days[at] < earliest:
                break
            if all(starts[at] is not e for e in excluded):
                usable.append(at)
        if not usable:
            yield None, end
            continue
        chosen = usable[0]
        for at in usable[1:]:
            if rule.chain_days <= 0 or (days[chosen] - days[at]).days > rule.chain_days:
                break
            chosen = at
        same_day = [starts[at] for at in usable if days[at] == days[chosen]]
        yield _own_record(rule, same_day) or starts[chosen], end


def _own_record(rule: Rule, candidates: Sequence[Event]) -> Event | None:
    """Of one day's starts, the one recorded by the agency the rule is about (the referral
    as children's social care logged it, not a health visitor's note of it)."""
    types = rule.start.agency_types
    own = [e for e in candidates if types & {type_of(s) for s in e.sources}]
    return own[-1] if own and len(own) < len(candidates) else None


def _first_ends(
    rule: Rule, starts: Sequence[Event], ends: Sequence[Event]
) -> Iterator[tuple[Event | None, Event | None]]:
    """For each start, the first end on or after it and not after the next start."""
    days = [_first(e) for e in ends]
    start_days = [_first(s) for s in starts]
    for start in starts:
        after = bisect.bisect_right(start_days, _first(start))
        ceiling = start_days[after] if after < len(starts) else dt.date.max
        limit = _first(start) + dt.timedelta(days=rule.within_days)
        chosen = None
        for at in range(bisect.bisect_left(days, _first(start)), len(ends)):
            if days[at] > min(ceiling, limit):
                break
            if ends[at] is not start:
                chosen = ends[at]
                break
        yield start, chosen


@lru_cache(maxsize=1 << 14)
def _add_working_days(day: dt.date, count: int) -> dt.date:
    return add_working_days(day, count)


def _due(rule: Rule, day: dt.date) -> dt.date:
    if rule.unit == "working_days":
        return _add_working_days(day, rule.limit)
    if rule.unit == "months":
        return add_months(day, rule.limit)
    return day + dt.timedelta(days=rule.limit)


def _limit(rule: Rule) -> str:
    return plural(rule.limit, rule.unit.replace("_", " ").rstrip("s"))


def _base(rule: Rule, status: str, start: _Dated | None, end: _Dated | None) -> Finding:
    dated = [d for d in (start, end) if d is not None]
    return {
        "kind": "timescale",
        "rule": rule.id,
        "title": rule.title,
        "edition": rule.edition,
        "status": status,
        "limit": rule.limit,
        "unit": rule.unit,
        "due": None,
        "start": start.describe(rule.start_label) if start else None,
        "end": end.describe(rule.end_label) if end else None,
        "date_conflict": any(d.conflict for d in dated),
        "depends_on_date": False,
        "days": None,
        "working_days": None,
        "days_range": None,
        "working_days_range": None,
        "events": list(dict.fromkeys(d.event.id for d in dated)),
        "sources": list(dict.fromkeys(ref for d in dated for ref in d.sources)),
        "detail": "",
    }


def _result(rule: Rule, s: _Dated, e: _Dated) -> Finding:
    (s_lo, s_hi), (e_lo, e_hi) = bounds(s.span), bounds(e.span)
    early_due, late_due = _due(rule, s_lo), _due(rule, s_hi)
    working = (working_days_between(s_hi, e_lo), working_days_between(s_lo, e_hi))
    days = ((e_lo - s_hi).days, (e_hi - s_lo).days)
    if days[1] < 0:
        status = "unclear"
    elif e_hi <= early_due:
        status = "met"
    elif e_lo > late_due:
        status = "missed"
    else:
        status = "unclear"
    finding = _base(rule, status, s, e)
    exact = days[0] == days[1]
    finding.update(
        due=iso(early_due) if s_lo == s_hi else None,
        days=days[0] if exact else None,
        working_days=working[0] if exact else None,
        days_range=None if exact else list(days),
        working_days_range=None if exact else list(working),
    )
    finding["detail"] = _sentence(rule, s, e, finding)
    return finding


def _sentence(rule: Rule, s: _Dated, e: _Dated, finding: Finding) -> str:
    head = f"The {rule.end_label} ({e.phrase()})"
    tail = f"the {rule.start_label} ({s.phrase()})"
    edition = f" of {rule.edition}" if rule.edition else ""
    days_range = finding["days_range"] or [finding["days"], finding["days"]]
    if days_range[1] < 0:
        return f"{head} is dated before {tail}: check the dates ({rule.title})."
    if finding["working_days"] is not None:
        elapsed = plural(finding["working_days"], "working day")
        if rule.unit == "days":
            elapsed = plural(finding["days"], "day")
    else:
        elapsed = "between {} and {} working days".format(*finding["working_days_range"])
    due = f"; it was due by {day_text(finding['due'])}" if finding["due"] else ""
    verdict = {
        "met": f"within the {_limit(rule)}{edition}",
        "missed": f"outside the {_limit(rule)}{edition}{due}",
        "unclear": f"the dates are too vague to tell against the {_limit(rule)}{edition}",
    }[finding["status"]]
    return f"{head} came {elapsed} after {tail}: {verdict}."


def _no_end(rule: Rule, s: _Dated, last: dt.date | None) -> Finding:
    due = _due(rule, bounds(s.span)[0])
    not_due = last is not None and last < due
    finding = _base(rule, "not_due" if not_due else "not_evidenced", s, None)
    finding["due"] = iso(due)
    edition = f", {rule.edition}" if rule.edition else ""
    detail = (
        f"No {rule.end_label} is recorded within {rule.within_days} days after the "
        f"{rule.start_label} of {s.phrase()}; it was due by {day_text(due)} "
        f"({_limit(rule)}{edition})."
    )
    if last is not None and not_due:
        detail += f" The review period ends on {day_text(last)}, before then: not yet due."
    finding["detail"] = detail
    return finding


def _no_start(rule: Rule, e: _Dated) -> Finding:
    finding = _base(rule, "not_evidenced", None, e)
    finding["detail"] = (
        f"No {rule.start_label} is recorded in the {rule.within_days} days before the "
        f"{rule.end_label} of {e.phrase()}"
        + (
            f" ({rule.edition} expects one within {_limit(rule)} before it)."
            if rule.edition
            else "."
        )
    )
    return finding
