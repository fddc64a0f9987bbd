"""What the date and the time-of-day grammars share: honest unknowns, and the error."""

from __future__ import annotations


class DateError(ValueError):
    """A date or time that is impossible or unreadable; the message says why and how to fix."""


# A cell saying the date or time is not known: read as unknown, never as an error.
UNKNOWN_MARKERS = frozenset({
    "unknown", "unk", "n/k", "nk", "not known", "n/a", "na", "-", "--", "?", "??", "???",
    "date unknown", "unknown date", "date not known", "not recorded", "no date", "tbc", "tbd",
})  # fmt: skip
