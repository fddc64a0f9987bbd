"""Reading ``rules/timescales.toml`` (or an author's copy) into checked rules.

Each ``[[rules]]`` entry is validated here, so a mistake in an author's file is reported with
the rule's id and the field at fault instead of failing half-way through the analysis.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from chronology.model.errors import ReviewFileError
from chronology.model.schema import Event, Source
from chronology.stages.analysis.phrases import Cues, compile_phrases, normalise
from chronology.text.classify import load_rules, mentioned_types, type_of
from chronology.text.screen import Screen, either, screen_of, words_of

UNITS = ("working_days", "days", "months")
PAIRINGS = ("last_start", "first_end")


@cache
def kind_patterns() -> dict[str, re.Pattern[str]]:
    """The phrases of each kind in kinds.toml (the merge's lexicon), as fast patterns."""
    table = load_rules("kinds.toml")["kinds"]
    compiled = {name: compile_phrases(spec["phrases"]) for name, spec in table.items()}
    return {name: pattern for name, pattern in compiled.items() if pattern is not None}


@cache
def kind_screens() -> dict[str, Screen]:
    """The words each of ``kind_patterns`` needs (see ``text.screen``)."""
    table = load_rules("kinds.toml")["kinds"]
    return {name: screen_of(table[name]["phrases"]) for name in kind_patterns()}


@dataclass(frozen=True, slots=True)
class Matcher:
    """Which events count as a rule's start (or end)."""

    kinds: frozenset[str]
    all_of: tuple[re.Pattern[str], ...]
    unless: re.Pattern[str] | None
    agency_types: frozenset[str]
    cues: Cues
    screen: Screen  # one of ``kinds``' words, and one of each ``all_of`` list's

    def _has_kind(self, text: str) -> bool:
        patterns, screens = kind_patterns(), kind_screens()
        words = words_of(text)
        for kind in self.kinds:
            if not screens[kind].may_match(words):
                continue
            for found in patterns[kind].finditer(text):
                if not self.cues.near(text, found.start(), found.end()):
                    return True
        return False

    def source_matches(self, source: Source) -> bool:
        full = normalise(f"{source.text} {source.action}")
        if not self.screen.may_match(words_of(full)):
            return False  # the words it needs are not there
        text = normalise(source.text)
        if self.unless is not None and self.unless.search(full):
            return False
        if self.all_of and not all(group.search(full) for group in self.all_of):
            return False
        return not self.kinds or self._has_kind(text)

    def matches(self, event: Event) -> bool:
        if not event.date.is_known or not any(self.source_matches(s) for s in event.sources):
            return False
        if not self.agency_types:
            return True
        types = {type_of(s) for s in event.sources}
        for source in event.sources:
            types |= mentioned_types(f"{source.text} {source.action}".lower())
        return bool(types & self.agency_types)


@dataclass(frozen=True, slots=True)
class Side:
    """A rule's start or end: an event counts when any of the matchers accepts it."""

    matchers: tuple[Matcher, ...]

    @property
    def agency_types(self) -> frozenset[str]:
        return frozenset().union(*(m.agency_types for m in self.matchers))

    def matches(self, event: Event) -> bool:
        return any(m.matches(event) for m in self.matchers)

    def source_matches(self, source: Source) -> bool:
        return any(m.source_matches(source) for m in self.matchers)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    edition: str
    applies_from: dt.date | None
    applies_to: dt.date | None
    start: Side
    end: Side
    start_label: str
    end_label: str
    pair: str
    limit: int
    unit: str
    within_days: int
    report_unmatched: bool
    chain_days: int = 0

    def applies(self, day: dt.date) -> bool:
        return (self.applies_from is None or self.applies_from <= day) and (
            self.applies_to is None or day <= self.applies_to
        )


def _fail(rule: str, message: str, source: str) -> ReviewFileError:
    return ReviewFileError(f"timescale rule '{rule}': {message}", file=source)


def _strings(value: object, rule: str, field: str, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(rule, f"{field} must be a list of words or phrases", source)
    return list(value)


def _side(spec: object, defaults: Mapping[str, Any], rule: str, side: str, src: str) -> Side:
    specs = spec if isinstance(spec, list) else [spec]
    if not specs:
        raise _fail(rule, f"'{side}' needs at least one table", src)
    return Side(tuple(_matcher(one, defaults, rule, side, src) for one in specs))


def _matcher(spec: object, defaults: Mapping[str, Any], rule: str, side: str, src: str) -> Matcher:
    if not isinstance(spec, Mapping):
        raise _fail(rule, f"'{side}' must be a table, e.g. {side} = {{ kinds = [\"icpc\"] }}", src)
    kinds = _strings(spec.get("kinds"), rule, f"{side}.kinds", src)
    unknown = sorted(set(kinds) - set(kind_patterns()))
    if unknown:
        raise _fail(rule, f"{side}.kinds: unknown kind {', '.join(unknown)} (see kinds.toml)", src)
    groups = spec.get("all_of", [])
    if not isinstance(groups, list):
        raise _fail(rule, f"{side}.all_of must be a list of lists of phrases", src)
    lists = [_strings(g, rule, f"{side}.all_of", src) for g in groups]
    compiled = [(p, phrases) for phrases in lists if (p := compile_phrases(phrases))]
    all_of = tuple(pattern for pattern, _phrases in compiled)
    # the full text must hold a word of each all_of list (and, with kinds, of one kind's)
    needed = [screen_of(phrases) for _pattern, phrases in compiled]
    if kinds:
        needed.append(either(kind_screens()[kind] for kind in kinds))
    if not kinds and not all_of:
        raise _fail(rule, f"'{side}' needs kinds or all_of", src)
    return Matcher(
        kinds=frozenset(kinds),
        all_of=all_of,
        unless=compile_phrases(_strings(spec.get("unless"), rule, f"{side}.unless", src)),
        agency_types=frozenset(
            _strings(spec.get("agency_types"), rule, f"{side}.agency_types", src)
        ),
        cues=Cues.of(
            _strings(defaults.get("not_before"), rule, "not_before", src),
            _strings(defaults.get("not_after"), rule, "not_after", src),
            words_before=_whole(defaults.get("words_before", 4), rule, "words_before", src),
            words_after=_whole(defaults.get("words_after", 4), rule, "words_after", src),
        ),
        screen=_all(needed),
    )


def _all(screens: Sequence[Screen]) -> Screen:
    """The strictest of ``screens`` that each must let through: any one is a sound screen
    for their conjunction, and the one with fewest words rules out most."""
    usable = [s for s in screens if not s.always]
    return min(usable, key=lambda s: len(s.words) + len(s.prefixes), default=Screen())


def _whole(value: object, rule: str, field: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(rule, f"{field} must be a whole number (0 or more), not {value!r}", source)
    return value


def _date(value: object, rule: str, field: str, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(rule, f"{field} must be a date written yyyy-mm-dd, not {value!r}", source)


def _choice(value: object, allowed: Sequence[str], rule: str, field: str, source: str) -> str:
    if value not in allowed:
        raise _fail(rule, f"{field} must be one of {', '.join(allowed)}, not {value!r}", source)
    return str(value)


def _label(spec: Mapping[str, Any], side: str) -> str:
    first = spec.get(side)
    first = first[0] if isinstance(first, list) and first else first
    kinds = (first.get("kinds") if isinstance(first, Mapping) else None) or [spec["id"]]
    return str(spec.get(f"{side}_label") or str(kinds[0]).replace("_", " "))


def _rule(spec: object, defaults: Mapping[str, Any], source: str) -> Rule:
    if not isinstance(spec, Mapping) or not isinstance(spec.get("id"), str):
        raise ReviewFileError('each [[rules]] entry needs an id = "..."', file=source)
    rid = str(spec["id"])
    limit = _whole(spec.get("limit"), rid, "limit", source)
    within = spec.get("within_days", defaults.get("within_days", 120))
    if isinstance(within, bool) or not isinstance(within, int) or within <= 0:
        raise _fail(rid, "within_days must be a positive whole number", source)
    return Rule(
        id=rid,
        title=str(spec.get("title", rid)),
        edition=str(spec.get("edition", "")),
        applies_from=_date(spec.get("applies_from"), rid, "applies_from", source),
        applies_to=_date(spec.get("applies_to"), rid, "applies_to", source),
        start=_side(spec.get("start"), defaults, rid, "start", source),
        end=_side(spec.get("end"), defaults, rid, "end", source),
        start_label=_label(spec, "start"),
        end_label=_label(spec, "end"),
        pair=_choice(spec.get("pair", "first_end"), PAIRINGS, rid, "pair", source),
        limit=limit,
        unit=_choice(spec.get("unit", "working_days"), UNITS, rid, "unit", source),
        within_days=within,
        report_unmatched=_choice(
            spec.get("if_unmatched", "report"), ("report", "ignore"), rid, "if_unmatched", source
        )
        == "report",
        chain_days=_whole(spec.get("chain_days", 0), rid, "chain_days", source),
    )


def parse_rules(table: Mapping[str, Any], source: str = "timescales.toml") -> list[Rule]:
    """Every rule in a parsed timescales file, checked."""
    defaults = table.get("defaults", {})
    if not isinstance(defaults, Mapping):
        raise ReviewFileError("[defaults] must be a table", file=source)
    rules = table.get("rules", [])
    if not isinstance(rules, list):
        raise ReviewFileError("rules must be written as [[rules]] tables", file=source)
    parsed = [_rule(spec, defaults, source) for spec in rules]
    seen: set[str] = set()
    for rule in parsed:
        if rule.id in seen:
            raise _fail(rule.id, "two rules share this id", source)
        seen.add(rule.id)
    return parsed
