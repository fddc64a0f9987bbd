"""What a record is, how it was made, and what became of it: facets instead of one kind.

A record's *what* is the kind of occurrence it records (a meeting type, a one-off life event,
a contact), chosen so that a meeting outranks the mode of contact it was held by; *how* is the
mode (phone, visit, letter...); *status* says whether the thing was held, or only requested,
planned, cancelled or not attended; *direction* whether the record sends something to another
agency or receives it from one; *cited* the days the text itself names ("incident on
12/06/19"), which tie the receiving end of a referral to the day it was sent. Every phrase
list is data: ``rules/kinds.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from chronology.model.schema import Facets
from chronology.text.phrasetrie import PhraseGroups
from chronology.text.rules import load_rules

# a clause ends at a full stop (not an initial's: "SW R. Kowalczyk"), ; : ! ? or a bracket
_CLAUSE_END = re.compile(r"(?<!\b\w)\.|[;:!?\n()]")
_WORD = re.compile(r"[\w'’&-]+")
# a day written day-first with a two- or four-digit year: "12/06/19", "14.02.2021"
_CITED = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])")
STATUS_WORDS_BEFORE = 10  # a status's words count this far before the name (its clause)
STATUS_WORDS_AFTER = 3


@dataclass(frozen=True, slots=True)
class _Lexicon:
    names: tuple[str, ...]  # the kinds, in order; then one group per kind's senses
    finder: PhraseGroups
    meeting: frozenset[str]
    one_off: frozenset[str]
    how: tuple[tuple[str, re.Pattern[str]], ...]
    # name, its words before, its words after (as patterns), how many words before count
    status: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, int], ...]
    negations: re.Pattern[str] | None
    sends: PhraseGroups
    receives: PhraseGroups


def _pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])")


@cache
def lexicon() -> _Lexicon:
    data = load_rules("kinds.toml")
    kinds = data["kinds"]
    senses = [name for name, spec in kinds.items() if spec.get("not")]
    # the phrases in which a kind's words do not count come first: at one position the
    # earlier group wins, so "closure order" is found there instead of "closure"
    groups = [kinds[name]["not"] for name in senses] + [spec["phrases"] for spec in kinds.values()]
    status = data["status"]
    direction = data["direction"]
    return _Lexicon(
        names=(*(f"not:{name}" for name in senses), *kinds),
        finder=PhraseGroups(groups),
        meeting=frozenset(n for n, spec in kinds.items() if spec.get("meeting")),
        one_off=frozenset(n for n, spec in kinds.items() if spec.get("one_off")),
        how=tuple((name, _pattern(phrases)) for name, phrases in data["how"].items()),
        status=tuple(_status_words(k, v) for k, v in status.items() if k != "negated"),
        negations=_maybe(tuple(status.get("negated", []))),
        sends=PhraseGroups([direction["to"]]),
        receives=PhraseGroups([direction["from"]]),
    )


def _maybe(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return _pattern(phrases) if phrases else None


def _status_words(
    name: str, words: object
) -> tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, int]:
    """A status's words either side of the name: a list counts on both sides."""
    if isinstance(words, dict):
        reach = int(words.get("words_before", STATUS_WORDS_BEFORE))
        before, after = tuple(words.get("before", ())), tuple(words.get("after", ()))
        return name, _maybe(before), _maybe(after), reach
    both = _maybe(tuple(words) if isinstance(words, list) else ())
    return name, both, both, STATUS_WORDS_BEFORE


def kind_matches(lowered: str) -> list[tuple[int, int, str]]:
    """Every kind phrase in ``lowered`` read in its sense, left to right."""
    names = lexicon().names
    found = [(s, e, names[g]) for s, e, g in lexicon().finder.matches(lowered)]
    return [(s, e, name) for s, e, name in found if not name.startswith("not:")]


# What a meeting's status does to its rank: a meeting held outranks everything (the mode it
# was held by most of all), one only requested, planned or cancelled ranks below the other
# kinds, and one only talked about ("unaware of the ICPC", "meeting yesterday") below all.
_HELD = frozenset({"held", "not_attended"})
_TOPIC = frozenset({"mentioned", "reported"})


def _chosen(lowered: str, found: list[tuple[int, int, str]]) -> tuple[int, int, str, str] | None:
    """The match that says what the record is, with its status. "Telephone strategy
    discussion" is the meeting, "SW requests strategy discussion" the meeting requested;
    otherwise the kind named first ("Telephone call from HV: children referred" is the call)."""
    lex = lexicon()
    meetings = [(m, status_at(lowered, m[0], m[1])) for m in found if m[2] in lex.meeting]
    others = [m for m in found if m[2] not in lex.meeting]
    ranked = [
        [(m, st) for m, st in meetings if st in _HELD],
        [(m, "held") for m in others],
        [(m, st) for m, st in meetings if st not in _HELD | _TOPIC],
        [(m, st) for m, st in meetings if st in _TOPIC],
    ]
    for rank in ranked:
        if rank:
            (start, end, name), status = rank[0]
            return start, end, name, status
    return None


def what(text: str) -> str | None:
    """The kind of occurrence a record's text records (its ``what`` facet)."""
    lowered = text.lower().replace("’", "'")
    found = _chosen(lowered, kind_matches(lowered))
    return None if found is None else found[2]


def _has(words: list[str], phrases: re.Pattern[str] | None) -> bool:
    return phrases is not None and bool(words) and phrases.search(" ".join(words)) is not None


def status_at(lowered: str, start: int, end: int) -> str:
    """What became of the thing named at ``lowered[start:end]``: the status whose words
    stand in its clause, a few words either side; "held" when none does."""
    before = _WORD.findall(_CLAUSE_END.split(lowered[max(0, start - 80) : start])[-1])
    after = _WORD.findall(_CLAUSE_END.split(lowered[end : end + 60])[0])
    after = after[:STATUS_WORDS_AFTER]
    for name, ahead, behind, reach in lexicon().status:
        if _has(before[-reach:], ahead) or _has(after, behind):
            return name
    if _has(before[-2:], lexicon().negations):
        return "negated"
    return "held"


def _how(lowered: str) -> str | None:
    for name, pattern in lexicon().how:
        if pattern.search(lowered):
            return name
    return None


def _direction(lowered: str) -> str | None:
    """ "from" when the record receives (a referral received, informed by), "to" when it
    sends; whichever is named first."""
    sent = lexicon().sends.matches(lowered)
    got = lexicon().receives.matches(lowered)
    if not sent and not got:
        return None
    if sent and (not got or sent[0][0] < got[0][0]):
        return "to"
    return "from"


def cited_days(text: str) -> tuple[int, ...]:
    """The days a text names in day-first numbers, as ordinals ("incident 14/02/21")."""
    days = []
    for day, month, year in _CITED.findall(text):
        full = int(year) + (2000 if len(year) == 2 else 0)
        try:
            days.append(date(full, int(month), int(day)).toordinal())
        except ValueError:
            continue
    return tuple(sorted(set(days)))


@lru_cache(maxsize=65536)
def facets_of(text: str, action: str = "", mentions: frozenset[str] = frozenset()) -> Facets:
    """Every facet of one record: its text leads, its action decides only what the text
    leaves open."""
    lowered = text.lower().replace("’", "'")
    found = _chosen(lowered, kind_matches(lowered))
    if found is None and action:
        where = action.lower().replace("’", "'")
        found = _chosen(where, kind_matches(where))
    both = f"{lowered}\n{action.lower()}"
    kind, status = (None, "held") if found is None else (found[2], found[3])
    return Facets(
        what=kind,
        how=_how(both),
        status=status,
        one_off=kind in lexicon().one_off,
        meeting=kind in lexicon().meeting,
        direction=_direction(both),
        mentions=tuple(sorted(mentions)),
        present=tuple(sorted(mentions)) if kind in lexicon().meeting else (),
        cited=cited_days(f"{text} {action}"),
    )
