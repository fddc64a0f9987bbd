"""Times of day as agencies write them: 15:30, 3.30pm, 1530hrs, noon; or a Time cell's text."""

from __future__ import annotations

import re

from chronology.dates.words import UNKNOWN_MARKERS, DateError

_AMPM = r"(?:[ap]\.?m\.?)"
_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:(?:[:.]|(?=\d\d(?!\d)))(?P<m>\d\d)(?:[:.](?P<s>\d\d))?)?"
    rf"\s*(?P<ap>{_AMPM})?\s*(?P<hrs>hrs?|hours|h)?"
)
_WORD_TIMES = {"noon": "12:00", "midday": "12:00", "12 noon": "12:00", "midnight": "00:00"}
# a time written after a date: needs a separator, am/pm or "hrs" so "2010" is never a time
CLOCK_AFTER_DATE = (
    rf"\d{{1,2}}[:.]\d\d(?:[:.]\d\d)?\s*{_AMPM}?(?:\s*hrs?)?|\d{{1,2}}\s*{_AMPM}"
    r"|\d{3,4}\s*(?:hrs?|h)|(?:12 )?noon|midday|midnight"
)


def read_clock(text: str, raw: str, *, strict: bool = True) -> str | None:
    """``text`` (lower case) as "HH:MM"; None if it is no clock time (or invalid, unless strict)."""
    if text in _WORD_TIMES:
        return _WORD_TIMES[text]
    m = _CLOCK.fullmatch(text)
    if m is None or (m["m"] is None and not (m["ap"] or m["hrs"])):
        return None
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if m["ap"]:
        ok = 1 <= hour <= 12
        hour = hour % 12 + (12 if m["ap"][0] == "p" else 0)
    else:
        ok = hour <= 23
    if ok and minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    if strict:
        raise DateError(f"{raw!r} is not a real time of day; write it as HH:MM, e.g. 15:30")
    return None


_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\d[t ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?", re.IGNORECASE)
_FRACTION = re.compile(r"0?\.\d+")


LAST_SECOND = 86_399


def clock_of(fraction: float) -> str:
    """A day's fraction (Excel's time of day, with no day) as "HH:MM". Rounded to the
    second, to undo float noise, but never past the day's last second: 0.9999999 is 23:59,
    not 00:00, which would put the time at the start of its day instead of the end."""
    seconds = min(round(fraction * 86_400), LAST_SECOND)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def read_time_text(raw: str) -> str | None:
    """A Time column cell written as text; None for blanks and honest unknowns."""
    low = " ".join(raw.lower().split())
    if not low or low in UNKNOWN_MARKERS:
        return None
    if (m := _ISO_STAMP.fullmatch(low)) is not None:
        return m[1]
    if _FRACTION.fullmatch(low):
        return clock_of(float(low) % 1)
    found = read_clock(low, raw)
    if found is None:
        raise DateError(f"cannot read {raw!r} as a time of day; write it as HH:MM, e.g. 15:30")
    return found
