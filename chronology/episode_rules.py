"""What episode detection needs to know about one event: is it a trigger, a closure, activity?

Built on the reusable kind classification (``classify``: the ``trigger``, ``closure`` and
``meeting`` flags of ``rules/kinds.toml``), qualified by the data in ``rules/episodes.toml``:
which agencies must have recorded a trigger kind for it to count, which kinds continue a closed
episode, which agencies lead, and which words make a trigger phrase tentative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from chronology.classify import agency_type, kind_names, kinds_of, lexicon, load_rules
from chronology.schema import Event

_CLAUSE_END = re.compile(r"[.;:!?\n()]")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Rules:
    trigger_agencies: dict[str, frozenset[str]]
    continues_after_closure: frozenset[str]
    lead: frozenset[str]
    responders: frozenset[str]
    activity: frozenset[str]
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signals:
    """One event as episode detection sees it."""

    trigger: bool  # may open an episode
    reopens: bool  # a trigger that opens a new episode even straight after a closure
    closure: bool  # records an agency stepping back
    lead: bool  # recorded by a lead agency (children's or adults' social care)
    active: bool  # multi-agency activity that keeps an episode going


@cache
def rules() -> Rules:
    data = load_rules("episodes.toml")
    return Rules(
        trigger_agencies={k: frozenset(v) for k, v in data["trigger_agencies"].items()},
        continues_after_closure=frozenset(data["after_closure"]["continues"]),
        lead=frozenset(data["agencies"]["lead"]),
        responders=frozenset(data["agencies"]["responders"]),
        activity=frozenset(data["activity"]["kinds"]),
        before=tuple(data["tentative"]["before"]),
        after=tuple(data["tentative"]["after"]),
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _has_marker(words: list[str], markers: Iterable[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(f" {marker} " in joined for marker in markers)


def tentative(lowered: str, start: int, end: int) -> bool:
    """True when the phrase at ``lowered[start:end]`` is planned, requested or negated:
    a marker word among the four words before it or the two after, within its clause."""
    before = _CLAUSE_END.split(lowered[max(0, start - 80) : start])[-1]
    after = _CLAUSE_END.split(lowered[end : end + 40])[0]
    return _has_marker(_words(before)[-4:], rules().before) or _has_marker(
        _words(after)[:2], rules().after
    )


def firm_trigger_kinds(text: str) -> set[str]:
    """Trigger kinds whose phrases occur in ``text`` other than tentatively."""
    lowered = text.lower()
    found: set[str] = set()
    for kind in lexicon():
        if not kind.trigger or kind.name in found:
            continue
        if any(not tentative(lowered, m.start(), m.end()) for m in kind.pattern.finditer(lowered)):
            found.add(kind.name)
    return found


def _texts(event: Event) -> list[str]:
    return [t for s in event.sources for t in (s.text, s.action) if t]


def signals(event: Event) -> Signals:
    """Classify one event for episode detection (see ``chronology.episodes``)."""
    r = rules()
    types = {agency_type(a) for a in event.agencies}
    kinds = {k for text in _texts(event) for k in kinds_of(text)}
    firm = {k for text in _texts(event) for k in firm_trigger_kinds(text)}
    triggers = {k for k in firm if k not in r.trigger_agencies or types & r.trigger_agencies[k]}
    closure = bool(kinds & kind_names("closure"))
    active = (
        bool(triggers)
        or closure
        or bool(kinds & (kind_names("meeting") | kind_names("trigger") | r.activity))
        or len(event.agencies) > 1
        or bool(types & r.responders)
    )
    return Signals(
        trigger=bool(triggers),
        reopens=bool(triggers - r.continues_after_closure),
        closure=closure,
        lead=bool(types & r.lead),
        active=active,
    )
