"""A word screen: which texts a phrase pattern cannot match, told from their words alone.

Every phrase the tool looks for (kinds of contact, risk indicators, timescale steps) is
matched as whole words, so a text can only hold a phrase if one of its words is the
phrase's first word ("strategy" for "strategy discussion") or, where the first word ends in
a wildcard or a hyphen ("strangl*", "self-harm"), begins with it. Reading a text's words once
and checking a few set lookups per pattern skips most regular-expression searches (most
records hold none of a rule's words); the answers are those of searching every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+")
_LEAD = re.compile(r"\w*")


@dataclass(frozen=True, slots=True)
class TextWords:
    """The words of one lower-cased text."""

    words: frozenset[str]


@lru_cache(maxsize=1 << 16)
def words_of(lowered: str) -> TextWords:
    """The words of an already lower-cased text (asked of every record by several rules)."""
    return TextWords(frozenset(_WORD.findall(lowered)))


@dataclass(frozen=True, slots=True)
class Screen:
    """What a text's words must include for a pattern to have a chance of matching."""

    words: frozenset[str] = frozenset()  # a word of the text is one of these…
    prefixes: tuple[str, ...] = ()  # …or begins with one of these
    always: bool = True  # no screen could be made: always search

    def may_match(self, text: TextWords) -> bool:
        if self.always or not self.words.isdisjoint(text.words):
            return True
        return bool(self.prefixes) and any(w.startswith(self.prefixes) for w in text.words)


NONE = Screen()


def screen(words: Iterable[str], prefixes: Iterable[str]) -> Screen:
    """A screen letting through texts with one of ``words`` or a word beginning with one of
    ``prefixes``."""
    return Screen(frozenset(words), tuple(sorted(set(prefixes))), always=False)


def either(screens: Iterable[Screen]) -> Screen:
    """A screen letting through what any of ``screens`` lets through."""
    listed = list(screens)
    if any(s.always for s in listed):
        return NONE
    words = frozenset().union(*(s.words for s in listed))
    return screen(words, (p for s in listed for p in s.prefixes))


def screen_of(phrases: Iterable[str]) -> Screen:
    """The screen for a pattern made of the rules files' ``phrases``: ``*`` word endings,
    ``-`` for a hyphen, space or nothing (``stages.analysis.phrases``)."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for phrase in phrases:
        lead = _first_word(phrase)
        if lead is None:
            if not phrase.strip():
                continue  # an empty phrase matches nothing
            return NONE
        word, is_prefix = lead
        (prefixes if is_prefix else words).add(word)
    return screen(words, prefixes)


def _first_word(phrase: str) -> tuple[str, bool] | None:
    """The word (or the beginning of a word) any match of ``phrase`` must hold."""
    tokens = phrase.lower().replace("’", "'").split()
    if not tokens:
        return None
    token = tokens[0]
    word = _LEAD.match(token).group()  # type: ignore[union-attr]  # \w* always matches
    if not word:
        return None
    rest = token[len(word) :]
    # "strangl*" is a word beginning "strangl"; "self-harm" may be written "selfharm"
    return word, rest.startswith(("*", "-"))


class Screens:
    """Many screens at once: which of them let a text through, from what each of its words
    lets through (worked out once per distinct word: a review's vocabulary is small)."""

    def __init__(self, screens: Sequence[Screen]) -> None:
        self._always = frozenset(i for i, s in enumerate(screens) if s.always)
        self._screens = [(i, s) for i, s in enumerate(screens) if not s.always]
        self._by_word = _WordIds(self)

    def ids_for(self, word: str) -> frozenset[int]:
        """The screens one word lets through."""
        return frozenset(
            i for i, s in self._screens if word in s.words or word.startswith(s.prefixes)
        )

    def passing(self, text: TextWords) -> list[int]:
        """The positions of the screens that let ``text`` through, in order."""
        return sorted(self._always.union(*map(self._by_word.__getitem__, text.words)))


class _WordIds(dict[str, frozenset[int]]):
    def __init__(self, screens: Screens) -> None:
        super().__init__()
        self._screens = screens

    def __missing__(self, word: str) -> frozenset[int]:
        found = self[word] = self._screens.ids_for(word)
        return found
