"""Words for the Facts draft: date openers, agency lists, numbers and the glossary.

Agency text is never rewritten: the glossary only adds the full form in front of an
abbreviation on its first use ("Emergency Duty Team (EDT)"), so the original stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from chronology.dates.grammar import MONTHS
from chronology.dates.span import DateSpan, Precision, format_span, prose_date
from chronology.model.schema import Event
from chronology.text.classify import load_rules

# Counts up to ten are written as words, larger ones as figures.
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(count: int) -> str:
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{number_word(count)} {noun if count == 1 else nouns or noun + 's'}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------- dates
def untimed(span: DateSpan) -> DateSpan:
    return replace(span, time=None)


def date_opener(span: DateSpan) -> str:
    """A date at its real precision ("On 9 August 2010 at 15:12", "In mid-January 2012"),
    or the date as written when it is not a real date."""
    if span.start is None:
        return f"On a date recorded as “{span.text}”" if span.text else "On an unknown date"
    return prose_date(span)


def opener(event: Event, *, with_time: bool = True) -> str:
    """A paragraph's first words: the event's date, with its time of day when known."""
    span = event.date
    if not with_time:
        return date_opener(untimed(span))
    if span.precision is Precision.DAY and not span.time and event.time:
        span = replace(span, time=event.time)
    return date_opener(span)


def short_date(span: DateSpan) -> str:
    """A date in a list or a summary: "9 August 2010", "late 2008", "c. 2005"."""
    return format_span(untimed(span))


def boundary(span: DateSpan, use_end: bool) -> tuple[str, int | None]:
    """One end of a quiet period: the month when the date is that precise, otherwise the date
    as the agency gave it ("2005", "the second half of 2006"). The year comes back when the
    phrase is a month, so that "October and December 2010" can share it."""
    start, end = span.start, span.end
    if start is None or end is None:
        return span.text or "an unknown date", None
    if (end - start).days <= 31:
        day = end if use_end else start
        return MONTHS[day.month - 1], day.year
    phrase = format_span(untimed(span))
    if " to " in phrase:  # a range ("1990 to 1999"): the quiet runs from its end, or to its start
        first, _, last = phrase.partition(" to ")
        phrase = last if use_end else first
    if span.precision in (Precision.HALF, Precision.QUARTER) and phrase[:1].islower():
        phrase = "the " + phrase  # "the second half of 2006", but "Q3 2011"
    return phrase, None


def quiet_sentence(before: DateSpan, after: DateSpan) -> str:
    """ "There were no recorded agency contacts between October 2010 and May 2011."."""
    (first, first_year), (last, last_year) = boundary(before, True), boundary(after, False)
    if first_year is not None and first_year == last_year:
        between = f"{first} and {last} {last_year}"
    else:
        between = f"{first}{f' {first_year}' if first_year else ''} and " + (
            f"{last}{f' {last_year}' if last_year else ''}"
        )
    return f"There were no recorded agency contacts between {between}."


# ---------------------------------------------------------------- the glossary
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


@dataclass(frozen=True, slots=True)
class Term:
    expansion: str
    agencies: frozenset[str] | None = None  # agency types whose text uses it in this sense


@cache
def _glossary() -> dict[str, Any]:
    return load_rules("glossary.toml")


def terms(review: Mapping[str, Any] | None = None) -> dict[str, Term]:
    """The packaged abbreviations with the review file's ``[glossary]`` over them; an empty
    full form there stops a packaged one being expanded."""
    found: dict[str, Term] = {}
    for key, value in {**_glossary().get("abbreviations", {}), **(review or {})}.items():
        if isinstance(value, str):
            term = Term(value)
        else:
            term = Term(str(value["expansion"]), frozenset(value.get("agencies", [])) or None)
        if term.expansion:
            found[key] = term
    return found


def kind_label(kind: str | None, default: str) -> str:
    labels: Mapping[str, str] = _glossary().get("kinds", {})
    return labels.get(kind or "", default)


@dataclass(slots=True)
class Expander:
    """Expands each abbreviation the first time it appears in the document, and only then."""

    terms: Mapping[str, Term]
    seen: set[str] = field(default_factory=set)
    pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        if self.terms:
            keys = sorted(self.terms, key=lambda k: (-len(k), k))
            body = "|".join(re.escape(k) for k in keys)
            self.pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])")

    def expand(self, text: str, kind: str | None) -> str:
        """``text`` with each glossary term expanded on its first use (``kind``: the
        writing agency's type, for terms that belong to some types only)."""
        if self.pattern is None or not text:
            return text

        def one(match: re.Match[str]) -> str:
            key = match.group(0)
            term = self.terms[key]
            if key in self.seen or (term.agencies is not None and kind not in term.agencies):
                return key
            self.seen.add(key)
            inside = text[match.start() - 1 : match.start()] == "(" and (
                text[match.end() : match.end() + 1] == ")"
            )
            if inside:
                return key
            full = term.expansion
            if _SENTENCE_START.search(text[: match.start()]):
                full = full[:1].upper() + full[1:]
            return f"{full} ({key})"

        return self.pattern.sub(one, text)
