"""The draft "Facts" section, as a structure both renderers (Markdown, Word) share.

``build(chronology)`` gives the section heading, an introduction, one part per key episode
(with the key information before the first, the contacts between episodes, entries with no
date) and a closing Summary, in numbered paragraphs continuing from ``first_paragraph``.

Within a part there is one paragraph per event, or per tight group of same-day events from
one agency. A paragraph opens with the date at its real precision and names the agency or
agencies; each agency's account is given in its own words, with abbreviations expanded on
first use. An occurrence recorded by several agencies is told once, naming them all, and a
date conflict is stated plainly. A gap of more than ``QUIET_DAYS`` with no agency contact at
all is stated as such.

Everything comes from the chronology (episodes and ``meta["facts"]`` included), so a saved
``chronology.json`` re-renders the same draft.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chronology.dates.span import DateSpan
from chronology.facts.events import event_blocks, groups
from chronology.facts.text import (
    Expander,
    join_names,
    number_word,
    plural,
    quiet_sentence,
    short_date,
    terms,
)
from chronology.model.schema import Chronology, Event
from chronology.stages.episodes import anchor_end, month_range, ordinal

HEADING = "The Facts"
QUIET_DAYS = 90  # longer gaps with no recorded contact at all are stated in the draft
UNDATED_TITLE = "Entries without a date"
SUMMARY_TITLE = "Summary"


@dataclass(slots=True)
class Paragraph:
    """One numbered paragraph. ``blocks`` are shown as separate lines within it (the first
    leads; later ones are each agency's account); ``items`` are bullets that follow it."""

    number: int
    blocks: list[str]
    role: str = "event"  # intro | event | quiet | summary
    events: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)


@dataclass(slots=True)
class Part:
    key: str  # an episode id (K0, K1…), "between-N", "undated" or "summary"
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class Facts:
    heading: str
    review_title: str
    first_paragraph: int
    intro: list[Paragraph] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.intro + [p for part in self.parts for p in part.paragraphs]


# ---------------------------------------------------------------- parts
@dataclass(slots=True)
class _Run:
    key: str | None
    events: list[Event]


def _runs(dated: Sequence[Event], known: set[str]) -> list[_Run]:
    """Consecutive dated events of one episode (or of none); an episode keeps one run."""
    runs: list[_Run] = []
    by_key: dict[str, _Run] = {}
    for event in dated:
        key = event.episode if event.episode in known else None
        if runs and runs[-1].key == key:
            runs[-1].events.append(event)
        elif key is not None and key in by_key:
            by_key[key].events.append(event)
        else:
            runs.append(_Run(key, [event]))
            if key is not None:
                by_key[key] = runs[-1]
    return runs


def _range(events: Sequence[Event]) -> str:
    return month_range(
        min(e.date.start for e in events if e.date.start), max(anchor_end(e) for e in events)
    )


def _number(episode: dict[str, Any]) -> int | None:
    text = str(episode.get("id", ""))
    return int(text[1:]) if episode.get("kind") == "key" and text[1:].isdigit() else None


def _between_title(before: int | None, after: int | None, events: Sequence[Event]) -> str:
    span = _range(events)
    if before and after:
        return f"Between the {ordinal(before)} and {ordinal(after)} key episodes: {span}"
    if after:
        return f"Before the {ordinal(after)} key episode: {span}"
    if before:
        return f"After the {ordinal(before)} key episode: {span}"
    return f"Agency contacts: {span}"


def _titles(runs: Sequence[_Run], episodes: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    numbers = [_number(episodes[r.key]) if r.key else None for r in runs]
    titled = []
    for index, run in enumerate(runs):
        if run.key is not None:
            titled.append((run.key, str(episodes[run.key]["title"])))
            continue
        before = next((n for n in reversed(numbers[:index]) if n), None)
        after = next((n for n in numbers[index + 1 :] if n), None)
        titled.append((f"between-{index}", _between_title(before, after, run.events)))
    return titled


# ---------------------------------------------------------------- the whole draft
@dataclass(slots=True)
class _Builder:
    facts: Facts
    expander: Expander
    number: int
    latest: Event | None = None  # the dated event reaching furthest so far

    def paragraph(self, blocks: list[str], role: str, events: Sequence[Event] = ()) -> Paragraph:
        made = Paragraph(self.number, blocks, role, [e.id for e in events])
        self.number += 1
        return made

    def quiet(self, event: Event) -> Paragraph | None:
        latest, made = self.latest, None
        gap = _gap(latest, event)
        if latest is not None and gap is not None and gap > QUIET_DAYS:
            made = self.paragraph([quiet_sentence(latest.date, event.date)], "quiet")
        if latest is None or (
            event.date.end and latest.date.end and event.date.end > latest.date.end
        ):
            self.latest = event
        return made

    def part(self, key: str, title: str, events: Sequence[Event]) -> None:
        part = Part(key, title)
        for index, group in enumerate(groups(events)):
            if group[0].date.start is not None:
                pause = self.quiet(group[0])
                if pause is not None:
                    previous = self.facts.parts[-1] if index == 0 and self.facts.parts else part
                    previous.paragraphs.append(pause)
            blocks = event_blocks(group, self.expander)
            part.paragraphs.append(self.paragraph(blocks, "event", group))
        self.facts.parts.append(part)


def _gap(before: Event | None, after: Event) -> int | None:
    if before is None or before.date.end is None or after.date.start is None:
        return None
    return (after.date.start - before.date.end).days


def _settings(chronology: Chronology) -> dict[str, Any]:
    found: dict[str, Any] = chronology.meta.get("facts", {})
    return found


def build(chronology: Chronology) -> Facts:
    """The Facts draft for ``chronology`` (see the module docstring)."""
    settings = _settings(chronology)
    facts = Facts(HEADING, str(settings.get("title", "")), int(settings.get("first_paragraph", 1)))
    builder = _Builder(facts, Expander(terms(settings.get("glossary"))), facts.first_paragraph)
    dated = [e for e in chronology.events if e.date.start is not None]
    facts.intro.append(builder.paragraph([_intro(chronology, settings)], "intro"))
    episodes = {str(e["id"]): e for e in chronology.episodes}
    runs = _runs(dated, set(episodes))
    for (key, title), run in zip(_titles(runs, episodes), runs, strict=True):
        builder.part(key, title, run.events)
    undated = [e for e in chronology.events if e.date.start is None]
    if undated:
        builder.part("undated", UNDATED_TITLE, undated)
    facts.parts.append(_summary(chronology, builder))
    return facts


def _period(chronology: Chronology) -> tuple[Event, Event] | None:
    dated = [e for e in chronology.events if e.date.start is not None and e.date.end]
    if not dated:
        return None
    first = min(dated, key=lambda e: e.date.sort_key)
    last = max(dated, key=lambda e: (anchor_end(e), e.date.sort_key))
    return first, last


def _intro(chronology: Chronology, settings: dict[str, Any]) -> str:
    agencies = chronology.agencies
    entries = sum(len(e.sources) for e in chronology.events)
    title = f" for the {settings['title']}" if settings.get("title") else ""
    text = (
        f"This section draws on the integrated chronology{title}, which brings together the "
        f"chronologies of {plural(len(agencies), 'agency', 'agencies')}"
        + (f": {join_names(agencies)}" if agencies else "")
        + f". They hold {entries} {'entry' if entries == 1 else 'entries'}, describing "
        f"{len(chronology.events)} separate {'event' if len(chronology.events) == 1 else 'events'}"
    )
    period = _period(chronology)
    if period:
        text += f" between {short_date(period[0].date)} and {short_date(period[1].date)}"
    text += "."
    if settings.get("start") and settings.get("end"):
        start, end = (dt.date.fromisoformat(settings[k]) for k in ("start", "end"))
        text += f" The review's terms of reference cover {_day(start)} to {_day(end)}."
    return text + (
        " Where several agencies recorded the same occurrence it is told once, naming every "
        "agency that recorded it. Each agency's account is given in its own words, with "
        "abbreviations expanded on first use."
    )


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _agency_items(chronology: Chronology) -> list[str]:
    """Per agency: how many events it recorded, and its own first and last dates."""
    events: dict[str, int] = {}
    spans: dict[str, list[DateSpan]] = {}
    for event in chronology.events:
        for agency in event.agencies:
            events[agency] = events.get(agency, 0) + 1
        for source in event.sources:
            if source.date.start is not None and source.date.end is not None:
                spans.setdefault(source.agency, []).append(source.date)
    items = []
    for agency in sorted(events, key=lambda a: (_first(spans.get(a, [])), a)):
        noun = "contact" if events[agency] == 1 else "contacts"
        line = f"{agency}: {events[agency]} recorded {noun}"
        dates = spans.get(agency, [])
        if dates:
            first = min(dates, key=lambda d: d.sort_key)
            last = max(dates, key=lambda d: (_reach(d), d.sort_key))
            if first == last:
                line += f", on {short_date(first)}"
            else:
                line += f", from {short_date(first)} to {short_date(last)}"
        items.append(line + ".")
    return items


def _reach(span: DateSpan) -> dt.date:
    """How late a date may be taken to reach: its end, unless it is vaguer than a month."""
    start, end = span.start or dt.date.min, span.end or dt.date.min
    return end if (end - start).days <= 31 else start


def _first(spans: Sequence[DateSpan]) -> tuple[Any, ...]:
    return min((d.sort_key for d in spans), default=DateSpan.unknown().sort_key)


def _summary(chronology: Chronology, builder: _Builder) -> Part:
    part = Part("summary", SUMMARY_TITLE)
    period = _period(chronology)
    span = f", from {short_date(period[0].date)} to {short_date(period[1].date)}" if period else ""
    count = len(chronology.agencies)
    lead = builder.paragraph(
        [f"During the whole period{span}, there were recorded contacts with "
         f"{plural(count, 'agency', 'agencies')}:"], "summary")  # fmt: skip
    lead.items = _agency_items(chronology)
    part.paragraphs.append(lead)
    part.paragraphs.append(builder.paragraph([_episode_summary(chronology)], "summary"))
    return part


def _episode_summary(chronology: Chronology) -> str:
    key = [e for e in chronology.episodes if e.get("kind") == "key"]
    if key:
        ranges = [month_range(dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"]))
                  for e in key]  # fmt: skip
        shows = plural(len(key), "key episode")
        text = f"The integrated chronology shows {shows}: {join_names(ranges)}."
    else:
        text = "No key episodes were identified in the integrated chronology."
    shared = [e for e in chronology.events if len(e.agencies) > 1]
    conflicts = [e for e in shared if "date_conflict" in e.flags]
    verb = "was" if len(shared) == 1 else "were"
    text += (
        f" {plural(len(shared), 'occurrence').capitalize()} {verb} recorded by more than one agency"
    )
    if conflicts:
        text += f"; for {number_word(len(conflicts))} of them the agencies gave different dates."
    else:
        text += "."
    return text
