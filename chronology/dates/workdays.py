"""Working days in England and Wales: weekdays that are not bank holidays.

Bank holidays come from the ``holidays`` package (``GB``, subdivision ``ENG``, which England
and Wales share), including the one-off days: the Diamond Jubilee (5 June 2012, with the Spring
bank holiday moved to 4 June), the 2022 State Funeral and the 2023 Coronation.

Counting follows the statutory convention: "within 15 working days of" a day counts the
working days after that day, up to and including the later day.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import holidays
import numpy as np
from dateutil.relativedelta import relativedelta

__all__ = [
    "add_months",
    "add_working_days",
    "bank_holidays",
    "is_working_day",
    "working_days_between",
]

_SATURDAY = 5
_WEEKMASK = "1111100"  # Monday to Friday
_ONE_DAY = dt.timedelta(days=1)
_DECADE = 10  # numpy calendars cover whole decades, so a few serve a whole run
_WORKING_DAYS_A_YEAR = 250  # fewer than there are: how many years a count may cross


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


@cache
def _weekday_holidays(year: int) -> list[dt.date]:
    # a substitute day can be listed under the year before: look in the years around
    around = [y for y in (year - 1, year, year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    listed = {day for y in around for day in bank_holidays(y)}
    return sorted(day for day in listed if day.year == year and day.weekday() < _SATURDAY)


@cache
def _busdays(first_year: int, last_year: int) -> np.busdaycalendar:
    """numpy's business-day calendar for these years: weekdays less the bank holidays."""
    days = [day for year in range(first_year, last_year + 1) for day in _weekday_holidays(year)]
    return np.busdaycalendar(weekmask=_WEEKMASK, holidays=np.array(days, dtype="datetime64[D]"))


def _covering(first: dt.date, last: dt.date, years_after: int = 0) -> np.busdaycalendar:
    low, high = sorted((first.year, last.year))
    high += years_after
    from_year = max(dt.MINYEAR, low - low % _DECADE)
    return _busdays(from_year, min(dt.MAXYEAR, high - high % _DECADE + _DECADE - 1))


def is_working_day(day: dt.date) -> bool:
    return bool(np.is_busday(day, busdaycal=_covering(day, day)))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is
    earlier): the Monday after a Friday is 1, a Friday to the next Friday is 5."""
    if end < start:
        return -working_days_between(end, start)
    # numpy counts the days in [begin, end): shift both a day to count (start, end]
    calendar_ = _covering(start, end)
    return int(np.busday_count(start + _ONE_DAY, end + _ONE_DAY, busdaycal=calendar_))


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The day that is ``count`` working days after ``start`` (``count`` ≥ 0); with 0, the
    first working day on or after ``start``."""
    # rolling a non-working start back to the last working day before it counts the same
    # days forward from it as from the start itself (none of the days between works)
    roll: Literal["forward", "backward"] = "forward" if count == 0 else "backward"
    calendar_ = _covering(start, start, years_after=count // _WORKING_DAYS_A_YEAR + 1)
    found = np.busday_offset(np.datetime64(start, "D"), count, roll=roll, busdaycal=calendar_)
    return dt.date.fromisoformat(str(found))


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later, on the same day of the month or the month's last day
    (31 January + 1 month is 29 February in a leap year)."""
    later: dt.date = day + relativedelta(months=months)
    return later
