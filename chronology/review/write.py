"""``chronology init``: a starting review.toml written from what the inputs contain.

Everything it writes is what the tool would do anyway, so merging with the untouched file gives
the same events as merging without one; the author then edits it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import tomlkit
from tomlkit.items import Item, KeyType, SingleKey, Table

from chronology.loaders.headings import map_headings
from chronology.model.schema import LoadResult, Source
from chronology.text.classify import load_rules


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    rules = load_rules("names.toml")
    return frozenset(rules["acronyms"]), frozenset(w.lower() for w in rules["common"])


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# What comes before a sentence's (or a cell's, or a heading's) first word.
_OPENS = re.compile(r"(?:^|[.!?:;–\-(\n]\s*|\s-\s*)$")


@dataclass(slots=True)
class FileSummary:
    name: str
    agency: str
    headings: list[str]
    type: str | None = None  # the agency's type as found, for the author to correct
    roles: dict[str, str] | None = None  # heading -> role as the import report found them


@cache
def _dictionary() -> frozenset[str]:
    """English words (GCIDE, lower case): a capitalised one is a sentence's first word or a
    heading's, not a name (a surname that is also a word, "Marsh", is the author's to add)."""
    from english_words import get_english_words_set  # noqa: PLC0415 - 0.1 s, for init only

    return frozenset(get_english_words_set(["gcide"], lower=True))


# Inflections undone to find a word's stem: (ending, what replaces it).
_INFLECTIONS = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ier", "y"), ("iest", "y"), ("er", ""), ("ing", ""),
    ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("ly", ""),
)  # fmt: skip


def _is_word(key: str, words: frozenset[str]) -> bool:
    """``key`` (or each part of a hyphenated one) or its stem is an English word
    ("options", "denies", "registered", "pre-tenancy")."""
    parts = [p for p in key.strip("'’-").split("-") if p]
    return (
        bool(parts)
        and all(
            part in words
            or len(part) <= 3  # "pre", "re", "co": prefixes and short forms
            or any(
                part.endswith(end) and part[: -len(end)] + stem in words
                for end, stem in _INFLECTIONS
                if len(part) - len(end) > 2
            )
            for part in parts
        )
    )


def is_english_word(key: str) -> bool:
    """``key`` (lower case) or its stem is an English word."""
    return _is_word(key, _dictionary())


def name_candidates(
    texts: Iterable[str], limit: int | None = None, known: Iterable[str] = ()
) -> list[tuple[str, int]]:
    """Words that may be people's names, most often seen first, each however rare:
    capitalised or upper case wherever they occur, never lower case, not a known
    abbreviation or heading word, nor a word of ``known`` (agency and place names); and not
    an English word unless it is also written capitalised within a sentence ("with Lily":
    a name that is a word), where a word is not ("Restart" opens an entry)."""
    as_name: Counter[str] = Counter()
    mid_sentence: set[str] = set()
    lower_seen: set[str] = set()
    for text in texts:
        for match in _TOKEN.finditer(text):
            token = match.group(0)
            word = token.rstrip("'’s") if token.endswith(("'s", "’s")) else token
            if word.islower():
                lower_seen.add(word)
            elif word[0].isupper() and len(word) > 2:
                as_name[word] += 1
                if not _OPENS.search(text[: match.start()]):
                    mid_sentence.add(word.lower())
    acronyms, common = _not_names()
    words = _dictionary()
    places = {re.sub(r"['’]s$", "", w.lower()) for name in known for w in _TOKEN.findall(name)}
    found = Counter[str]()
    for word, count in as_name.items():
        key = word.lower()
        if key in lower_seen or word.upper() in acronyms or key in common or key in places:
            continue
        if key not in mid_sentence and _is_word(key, words):
            continue
        found[word.title() if word.isupper() else word] += count
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _quoted(text: str) -> str:
    """``text`` as a TOML basic string, escaped as TOML requires: a heading typed with a line
    break (Alt+Enter in Excel) or a tab stays one string, in a value or in a comment."""
    return tomlkit.string(text).as_string()


def _glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def render_review(loaded: LoadResult, summaries: Sequence[FileSummary]) -> str:
    """The starting review file, built as a tomlkit document so every heading, file name and
    word is quoted and escaped by the TOML writer (merge reads back exactly what init saw)."""
    dated = [s for s in loaded.sources if s.date.start is not None]
    first = min((s.date.start for s in dated), default=None)  # type: ignore[type-var]
    last = max((s.date.end for s in dated), default=None)  # type: ignore[type-var]
    doc = tomlkit.document()
    for line in _HEADER:
        doc.add(tomlkit.comment(line))
    doc.add(tomlkit.nl())
    doc.add("review", _review_table(first, last))
    if summaries:
        agencies = tomlkit.aot()
        for summary in summaries:
            agencies.append(_agency_table(summary))
        doc.add("agencies", agencies)
    doc.add("pseudonyms", _pseudonym_table(loaded.sources))
    for line in _FOOTER:
        doc.add(tomlkit.comment(line) if line else tomlkit.nl())
    return tomlkit.dumps(doc)


_HEADER = (
    "review.toml: the author's decisions for this review, re-applied on every run.",
    "Written by `chronology init`; edit it. Merging with it untouched gives the same events",
    "as merging without it.",
)
_FOOTER = (
    "[[episodes]]   # your own key episodes replace the detected ones",
    'title = "The first key episode"',
    "start = 2010-08-01",
    "end = 2010-10-31",
    "",
    "[[merge.join]]   # force rows into one event (refs as in chronology.json)",
    'sources = ["CSC.xlsx:IMR Chronology:23", "Police.xlsx:Chronology:31"]',
    "[[merge.split]]  # force rows apart",
    'sources = ["HV.xlsx:Sheet1:14", "Nursery.xlsx:Chronology:6"]',
)


def _review_table(first: dt.date | None, last: dt.date | None) -> Table:
    table = tomlkit.table()
    for key, value, comment in (
        ("title", "Domestic Homicide Review", "the review's title as published"),
        (
            "start",
            first or dt.date(2000, 1, 1),
            "earliest date found; set the terms-of-reference start",
        ),
        ("end", last or dt.date(2000, 12, 31), "latest date found; set the terms-of-reference end"),
        ("first_paragraph", 1, "the Facts draft's paragraph numbers continue the report's"),
    ):
        table.add(key, _commented(tomlkit.item(value), comment))
    table.add(tomlkit.nl())
    return table


def _commented(item: Item, comment: str) -> Item:
    item.comment(comment)
    item.trivia.comment_ws = "   "
    return item


def _agency_table(summary: FileSummary) -> Table:
    if summary.roles is None:
        mapping = map_headings(summary.headings)
        roles = {summary.headings[i]: name for i, name in sorted(mapping.items())}
    else:
        roles = {h: r for h, r in summary.roles.items() if r != "extra"}
    columns = tomlkit.inline_table()
    for heading, role in roles.items():  # headings always quoted, as an author types them
        columns.append(SingleKey(heading, t=KeyType.Basic), role)
    unmapped = [h for h in summary.headings if h not in roles and h]
    table = tomlkit.table()
    table.add("name", summary.agency)
    types = ", ".join(load_rules("agencies.toml")["types"])
    if summary.type:
        table.add("type", summary.type)
        table["type"].comment(f"check it; one of: {types}")
    else:
        table.add(
            tomlkit.comment(f'type = "..."   # not recognised from the name; one of: {types}')
        )
    table.add("files", [_glob_escape(summary.name)])
    table.add(
        tomlkit.comment("start = 2003-01-01   # this agency's own period, where its scope differs")
    )
    table.add("columns", columns)
    if unmapped:
        listed = ", ".join(_quoted(h) for h in unmapped)
        table.add(
            tomlkit.comment(
                f"told in each account, labelled by heading (map one above if it matters): {listed}"
            )
        )
    return table


def _pseudonym_table(sources: Sequence[Source]) -> Table:
    texts = (t for s in sources for t in (s.text, s.action, s.subject))
    table = tomlkit.table()
    for line in (
        "Real name → designation, for --anonymise. Longest first; case-insensitive; whole words;",
        "possessives too. Every capitalised word of the records that is not an English word",
        "nor in an agency's name, most often seen first (uncomment and complete the names):",
    ):
        table.add(tomlkit.comment(line))
    agencies = {s.agency for s in sources}
    for word, count in name_candidates(texts, known=agencies):
        times = "once" if count == 1 else f"{count} times"
        table.add(tomlkit.comment(f'{_quoted(word)} = ""   # seen {times}'))
    table.add(tomlkit.nl())
    return table
