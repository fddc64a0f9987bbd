"""Who knew what: which agency recorded which risk indicator, and when it first did.

The lexicon is data (``rules/indicators.toml``). Each entry of every agency is searched (its
text and its action/outcome); a mention negated in its clause ("no weapons", "denies drug
use", "not pregnant", "drug use denied") is not a hit but is kept under ``negated``.

``chronology.analysis["indicators"]`` holds one finding per indicator, in lexicon order::

    {"kind": "indicator", "indicator", "label", "agencies",   # agencies that recorded it
     "first": {agency: hit},                                  # each agency's first record
     "single_agency", "events", "sources", "hits", "negated", "detail"}

where a hit is ``{"agency", "event", "source", "date", "date_text", "start", "phrase",
"excerpt"}`` (``source`` is the ``file:sheet:row`` ref, so every hit can be checked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from chronology.model.schema import Chronology, Event
from chronology.stages.analysis.common import Finding
from chronology.stages.analysis.indicator_lexicon import Indicator, Lexicon, parse_lexicon
from chronology.stages.analysis.mentions import Mention, MentionSearch

__all__ = ["Mention", "parse_lexicon", "who_knew_what"]


def _hit(fields: tuple[str | None, ...], event: Event) -> Finding:
    agency, source, date, date_text, start, phrase, excerpt = fields
    return {
        "agency": agency, "event": event.id, "source": source, "date": date,
        "date_text": date_text, "start": start, "phrase": phrase, "excerpt": excerpt,
    }  # fmt: skip


def the_death(events: Sequence[Event]) -> dt.date | None:
    """The day of the death the review is about (the homicide, the child's or adult's
    death), or None: the first of the deaths recorded in the week up to the last one (the
    agencies told of it the next day record a death too)."""
    days = [e.date.start for e in events if e.kind == "death" and e.date.start is not None]
    if not days:
        return None
    last = max(days)
    return min(d for d in days if (last - d).days <= DEATH_NEWS_DAYS)


# agencies told of a death record it up to this many days after it
DEATH_NEWS_DAYS = 7


def who_knew_what(chronology: Chronology, lexicon: Lexicon) -> list[Finding]:
    """One finding per indicator: every hit, and each agency's first record of it."""
    names = [i.name for i in lexicon.indicators]
    hits: dict[str, list[tuple[tuple[object, ...], Finding]]] = {}
    negated: dict[str, list[Finding]] = {}
    search = MentionSearch(lexicon)
    death = the_death(chronology.events)
    for event in chronology.events:
        if death is not None and event.date.start is not None and event.date.start >= death:
            continue  # the death itself, and what followed it, is not prior knowledge
        for source in event.sources:
            for at, is_negated, fields in search(source):
                record = _hit(fields, event)
                if is_negated:
                    negated.setdefault(names[at], []).append(record)
                else:
                    key = (source.date.sort_key, record["source"])
                    hits.setdefault(names[at], []).append((key, record))
    return [
        _finding(indicator, hits.get(indicator.name, []), negated.get(indicator.name, []))
        for indicator in lexicon.indicators
    ]


def _finding(
    indicator: Indicator,
    keyed: Sequence[tuple[tuple[object, ...], Finding]],
    negated: Sequence[Finding],
) -> Finding:
    hits = [record for _key, record in sorted(keyed, key=lambda pair: pair[0])]
    first: dict[str, Finding] = {}
    for record in hits:
        first.setdefault(record["agency"], record)
    agencies = sorted(first)
    return {
        "kind": "indicator",
        "indicator": indicator.name,
        "label": indicator.label,
        "agencies": agencies,
        "first": {agency: first[agency] for agency in agencies},
        "single_agency": len(agencies) == 1,
        "events": list(dict.fromkeys(h["event"] for h in hits)),
        "sources": [h["source"] for h in hits],
        "hits": hits,
        "negated": list(negated),
        "detail": _detail(indicator, list(first.values())),
    }


def _detail(indicator: Indicator, firsts: Sequence[Finding]) -> str:
    label = indicator.label[:1].lower() + indicator.label[1:]
    if not firsts:
        return f"No agency recorded {label}."
    if len(firsts) == 1:
        (only,) = firsts
        return f"Only {only['agency']} recorded {label} (first: {only['date']}, {only['source']})."
    parts = "; ".join(f"{h['agency']} {h['date']} ({h['source']})" for h in firsts)
    return f"{len(firsts)} agencies recorded {label}, first: {parts}."
