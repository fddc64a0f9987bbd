"""Real names ↔ designations, through the author's glossary (``[pseudonyms]`` in review.toml).

Matching is case-insensitive, on whole words, longest name first, so "Jade Walsh" is replaced
before "Walsh", and "WALSH's" becomes "the victim's". The same glossary maps designations back
for the panel's private copy (``personalise``), as Chronolator's round trip does.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import TypeVar, cast

from chronology.model.errors import Notice, Rejected
from chronology.model.schema import Chronology, Event, MergeDecision, Source
from chronology.privacy.redact import ISO_DAY, Redactor
from chronology.text import namefold

T = TypeVar("T")
# Titles and qualifiers inside glossary entries ("Mr Seddon senior") are not parts of a name.
_NOT_NAMES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "senior", "junior", "snr", "jnr", "sr", "jr"}
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


class _Replacer:
    """Whole-name, case-insensitive replacement of the keys of ``names``, longest first,
    found in the text as ``namefold`` normalises it (so a soft hyphen or a curly apostrophe
    inside a name does not hide it) and replaced in the text as written."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.lookup = {namefold.key(k): v for k, v in names.items()}
        self.pattern = namefold.pattern(names)
        self.names = names

    def __call__(self, text: str) -> str:
        pieces: list[str] = []
        done = 0
        for start, end, designation in self.replacements(text):
            pieces += [text[done:start], designation]
            done = end
        return "".join([*pieces, text[done:]]) if pieces else text

    def replacements(self, text: str) -> list[tuple[int, int, str]]:
        """Each name found in ``text``: its span as written and what replaces it."""
        if not text or self.pattern is None:
            return []
        searched, spans = namefold.normalise(text)
        found = []
        for match in self.pattern.finditer(searched):
            start, end = namefold.original_span(spans, match.start(), match.end(), len(text))
            designation = self._designation(match.group(0))
            if _SENTENCE_START.search(text[:start]) and designation[:1].islower():
                designation = designation[0].upper() + designation[1:]
            found.append((start, end, designation))
        return found

    def _designation(self, found: str) -> str:
        """The designation of the name ``found`` spells; a case equivalence the regular
        expression knows but case folding does not is looked up the slow way."""
        designation = self.lookup.get(namefold.key(found))
        if designation is not None:
            return designation
        for name, value in self.names.items():
            single = namefold.pattern([name])
            if single is not None and single.fullmatch(found):
                return value
        return found  # unreachable: every match is one of the names


class Glossary:
    """The author's glossary: real name → designation."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = dict(names)
        self.anonymise = _Replacer(self.names)
        back: dict[str, str] = {}
        for name, designation in sorted(self.names.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            back.setdefault(designation, name)
        # designations back to each one's longest real name (the panel's private copy)
        self.personalise = _Replacer(back)

    def name_parts(self) -> list[str]:
        """Every part of every real name (forenames, surnames) that must not leak."""
        parts = {
            part
            for name in self.names
            for part in re.split(r"[\s\-]+", namefold.normalised(name))
            if len(part) > 1 and part.lower().rstrip(".") not in _NOT_NAMES
        }
        return sorted(parts, key=lambda p: (-len(p), p.lower()))


def anonymise_chronology(
    chronology: Chronology, glossary: Glossary, redactor: Redactor | None = None
) -> Chronology:
    """A copy with every text field anonymised (and redacted, and its dates coarsened, by
    ``redactor``); file names in provenance stay as given.
    Built afresh rather than deep-copied and then changed (deepcopy alone took 4.6 s at
    100,000 rows); a text met again (an event's text is its one record's) is done once."""
    done: dict[str, str] = {}
    redact = redactor or Redactor(active=False)

    def anonymise(text: str) -> str:
        found = done.get(text)
        if found is None:
            found = done[text] = redact.text(glossary.anonymise(text))
        return found

    return Chronology(
        events=[_anonymised_event(event, anonymise, redact) for event in chronology.events],
        warnings=[
            Notice(n.file, n.sheet, n.row, anonymise(n.message), code=n.code)
            for n in chronology.warnings
        ],
        rejected=[
            Rejected(r.file, r.sheet, r.row, r.reason, anonymise(r.text), code=r.code)
            for r in chronology.rejected
        ],
        episodes=_anonymise_data(chronology.episodes, anonymise, redact),
        discrepancies=_anonymise_data(chronology.discrepancies, anonymise, redact),
        analysis=_anonymise_data(chronology.analysis, anonymise, redact),
        meta={**copy.deepcopy(chronology.meta), "anonymised": True}
        | ({"dates_coarsened": "month"} if redact.coarsen else {}),
    )


# Built field by field (``dataclasses.replace`` cost twice as much, for every event and
# record): tests/test_pseudonyms.py checks that an empty glossary gives equal copies, so a
# field added to Event or Source and missed here fails there.
def _anonymised_event(event: Event, anonymise: Callable[[str], str], redact: Redactor) -> Event:
    return Event(
        event.id,
        redact.span(event.date),
        list(event.agencies),
        anonymise(event.text),
        [_anonymised_source(source, anonymise, redact) for source in event.sources],
        redact.time(event.time),
        list(event.flags),
        event.kind,
        [MergeDecision(d.sources[:], d.method, d.reason, d.score) for d in event.merge],
        event.episode,
    )


def _anonymised_source(source: Source, anonymise: Callable[[str], str], redact: Redactor) -> Source:
    return Source(
        source.agency,
        source.file,
        source.sheet,
        source.row,
        redact.span(source.date),
        anonymise(source.text),
        redact.time(source.time),
        redact.span(source.recorded_on) if source.recorded_on else None,
        anonymise(source.action),
        anonymise(source.worker),
        anonymise(source.subject),
        anonymise(source.reference),
        source.sequence,
        {k: anonymise(v) for k, v in source.fields.items()},
        source.kind,
        source.facets,  # kinds, agency types and days: nothing a name could be in
        anonymise(source.others),
        source.agency_type,
    )


def _anonymise_data(value: T, anonymise: Callable[[str], str], redact: Redactor | None = None) -> T:
    """Strings anywhere inside findings and episodes (titles, details, quoted text), in
    new containers; a day held as a value ("start": "2010-08-09") by ``redact.day``."""
    if redact is not None and redact.coarsen:
        return cast(T, _walk_days(value, anonymise, redact))
    return cast(T, _walk(value, anonymise))


def _walk_days(value: object, anonymise: Callable[[str], str], redact: Redactor) -> object:
    if isinstance(value, list):
        return [_walk_days(v, anonymise, redact) for v in value]
    if isinstance(value, dict):
        return {
            k: redact.day(k, v) if isinstance(v, str) and ISO_DAY.fullmatch(v) else
            _walk_days(v, anonymise, redact)
            for k, v in value.items()
        }  # fmt: skip
    return anonymise(value) if isinstance(value, str) else value


# Values with nothing to anonymise inside, kept without a call (most of the findings' leaves).
_PLAIN = frozenset({int, float, bool, type(None)})


def _walk(value: object, anonymise: Callable[[str], str]) -> object:
    if isinstance(value, str):
        return anonymise(value)
    if isinstance(value, list):
        return [v if type(v) in _PLAIN else _walk(v, anonymise) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _PLAIN else _walk(v, anonymise) for k, v in value.items()}
    return value
