"""The date model: every date is an interval with a precision.

INTERFACE STUB: the helper implementing this module keeps these names and signatures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """What a source says about when something happened.

    ``start``/``end`` are inclusive and both ``None`` only when the date is unknown.
    ``text`` is the date as the agency wrote it (cells rendered dd/mm/yyyy).
    ``time`` is "HH:MM" when the date cell carried a time of day.
    ``approximate`` is set by "c.", "circa", "approx", "?" and the like.
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision
    text: str
    time: str | None = None
    approximate: bool = False

    @property
    def is_known(self) -> bool:
        return self.start is not None
