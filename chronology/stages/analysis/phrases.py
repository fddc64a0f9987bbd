"""Phrase matching for the analysts' rules files, and cue words near a match.

Phrases are what an author writes, matched case-insensitively as whole words:

- ``strangl*``: a word beginning "strangl" (strangle, strangled, strangling);
- ``breach* ... bail``: up to three words between ("breached his bail", "breach of bail");
- spaces match any run of spaces; a hyphen also matches a space ("self-harm", "self harm").

A cue is a word or phrase just before or after a match, within its clause, that changes what
it means: "no weapons", "denies drug use", "ICPC cancelled", "invited to the ICPC".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_GAP = r"(?:\W+\w+){0,3}\W+"
ELLIPSIS = "..."  # in a phrase: up to three words here
# Where one statement ends and the next begins: cues never reach across these.
_CLAUSE_BREAK = re.compile(r"[.;:!?,\n]|\s[-–—]\s|\b(?:but|however|although|though|whereas)\b")
_WORD = re.compile(r"[\w'’]+")


def _token(token: str) -> str:
    if token == ELLIPSIS:
        return _GAP
    parts = [re.escape(part) for part in token.split("*")]
    return r"\w*".join(parts).replace(r"\-", r"[-\s]?")


def phrase_regex(phrase: str) -> str:
    """The whole-word pattern for one phrase. A phrase that starts with a letter or digit is
    anchored with ``\b`` rather than a look-behind: the same meaning, many times faster."""
    tokens = phrase.lower().replace("’", "'").split()
    body = ""
    for token in tokens:
        piece = _token(token)
        if not body or body.endswith(_GAP) or piece == _GAP:
            body += piece
        else:
            body += r"\s+" + piece
    starts_word = bool(tokens) and (tokens[0][0].isalnum() or tokens[0][0] == "_")
    return (r"\b" if starts_word else r"(?<!\w)") + body + r"(?!\w)"


@lru_cache(maxsize=512)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile("|".join(f"(?:{phrase_regex(p)})" for p in cleaned))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for a list of phrases (``None`` for an empty list)."""
    return _compiled(tuple(phrases))


def normalise(text: str) -> str:
    """Lower case with straight apostrophes: what patterns are matched against."""
    return text.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Cues:
    """Words that change a match's meaning when they come just before or after it."""

    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    words_before: int = 4
    words_after: int = 3

    @classmethod
    def of(
        cls,
        before: Sequence[str] = (),
        after: Sequence[str] = (),
        words_before: int = 4,
        words_after: int = 3,
    ) -> Cues:
        return cls(
            compile_phrases(before),
            compile_phrases(after),
            words_before,
            words_after,
        )

    def near(self, text: str, start: int, end: int) -> bool:
        """Whether a cue sits within the clause around ``text[start:end]``, close enough."""
        if self.before is not None and self.words_before:
            words = last_words(text, start, self.words_before)
            if words and self.before.search(" ".join(words)):
                return True
        if self.after is not None and self.words_after:
            words = first_words(text, end, self.words_after)
            if words and self.after.search(" ".join(words)):
                return True
        return False


def _clause_tail(text: str) -> str:
    breaks = list(_CLAUSE_BREAK.finditer(text))
    return text[breaks[-1].end() :] if breaks else text


def _clause_head(text: str) -> str:
    found = _CLAUSE_BREAK.search(text)
    return text[: found.start()] if found else text


# How far the clause-break pattern looks from where it is tried: "although" and a "\b".
_REACH = 10
_WINDOW = 64


def last_words(text: str, start: int, count: int) -> list[str]:
    """The last ``count`` words before ``start`` in its clause:
    ``_WORD.findall(_clause_tail(text[:start]))[-count:]``, reading only the end of it.

    The clause breaks of ``text[:start]`` found from a space before a word character are
    those found from the beginning (no break can span that pair), and the words after that
    point are whole."""
    prefix = text[:start]
    sync = _sync_point(prefix, start - _WINDOW)
    if sync:
        breaks = [found.end() for found in _CLAUSE_BREAK.finditer(prefix, sync)]
        if breaks:
            return _WORD.findall(prefix, breaks[-1])[-count:]
        words = _WORD.findall(prefix, sync)
        if len(words) >= count:
            return words[-count:]
    return _WORD.findall(_clause_tail(prefix))[-count:]


def _sync_point(text: str, limit: int) -> int:
    """The last position at or before ``limit`` just after a space and at a word character
    (0 if none)."""
    while limit > 0:
        space = text.rfind(" ", 0, limit)
        if space < 0 or space + 1 >= len(text):
            return 0
        following = text[space + 1]
        if following.isalnum() or following == "_":
            return space + 1
        limit = space
    return 0


def first_words(text: str, end: int, count: int) -> list[str]:
    """The first ``count`` words after ``end`` in its clause:
    ``_WORD.findall(_clause_head(text[end:]))[:count]``, reading only the start of it.

    A break found where the pattern's reach stays inside the window is the first break; if
    none starts before the window's end less that reach, the clause runs past it."""
    window = text[end : end + _WINDOW]
    if len(window) == _WINDOW:
        found = _CLAUSE_BREAK.search(window)
        safe = _WINDOW - _REACH
        if found is not None and found.start() < safe:
            return _WORD.findall(window, 0, found.start())[:count]
        words = _WORD.findall(window, 0, safe)
        if len(words) > count:  # the last may be cut short by the window
            return words[:count]
    return _WORD.findall(_clause_head(text[end:]))[:count]


_SENTENCE_MARK = re.compile(r"[.\n!?]")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int | None]:
    """The last sentence mark (``. \\n ! ?``) before ``start`` (-1 if none) and the first at
    or after ``end`` (None if none)."""
    left = max(
        text.rfind(".", 0, start),
        text.rfind("\n", 0, start),
        text.rfind("!", 0, start),
        text.rfind("?", 0, start),
    )
    right = _SENTENCE_MARK.search(text, end)
    return left, (right.start() if right else None)


def clause_excerpt(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around a match, trimmed to about ``width`` characters."""
    left, right = sentence_bounds(text, start, end)
    sentence = " ".join(text[left + 1 : len(text) if right is None else right + 1].split())
    if len(sentence) <= width:
        return sentence
    middle = " ".join(text[max(left + 1, start - width // 2) : end + width // 2].split())
    return "…" + middle + "…"
