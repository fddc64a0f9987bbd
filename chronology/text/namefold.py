"""One normalisation of text for finding names, shared by the anonymiser and the leak check.

A name must be found however it was typed: full-width or ligature letters (NFKC), a soft
hyphen or zero-width space inside it (default-ignorable characters removed), a curly
apostrophe or a non-breaking hyphen (variants unified), Turkish dotted and dotless i, or the
German sharp s. ``normalise`` returns the text to search, with a map from each of its
characters back to the span of the original it came from, so that a match found in the
normalised text replaces exactly the original characters.

Names are searched between letters, not between word characters, so that a name inside a
handle or an e-mail address (``jade_walsh85``, ``@JadeWalsh``, ``walsh.j@…``) is found too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_VARIANTS = {
    **dict.fromkeys("\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4\u0060\uff07", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
    "\u00ad": "",  # a soft hyphen is invisible: removed, not a hyphen
    "\u0130": "I",  # Turkish dotted capital I: a plain I, not "i" + combining dot
    "\u0131": "i",  # Turkish dotless i
    "\u00df": "ss",
    "\u1e9e": "SS",
}
# Unicode's default-ignorable code points (format characters, joiners, variation
# selectors, fillers, tags): invisible, so a name may hide them inside it
_IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_SPECIAL = re.compile(f"[{_IGNORABLE}{''.join(_VARIANTS)}]")
# Where one name may begin or end: not inside a run of letters, except at a lower-to-upper
# case change ("JadeWalsh"), which is how handles join names.
START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))"
END = r"(?:(?![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))"


def _fold_char(char: str) -> str:
    if char in _VARIANTS:
        return _VARIANTS[char]
    if _SPECIAL.match(char):
        return ""
    return unicodedata.normalize("NFKC", char)


def normalise(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """The text to search and, for each of its characters, the original span it came
    from; ``None`` when the text needs no change (all ASCII: the common, fast case)."""
    if text.isascii() or (not _SPECIAL.search(text) and unicodedata.is_normalized("NFKC", text)):
        return text, None
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a letter and its accents are one unit, composed together
        cluster = text[index:end]
        folded = (
            _fold_char(cluster)
            if len(cluster) == 1
            else unicodedata.normalize("NFKC", "".join(_fold_char(c) for c in cluster))
        )
        out.append(folded)
        spans.extend([(index, end)] * len(folded))
        index = end
    return "".join(out), spans


def normalised(text: str) -> str:
    """``normalise``'s text alone, made at C speed for long texts (the leak check's)."""
    if text.isascii():
        return text
    replaced = _SPECIAL.sub(lambda m: _VARIANTS.get(m.group(0), ""), text)
    return unicodedata.normalize("NFKC", replaced)


def key(name: str) -> str:
    """A name as a lookup key: normalised, case-folded, spaces collapsed."""
    return " ".join(normalised(name).casefold().split())


def pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for every name (normalised), longest first, each
    between letter boundaries; spaces in a name match any run of spaces."""
    ordered = sorted({normalised(n).strip() for n in names} - {""}, key=lambda n: (-len(n), n))
    if not ordered:
        return None
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    return re.compile(f"{START}(?:{body}){END}", re.IGNORECASE)


def original_span(
    spans: list[tuple[int, int]] | None, start: int, end: int, length: int
) -> tuple[int, int]:
    """The span of the original text that the normalised ``start:end`` came from."""
    if spans is None:
        return start, end
    if start >= len(spans):
        return length, length
    return spans[start][0], spans[end - 1][1] if end > start else spans[start][0]
