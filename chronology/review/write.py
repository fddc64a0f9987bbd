"""``chronology init``: a starting review.toml written from what the inputs contain.

Everything it writes is what the tool would do anyway, so merging with the untouched file gives
the same events as merging without one; the author then edits it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from chronology.loaders.headings import map_headings
from chronology.model.schema import LoadResult, Source
from chronology.text.classify import load_rules


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    rules = load_rules("names.toml")
    return frozenset(rules["acronyms"]), frozenset(w.lower() for w in rules["common"])


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@dataclass(slots=True)
class FileSummary:
    name: str
    agency: str
    headings: list[str]
    type: str | None = None  # the agency's type as found, for the author to correct
    roles: dict[str, str] | None = None  # heading -> role as the import report found them


def name_candidates(texts: Iterable[str], limit: int = 30) -> list[tuple[str, int]]:
    """Words that look like people's names: capitalised or upper case wherever they occur,
    never lower case, and not a known abbreviation or common heading word."""
    as_name: Counter[str] = Counter()
    lower_seen: set[str] = set()
    for text in texts:
        for token in _TOKEN.findall(text):
            word = token.rstrip("'’s") if token.endswith(("'s", "’s")) else token
            if word.islower():
                lower_seen.add(word)
            elif word[0].isupper() and len(word) > 2:
                as_name[word] += 1
    acronyms, common = _not_names()
    found = Counter[str]()
    for word, count in as_name.items():
        key = word.lower()
        if key in lower_seen or word.upper() in acronyms or key in common:
            continue
        found[word.title() if word.isupper() else word] += count
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def render_review(loaded: LoadResult, summaries: Sequence[FileSummary]) -> str:
    dated = [s for s in loaded.sources if s.date.start is not None]
    first = min((s.date.start for s in dated), default=None)  # type: ignore[type-var]
    last = max((s.date.end for s in dated), default=None)  # type: ignore[type-var]
    lines = [
        "# review.toml: the author's decisions for this review, re-applied on every run.",
        "# Written by `chronology init`; edit it. Merging with it untouched gives the same events",
        "# as merging without it.",
        "",
        "[review]",
        'title = "Domestic Homicide Review"   # the review\'s title as published',
        f"start = {first.isoformat() if first else '2000-01-01'}   # earliest date found; "
        "set the terms-of-reference start",
        f"end = {last.isoformat() if last else '2000-12-31'}     # latest date found; "
        "set the terms-of-reference end",
        "first_paragraph = 1   # the Facts draft's paragraph numbers continue the report's",
        "",
    ]
    for summary in summaries:
        lines += _agency_block(summary)
    lines += _pseudonym_block(loaded.sources)
    lines += [
        "# [[episodes]]   # your own key episodes replace the detected ones",
        '# title = "The first key episode"',
        "# start = 2010-08-01",
        "# end = 2010-10-31",
        "",
        "# [[merge.join]]   # force rows into one event (refs as in chronology.json)",
        '# sources = ["CSC.xlsx:IMR Chronology:23", "Police.xlsx:Chronology:31"]',
        "# [[merge.split]]  # force rows apart",
        '# sources = ["HV.xlsx:Sheet1:14", "Nursery.xlsx:Chronology:6"]',
    ]
    return "\n".join(lines) + "\n"


def _agency_block(summary: FileSummary) -> list[str]:
    if summary.roles is None:
        mapping = map_headings(summary.headings)
        roles = {summary.headings[i]: name for i, name in sorted(mapping.items())}
    else:
        roles = {h: r for h, r in summary.roles.items() if r != "extra"}
    unmapped = [h for h in summary.headings if h not in roles and h]
    columns = ", ".join(f"{_toml_string(h)} = {_toml_string(f)}" for h, f in roles.items())
    kind = (
        f"type = {_toml_string(summary.type)}   # check it; one of: {', '.join(_types())}"
        if summary.type
        else f'# type = "..."   # not recognised from the name; one of: {", ".join(_types())}'
    )
    block = [
        "[[agencies]]",
        f"name = {_toml_string(summary.agency)}   # as a reader should see it; correct it",
        kind,
        f"files = [{_toml_string(_glob_escape(summary.name))}]",
        "# start = 2003-01-01   # this agency's own period, where its scope differs",
        f"columns = {{ {columns} }}",
    ]
    if unmapped:
        listed = ", ".join(_toml_string(h) for h in unmapped)
        block.append(
            f"# told in each account, labelled by heading (map one above if it matters): {listed}"
        )
    return [*block, ""]


def _types() -> list[str]:
    return list(load_rules("agencies.toml")["types"])


def _pseudonym_block(sources: Sequence[Source]) -> list[str]:
    texts = (t for s in sources for t in (s.text, s.action, s.subject))
    lines = [
        "[pseudonyms]",
        "# Real name → designation, for --anonymise. Longest first; case-insensitive; whole words;",
        "# possessives too. Names seen most often in the records (uncomment and complete):",
    ]
    for word, count in name_candidates(texts):
        lines.append(f'# {_toml_string(word)} = ""   # seen {count} times')
    return [*lines, ""]
