"""Working-day arithmetic: weekends and England & Wales bank holidays, including the 2012
Diamond Jubilee (the Spring bank holiday moved to Monday 4 June, the Jubilee on Tuesday 5 June)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.dates.workdays import (
    add_months,
    add_working_days,
    bank_holidays,
    is_working_day,
    working_days_between,
)

D = dt.date


def test_the_package_knows_the_2012_jubilee_holidays() -> None:
    holidays_2012 = bank_holidays(2012)
    assert D(2012, 6, 4) in holidays_2012  # Spring bank holiday, moved from 28 May
    assert D(2012, 6, 5) in holidays_2012  # Diamond Jubilee
    assert D(2012, 5, 28) not in holidays_2012  # the usual late-May Monday was a working day
    assert D(2012, 5, 7) in holidays_2012  # Early May bank holiday
    assert not is_working_day(D(2012, 6, 5))
    assert is_working_day(D(2012, 5, 28))


def test_one_off_holidays_in_later_years() -> None:
    assert D(2022, 9, 19) in bank_holidays(2022)  # State Funeral
    assert D(2023, 5, 8) in bank_holidays(2023)  # Coronation


def test_span_over_a_weekend_and_the_jubilee_holidays() -> None:
    # Wed 23 May 2012 -> Mon 11 June 2012: 24, 25, 28-31 May, 1 June, 6-8 June, 11 June
    assert working_days_between(D(2012, 5, 23), D(2012, 6, 11)) == 11
    # counting calendar weekdays alone would give 13
    weekdays = sum(1 for n in range(1, 20) if (D(2012, 5, 23) + dt.timedelta(days=n)).weekday() < 5)
    assert weekdays == 13


def test_span_over_the_early_may_bank_holiday() -> None:
    # Tue 1 May -> Mon 11 June 2012 loses 7 May, 4 June and 5 June
    assert working_days_between(D(2012, 5, 1), D(2012, 6, 11)) == 26
    assert add_working_days(D(2012, 5, 1), 15) == D(2012, 5, 23)


def test_friday_to_monday_is_one_working_day() -> None:
    assert working_days_between(D(2012, 6, 8), D(2012, 6, 11)) == 1
    assert working_days_between(D(2012, 6, 8), D(2012, 6, 10)) == 0  # Sunday
    assert working_days_between(D(2012, 6, 11), D(2012, 6, 8)) == -1


def test_due_date_skips_the_jubilee() -> None:
    # ICPC Mon 11 June 2012 + 10 working days = Mon 25 June (no holidays in between)
    assert add_working_days(D(2012, 6, 11), 10) == D(2012, 6, 25)
    # Fri 1 June + 1 working day = Wed 6 June (weekend, 4 and 5 June)
    assert add_working_days(D(2012, 6, 1), 1) == D(2012, 6, 6)
    assert add_working_days(D(2012, 6, 2), 0) == D(2012, 6, 6)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2012, 6, 11), 3, D(2012, 9, 11)),
        (D(2012, 1, 31), 1, D(2012, 2, 29)),
        (D(2011, 11, 30), 3, D(2012, 2, 29)),
        (D(2012, 10, 15), 6, D(2013, 4, 15)),
    ],
)
def test_calendar_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_counting_agrees_with_walking_day_by_day() -> None:
    start = D(2011, 12, 20)
    for length in range(0, 400, 7):
        end = start + dt.timedelta(days=length)
        walked = sum(
            1 for n in range(1, length + 1) if is_working_day(start + dt.timedelta(days=n))
        )
        assert working_days_between(start, end) == walked


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=D(1985, 1, 1), max_value=D(2035, 12, 31)),
    st.integers(min_value=-800, max_value=800),
)
def test_counts_across_decades_agree_with_walking_in_any_year(start: dt.date, length: int) -> None:
    """numpy's calendars cover whole decades: counts across and between them agree too."""
    end = start + dt.timedelta(days=length)
    low, high = min(start, end), max(start, end)
    walked = sum(
        1 for n in range(1, (high - low).days + 1) if is_working_day(low + dt.timedelta(days=n))
    )
    assert working_days_between(start, end) == (walked if end >= start else -walked)


def test_one_calendar_for_every_year_gives_each_year_as_asked_alone() -> None:
    import holidays

    for year in range(1985, 2036):
        alone = holidays.country_holidays("GB", subdiv="ENG", years=year)
        assert bank_holidays(year) == {day: str(name) for day, name in sorted(alone.items())}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Christmas on a Saturday (2010): substitute days Monday 27 and Tuesday 28 December
        (D(2010, 12, 24), D(2010, 12, 29), 1),
        # New Year's Day on a Saturday (2011): substitute Monday 3 January
        (D(2010, 12, 31), D(2011, 1, 4), 1),
        # Christmas and Boxing Day at a weekend, New Year's Day too (2021-22): 27, 28 Dec and
        # 3 Jan are substitutes, leaving 29, 30, 31 Dec and 4 Jan
        (D(2021, 12, 24), D(2022, 1, 4), 4),
        # Easter 2012: Good Friday 6 April, Easter Monday 9 April
        (D(2012, 4, 5), D(2012, 4, 10), 1),
        # the year's end on a weekday: 1 January 2020 is a holiday
        (D(2019, 12, 31), D(2020, 1, 2), 1),
        # leap years: Friday 28 February 2020 to Monday 2 March (29th a Saturday)
        (D(2020, 2, 28), D(2020, 3, 2), 1),
        (D(2020, 2, 28), D(2020, 2, 29), 0),
        # Monday 29 February 2016 is a working day; 2015 had no 29th
        (D(2016, 2, 26), D(2016, 3, 1), 2),
        (D(2015, 2, 27), D(2015, 3, 3), 2),
        # month ends: 31 May 2012 to 29 June 2012 loses the two Jubilee days
        (D(2012, 5, 31), D(2012, 6, 29), 19),
        # a whole leap year, weekdays less eight bank holidays (all on weekdays in 2016)
        (D(2015, 12, 31), D(2016, 12, 31), 261 - 8),
    ],
)
def test_working_days_at_bank_holiday_weekends_month_ends_and_leap_years(
    start: dt.date, end: dt.date, expected: int
) -> None:
    assert working_days_between(start, end) == expected
    assert working_days_between(end, start) == -expected


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2010, 12, 24), 1, D(2010, 12, 29)),  # over Christmas at a weekend
        (D(2010, 12, 25), 0, D(2010, 12, 29)),  # a Saturday holiday rolls to the next working day
        (D(2010, 12, 26), 1, D(2010, 12, 29)),  # from a Sunday: the first is Wednesday 29th
        (D(2010, 12, 26), 2, D(2010, 12, 30)),
        (D(2012, 4, 5), 1, D(2012, 4, 10)),  # over Easter
        (D(2016, 2, 26), 1, D(2016, 2, 29)),  # onto a leap day
        (D(2019, 12, 20), 10, D(2020, 1, 8)),  # across the year and a decade
        (D(2012, 1, 31), 20, D(2012, 2, 28)),
        (D(2012, 6, 1), 0, D(2012, 6, 1)),  # a working day is its own day 0
    ],
)
def test_due_dates_at_holiday_weekends_and_month_ends(
    start: dt.date, count: int, expected: dt.date
) -> None:
    assert add_working_days(start, count) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2020, 2, 29), 12, D(2021, 2, 28)),  # a leap day a year on
        (D(2020, 2, 29), 48, D(2024, 2, 29)),
        (D(2012, 3, 31), -1, D(2012, 2, 29)),  # backwards too
        (D(2011, 8, 31), 6, D(2012, 2, 29)),
        (D(2012, 12, 31), 2, D(2013, 2, 28)),
        (D(2012, 4, 30), 1, D(2012, 5, 30)),  # the 30th stays the 30th
        (D(2012, 1, 31), 0, D(2012, 1, 31)),
        (D(2012, 11, 15), 14, D(2014, 1, 15)),
    ],
)
def test_calendar_months_at_month_ends_and_leap_years(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_a_working_day_is_a_weekday_that_is_not_a_listed_bank_holiday() -> None:
    """numpy's calendar against the holidays package's list, day by day over fifty years."""
    day = D(1985, 1, 1)
    while day <= D(2035, 12, 31):
        listed = day in bank_holidays(day.year) or day in bank_holidays(day.year - 1)
        assert is_working_day(day) == (day.weekday() < 5 and not listed), day
        day += dt.timedelta(days=1)
