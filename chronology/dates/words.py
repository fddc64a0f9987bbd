"""What the date and the time-of-day grammars share: honest unknowns, and the error."""

from __future__ import annotations

import re


class DateError(ValueError):
    """A date or time that is impossible or unreadable; the message says why and how to fix."""


# A cell saying the date or time is not known: read as unknown, never as an error.
UNKNOWN_MARKERS = frozenset({
    "unknown", "unk", "n/k", "nk", "not known", "n/a", "na", "-", "--", "?", "??", "???",
    "date unknown", "unknown date", "date not known", "not recorded", "no date", "tbc", "tbd",
})  # fmt: skip

# "??/02/2021", "xx/02/2021": the day not known, the month is; "??/??/2021": only the year
UNKNOWN_DAY = re.compile(r"(?:\?+|x+|-+|_+)\s*([/.])\s*(\d{1,2}|\?+|x+|-+|_+)\s*\1\s*(\d{4})")
