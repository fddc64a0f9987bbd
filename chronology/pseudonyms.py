"""Real names ↔ designations, through the author's glossary (``[pseudonyms]`` in review.toml).

Matching is case-insensitive, on whole words, longest name first, so "Jade Walsh" is replaced
before "Walsh", and "WALSH's" becomes "the victim's". The same glossary maps designations back
for the panel's private copy (``personalise``), as Chronolator's round trip does.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import TypeVar, cast

from chronology.errors import Notice, Rejected
from chronology.schema import Chronology, Event, Source

T = TypeVar("T")
# Titles and qualifiers inside glossary entries ("Mr Seddon senior") are not parts of a name.
_NOT_NAMES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "senior", "junior", "snr", "jnr", "sr", "jr"}
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


class Glossary:
    """The author's glossary: real name → designation."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = dict(names)
        self.pattern = _alternation(self.names)

    def anonymise(self, text: str) -> str:
        return _replace(text, self.names, self.pattern)

    def personalise(self, text: str) -> str:
        """Designations back to each one's longest real name (the panel's private copy)."""
        back: dict[str, str] = {}
        for name, designation in sorted(self.names.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            back.setdefault(designation, name)
        return _replace(text, back, _alternation(back))

    def name_parts(self) -> list[str]:
        """Every part of every real name (forenames, surnames) that must not leak."""
        parts = {
            part
            for name in self.names
            for part in re.split(r"[\s\-]+", name)
            if len(part) > 1 and part.lower().rstrip(".") not in _NOT_NAMES
        }
        return sorted(parts, key=lambda p: (-len(p), p.lower()))


def _alternation(names: Mapping[str, str]) -> re.Pattern[str] | None:
    if not names:
        return None
    ordered = sorted(names, key=lambda n: (-len(n), n))
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


def _replace(text: str, names: Mapping[str, str], pattern: re.Pattern[str] | None) -> str:
    if not text or pattern is None:
        return text
    lookup = {re.sub(r"\s+", " ", k).lower(): v for k, v in names.items()}

    def swap(match: re.Match[str]) -> str:
        designation = lookup[re.sub(r"\s+", " ", match.group(0)).lower()]
        if _SENTENCE_START.search(text[: match.start()]) and designation[:1].islower():
            return designation[0].upper() + designation[1:]
        return designation

    return pattern.sub(swap, text)


def anonymise_chronology(chronology: Chronology, glossary: Glossary) -> Chronology:
    """A copy with every text field anonymised; file names in provenance stay as given."""
    result = copy.deepcopy(chronology)
    for event in result.events:
        _anonymise_event(event, glossary)
    result.warnings = [
        Notice(n.file, n.sheet, n.row, glossary.anonymise(n.message)) for n in result.warnings
    ]
    result.rejected = [
        Rejected(r.file, r.sheet, r.row, r.reason, glossary.anonymise(r.text))
        for r in result.rejected
    ]
    result.discrepancies = _anonymise_data(result.discrepancies, glossary)
    result.analysis = _anonymise_data(result.analysis, glossary)
    result.episodes = _anonymise_data(result.episodes, glossary)
    result.meta = {**result.meta, "anonymised": True}
    return result


def _anonymise_event(event: Event, glossary: Glossary) -> None:
    event.text = glossary.anonymise(event.text)
    for source in event.sources:
        _anonymise_source(source, glossary)


def _anonymise_source(source: Source, glossary: Glossary) -> None:
    for name in ("text", "action", "worker", "subject", "reference"):
        setattr(source, name, glossary.anonymise(getattr(source, name)))
    source.fields = {k: glossary.anonymise(v) for k, v in source.fields.items()}


def _anonymise_data(value: T, glossary: Glossary) -> T:
    """Strings anywhere inside findings and episodes (titles, details, quoted text)."""
    return cast(T, _walk(value, glossary))


def _walk(value: object, glossary: Glossary) -> object:
    if isinstance(value, str):
        return glossary.anonymise(value)
    if isinstance(value, list):
        return [_walk(v, glossary) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, glossary) for k, v in value.items()}
    return value
