"""Periods named by the calendar of a year or of an organisation: decades, holidays,
financial and school years, school terms.

Each reading is an inclusive interval, never a day the text did not give. A bare "2019/20" is
the financial year (1 April to 31 March), as public bodies write it; in a school's
chronology it is the school year (1 September to 31 July), as are "academic year 2019/20"
and "school year 2019/20" anywhere. School terms run by their months (autumn: September to
December; spring: January to April; summer: April to July): term dates differ by area.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from chronology.dates.words import DateError

# (start, end, precision, approximate), as the grammar's ``Reading`` takes them
Span = tuple[dt.date, dt.date, str, bool]
YearOf = Callable[[str], int]  # a written year ("20", "2020") as a year, windowed and checked

DECADE = re.compile(r"(?:(early|mid|middle|late)\s*-?\s*)?(\d{3}0)\s*'?s")
HOLIDAY = re.compile(
    r"(christmas eve|christmas day|boxing day|new year'?s (?:eve|day)|christmas|xmas)\s*(\d{4})"
)
_KIND = r"(?P<kind>fy|financial year|fiscal year|academic year|school year)"
_PAIR = r"(?P<y>\d{4})\s*[/\-]\s*(?P<t>\d{4}|\d\d)"
NAMED_YEAR = re.compile(rf"{_KIND}\s*{_PAIR}")
YEAR_NAMED = re.compile(rf"{_PAIR}\s*{_KIND}")
BARE_PAIR = re.compile(r"(\d{4})/(\d\d)")
TERM = re.compile(r"(autumn|spring|summer)\s*(?:half\s*)?term\s*(\d{4})")

_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}
_HOLIDAY_DAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1),
}  # fmt: skip
_TERMS = {"autumn": (9, 12), "spring": (1, 4), "summer": (4, 7)}


def _end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def decade(m: re.Match[str], year: YearOf) -> Span:
    """Ten years ("1990s", "the 2010s"), or their first, middle or last few ("late 1990s")."""
    first = year(m[2])
    low, high = _DECADE_PARTS.get(m[1] or "", (0, 9))
    return dt.date(first + low, 1, 1), dt.date(first + high, 12, 31), "range", False


def holiday(m: re.Match[str], year: YearOf) -> Span:
    """A holiday naming one day; "Christmas 2020" is 24-26 December, approximate."""
    y, name = year(m[2]), m[1].replace("xmas", "christmas").replace("years", "year's")
    if name in _HOLIDAY_DAYS:
        day = dt.date(y, *_HOLIDAY_DAYS[name])
        return day, day, "day", False
    return dt.date(y, 12, 24), dt.date(y, 12, 26), "range", True


def _year_of(first: int, last: int, *, school: bool) -> Span:
    if school:
        return dt.date(first, 9, 1), _end(last, 7), "range", False
    return dt.date(first, 4, 1), _end(last, 3), "range", False


def named_year(m: re.Match[str], year: YearOf) -> Span:
    """ "financial year 2019/20" (April-March), "academic year 2019/20" (September-July)."""
    first, last = year(m["y"]), year(m["t"])
    if last != first + 1:
        raise DateError(f"{m.string!r}: a financial or school year runs into the next year")
    return _year_of(first, last, school=m["kind"].startswith(("academic", "school")))


def bare_pair(m: re.Match[str], year: YearOf, *, school: bool) -> Span:
    """ "2019/20": the financial year, or a school's year; "2010/12" the calendar years."""
    first, last = year(m[1]), year(m[2])
    if last < first:
        raise DateError(f"{m.string!r}: the end of the range is before its start; "
                        "check the order and the years")  # fmt: skip
    if last == first + 1:
        return _year_of(first, last, school=school)
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "range", False


def term(m: re.Match[str], year: YearOf) -> Span:
    """A school term, by its months."""
    y = year(m[2])
    first, last = _TERMS[m[1]]
    return dt.date(y, first, 1), _end(y, last), "range", False
