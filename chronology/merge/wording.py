"""Text similarity that knows the domain: words weighted by how rare they are in this review.

Police, clinical and social-care accounts of one event share few words, and most of those
("child", "mother", "police") are in half the review's records. What two accounts of one
occurrence share are its rare words: "laceration", "paracetamol", "Lapwing Court". Each
record becomes a set of normalised tokens (abbreviations expanded from ``rules/glossary.toml``
and the review's own ``[glossary]``, a light plural/tense folding, common words dropped), each
token weighted by its inverse document frequency over the review's own records, and two
records score the cosine of their weighted sets (0-100).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from chronology.text.rules import load_rules

_TOKEN = re.compile(r"[a-z0-9&]+")
# a token must be in at most this share of records to count as rare enough to pair on
RARE_SHARE = 0.02


@cache
def _common() -> frozenset[str]:
    """Words that say nothing about which occurrence a record is (rules/merge.toml)."""
    return frozenset(load_rules("merge.toml")["wording"]["common"])


@cache
def _packaged_glossary() -> dict[str, str]:
    table = load_rules("glossary.toml").get("abbreviations", {})
    return {k: v if isinstance(v, str) else str(v.get("expansion", "")) for k, v in table.items()}


def expansions(review: Mapping[str, object] | None = None) -> dict[str, tuple[str, ...]]:
    """Abbreviation (lower-cased, one word) → the tokens of its full form."""
    merged: dict[str, str] = dict(_packaged_glossary())
    for key, value in (review or {}).items():
        given = value.get("expansion", "") if isinstance(value, Mapping) else value
        merged[key] = str(given)
    return {
        key.lower(): tuple(_TOKEN.findall(value.lower()))
        for key, value in merged.items()
        if " " not in key and value
    }


@lru_cache(maxsize=1 << 16)  # a review has a few thousand distinct words
def _fold(token: str) -> str:
    """A light folding of plurals and tenses: "visits" → "visit", "assaulted" → "assault"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def tokens(text: str, expand: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """A record's normalised tokens, abbreviations expanded, common words dropped."""
    found: set[str] = set()
    common = _common()
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        for word in expand.get(token, (token,)):
            if word not in common and len(word) > 1:
                found.add(_fold(word))
    return frozenset(found)


class Wording:
    """Every record's weighted tokens in one review, and the similarity of two records."""

    def __init__(self, texts: Sequence[str], expand: Mapping[str, tuple[str, ...]]) -> None:
        cache: dict[str, frozenset[str]] = {}
        self.tokens = [cache.setdefault(t, tokens(t, expand)) for t in texts]
        counts = Counter(token for found in set(self.tokens) for token in found)
        records = max(len(set(self.tokens)), 1)
        self.weight = {t: math.log((1 + records) / (1 + n)) + 1.0 for t, n in counts.items()}
        self.rare_bar = max(2, int(RARE_SHARE * records))
        self.rare = frozenset(t for t, n in counts.items() if n <= self.rare_bar)
        self._norm = [math.sqrt(sum(self.weight[t] ** 2 for t in found)) for found in self.tokens]

    def score(self, a: int, b: int) -> int:
        """The cosine of two records' weighted tokens, 0-100 (truncated)."""
        shared = self.tokens[a] & self.tokens[b]
        if not shared or not self._norm[a] or not self._norm[b]:
            return 0
        dot = sum(self.weight[t] ** 2 for t in shared)
        return int(100 * dot / (self._norm[a] * self._norm[b]))

    def rare_tokens(self, a: int) -> frozenset[str]:
        return self.tokens[a] & self.rare
