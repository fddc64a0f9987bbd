"""The default agency name: the input's file name, cleaned of the words that are not a name."""

from __future__ import annotations

import re
from pathlib import Path

_NOISE = re.compile(
    r"\b(imr|chronology|chronologies|chron|combined|integrated|final|draft|amended|updated|"
    r"revised|copy|redacted|version|v\d+(\.\d+)*|\d{1,4}[-_.]\d{1,2}[-_.]\d{1,4}|\d{8}|\d{4})\b",
    re.IGNORECASE,
)
_POSSESSIVES = {"childrens": "Children's", "womens": "Women's", "mens": "Men's"}


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def readable(name: str) -> str:
    """A file name as it can be shown and written anywhere: bytes that were not UTF-8 (kept
    by Python as lone surrogates, which no output can encode) become U+FFFD, and control
    characters (a newline would split the one-line error) are shown escaped, as ``\\n``."""
    if name.isprintable():
        return name
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode(), text)


def agency_from_filename(path: str | Path) -> str:
    """``"West Midlands Police IMR chronology.xlsx"`` → ``"West Midlands Police"``."""
    stem = readable(Path(path).stem)
    words = re.sub(r"[_]+|\s+-\s+|\(\s*\)", " ", stem)
    words = _NOISE.sub(" ", words)
    words = re.sub(r"[\s\-–(),]+$|^[\s\-–(),]+", "", re.sub(r"\s+", " ", words)).strip()
    if not words:
        return stem
    fixed = [_POSSESSIVES.get(word.lower(), word) for word in words.split(" ")]
    return " ".join(fixed)
