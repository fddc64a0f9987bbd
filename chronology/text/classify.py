"""Event-kind classification from a keyword lexicon kept as data (``rules/kinds.toml``).

One reusable step: the merge uses it to link multi-agency meetings, episode detection to find
triggers and closures, and the analysis checks to find the events a timescale runs between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from chronology.model.schema import Source
from chronology.text.facets import what
from chronology.text.phrasetrie import PhraseGroups
from chronology.text.rules import load_rules

__all__ = [  # load_rules is re-exported: it lived here before text/rules.py
    "Kind",
    "agency_type",
    "agency_type_names",
    "agency_type_scores",
    "best_agency_type",
    "classify",
    "kind_names",
    "kind_pattern",
    "kinds_of",
    "lexicon",
    "link_days",
    "load_rules",
    "mentioned_types",
    "type_of",
]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    pattern: re.Pattern[str]
    meeting: bool
    trigger: bool
    closure: bool
    link_days: int
    serious: bool = False
    starts: bool = False
    recurs: bool = False


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    # one look-around pair around the whole alternation: measured several times faster
    # in Python's re than anchoring each phrase with \b
    alternation = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])")


@cache
def lexicon() -> tuple[Kind, ...]:
    table = load_rules("kinds.toml")["kinds"]
    return tuple(
        Kind(
            name=name,
            pattern=_phrase_pattern(spec["phrases"]),
            meeting=bool(spec.get("meeting")),
            trigger=bool(spec.get("trigger")),
            closure=bool(spec.get("closure")),
            link_days=int(spec.get("link_days", 0)),
            serious=bool(spec.get("serious")),
            starts=bool(spec.get("starts")),
            recurs=bool(spec.get("recurs")),
        )
        for name, spec in table.items()
    )


@cache
def kind_names(attribute: str) -> frozenset[str]:
    """Names of the kinds with a flag set: ``kind_names("meeting")``."""
    return frozenset(k.name for k in lexicon() if getattr(k, attribute))


@cache
def kind_pattern(name: str) -> re.Pattern[str]:
    """The phrases of one kind, as one pattern."""
    return next(kind.pattern for kind in lexicon() if kind.name == name)


@cache
def link_days() -> dict[str, int]:
    """Meeting kind → how many days apart two agencies' records of it may still be linked."""
    return {k.name: k.link_days for k in lexicon() if k.meeting}


@lru_cache(maxsize=65536)
def kinds_of(text: str) -> tuple[str, ...]:
    """Every kind whose phrases occur in ``text``, in lexicon order."""
    lowered = text.lower()
    return tuple(kind.name for kind in lexicon() if kind.pattern.search(lowered))


@lru_cache(maxsize=65536)
def classify(text: str) -> str | None:
    """The main kind of an entry: its ``what`` facet (``facets.what``). A meeting outranks
    the mode it was held by ("Telephone strategy discussion" is the meeting); otherwise the
    kind named first, read in its sense ("discharged home" is no case closure)."""
    return what(text)


@dataclass(frozen=True, slots=True)
class _TypeNames:
    name: str
    pattern: re.Pattern[str]
    weight: float


@cache
def _agency_types() -> tuple[tuple[_TypeNames, ...], PhraseGroups, list[str]]:
    """Every type's name patterns (specific, then generic), and its mention phrases."""
    table = load_rules("agencies.toml")["types"]
    names = tuple(
        _TypeNames(name, _phrase_pattern(spec[key]), weight)
        for name, spec in table.items()
        for key, weight in (("names", 1.0), ("generic", 0.5))
        if spec.get(key)
    )
    mentions = PhraseGroups([spec["mentions"] for spec in table.values()])
    return names, mentions, list(table)


def agency_type_scores(text: str) -> dict[str, float]:
    """Each agency type's score for ``text`` (a name, a title block): every phrase found
    scores its weight, except one lying inside a longer phrase found for another type, so
    "adult social care" is not also children's "social care"."""
    lowered = text.lower().replace("’", "'")
    found = [
        (m.start(), m.end(), names.name, names.weight)
        for names in _agency_types()[0]
        for m in names.pattern.finditer(lowered)
    ]
    scores: dict[str, float] = {}
    for start, end, name, weight in found:
        inside = any(s <= start and end <= e and e - s > end - start for s, e, _n, _w in found)
        if not inside:
            scores[name] = scores.get(name, 0.0) + weight
    return scores


def best_agency_type(*texts: str) -> str | None:
    """The type that scores highest over ``texts``, the first weighing twice the rest (the
    agency's name before its title block); ties go to the type listed first."""
    total: dict[str, float] = {}
    for index, text in enumerate(texts):
        for name, score in agency_type_scores(text).items():
            total[name] = total.get(name, 0.0) + score * (2.0 if index == 0 else 1.0)
    if not total:
        return None
    order = _agency_types()[2]
    return max(total, key=lambda name: (total[name], -order.index(name)))


@lru_cache(maxsize=4096)  # a review names a few dozen agencies, asked of every record
def agency_type(agency: str) -> str | None:
    """``"Kingsmere Police"`` → ``"police"``: what kind of organisation an agency is."""
    return best_agency_type(agency)


def type_of(source: Source) -> str | None:
    """A record's agency type: as loading found it for its agency (the review file's, or
    what the name, title block and file name score highest), else from its name alone."""
    return source.agency_type or agency_type(source.agency)


def agency_type_names() -> list[str]:
    return list(_agency_types()[2])


@lru_cache(maxsize=65536)
def mentioned_types(text: str) -> frozenset[str]:
    """The agency types a record's text mentions (``"rang EDT"`` → childrens_social_care)."""
    _names, finder, order = _agency_types()
    return frozenset(order[i] for i in finder.every(text.lower().replace("’", "'")))
