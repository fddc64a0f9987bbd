"""An agency's name as a reader would write it, from the file's title block or its name.

File names carry review and filing words ("IMR", "Chronolator", "extract", "v2", dates) that
are not part of the name; agencies write acronyms a reader may not know. A title block's
"Agency:" cell is the agency's own word; its first line is believed only when the file name
says nothing about what kind of agency this is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from chronology.loaders.cells import cell_text
from chronology.text.classify import agency_type_scores, best_agency_type, load_rules

_NOISE = re.compile(
    r"\b(imrs?|chronology|chronologies|chron|chronolator|combined|integrated|final|draft|"
    r"amended|updated|revised|copy|redacted|version|ver|extract|extracted|appendix|annex|"
    r"cspr|scr|sar|dhr|dardr|lcsr|review|submission|template|report|signed off|"
    r"call logs?|logs?|epcr|records?|of involvement|single agency|"
    r"v\d+(\.\d+)*|\d{1,4}[-_.]\d{1,2}[-_.]\d{1,4}|\d{8}|\d{4}|(?<=appendix )\w)\b",
    re.IGNORECASE,
)
# the review's subject, not the agency: "Child B", "Adult H", "AdultH", "Mrs C", "(mother)"
_SUBJECT = re.compile(
    r"\b(?:child|adult|baby|sibling|mr|mrs|ms|miss)\s*[A-Z]\d?\b|"
    r"\((?:mother|father|mum|dad|victim|perpetrator|child|children|sibling)\)",
    re.IGNORECASE,
)
# a letter left on its own once the review's words are out ("SAR C", "Police - W")
_LONE_LETTER = re.compile(r"(?<![\w&'’.])[A-Z](?![\w&'’.])")
# "Lindmoor Council - Adult Social Care": the service is the agency, named with its place
_COUNCIL = re.compile(
    r"^(?P<place>[\w'’ ]+?)\s+(?:(?:borough|county|city|district|metropolitan)\s+)*council"
    r"\s*[-–—:]\s*(?P<service>.+)$",
    re.IGNORECASE,
)
_EDGE_WORDS = re.compile(
    r"^(?:(?:for|of|from|by|the|and|to|on|in|re)\b|[\s\-–—,:;&_.#\d])+|"
    r"(?:\b(?:for|of|from|by|the|and|to|on|in)|[\s\-–—,:;&_.#\d])+$",
    re.IGNORECASE,
)
_POSSESSIVES = {"childrens": "Children's", "womens": "Women's", "mens": "Men's"}
_LABEL = re.compile(
    r"^(?:agency|agency name|name of agency|organisation|organization|organisation name|"
    r"name of organisation|submitting agency|agency submitting|provider|service provider)"
    r"\s*(?:[:\-–]\s*(?P<value>.*))?$",
    re.IGNORECASE,
)


@cache
def _acronyms() -> dict[str, str]:
    return dict(load_rules("agencies.toml").get("acronyms", {}))


def clean_agency_name(text: str, context: str = "") -> str:
    """Review and filing words out, brackets balanced, acronyms written out (as ``context``,
    the file's title block, spells them, else as the packaged list does)."""
    if (council := _COUNCIL.match(text.strip())) is not None:
        text = f"{council['place']} {council['service']}"
    words = re.sub(r"[_]+|\s+[-–—]\s+|\(\s*\d{1,2}\s*\)", " ", text)
    words = _SUBJECT.sub(" ", _NOISE.sub(" ", words))
    words = _balanced(" ".join(words.split()))
    words = _EDGE_WORDS.sub("", words).strip()
    if not words:
        return ""
    words = " ".join(_LONE_LETTER.sub(" ", words).split())
    if words.isupper() and any(_reads_as_word(w) for w in words.split()):
        words = " ".join(w.title() if _reads_as_word(w) else w for w in words.split())
    fixed = [_POSSESSIVES.get(word.lower(), word) for word in words.split(" ")]
    return _without_repeated_type(_expanded(" ".join(fixed), context))


def _without_repeated_type(name: str) -> str:
    """A last word, lower-case or an acronym, that only repeats what the rest already says
    ("Willowbank Surgery GP", "Lindmoor Homes housing") goes; a capitalised one is part of
    the name ("Kingsmere Children's Centre Nursery")."""
    head, _, last = name.rpartition(" ")
    kind = best_agency_type(head) if head and (last.islower() or last.isupper()) else None
    if kind and best_agency_type(last) == kind and len(head.split()) >= 2:
        return head
    return name


def _reads_as_word(word: str) -> bool:
    """``KINGSMERE`` is a word written in capitals; ``BELFT`` and ``HDAS`` are acronyms."""
    letters = [c for c in word.lower() if c.isalpha()]
    vowels = sum(c in "aeiouy" for c in letters)
    return len(letters) >= 5 and vowels >= 0.3 * len(letters) and word not in _acronyms()


def _balanced(text: str) -> str:
    """Unmatched brackets removed, and brackets left empty by the noise words."""
    kept: list[str] = []
    open_at: list[int] = []
    for char in text:
        if char == ")" and not open_at:
            continue
        if char == "(":
            open_at.append(len(kept))
        elif char == ")":
            open_at.pop()
        kept.append(char)
    for index in reversed(open_at):
        kept[index] = ""
    return " ".join(re.sub(r"\(\s*\)", " ", "".join(kept)).split())


def _expanded(name: str, context: str) -> str:
    for word in re.findall(r"\b[A-Z]{2,6}\b", name):
        full = _spelled_out(word, context) or _acronyms().get(word)
        if full and full.lower() in name.lower():  # spelled out already: the acronym goes
            name = re.sub(rf"\s*\(\s*{word}\s*\)", "", name)
        elif full:
            name = re.sub(rf"\(\s*{word}\s*\)|\b{word}\b", full, name, count=1)
    return " ".join(name.split())


def _spelled_out(acronym: str, context: str) -> str | None:
    """``West Mercia Police (WMP)`` in the title block: the words just before the acronym in
    brackets whose capitals' initials are the acronym."""
    found = re.search(rf"([\w'’&-]+(?:\s+[\w'’&-]+){{0,8}})\s*\(\s*{acronym}\s*\)", context)
    if found is None:
        return None
    words = found[1].split()
    for start in range(len(words)):
        tail = words[start:]
        initials = "".join(w[0] for w in tail if w[0].isupper())
        if tail[0][0].isupper() and initials == acronym:
            return " ".join(tail)
    return None


def agency_from_filename(path: str | Path, context: str = "") -> str:
    """``"West Midlands Police IMR chronology.xlsx"`` → ``"West Midlands Police"``. A name
    in parts ("ASC chronology - Margaret") keeps the parts that name an agency or are an
    acronym; of parts that each name one, the one that scores highest (then the longer)."""
    stem = Path(path).stem
    parts = [clean_agency_name(p, context) for p in re.split(r"\s+[-–—]\s+", stem)]
    parts = [p for p in parts if p]
    kept = [p for p in parts if best_agency_type(p) or re.fullmatch(r"[A-Z]{2,6}", p)]
    typed = [p for p in kept if best_agency_type(p)]
    if len(typed) > 1:
        kept = [max(typed, key=lambda p: (_score(p), len(p)))]
    name = " ".join(kept or parts)
    return _without_repeated_type(name) if name else stem


def _score(name: str) -> float:
    return max(agency_type_scores(name).values(), default=0.0)


def title_lines(rows: Sequence[Sequence[object]]) -> list[str]:
    """The title block's lines: each non-blank row's text, cells joined."""
    lines = (" ".join(cell_text(c) for c in row if cell_text(c)) for row in rows)
    return [line for line in lines if line]


def agency_from_title(rows: Sequence[Sequence[object]]) -> str | None:
    """An ``Agency:``/``Organisation:`` cell's value in the title block, as written."""
    for row in rows:
        texts = [cell_text(c) for c in row]
        for index, text in enumerate(texts):
            if (found := _LABEL.match(text)) is None:
                continue
            value = found["value"] or next((t for t in texts[index + 1 :] if t), "")
            if value.strip():
                return value.strip()
    return None


def _title_name(lines: Sequence[str], context: str) -> str | None:
    """The first title line that, cleaned, is a short name of a kind of agency."""
    for line in lines:
        name = clean_agency_name(line, context)
        if name and best_agency_type(name) and len(name.split()) <= 6:
            return name
    return None


def agency_name(path: str | Path, title_rows: Sequence[Sequence[object]]) -> str:
    """The agency a file is from: its title block's ``Agency:`` cell; else a title line that
    names the same kind of agency as the file name (or any, where the file name names
    none): the agency's own words, often with its place; else the file name."""
    context = "\n".join(title_lines(title_rows))
    labelled = agency_from_title(title_rows)
    if labelled and (name := clean_agency_name(labelled, context)):
        return name
    from_file = agency_from_filename(path, context)
    titled = _title_name(title_lines(title_rows)[:4], context)
    if titled and best_agency_type(from_file) in (None, best_agency_type(titled)):
        return titled
    return from_file
