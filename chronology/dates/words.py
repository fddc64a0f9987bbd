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

# Holidays that name one day (month, day); "Christmas" alone is the holiday, not a day.
HOLIDAY_DAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1),
}  # fmt: skip

DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}  # of ten years
# "financial year 2019/20", "2019-20 academic year"
YEAR_KIND = r"(?P<kind>fy|financial year|fiscal year|academic year|school year)"
YEAR_PAIR = r"(?P<y>\d{4})\s*[/\-]\s*(?P<t>\d{4}|\d\d)"
