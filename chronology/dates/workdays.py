"""Working days in England and Wales: weekdays that are not bank holidays.

Bank holidays come from the ``holidays`` package (``GB``, subdivision ``ENG``, which England
and Wales share), including the one-off days: the Diamond Jubilee (5 June 2012, with the Spring
bank holiday moved to 4 June), the 2022 State Funeral and the 2023 Coronation.

Counting follows the statutory convention: "within 15 working days of" a day counts the
working days after that day, up to and including the later day.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from functools import cache, lru_cache

import holidays

__all__ = [
    "add_months",
    "add_working_days",
    "bank_holidays",
    "is_working_day",
    "working_days_between",
]

_SATURDAY = 5
_BASE_YEAR = 2000  # running totals of holidays count from the start of this year


@cache
def _calendar() -> holidays.HolidayBase:
    """One calendar for every year asked about: making one costs as much as filling in
    fifty years of it (a run over a decade made a dozen, a tenth of a second)."""
    return holidays.country_holidays("GB", subdiv="ENG")


@cache
def bank_holidays(year: int) -> dict[dt.date, str]:
    """England and Wales bank holidays in ``year`` (weekend dates included as listed)."""
    calendar_ = _calendar()
    _ = dt.date(year, 1, 1) in calendar_  # asking about a day fills in its whole year
    return {day: str(name) for day, name in sorted(calendar_.items()) if day.year == year}


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year)


def _weekdays_through(day: dt.date) -> int:
    """Weekdays from a fixed Monday (0001-01-01) up to and including ``day``."""
    ordinal = day.toordinal()  # 0001-01-01 is ordinal 1, a Monday
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


@lru_cache(maxsize=1 << 16)
def _holidays_through(day: dt.date) -> int:
    """Weekday bank holidays from the start of the base year up to and including ``day``
    (negative before it): with ``_weekdays_through``, a count costs two look-ups however
    many years lie between its days (the checks count tens of thousands of pairs)."""
    return _holidays_before(day.year) + bisect.bisect_right(_weekday_holidays(day.year), day)


@cache
def _holidays_before(year: int) -> int:
    if year == _BASE_YEAR:
        return 0
    if year > _BASE_YEAR:
        return _holidays_before(year - 1) + len(_weekday_holidays(year - 1))
    return _holidays_before(year + 1) - len(_weekday_holidays(year))


@cache
def _weekday_holidays(year: int) -> list[dt.date]:
    # a substitute day can be listed under the year before: look in the years around
    listed = {day for y in (year - 1, year, year + 1) for day in bank_holidays(y)}
    return sorted(day for day in listed if day.year == year and day.weekday() < _SATURDAY)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is
    earlier): the Monday after a Friday is 1, a Friday to the next Friday is 5."""
    if end < start:
        return -working_days_between(end, start)
    weekdays = _weekdays_through(end) - _weekdays_through(start)
    return weekdays - (_holidays_through(end) - _holidays_through(start))


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The day that is ``count`` working days after ``start`` (``count`` ≥ 0); with 0, the
    first working day on or after ``start``."""
    day = start
    while count == 0 and not is_working_day(day):
        day += dt.timedelta(days=1)
    while count > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later, on the same day of the month or the month's last day
    (31 January + 1 month is 29 February in a leap year)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
