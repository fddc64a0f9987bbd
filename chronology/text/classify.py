"""Event-kind classification from a keyword lexicon kept as data (``rules/kinds.toml``).

One reusable step: the merge uses it to link multi-agency meetings, episode detection to find
triggers and closures, and the analysis checks to find the events a timescale runs between.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from chronology.text.phrasetrie import PhraseGroups


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    pattern: re.Pattern[str]
    meeting: bool
    trigger: bool
    closure: bool
    link_days: int


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    # one look-around pair around the whole alternation: measured several times faster
    # in Python's re than anchoring each phrase with \b
    alternation = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])")


def load_rules(name: str) -> dict[str, Any]:
    """A packaged rules file, e.g. ``load_rules("kinds.toml")``."""
    return tomllib.loads(files("chronology.rules").joinpath(name).read_text(encoding="utf-8"))


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
        )
        for name, spec in table.items()
    )


@cache
def kind_names(attribute: str) -> frozenset[str]:
    """Names of the kinds with a flag set: ``kind_names("meeting")``."""
    return frozenset(k.name for k in lexicon() if getattr(k, attribute))


@cache
def link_days() -> dict[str, int]:
    """Meeting kind → how many days apart two agencies' records of it may still be linked."""
    return {k.name: k.link_days for k in lexicon() if k.meeting}


@lru_cache(maxsize=65536)
def kinds_of(text: str) -> tuple[str, ...]:
    """Every kind whose phrases occur in ``text``, in lexicon order."""
    lowered = text.lower()
    return tuple(kind.name for kind in lexicon() if kind.pattern.search(lowered))


@cache
def _kind_finder() -> PhraseGroups:
    """Every phrase, grouped by kind in lexicon order: the leftmost match is the kind named
    first, and at one position the earlier kind wins."""
    return PhraseGroups([spec["phrases"] for spec in load_rules("kinds.toml")["kinds"].values()])


@lru_cache(maxsize=65536)
def classify(text: str) -> str | None:
    """The main kind of an entry: the kind its text names first (lexicon order breaks a
    tie). Entries lead with what happened: "Telephone call from HV: screening meeting
    yesterday" is a phone call about a meeting, not the meeting itself."""
    found = _kind_finder().first(text.lower())
    return None if found is None else lexicon()[found].name


@cache
def _agency_types() -> tuple[dict[str, re.Pattern[str]], PhraseGroups, list[str]]:
    """Per-type name patterns, and every type's mention phrases."""
    table = load_rules("agencies.toml")["types"]
    names = {name: _phrase_pattern(spec["names"]) for name, spec in table.items()}
    mentions = PhraseGroups([spec["mentions"] for spec in table.values()])
    return names, mentions, list(table)


@lru_cache(maxsize=4096)  # a review names a few dozen agencies, asked of every record
def agency_type(agency: str) -> str | None:
    """``"Kingsmere Police"`` → ``"police"``: what kind of organisation an agency is."""
    lowered = agency.lower()
    for name, pattern in _agency_types()[0].items():
        if pattern.search(lowered):
            return name
    return None


@lru_cache(maxsize=65536)
def mentioned_types(text: str) -> frozenset[str]:
    """The agency types a record's text mentions (``"rang EDT"`` → childrens_social_care)."""
    _names, finder, order = _agency_types()
    return frozenset(order[i] for i in finder.every(text.lower().replace("’", "'")))
