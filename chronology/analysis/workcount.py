"""Working days counted quickly, for checks that count them for tens of thousands of pairs.

``working_days(start, end)`` is ``workdays.working_days_between``: weekdays are counted from
ordinals and the bank holidays from running totals by year, so a pair costs two look-ups
however many years lie between its days.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache, lru_cache

from chronology.workdays import bank_holidays, working_days_between

__all__ = ["working_days"]

_SATURDAY = 5
_BASE_YEAR = 2000  # running totals count from the start of this year


def working_days(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is
    earlier), as ``workdays.working_days_between`` counts them."""
    if end < start:
        return -working_days(end, start)
    before, through = _holidays_through(start), _holidays_through(end)
    if before is None or through is None:
        return working_days_between(start, end)
    first, last = start.toordinal(), end.toordinal()  # ordinal 1, 0001-01-01, is a Monday
    weekdays = last // 7 * 5 + min(last % 7, 5) - (first // 7 * 5 + min(first % 7, 5))
    return weekdays - (through - before)


@lru_cache(maxsize=1 << 16)
def _holidays_through(day: dt.date) -> int | None:
    """Weekday bank holidays from the base year up to and including ``day`` (negative
    before it), or None where a year's list holds a day of another year."""
    before = _holidays_before(day.year)
    if before is None or not _in_year(day.year):
        return None
    return before + bisect.bisect_right(_weekday_holidays(day.year), day)


@cache
def _holidays_before(year: int) -> int | None:
    """Weekday bank holidays from the base year up to the start of ``year``."""
    if year == _BASE_YEAR:
        return 0
    if year > _BASE_YEAR:
        previous = _holidays_before(year - 1)
        if previous is None or not _in_year(year - 1):
            return None
        return previous + len(_weekday_holidays(year - 1))
    following = _holidays_before(year + 1)
    if following is None or not _in_year(year):
        return None
    return following - len(_weekday_holidays(year))


@cache
def _in_year(year: int) -> bool:
    return all(day.year == year for day in bank_holidays(year))


@cache
def _weekday_holidays(year: int) -> list[dt.date]:
    return sorted(day for day in bank_holidays(year) if day.weekday() < _SATURDAY)
