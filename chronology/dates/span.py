"""The date model: every date is an interval with a precision.

A ``DateSpan`` is what a source says about when something happened, never more: "Aug 2010" is
1-31 August 2010 at month precision; no day is ever invented. The string grammar (and its rules
for two-digit years, ``YYYY-MM`` and winter) is in ``chronology.dates.grammar``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
from dataclasses import dataclass
from enum import StrEnum

from chronology.dates.clock import read_time_text
from chronology.dates.grammar import (
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    from_serial,
    month_end,
    read_date_text,
)
from chronology.dates.words import DateError

__all__ = [
    "PIVOT_YEAR",
    "DateError",
    "DateSpan",
    "Precision",
    "combine_range",
    "format_span",
    "parse_date",
    "parse_time",
    "prose_date",
]

#: two-digit years are read as the latest year ending in those digits not after this one
PIVOT_YEAR = dt.date.today().year + 5


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

    @classmethod
    def unknown(cls, text: str = "") -> DateSpan:
        return cls(None, None, Precision.UNKNOWN, text)

    @property
    def is_known(self) -> bool:
        return self.start is not None

    @property
    def sort_key(self) -> tuple[int, dt.date, dt.date, str, str]:
        """Known spans by (start, end, time), untimed first; unknown dates last."""
        if self.start is None or self.end is None:
            return (1, dt.date.max, dt.date.max, "", self.text)
        return (0, self.start, self.end, self.time or "", self.text)

    @property
    def days(self) -> int | None:
        """How many calendar days the span covers (1 for a day); None when unknown."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    def gap_days(self, other: DateSpan) -> int | None:
        """Days from the end of the earlier span to the start of the later (0 if they overlap,
        1 for consecutive days); None if either date is unknown."""
        if (ends := _ends(self, other)) is None:
            return None
        s1, e1, s2, e2 = ends
        return max(0, (s2 - e1).days, (s1 - e2).days)

    def overlaps(self, other: DateSpan, tolerance_days: int = 0) -> bool:
        """True when the spans share a day, or come within ``tolerance_days`` of each other."""
        gap = self.gap_days(other)
        return gap is not None and gap <= tolerance_days

    def contains(self, other: DateSpan) -> bool:
        """True when every day ``other`` could be lies within this span."""
        if (ends := _ends(self, other)) is None:
            return False
        s1, e1, s2, e2 = ends
        return s1 <= s2 and e2 <= e1

    def to_iso(self) -> tuple[str | None, str | None]:
        """(start, end) as ``yyyy-mm-dd``, or (None, None) when unknown."""
        return (
            self.start.isoformat() if self.start else None,
            self.end.isoformat() if self.end else None,
        )


def _ends(a: DateSpan, b: DateSpan) -> tuple[dt.date, dt.date, dt.date, dt.date] | None:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return None
    return a.start, a.end, b.start, b.end


# ---------------------------------------------------------------- parsing
def parse_date(
    value: object, *, date1904: bool = False, pivot_year: int = PIVOT_YEAR, school: bool = False
) -> DateSpan:
    """Read one date cell: text, an Excel date/datetime cell, a serial number or a year.

    Blanks and honest unknowns ("unknown", "n/k", "?") give an unknown span; impossible or
    unreadable values raise ``DateError`` with a plain-English reason.
    """
    if isinstance(value, str):
        outcome = _parse_text(value.strip(), date1904, pivot_year, school)
        if isinstance(outcome, str):
            raise DateError(outcome)
        return outcome
    if value is None or _is_missing(value):
        return DateSpan.unknown()
    if isinstance(value, dt.datetime):
        return _from_datetime(value)
    if isinstance(value, dt.date):
        return _day_span(value, None)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return _from_number(float(value), date1904)
    if isinstance(value, dt.time):
        raise DateError(f"{value:%H:%M} is a time of day with no date; put the date in the cell")
    raise DateError(f"cannot read {value!r} as a date; write it as dd/mm/yyyy")


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, date1904: bool, pivot: int, school: bool = False) -> DateSpan | str:
    """The cached string path; a DateError comes back as its message so it is cached too."""
    if not text:
        return DateSpan.unknown()
    try:
        found = read_date_text(text, date1904=date1904, pivot=pivot, school=school)
    except DateError as exc:
        return str(exc)
    if found is None:
        return DateSpan.unknown(text)
    return DateSpan(found.start, found.end, Precision(found.precision), text, found.time,
                    found.approximate)  # fmt: skip


def _is_missing(value: object) -> bool:
    """NaN, pandas NaT and friends: values that are not equal to themselves."""
    try:
        return bool(value != value)  # noqa: PLR0124 - the NaN test
    except (TypeError, ValueError):
        return False


@functools.lru_cache(maxsize=65536)
def _day_span(day: dt.date, time: str | None) -> DateSpan:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DateError(f"{day:%d/%m/%Y}: the year {day.year} is outside {MIN_YEAR}-{MAX_YEAR};"
                        " check the cell")  # fmt: skip
    text = f"{day.day:02d}/{day.month:02d}/{day.year}" + (f" {time}" if time else "")
    return DateSpan(day, day, Precision.DAY, text, time)


def _round_to_second(moment: dt.datetime) -> dt.datetime:
    """Undo float noise in spreadsheet times (15:29:59.9996 is 15:30)."""
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    if not moment.microsecond:
        return moment
    whole = moment.replace(microsecond=0)
    return whole + dt.timedelta(seconds=1) if moment.microsecond >= 500_000 else whole


def _from_datetime(value: dt.datetime) -> DateSpan:
    moment = _round_to_second(value)
    h, m, s = moment.hour, moment.minute, moment.second
    time = f"{h:02d}:{m:02d}" if h or m or s else None
    return _day_span(dt.date(moment.year, moment.month, moment.day), time)


def _from_number(number: float, date1904: bool) -> DateSpan:
    if math.isnan(number):
        return DateSpan.unknown()
    if number.is_integer() and MIN_YEAR <= number <= MAX_YEAR:
        year = int(number)
        return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, str(year))
    if number <= MAX_YEAR:
        raise DateError(f"{number:g} is neither a year nor an Excel date; write it as dd/mm/yyyy")
    return _day_span(*from_serial(number, date1904=date1904, raw=f"{number:g}"))


def parse_time(value: object) -> str | None:
    """Read a separate Time cell as "HH:MM"; None when blank or not known."""
    if isinstance(value, str):
        return read_time_text(value.strip())
    if value is None or _is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return f"{_round_to_second(value):%H:%M}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    number = (
        float(value) if isinstance(value, numbers.Real) and not isinstance(value, bool) else -1.0
    )
    if number >= 0:
        if number.is_integer():  # 1530 read from a csv as a number
            return read_time_text(f"{int(number):04d}")
        seconds = round(number % 1 * 86400) % 86400
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    raise DateError(f"cannot read {value!r} as a time of day; write it as HH:MM, e.g. 15:30")


def combine_range(start: DateSpan, end: DateSpan) -> DateSpan:
    """One span from a Start Date and an End Date column."""
    if end.start is None or end.end is None:
        return start
    if start.start is None or start.end is None:
        raise DateError(f"there is an end date ({end.text}) but no start date; fill in the "
                        "start date or move the date to the Start Date column")  # fmt: skip
    if end.end < start.start:
        raise DateError(f"end date {end.text} is before start date {start.text}; "
                        "check the two dates and swap or correct them")  # fmt: skip
    same = (start.start, start.end) == (end.start, end.end)
    return DateSpan(
        start.start,
        end.end,
        start.precision if same else Precision.RANGE,
        f"{start.text} – {end.text}",
        start.time if same else None,
        start.approximate or end.approximate,
    )


# ---------------------------------------------------------------- writing
_ORDINAL_WORDS = ("first", "second", "third", "fourth")
_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _month(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _named_part(s: dt.date, e: dt.date) -> str | None:
    """Name the range ("early July 2012", "mid-2008") when it is exactly one."""
    if (s.year, s.month) == (e.year, e.month):
        parts = {(1, 10): "early ", (11, 20): "mid-", (21, month_end(e.year, e.month).day): "late "}
        word = parts.get((s.day, e.day))
        return f"{word}{_month(s)}" if word else None
    bounds = {(1, 4): "early ", (5, 8): "mid-", (9, 12): "late "}
    word = bounds.get((s.month, e.month))
    whole = s.day == 1 and e == month_end(e.year, e.month) and s.year == e.year
    return f"{word}{s.year}" if word and whole else None


def _range_ends(s: dt.date, e: dt.date) -> tuple[str, str]:
    """The two ends of a range as they read best, sharing the month and year when they can."""
    if s.day == 1 and e == month_end(e.year, e.month) and (s.year, s.month) != (e.year, e.month):
        if s.year == e.year:
            return MONTHS[s.month - 1], _month(e)
        if (s.month, e.month) == (1, 12):
            return str(s.year), str(e.year)
        return _month(s), _month(e)
    if (s.year, s.month) == (e.year, e.month):
        return str(s.day), _day(e)
    if s.year == e.year:
        return f"{s.day} {MONTHS[s.month - 1]}", _day(e)
    return _day(s), _day(e)


def _phrase(span: DateSpan, s: dt.date, e: dt.date) -> str:
    """Everything but day, week and unnamed ranges, without the approximate marker."""
    match span.precision:
        case Precision.MONTH:
            return _month(s)
        case Precision.YEAR:
            return str(s.year)
        case Precision.QUARTER:
            return f"Q{(s.month + 2) // 3} {s.year}"
        case Precision.HALF:
            return f"{'first' if s.month == 1 else 'second'} half of {s.year}"
        case Precision.SEASON if s.month == 12:
            return f"winter {s.year}/{e.year % 100:02d}"
        case Precision.SEASON:
            return f"{_SEASON_NAMES[s.month]} {s.year}"
    return _named_part(s, e) or " to ".join(_range_ends(s, e))


def format_span(span: DateSpan) -> str:
    """Canonical reader-friendly English; ``parse_date`` reads it back to the same span."""
    s, e = span.start, span.end
    if s is None or e is None:
        return "date not known"
    prefix = "c. " if span.approximate else ""
    if span.precision is Precision.DAY:
        return f"{prefix}{_day(s)}" + (f" at {span.time}" if span.time else "")
    if span.precision is Precision.WEEK:
        return f"{prefix}week commencing {_day(s)}"
    return prefix + _phrase(span, s, e)


def prose_date(span: DateSpan) -> str:
    """A sentence opener for the Facts draft: "On 9 August 2010", "In mid-January 2012"."""
    s, e = span.start, span.end
    if s is None or e is None:
        return "On an unknown date"
    about = span.approximate
    match span.precision:
        case Precision.DAY:
            at = f" at {span.time}" if span.time else ""
            return f"{'On or about' if about else 'On'} {_day(s)}{at}"
        case Precision.WEEK:
            return f"During {'or around ' if about else ''}the week commencing {_day(s)}"
        case Precision.QUARTER:
            phrase = f"the {_ORDINAL_WORDS[(s.month - 1) // 3]} quarter of {s.year}"
        case Precision.HALF:
            phrase = f"the {_phrase(span, s, e)}"
        case Precision.RANGE if _named_part(s, e) is None:
            first, last = _range_ends(s, e)
            return f"Between {'about ' if about else ''}{first} and {last}"
        case _:
            phrase = _phrase(span, s, e)
    return f"{'In or around' if about else 'In'} {phrase}"
