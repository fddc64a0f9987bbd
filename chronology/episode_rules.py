"""What episode detection needs to know about one event: is it a trigger, a closure, activity?

Built on the reusable kind classification (``classify``: the ``trigger``, ``closure`` and
``meeting`` flags of ``rules/kinds.toml``), qualified by the data in ``rules/episodes.toml``:
which agencies must have recorded a trigger kind for it to count, which kinds continue a closed
episode, which agencies lead, and which words make a trigger phrase tentative.

A kind is searched for in a text only when the text has the words its phrases need
(``chronology.wordkeys``); the answers are those of ``classify.kinds_of`` on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import import_module
from typing import cast

from chronology.ahead import Found, Handoff
from chronology.classify import Kind, agency_type, kind_names, lexicon, load_rules
from chronology.schema import Event, Source
from chronology.wordkeys import ALWAYS, Keys, Screens, keys_for, preload, text_mask

_CLAUSE_END = re.compile(r"[.;:!?\n()]")
_WORD = re.compile(r"[\w'’-]+")
# how classify anchors a kind's alternation of phrases as whole words
_ANCHORS = ((r"(?<![\w])(?:", r")(?![\w])"), (r"(?<!\w)(?:", r")(?!\w)"))


@dataclass(frozen=True, slots=True)
class Rules:
    trigger_agencies: dict[str, frozenset[str]]
    continues_after_closure: frozenset[str]
    lead: frozenset[str]
    responders: frozenset[str]
    activity: frozenset[str]
    before: tuple[str, ...]
    after: tuple[str, ...]
    closure: frozenset[str]  # the closure kinds
    active_kinds: frozenset[str]  # kinds that are activity: meetings, triggers, [activity]


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
        closure=kind_names("closure"),
        active_kinds=kind_names("meeting")
        | kind_names("trigger")
        | frozenset(data["activity"]["kinds"]),
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


def _search_keys(kind: Kind, phrases: object) -> Keys:
    """The word keys of a kind, when its pattern is exactly the whole-word alternation of
    its phrases in kinds.toml (as ``classify`` builds it); else no shortcut."""
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        return ALWAYS
    source = kind.pattern.pattern
    for head, tail in _ANCHORS:
        if source.startswith(head) and source.endswith(tail) and "|" not in "".join(phrases):
            body = source[len(head) : len(source) - len(tail)]
            if set(body.split("|")) == {re.escape(p.lower()) for p in phrases}:
                return keys_for(phrases, "literal")
    return ALWAYS


@cache
def _kinds() -> Screens[Kind]:
    table = _phrases()
    return Screens((kind, _search_keys(kind, table.get(kind.name))) for kind in lexicon())


@cache
def _phrases() -> dict[str, object]:
    return {name: spec.get("phrases") for name, spec in load_rules("kinds.toml")["kinds"].items()}


@cache
def _literals() -> dict[str, tuple[str, ...]]:
    """Each kind's phrases as its whole-word pattern matches them (lower-cased), for the
    kinds whose keys were taken from them: a text without one of them has no match."""
    table = _phrases()
    return {
        kind.name: tuple(str(p).lower() for p in phrases)
        for kind, keys in _kinds().items
        if isinstance(keys, Keys)
        and keys.need is not None
        and isinstance(phrases := table.get(kind.name), list)
    }


def _preload() -> None:
    """Register the kinds' word keys, and the analysis checks' (which run next, on the same
    texts: with every key known before the first text is read, one reading serves both)."""
    _kinds()
    import_module("chronology.analysis")


preload(_preload)
_NOTHING: frozenset[str] = frozenset()
TextKinds = tuple[frozenset[str], frozenset[str]]  # (kinds, firm trigger kinds)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the words of a text leave to search for."""

    known: TextKinds  # the kinds its words alone prove (one-word phrases, not triggers)
    search: tuple[Kind, ...]  # the kinds to search for


_PLANS: dict[int, _Plan] = {}  # by the bits of a text's mask that kinds look at
_MAX_PLANS = 1 << 16


def _plan(mask: int) -> _Plan:
    screens = _kinds()
    mask &= screens.bits
    plan = _PLANS.get(mask)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        found = screens.candidates(mask)
        known = frozenset(kind.name for kind, sure in found if sure and not kind.trigger)
        search = tuple(kind for kind, sure in found if not sure or kind.trigger)
        plan = _PLANS[mask] = _Plan((known or _NOTHING, _NOTHING), search)
    return plan


def text_kinds(text: str) -> TextKinds:
    """Every kind whose phrases occur in ``text`` (``classify.kinds_of``), and the trigger
    kinds among them that occur other than tentatively. Kinds whose words are missing from
    the text are not searched for."""
    plan = _plan(text_mask(text))
    return _search(text) if plan.search else plan.known


@lru_cache(maxsize=1 << 14)
def _search(text: str) -> TextKinds:
    plan = _plan(text_mask(text))
    lowered = text.lower()
    literals = _literals()
    kinds = set(plan.known[0])
    firm: set[str] = set()
    for kind in plan.search:
        phrases = literals.get(kind.name)
        if phrases is not None and not any(phrase in lowered for phrase in phrases):
            continue  # a match is one of the phrases, as written
        if kind.trigger:
            for match in kind.pattern.finditer(lowered):
                kinds.add(kind.name)
                if not tentative(lowered, match.start(), match.end()):
                    firm.add(kind.name)
                    break
        elif kind.pattern.search(lowered):
            kinds.add(kind.name)
    return frozenset(kinds), frozenset(firm)


def firm_trigger_kinds(text: str) -> set[str]:
    """Trigger kinds whose phrases occur in ``text`` other than tentatively."""
    return set(text_kinds(text)[1])


@lru_cache(maxsize=1024)
def _types(agencies: tuple[str, ...]) -> frozenset[str | None]:
    return frozenset(agency_type(a) for a in agencies)


def signals(event: Event, found: Found[TextKinds] | None = None) -> Signals:
    """Classify one event for episode detection (see ``chronology.episodes``); ``found``,
    its records' kinds where a worker found them while they merged (``kinds_ahead``)."""
    if found is not None:
        each = [found.get(source) for source in event.sources]
        if None not in each:
            return _signals(*_union(cast("list[TextKinds]", each)), *_agencies(event))
    mask = 0
    for source in event.sources:
        mask |= text_mask(source.text) | text_mask(source.action)
    plan = _plan(mask)
    # With nothing to search for in the words of all its texts together, none of its texts
    # has anything to search for either: the kinds are those their words prove.
    kinds, firm = _union(map(source_kinds, event.sources)) if plan.search else plan.known
    return _signals(kinds, firm, *_agencies(event))


def _agencies(event: Event) -> tuple[frozenset[str | None], bool]:
    return _types(tuple(event.agencies)), len(event.agencies) > 1


def source_kinds(source: Source) -> TextKinds:
    """The kinds one record's text and action name (``text_kinds`` of both)."""
    return _union(text_kinds(text) for text in (source.text, source.action) if text)


def _union(found: Iterable[TextKinds]) -> TextKinds:
    kinds = firm = _NOTHING
    for more, firm_more in found:
        if more:
            kinds = kinds | more
        if firm_more:
            firm = firm | firm_more
    return kinds, firm


def kinds_ahead(sources: Sequence[Source]) -> dict[int, TextKinds]:
    """Every record's kinds, by position in ``sources`` (those with any): what a worker
    finds while the merge runs, for ``signals`` here (see ``KINDS_AHEAD``)."""
    return {at: found for at, source in enumerate(sources) if (found := source_kinds(source))[0]}


KINDS_AHEAD: Handoff[TextKinds] = Handoff((_NOTHING, _NOTHING))


@lru_cache(maxsize=4096)
def _signals(
    kinds: frozenset[str], firm: frozenset[str], types: frozenset[str | None], multi: bool
) -> Signals:
    r = rules()
    triggers = {k for k in firm if k not in r.trigger_agencies or types & r.trigger_agencies[k]}
    closure = bool(kinds & r.closure)
    active = (
        bool(triggers)
        or closure
        or bool(kinds & r.active_kinds)
        or multi
        or bool(types & r.responders)
    )
    return Signals(
        trigger=bool(triggers),
        reopens=bool(triggers - r.continues_after_closure),
        closure=closure,
        lead=bool(types & r.lead),
        active=active,
    )
