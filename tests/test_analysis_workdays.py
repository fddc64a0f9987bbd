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
def test_running_totals_count_as_walking_does_in_any_year(start: dt.date, length: int) -> None:
    """The count is read from running totals kept from 2000 on: check it either side."""
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
