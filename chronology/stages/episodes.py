"""Key episodes: periods where agencies were drawn in, acted, and stepped back.

``assign_episodes(chronology, settings)`` is a pipeline stage. It sets ``chronology.episodes``
(``[{"id", "title", "kind", "start", "end", "events"}]``: "K0" for the key information before
the first episode, then "K1", "K2"…) and each event's ``episode``. Undated events belong to no
episode; so do dated events that fall between episodes.

The author's ``[[episodes]]`` (title, start, end) in the review file replace detection
entirely: an event belongs to the first of them whose dates contain its start date.

Detection walks the dated events of the merged chronology in order. Each event is classified
by ``episode_rules.signals`` from its kinds (``rules/kinds.toml``) and ``rules/episodes.toml``:

1. An episode opens at a **trigger**: an incident recorded by the police, a referral recorded
   by children's or adults' social care, a strategy discussion, a child protection conference,
   a MARAC, a joint screening, a section 47 enquiry, or the death. A trigger phrase that is only
   requested, planned or negated ("requested a strategy discussion") does not count. Events
   just before the trigger whose vague dates reach it ("January 2012") are drawn into it.
2. It runs while **activity** continues: any contact by the police, social care or a specialist
   domestic abuse service, any multi-agency record, meeting, assessment, arrest, referral,
   incident or closure. Routine contacts in between (a clinic visit) belong to the episode;
   routine contacts after its last activity do not.
3. It **closes** when an agency steps back (case closed, no further action). Once children's or
   adults' social care has taken part, only their own closure closes the episode. A closed
   episode keeps the aftermath that follows (a closing letter, a referral straight after the
   closure), but any other trigger after a closure opens a new episode, however short the gap.
4. It **ends** when there has been no activity for more than ``quiet_days``; a trigger after
   that opens a new episode.
5. A candidate is a key episode when it has at least ``min_events`` events and at least
   ``min_agencies`` agencies took part in its activity; the rest (a single agency's incident)
   stay outside episodes. Everything before the first key episode is "Key information prior to
   <month of the first episode>".

Parameters default to ``DEFAULTS`` and are read from ``[episode_detection]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chronology.dates.grammar import MONTHS
from chronology.model.errors import ReviewFileError
from chronology.model.schema import Chronology, Event
from chronology.stages.episode_rules import Signals, signals
from chronology.text.rules import load_rules

# the detection parameters' defaults: data, in rules/episodes.toml [detection]
DEFAULTS: dict[str, int] = {k: int(v) for k, v in load_rules("episodes.toml")["detection"].items()}
PRIOR_ID = "K0"
PRECISE_DAYS = 7  # events dated this precisely set where an episode starts and ends
REVIEW_FILE = "review.toml"
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip


# ---------------------------------------------------------------- titles
def month_range(start: dt.date, end: dt.date) -> str:
    """ "August 2010", "August to October 2010", "November 2011 to February 2012"."""
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first} to {last} {end.year}"
    return f"{first} {start.year} to {last} {end.year}"


def ordinal(number: int) -> str:
    return ORDINALS[number - 1] if 1 <= number <= len(ORDINALS) else f"{number}th"


def episode_title(number: int, start: dt.date, end: dt.date) -> str:
    if number > len(ORDINALS):
        return f"Key episode {number}: {month_range(start, end)}"
    return f"The {ordinal(number)} key episode: {month_range(start, end)}"


def prior_title(first_episode_start: dt.date) -> str:
    return f"Key information prior to {MONTHS[first_episode_start.month - 1]} " + str(
        first_episode_start.year
    )


# ---------------------------------------------------------------- parameters
def parameters(settings: Mapping[str, Any]) -> dict[str, int]:
    """``DEFAULTS`` overridden by ``[episode_detection]``; each a whole number ≥ 0."""
    given = settings.get("episode_detection", {}) or {}
    found = dict(DEFAULTS)
    for key, value in given.items():
        if key not in DEFAULTS:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ReviewFileError(
                f"[episode_detection] {key} must be a whole number of at least 0, not {value!r}",
                file=REVIEW_FILE,
            )
        found[key] = value
    return found


# ---------------------------------------------------------------- detection
def anchor_end(event: Event) -> dt.date:
    """The last day an event speaks for: its end, unless its date is vaguer than a month."""
    start, end = _start(event), event.date.end or _start(event)
    return end if (end - start).days <= 31 else start


def _start(event: Event) -> dt.date:
    if event.date.start is None:
        raise ValueError(f"{event.id} has no date; only dated events belong to episodes")
    return event.date.start


@dataclass(slots=True)
class Candidate:
    events: list[Event]
    last: dt.date
    pending: list[Event] = field(default_factory=list)
    agencies: set[str] = field(default_factory=set)
    lead: bool = False
    closed: bool = False
    death: bool = False
    serious: bool = False  # opened by a serious incident: a death in it is the same crisis
    enquiry: bool = False  # an enquiry began in it: its next steps (an s47 visit) are its own

    def add(self, event: Event, signal: Signals) -> None:
        self.pending.append(event)
        self.death = self.death or signal.death
        self.enquiry = self.enquiry or signal.starts
        if not signal.active:
            return
        self.events.extend(self.pending)
        self.pending = []
        self.last = max(self.last, _start(event))
        self.agencies.update(event.agencies)
        if signal.closure and (signal.lead or not self.lead):
            self.closed = True
        self.lead = self.lead or signal.lead


@dataclass(slots=True)
class _Walk:
    params: Mapping[str, int]
    done: list[Candidate] = field(default_factory=list)
    current: Candidate | None = None
    trail: list[Event] = field(default_factory=list)  # events since the last candidate event

    def finish(self, keep_pending: bool) -> None:
        if self.current is None:
            return
        if keep_pending:
            self.current.events.extend(self.current.pending)
            self.trail = []
        else:
            self.trail = list(self.current.pending)
        self.current.pending = []
        self.done.append(self.current)
        self.current = None

    def open(self, event: Event, signal: Signals) -> None:
        """A new candidate at ``event``, with the events just before it whose vague dates
        reach it; a death also draws in its run-up (the bruise, the worried call)."""
        run_up = self.params["death_run_up_days"] if signal.death else 0
        reach = _start(event) - dt.timedelta(days=run_up)
        drawn: list[Event] = []
        while self.trail and self.trail[-1].date.end and self.trail[-1].date.end >= reach:
            drawn.insert(0, self.trail.pop())
        self.trail = []
        self.current = Candidate(events=drawn, last=_start(event), serious=signal.serious)
        self.current.add(event, signal)

    def _ends_before(self, current: Candidate, event: Event, signal: Signals) -> bool | None:
        """Whether ``event`` ends the current episode: False (it goes on), True (it ended
        before the quiet spell: the events since its last activity are not its), or None
        (it ends here, keeping its aftermath)."""
        quiet, p = (_start(event) - current.last).days, self.params
        open_case = current.lead and not current.closed and signal.lead
        if quiet > (p["quiet_days_open_case"] if open_case else p["quiet_days"]):
            return True
        if (signal.serious and not current.serious and quiet >= p["serious_split_days"]) or (
            signal.starts and not current.enquiry and quiet >= p["process_split_days"]
        ):
            return True  # a serious incident, a new enquiry: an episode of its own
        if signal.trigger and current.closed and signal.reopens:
            return None
        return False

    def step(self, event: Event) -> None:
        signal = signals(event)
        current = self.current
        if current is not None:
            ends = self._ends_before(current, event, signal)
            if ends is not False:
                self.finish(keep_pending=ends is None)
        if self.current is not None:
            self.current.add(event, signal)
        elif signal.trigger:
            self.open(event, signal)
        else:
            self.trail.append(event)


def detect(events: Sequence[Event], params: Mapping[str, int]) -> list[list[Event]]:
    """The key episodes among ``events`` (dated, in chronological order), as event lists."""
    walk = _Walk(params)
    for event in events:
        walk.step(event)
    walk.finish(keep_pending=False)
    return [
        c.events
        for c in walk.done
        if c.death
        or (c.serious and len(c.agencies) >= params["min_agencies"])
        or (len(c.events) >= params["min_events"] and len(c.agencies) >= params["min_agencies"])
    ]


# ---------------------------------------------------------------- the author's episodes
def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReviewFileError(
            f"[[episodes]] {what} must be a date like 2010-08-01, not {value!r}", file=REVIEW_FILE
        ) from None


def author_episodes(spec: Sequence[Mapping[str, Any]]) -> list[tuple[str | None, dt.date, dt.date]]:
    found = []
    for table in spec:
        if "start" not in table or "end" not in table:
            raise ReviewFileError("each [[episodes]] needs a start and an end", file=REVIEW_FILE)
        start, end = _date(table["start"], "start"), _date(table["end"], "end")
        if end < start:
            raise ReviewFileError(
                f"[[episodes]] '{table.get('title', start)}' ends before it starts",
                file=REVIEW_FILE,
            )
        title = table.get("title")
        found.append((str(title) if title else None, start, end))
    return sorted(found, key=lambda t: (t[1], t[2]))


def _by_author(
    dated: Sequence[Event], spec: Sequence[Mapping[str, Any]]
) -> tuple[list[list[Event]], list[str | None]]:
    periods = author_episodes(spec)
    groups: list[list[Event]] = [[] for _ in periods]
    for event in dated:
        for index, (_title, start, end) in enumerate(periods):
            if start <= _start(event) <= end:
                groups[index].append(event)
                break
    return groups, [title for title, _s, _e in periods]


# ---------------------------------------------------------------- the stage
def _record(
    episode_id: str, title: str, kind: str, events: Sequence[Event], span: tuple[dt.date, dt.date]
) -> dict[str, Any]:
    for event in events:
        event.episode = episode_id
    return {
        "id": episode_id,
        "title": title,
        "kind": kind,
        "start": span[0].isoformat(),
        "end": span[1].isoformat(),
        "events": [e.id for e in events],
    }


def _precise(event: Event) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the event's records dated within a week, if any: a
    vague "2019/20" drawn into an episode, or the wide span of two agencies' conflicting
    dates, does not stretch it."""
    days = [
        (s.date.start, s.date.end)
        for s in event.sources
        if s.date.start and s.date.end and (s.date.end - s.date.start).days <= PRECISE_DAYS
    ]
    return (min(d[0] for d in days), max(d[1] for d in days)) if days else None


def _span(events: Sequence[Event]) -> tuple[dt.date, dt.date]:
    """First to last day of the precisely dated records; of all events when none is."""
    precise = [found for e in events if (found := _precise(e))]
    if precise:
        return min(p[0] for p in precise), max(p[1] for p in precise)
    return min(_start(e) for e in events), max(anchor_end(e) for e in events)


def build_episodes(
    dated: Sequence[Event], groups: Sequence[Sequence[Event]], titles: Sequence[str | None]
) -> list[dict[str, Any]]:
    """Episode records for ``groups`` (in order), plus K0 for everything before the first."""
    key = [(g, t) for g, t in zip(groups, titles, strict=True) if g]
    records: list[dict[str, Any]] = []
    if key:
        first = _span(key[0][0])[0]
        taken = {id(e) for g, _t in key for e in g}
        prior = [e for e in dated if _start(e) < first and id(e) not in taken]
        if prior:
            records.append(_record(PRIOR_ID, prior_title(first), "prior", prior, _span(prior)))
    for number, (events, title) in enumerate(key, start=1):
        span = _span(events)
        name = title or episode_title(number, *span)
        records.append(_record(f"K{number}", name, "key", events, span))
    return records


def _review_meta(settings: Mapping[str, Any]) -> dict[str, Any]:
    head = settings.get("review", {}) or {}
    first = head.get("first_paragraph", 1)
    if isinstance(first, bool) or not isinstance(first, int) or first < 1:
        raise ReviewFileError(
            f"[review] first_paragraph must be a whole number of at least 1, not {first!r}",
            file=REVIEW_FILE,
        )
    period = [head.get(k) for k in ("start", "end")]
    found = {
        "title": str(head.get("title", "")),
        "first_paragraph": first,
        "start": _date(period[0], "start").isoformat() if period[0] else None,
        "end": _date(period[1], "end").isoformat() if period[1] else None,
    }
    if settings.get("glossary"):  # the review's own abbreviations, for the Facts draft
        found["glossary"] = dict(settings["glossary"])
    return found


def assign_episodes(chronology: Chronology, settings: Mapping[str, Any]) -> None:
    """Pipeline stage: find (or take the author's) key episodes and label every event."""
    for event in chronology.events:
        event.episode = None
    dated = [e for e in chronology.events if e.date.start is not None and e.date.end is not None]
    spec = settings.get("episodes") or []
    if spec:
        groups, titles = _by_author(dated, spec)
        chronology.meta["episode_detection"] = {"method": "review file"}
    else:
        params = parameters(settings)
        groups = detect(dated, params)
        titles = [None] * len(groups)
        chronology.meta["episode_detection"] = {"method": "detected", **params}
    chronology.episodes = build_episodes(dated, groups, titles)
    chronology.meta["facts"] = _review_meta(settings)
