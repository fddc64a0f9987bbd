"""Word keys: an exact shortcut for whole-word phrase searches over many texts.

Every phrase the tool looks for (event kinds, risk indicators, timescale steps) is matched as
whole words, so a text can only contain a phrase if one of its words is the phrase's first
word ("strategy" for "strategy discussion") or, for a first word with a wildcard or hyphen
("strangl*", "self-harm"), begins with it. Each text's words are read once and turned into a
bit mask of the keys they satisfy; a pattern is searched only when one of its keys is in the
mask, and a one-word phrase ("referral", "alcohol*") needs no search at all. The answers are
those of the full search: only the work is skipped.

Two phrase styles are understood: ``literal`` (``classify``: escaped, whole words) and
``wild`` (``analysis.phrases``: ``*`` is any word ending, ``...`` up to three words, and a
hyphen also matches a space or nothing). Texts are compared lower-cased, as both match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Generic, Literal, Protocol, TypeVar

__all__ = [
    "ALWAYS", "Keys", "Screen", "Screens", "keys_for", "masks_of", "preload", "ready",
    "remember", "text_mask",
]  # fmt: skip

T = TypeVar("T")
Style = Literal["literal", "wild"]
Choices = list[tuple[str, bool]]  # (key, is_prefix): a word must be, or begin with, one
_WORD = re.compile(r"\w+")
_LEAD = re.compile(r"\w*")
_ELLIPSIS = "..."
_MAX_WORDS = 1 << 20  # start afresh beyond this many distinct words
_MAX_TEXTS = 1 << 20  # (a record's text and action: two per row)


class Screen(Protocol):
    """Anything that can rule a text out from its mask alone."""

    @property
    def bits(self) -> int: ...  # every bit ``may_match`` and ``certain`` look at

    def may_match(self, mask: int) -> bool: ...

    def certain(self, mask: int) -> bool: ...


@dataclass(frozen=True, slots=True)
class Keys:
    """What a text's mask says about one pattern (a list of phrases)."""

    need: int | None  # a match needs one of these bits; None: no shortcut (always search)
    sure: int = 0  # any of these bits alone proves a match (one-word phrases)
    phrases: tuple[tuple[int, ...], ...] = ()  # per phrase, the bits each of its words needs

    @property
    def bits(self) -> int:
        return reduce(or_, (b for words in self.phrases for b in words), self.need or 0)

    def may_match(self, mask: int) -> bool:
        """False only when no phrase can occur in a text with this mask."""
        if self.need is None or mask & self.sure:
            return True
        if not mask & self.need:
            return False
        for words in self.phrases:
            for word in words:
                if not mask & word:
                    break
            else:
                return True
        return False

    def certain(self, mask: int) -> bool:
        return bool(mask & self.sure)


ALWAYS = Keys(need=None)


class Screens(Generic[T]):
    """Several items, each with its screen: which may match a text, and which certainly do.
    Callers memoise what they make of the answer by ``mask & bits``, which it depends on."""

    def __init__(self, items: Iterable[tuple[T, Screen]]) -> None:
        self.items = tuple(items)
        self.bits = reduce(or_, (screen.bits for _item, screen in self.items), 0)

    def candidates(self, mask: int) -> list[tuple[T, bool]]:
        """(item, certain) for each item that may match a text with ``mask``, in order."""
        return [
            (item, screen.certain(mask)) for item, screen in self.items if screen.may_match(mask)
        ]


class _TokenMasks(dict[str, int]):
    """Whitespace-separated token → the keys its words satisfy (worked out when first seen)."""

    def __init__(self, registry: _Registry) -> None:
        super().__init__()
        self.registry = registry

    def __missing__(self, token: str) -> int:
        if len(self) >= _MAX_WORDS:
            self.clear()
        mask = 0
        for word in _WORD.findall(token):
            mask |= self.registry.word_mask(word)
        self[token] = mask
        return mask


class _Registry:
    """Key → bit; token → mask and text → mask for the keys registered so far."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.prefix: dict[str, int] = {}
        self.lengths: tuple[int, ...] = ()
        self.tokens = _TokenMasks(self)
        self.texts: dict[str, int] = {}

    def bit(self, key: str, prefix: bool) -> int:
        table = self.prefix if prefix else self.exact
        found = table.get(key)
        if found is None:
            found = table[key] = 1 << (len(self.exact) + len(self.prefix))
            if prefix:
                self.lengths = tuple(sorted({*self.lengths, len(key)}))
            self.tokens.clear()  # masks worked out before miss this key
            self.texts.clear()
        return found

    def word_mask(self, word: str) -> int:
        mask = self.exact.get(word, 0)
        for length in self.lengths:
            if length > len(word):
                break
            mask |= self.prefix.get(word[:length], 0)
        return mask


_REGISTRY = _Registry()


_PRELOAD: list[Callable[[], object]] = []


def preload(register: Callable[[], object]) -> None:
    """Have ``register`` (which registers keys) run before the first text's mask is worked
    out: a key registered later makes every mask worked out so far be worked out again, so
    stages that register their keys this way share the masks of one run's texts."""
    _PRELOAD.append(register)


def ready() -> None:
    """Register the keys waiting in ``preload``: masks worked out after this stay valid
    until another pattern registers a key."""
    while _PRELOAD:
        _PRELOAD.pop(0)()


def masks_of(texts: Sequence[str]) -> tuple[object, list[int]]:
    """Each text's mask, and the keys they were worked out for: a worker works them out
    while this process merges, and ``remember`` takes them back."""
    return _fingerprint(), [text_mask(text) for text in texts]


def remember(texts: Sequence[str], found: tuple[object, list[int]]) -> None:
    """Take masks worked out elsewhere (``masks_of``), if the keys there are the keys here
    (else they would be wrong here, so are dropped, to be worked out when asked for)."""
    fingerprint, masks = found
    if fingerprint == _fingerprint() and len(_REGISTRY.texts) + len(texts) < _MAX_TEXTS:
        _REGISTRY.texts.update(zip(texts, masks, strict=True))


def _fingerprint() -> object:
    return tuple(_REGISTRY.exact.items()), tuple(_REGISTRY.prefix.items())


def text_mask(text: str) -> int:
    """The keys (of every pattern registered so far) that the words of ``text`` satisfy.
    (Every word, ``\\w+``, lies within one whitespace-separated token, as no whitespace
    character is a word character.)"""
    if _PRELOAD:  # (asked of every record several times: no call when nothing waits)
        ready()
    texts = _REGISTRY.texts
    found = texts.get(text)
    if found is None:
        if len(texts) >= _MAX_TEXTS:
            texts.clear()
        tokens = _REGISTRY.tokens.__getitem__
        found = texts[text] = reduce(or_, map(tokens, text.lower().split()), 0)
    return found


# ---------------------------------------------------------------- keys of a phrase
def _token_keys(token: str) -> Choices | None:
    """(key, is_prefix) choices for the first word of a ``wild`` token; None: no key."""
    lead = _LEAD.match(token)
    word = lead.group() if lead else ""
    if not word:
        return None
    rest = token[len(word) :]
    if rest.startswith("*"):
        return [(word, True)]
    if rest.startswith("-"):  # "-" is "[-\s]?": the word may end here or run on
        more = _token_keys(word + rest[1:])
        return None if more is None else [(word, False), *more]
    return [(word, False)]


def phrase_keys(phrase: str, style: Style) -> tuple[list[Choices] | None, bool]:
    """For each word of ``phrase`` that a text must have to contain it, the keys one of
    which that word is (None when its first word gives no key), and whether having the
    key is enough (a one-word phrase)."""
    if style == "literal":  # each run of word characters in it is a whole word of the text
        lowered = phrase.lower()
        words = _WORD.findall(lowered)
        if not words:
            return None, False
        return [[(word, False)] for word in words], words[0] == lowered
    tokens = phrase.lower().replace("’", "'").split()
    first = _token_keys(tokens[0]) if tokens else None
    if first is None:
        return None, False
    rest = [_token_keys(token) for token in tokens[1:] if token != _ELLIPSIS]
    word, prefix = first[0]
    whole = len(tokens) == 1 and len(first) == 1 and tokens[0] == word + "*" * prefix
    return [first, *(keys for keys in rest if keys is not None)], whole


def keys_for(phrases: Iterable[str], style: Style) -> Keys:
    """Register the keys of a pattern made of ``phrases``."""
    need, sure = 0, 0
    found: list[tuple[int, ...]] = []
    for phrase in phrases:
        if style == "wild" and not phrase.strip():
            continue  # as ``analysis.phrases`` skips it
        words, whole = phrase_keys(phrase, style)
        if words is None:
            return ALWAYS
        bits = tuple(_bits(choices) for choices in words)
        need |= bits[0]
        sure |= bits[0] if whole else 0
        found.append(bits)
    return Keys(need=need, sure=sure, phrases=tuple(dict.fromkeys(found)))


def _bits(choices: Choices) -> int:
    bits = 0
    for key, prefix in choices:
        bits |= _REGISTRY.bit(key, prefix)
    return bits
