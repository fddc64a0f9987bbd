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

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chronology.analysis.common import Finding, source_mask, when
from chronology.analysis.phrases import (
    Cues,
    clause_excerpt,
    compile_phrases,
    normalise,
    phrase_keys,
    sentence_bounds,
)
from chronology.errors import ReviewFileError
from chronology.schema import Chronology, Event, Source
from chronology.wordkeys import ALWAYS, Keys, Screens


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    label: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    exclude: Cues  # words next to a phrase that make it mean something else
    keys: Keys = ALWAYS  # the word keys of ``pattern``


@dataclass(frozen=True, slots=True)
class Lexicon:
    indicators: tuple[Indicator, ...]
    negation: Cues


def _words(value: object, where: str, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewFileError(f"{where} must be a list of words or phrases", file=source)
    return list(value)


def _count(value: object, where: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReviewFileError(f"{where} must be a whole number", file=source)
    return value


def parse_lexicon(table: Mapping[str, Any], source: str = "indicators.toml") -> Lexicon:
    """A parsed indicators file, checked."""
    negation = table.get("negation", {})
    entries = table.get("indicators", {})
    if not isinstance(negation, Mapping) or not isinstance(entries, Mapping) or not entries:
        raise ReviewFileError("needs [indicators.NAME] tables (and an optional [negation])",
                              file=source)  # fmt: skip
    indicators = []
    for name, spec in entries.items():
        where = f"[indicators.{name}]"
        if not isinstance(spec, Mapping):
            raise ReviewFileError(f"{where} must be a table", file=source)
        phrases = _words(spec.get("phrases"), f"{where} phrases", source)
        pattern = compile_phrases(phrases)
        if pattern is None:
            raise ReviewFileError(f"{where} needs phrases = [...]", file=source)
        indicators.append(
            Indicator(
                name=str(name),
                label=str(spec.get("label", name)),
                pattern=pattern,
                requires=compile_phrases(_words(spec.get("requires"), where, source)),
                exclude=Cues.of(
                    _words(spec.get("not_preceded_by"), where, source),
                    _words(spec.get("not_followed_by"), where, source),
                    words_before=2,
                    words_after=1,
                ),
                keys=phrase_keys(phrases),
            )
        )
    cues = Cues.of(
        _words(negation.get("before"), "[negation] before", source),
        _words(negation.get("after"), "[negation] after", source),
        _count(negation.get("words_before", 4), "[negation] words_before", source),
        _count(negation.get("words_after", 3), "[negation] words_after", source),
    )
    return Lexicon(tuple(indicators), cues)


def _sentence(text: str, start: int, end: int) -> str:
    left, right = sentence_bounds(text, start, end)
    return text[left + 1 : len(text) if right is None else right]


def _mentions(
    indicator: Indicator, lexicon: Lexicon, text: str, mask: int
) -> Iterator[tuple[re.Match[str], bool]]:
    """Each mention of the indicator, with whether it is negated (``mask``: the text's
    ``wordkeys.text_mask``)."""
    for found in indicator.pattern.finditer(text):
        start, end = found.span()
        if indicator.exclude.near(text, start, end, mask):
            continue
        if indicator.requires is not None and not indicator.requires.search(
            _sentence(text, start, end)
        ):
            continue
        yield found, lexicon.negation.near(text, start, end, mask)


def _record(source: Source, event: Event, original: str, found: re.Match[str]) -> Finding:
    date = source.date
    start, end = found.span()
    return {
        "agency": source.agency,
        "event": event.id,
        "source": source.ref,
        "date": when(date),
        "date_text": date.text,
        "start": date.start.isoformat() if date.start else None,
        "phrase": original[start:end],
        "excerpt": clause_excerpt(original, start, end),
    }


def who_knew_what(chronology: Chronology, lexicon: Lexicon) -> list[Finding]:
    """One finding per indicator: every hit, and each agency's first record of it. Only
    the indicators whose words an entry has are looked for in it."""
    hits: dict[str, list[tuple[tuple[object, ...], Finding]]] = {}
    negated: dict[str, list[Finding]] = {}
    screens = Screens((i, i.keys) for i in lexicon.indicators)
    plans: dict[int, list[Indicator]] = {}
    for event in chronology.events:
        for source in event.sources:
            mask = source_mask(source)
            words = mask & screens.bits
            candidates = plans.get(words)
            if candidates is None:
                candidates = plans[words] = [i for i, _sure in screens.candidates(words)]
            if candidates:
                _search(source, event, candidates, lexicon, mask, hits, negated)
    return [
        _finding(indicator, hits.get(indicator.name, []), negated.get(indicator.name, []))
        for indicator in lexicon.indicators
    ]


def _search(
    source: Source,
    event: Event,
    candidates: Sequence[Indicator],
    lexicon: Lexicon,
    mask: int,
    hits: dict[str, list[tuple[tuple[object, ...], Finding]]],
    negated: dict[str, list[Finding]],
) -> None:
    """Record the source's first mention of each indicator, and the negated ones before."""
    original = "\n".join(filter(None, (source.text, source.action)))
    text = normalise(original)
    if len(text) != len(original):
        original = text  # rare characters change length when lowered
    for indicator in candidates:
        for found, is_negated in _mentions(indicator, lexicon, text, mask):
            record = _record(source, event, original, found)
            if is_negated:
                negated.setdefault(indicator.name, []).append(record)
                continue
            key = (source.date.sort_key, record["source"])
            hits.setdefault(indicator.name, []).append((key, record))
            break


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
