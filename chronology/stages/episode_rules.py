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
from functools import cache, lru_cache

from chronology.model.schema import Event, Source
from chronology.text.classify import kind_names, load_rules, type_of
from chronology.text.facets import kind_matches

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
    closure: frozenset[str]  # the closure kinds
    active_kinds: frozenset[str]  # kinds that are activity: meetings, triggers, [activity]
    serious: frozenset[str]  # serious incidents: a death, an emergency attendance
    starts: frozenset[str]  # the start of an enquiry: a strategy discussion, an s47


@dataclass(frozen=True, slots=True)
class Signals:
    """One event as episode detection sees it."""

    trigger: bool  # may open an episode
    reopens: bool  # a trigger that opens a new episode even straight after a closure
    closure: bool  # records an agency stepping back
    lead: bool  # recorded by a lead agency (children's or adults' social care)
    active: bool  # multi-agency activity that keeps an episode going
    serious: bool = False  # a serious incident: opens its own episode after a quiet spell
    starts: bool = False  # the start of an enquiry or plan: likewise
    death: bool = False  # the death: its episode is always a key episode


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
        serious=kind_names("serious"),
        starts=kind_names("starts"),
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


_NOTHING: frozenset[str] = frozenset()
TextKinds = tuple[frozenset[str], frozenset[str]]  # (kinds, firm trigger kinds)


@lru_cache(maxsize=1 << 14)
def text_kinds(text: str) -> TextKinds:
    """Every kind whose phrases occur in ``text`` (``classify.kinds_of``), and the trigger
    kinds among them that occur other than tentatively."""
    lowered = text.lower().replace("’", "'")
    kinds: set[str] = set()
    firm: set[str] = set()
    triggers = kind_names("trigger")
    # each phrase read in its sense: "discharged home" is no closure, "closure order" none
    for start, end, name in kind_matches(lowered):
        kinds.add(name)
        if name in triggers and name not in firm and not tentative(lowered, start, end):
            firm.add(name)
    return frozenset(kinds), frozenset(firm)


def firm_trigger_kinds(text: str) -> set[str]:
    """Trigger kinds whose phrases occur in ``text`` other than tentatively."""
    return set(text_kinds(text)[1])


def signals(event: Event) -> Signals:
    """Classify one event for episode detection (see ``chronology.stages.episodes``)."""
    kinds, firm = _union(map(source_kinds, event.sources))
    return _signals(kinds, firm, *_agencies(event))


def _agencies(event: Event) -> tuple[frozenset[str | None], bool]:
    return frozenset(type_of(s) for s in event.sources), len(event.agencies) > 1


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
        serious=bool(firm & r.serious),
        starts=bool(triggers & r.starts),
        death="death" in firm,
    )
