"""One paragraph of the Facts draft per event, or per tight group of same-day events.

A paragraph opens with the date at its real precision and names the agency or agencies. Each
agency's account is its own text (and action/outcome), with glossary abbreviations expanded
on first use; nothing is shortened. An occurrence recorded by several agencies is told once,
naming them all; when they gave different dates, that is said plainly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from chronology.facts.text import (
    Expander,
    date_opener,
    join_names,
    kind_label,
    lower_first,
    number_word,
    opener,
    untimed,
)
from chronology.model.schema import Event
from chronology.text.classify import type_of


def _account(event: Event, agency: str, expander: Expander) -> str:
    accounts: list[str] = []
    for source in event.sources:
        if source.agency != agency:
            continue
        kind = type_of(source)
        text = expander.expand(source.text.strip(), kind)
        action = expander.expand(source.action.strip(), kind)
        others = [expander.expand(line, kind) for line in source.others.splitlines()]
        told = " ".join(filter(None, (text, f"Outcome: {action}" if action else "", *others)))
        if told and told not in accounts:
            accounts.append(told)
    return "\n".join(accounts) or "(no text recorded)"


def _agency_dates(event: Event) -> list[tuple[list[str], str]]:
    """Each date the agencies gave, with the agencies that gave it, earliest first."""
    dates: dict[str, list[str]] = {}
    keys: dict[str, tuple[int, dt.date, dt.date, str, str]] = {}
    for source in event.sources:
        span = untimed(source.date)
        phrase = lower_first(date_opener(span))
        if source.agency not in dates.setdefault(phrase, []):
            dates[phrase].append(source.agency)
        keys.setdefault(phrase, span.sort_key)
    return [(dates[p], p) for p in sorted(dates, key=lambda p: keys[p])]


def _conflict_blocks(event: Event, expander: Expander) -> list[str]:
    label = kind_label(event.kind, "event")
    given = _agency_dates(event)
    said = [f"{join_names(given[0][0])} recorded this {label} {given[0][1]}"]
    said += [f"{join_names(agencies)} recorded it {phrase}" for agencies, phrase in given[1:]]
    lead = (
        f"{opener(event)}, {number_word(len(event.agencies))} agencies recorded one {label} "
        f"on different dates. {'; '.join(said)}."
    )
    return [lead] + [f"{a} recorded: {_account(event, a, expander)}" for a in event.agencies]


def _shared_blocks(event: Event, expander: Expander) -> list[str]:
    label = kind_label(event.kind, "contact")
    both = "both" if len(event.agencies) == 2 else "each"
    lead = f"{opener(event)}, {join_names(event.agencies)} {both} recorded this {label}."
    return [lead] + [f"{a} recorded: {_account(event, a, expander)}" for a in event.agencies]


def event_blocks(group: Sequence[Event], expander: Expander) -> list[str]:
    first = group[0]
    if len(first.agencies) > 1 and "date_conflict" in first.flags:
        return _conflict_blocks(first, expander)
    if len(first.agencies) > 1:
        return _shared_blocks(first, expander)
    agency = first.agencies[0] if first.agencies else "An agency"
    if len(group) == 1:
        return [f"{opener(first)}, {agency} recorded: {_account(first, agency, expander)}"]
    blocks = [f"{opener(first, with_time=False)}, {agency} recorded:"]
    for event in group:
        told = _account(event, agency, expander)
        blocks.append(f"At {event.time}: {told}" if event.time else told)
    return blocks


def _tight(a: Event, b: Event) -> bool:
    """Same-day entries by one agency are told in one paragraph."""
    day = a.date.precision == "day" and a.date.start is not None
    return (
        day
        and (a.date.start, a.date.end) == (b.date.start, b.date.end)
        and b.date.precision == "day"
        and len(a.agencies) == 1
        and a.agencies == b.agencies
        and "date_conflict" not in a.flags + b.flags
    )


def groups(events: Sequence[Event]) -> Iterator[list[Event]]:
    group: list[Event] = []
    for event in events:
        if group and not _tight(group[-1], event):
            yield group
            group = []
        group.append(event)
    if group:
        yield group
