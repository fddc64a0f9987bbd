"""The date model: parsing every form agencies write, formatting, ranges and span arithmetic."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.dates.span import (
    DateError,
    DateSpan,
    Precision,
    combine_range,
    format_span,
    parse_date,
    parse_time,
    prose_date,
)

D = dt.date
P = Precision
DAY, WEEK, MONTH, SEASON = P.DAY, P.WEEK, P.MONTH, P.SEASON
QUARTER, HALF, YEAR, RANGE = P.QUARTER, P.HALF, P.YEAR, P.RANGE

# input, start, end, precision, approximate
STRING_CASES: list[tuple[str, dt.date, dt.date, Precision, bool]] = [
    # ISO is never swapped; everything else is day first
    ("2012-05-03", D(2012, 5, 3), D(2012, 5, 3), DAY, False),
    ("2012-05-23", D(2012, 5, 23), D(2012, 5, 23), DAY, False),
    ("03/05/2012", D(2012, 5, 3), D(2012, 5, 3), DAY, False),
    ("05/03/2012", D(2012, 3, 5), D(2012, 3, 5), DAY, False),
    ("09/08/2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("9/8/2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("09.08.10", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("9.8.2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("09-08-2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("13/01/12", D(2012, 1, 13), D(2012, 1, 13), DAY, False),
    ("13/01/75", D(1975, 1, 13), D(1975, 1, 13), DAY, False),
    ("9 Aug 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("9 August 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("09-Aug-10", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("9th August 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("the 9th of August 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("1st Sept 2010", D(2010, 9, 1), D(2010, 9, 1), DAY, False),
    ("23rd March 2011", D(2011, 3, 23), D(2011, 3, 23), DAY, False),
    ("Mon 9 Aug 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("Monday, 9 August 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("August 9 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("Aug 9, 2010", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("  9   AUG   2010 ", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    ("40399", D(2010, 8, 9), D(2010, 8, 9), DAY, False),
    # vague: months and years
    ("Aug 2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("August 2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("Aug-10", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("08/2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("8/2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("2010-08", D(2010, 8, 1), D(2010, 8, 31), MONTH, False),
    ("2010-11", D(2010, 11, 1), D(2010, 11, 30), MONTH, False),
    ("Feb 2012", D(2012, 2, 1), D(2012, 2, 29), MONTH, False),
    ("2003", D(2003, 1, 1), D(2003, 12, 31), YEAR, False),
    # parts of a month or year
    ("mid-January 2012", D(2012, 1, 11), D(2012, 1, 20), RANGE, False),
    ("mid January 2012", D(2012, 1, 11), D(2012, 1, 20), RANGE, False),
    ("early July 2012", D(2012, 7, 1), D(2012, 7, 10), RANGE, False),
    ("late July 2012", D(2012, 7, 21), D(2012, 7, 31), RANGE, False),
    ("end of May 2012", D(2012, 5, 21), D(2012, 5, 31), RANGE, False),
    ("end May 2012", D(2012, 5, 21), D(2012, 5, 31), RANGE, False),
    ("late Feb 2011", D(2011, 2, 21), D(2011, 2, 28), RANGE, False),
    ("beginning of March 2012", D(2012, 3, 1), D(2012, 3, 10), RANGE, False),
    ("start of March 2012", D(2012, 3, 1), D(2012, 3, 10), RANGE, False),
    ("early 2008", D(2008, 1, 1), D(2008, 4, 30), RANGE, False),
    ("mid 2008", D(2008, 5, 1), D(2008, 8, 31), RANGE, False),
    ("mid-2008", D(2008, 5, 1), D(2008, 8, 31), RANGE, False),
    ("late 2008", D(2008, 9, 1), D(2008, 12, 31), RANGE, False),
    ("end of 2008", D(2008, 9, 1), D(2008, 12, 31), RANGE, False),
    # halves, seasons, quarters
    ("first half of 2006", D(2006, 1, 1), D(2006, 6, 30), HALF, False),
    ("1st half 2006", D(2006, 1, 1), D(2006, 6, 30), HALF, False),
    ("H1 2006", D(2006, 1, 1), D(2006, 6, 30), HALF, False),
    ("Second half of 2006", D(2006, 7, 1), D(2006, 12, 31), HALF, False),
    ("H2 2006", D(2006, 7, 1), D(2006, 12, 31), HALF, False),
    ("Spring 2010", D(2010, 3, 1), D(2010, 5, 31), SEASON, False),
    ("Summer 2010", D(2010, 6, 1), D(2010, 8, 31), SEASON, False),
    ("Autumn 2010", D(2010, 9, 1), D(2010, 11, 30), SEASON, False),
    ("Fall 2010", D(2010, 9, 1), D(2010, 11, 30), SEASON, False),
    ("Winter 2010", D(2010, 12, 1), D(2011, 2, 28), SEASON, False),
    ("winter 2011/12", D(2011, 12, 1), D(2012, 2, 29), SEASON, False),
    ("Q3 2011", D(2011, 7, 1), D(2011, 9, 30), QUARTER, False),
    ("3rd quarter 2011", D(2011, 7, 1), D(2011, 9, 30), QUARTER, False),
    ("first quarter of 2011", D(2011, 1, 1), D(2011, 3, 31), QUARTER, False),
    ("2011 Q4", D(2011, 10, 1), D(2011, 12, 31), QUARTER, False),
    # weeks: seven days from the day given, whatever weekday it is
    ("w/c 13/02/2012", D(2012, 2, 13), D(2012, 2, 19), WEEK, False),
    ("w/c 13 Feb 2012", D(2012, 2, 13), D(2012, 2, 19), WEEK, False),
    ("week commencing 13/02/2012", D(2012, 2, 13), D(2012, 2, 19), WEEK, False),
    ("wc 13.02.12", D(2012, 2, 13), D(2012, 2, 19), WEEK, False),
    ("w/c 15/02/2012", D(2012, 2, 15), D(2012, 2, 21), WEEK, False),
    ("week ending 19/02/2012", D(2012, 2, 13), D(2012, 2, 19), WEEK, False),
    # ranges
    ("April/May 2012", D(2012, 4, 1), D(2012, 5, 31), RANGE, False),
    ("April - May 2012", D(2012, 4, 1), D(2012, 5, 31), RANGE, False),
    ("April to May 2012", D(2012, 4, 1), D(2012, 5, 31), RANGE, False),
    ("April – May 2012", D(2012, 4, 1), D(2012, 5, 31), RANGE, False),
    ("December 2011 to February 2012", D(2011, 12, 1), D(2012, 2, 29), RANGE, False),
    ("between 1 and 5 May 2012", D(2012, 5, 1), D(2012, 5, 5), RANGE, False),
    ("1-5 May 2012", D(2012, 5, 1), D(2012, 5, 5), RANGE, False),
    ("1 to 5 May 2012", D(2012, 5, 1), D(2012, 5, 5), RANGE, False),
    ("between 28 April and 3 May 2012", D(2012, 4, 28), D(2012, 5, 3), RANGE, False),
    ("28/04/2012 - 03/05/2012", D(2012, 4, 28), D(2012, 5, 3), RANGE, False),
    ("from 28/12/2011 to 03/01/2012", D(2011, 12, 28), D(2012, 1, 3), RANGE, False),
    ("2010/2011", D(2010, 1, 1), D(2011, 12, 31), RANGE, False),
    ("2010-2011", D(2010, 1, 1), D(2011, 12, 31), RANGE, False),
    ("2010/11", D(2010, 4, 1), D(2011, 3, 31), RANGE, False),  # a financial year
    ("2010/12", D(2010, 1, 1), D(2012, 12, 31), RANGE, False),
    ("2010 to 2012", D(2010, 1, 1), D(2012, 12, 31), RANGE, False),
    # approximate markers keep the span and set the flag
    ("c. 2005", D(2005, 1, 1), D(2005, 12, 31), YEAR, True),
    ("c.2005", D(2005, 1, 1), D(2005, 12, 31), YEAR, True),
    ("circa 2005", D(2005, 1, 1), D(2005, 12, 31), YEAR, True),
    ("approx. Aug 2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, True),
    ("about August 2010", D(2010, 8, 1), D(2010, 8, 31), MONTH, True),
    ("?22/05/2016", D(2016, 5, 22), D(2016, 5, 22), DAY, True),
    ("22/05/2016?", D(2016, 5, 22), D(2016, 5, 22), DAY, True),
    ("22/05/2016 (approx)", D(2016, 5, 22), D(2016, 5, 22), DAY, True),
    ("22/05/2016 approx", D(2016, 5, 22), D(2016, 5, 22), DAY, True),
    ("on or about 22 May 2016", D(2016, 5, 22), D(2016, 5, 22), DAY, True),
    ("c. mid-January 2012", D(2012, 1, 11), D(2012, 1, 20), RANGE, True),
    ("maybe 2002", D(2002, 1, 1), D(2002, 12, 31), YEAR, True),
    ("possibly March 2011", D(2011, 3, 1), D(2011, 3, 31), MONTH, True),
    ("2002 (uncertain)", D(2002, 1, 1), D(2002, 12, 31), YEAR, True),
    ("2002 (date unconfirmed)", D(2002, 1, 1), D(2002, 12, 31), YEAR, True),
    # decades, years written out, alternatives
    ("1990s", D(1990, 1, 1), D(1999, 12, 31), RANGE, False),
    ("the 2010s", D(2010, 1, 1), D(2019, 12, 31), RANGE, False),
    ("1990's", D(1990, 1, 1), D(1999, 12, 31), RANGE, False),
    ("late 1990s", D(1997, 1, 1), D(1999, 12, 31), RANGE, False),
    ("c. 1980s", D(1980, 1, 1), D(1989, 12, 31), RANGE, True),
    ("the year 2000", D(2000, 1, 1), D(2000, 12, 31), YEAR, False),
    ("2003 or 2004", D(2003, 1, 1), D(2004, 12, 31), RANGE, False),
    ("April or May 2012", D(2012, 4, 1), D(2012, 5, 31), RANGE, False),
    # holidays: the named day, or the Christmas holiday as an approximate three days
    ("Christmas 2020", D(2020, 12, 24), D(2020, 12, 26), RANGE, True),
    ("over Christmas 2020", D(2020, 12, 24), D(2020, 12, 26), RANGE, True),
    ("Christmas Day 2020", D(2020, 12, 25), D(2020, 12, 25), DAY, False),
    ("Boxing Day 2020", D(2020, 12, 26), D(2020, 12, 26), DAY, False),
    ("New Year's Eve 2020", D(2020, 12, 31), D(2020, 12, 31), DAY, False),
    # the day not known, the month (or only the year) known
    ("??/02/2021", D(2021, 2, 1), D(2021, 2, 28), MONTH, False),
    ("xx/02/2021", D(2021, 2, 1), D(2021, 2, 28), MONTH, False),
    ("??/??/2021", D(2021, 1, 1), D(2021, 12, 31), YEAR, False),
    # financial years (April-March), as public bodies write them; school years (September-
    # July) when named so; school terms by their months
    ("FY 2019/20", D(2019, 4, 1), D(2020, 3, 31), RANGE, False),
    ("financial year 2019/20", D(2019, 4, 1), D(2020, 3, 31), RANGE, False),
    ("2019-20 financial year", D(2019, 4, 1), D(2020, 3, 31), RANGE, False),
    ("2019/20", D(2019, 4, 1), D(2020, 3, 31), RANGE, False),
    ("academic year 2019/2020", D(2019, 9, 1), D(2020, 7, 31), RANGE, False),
    ("school year 2019/20", D(2019, 9, 1), D(2020, 7, 31), RANGE, False),
    ("Autumn term 2020", D(2020, 9, 1), D(2020, 12, 31), RANGE, False),
    ("spring term 2021", D(2021, 1, 1), D(2021, 4, 30), RANGE, False),
    ("summer half term 2021", D(2021, 4, 1), D(2021, 7, 31), RANGE, False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approximate"), STRING_CASES)
def test_parse_date_strings(
    text: str, start: dt.date, end: dt.date, precision: Precision, approximate: bool
) -> None:
    span = parse_date(text)
    assert (span.start, span.end, span.precision, span.approximate) == (
        start,
        end,
        precision,
        approximate,
    )
    assert span.text == text.strip()
    assert span.time is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("14/01/2012 15:30", D(2012, 1, 14), "15:30"),
        ("1530hrs 14/01/2012", D(2012, 1, 14), "15:30"),
        ("15:30 on 14/01/2012", D(2012, 1, 14), "15:30"),
        ("14/01/2012 3.30pm", D(2012, 1, 14), "15:30"),
        ("14/01/2012 at 15:30", D(2012, 1, 14), "15:30"),
        ("14/01/2012 9am", D(2012, 1, 14), "09:00"),
        ("14/01/2012 1530hrs", D(2012, 1, 14), "15:30"),
        ("14 Jan 2012, 15:30", D(2012, 1, 14), "15:30"),
        ("2012-05-23T15:30", D(2012, 5, 23), "15:30"),
        ("2012-05-23 15:30:00", D(2012, 5, 23), "15:30"),
        ("2012-05-23 00:00:00", D(2012, 5, 23), None),
        ("14/01/2012 12 noon", D(2012, 1, 14), "12:00"),
    ],
)
def test_parse_date_with_time(text: str, day: dt.date, time: str | None) -> None:
    span = parse_date(text)
    assert (span.start, span.end, span.precision, span.time) == (day, day, DAY, time)


@pytest.mark.parametrize(
    ("text", "pivot", "year"),
    [("01/01/31", 2031, 2031), ("01/01/32", 2031, 1932), ("01/01/00", 2031, 2000),
     ("01/01/99", 2031, 1999), ("01/01/45", 2050, 2045), ("01/01/45", 2040, 1945)],
)  # fmt: skip
def test_two_digit_years_window_on_the_pivot(text: str, pivot: int, year: int) -> None:
    assert parse_date(text, pivot_year=pivot).start == D(year, 1, 1)


@pytest.mark.parametrize(
    ("value", "start", "text", "time"),
    [
        (40399, D(2010, 8, 9), "09/08/2010", None),
        (40399.0, D(2010, 8, 9), "09/08/2010", None),
        (40399.645833333336, D(2010, 8, 9), "09/08/2010 15:30", "15:30"),
        (40399.99999999, D(2010, 8, 10), "10/08/2010", None),  # float noise rounds over
        (dt.date(2010, 8, 9), D(2010, 8, 9), "09/08/2010", None),
        (dt.datetime(2010, 8, 9), D(2010, 8, 9), "09/08/2010", None),
        (dt.datetime(2010, 8, 9, 15, 30), D(2010, 8, 9), "09/08/2010 15:30", "15:30"),
        (dt.datetime(2010, 8, 9, 15, 29, 59, 999_600), D(2010, 8, 9), "09/08/2010 15:30", "15:30"),
        (dt.datetime(2010, 8, 9, 0, 0, 1), D(2010, 8, 9), "09/08/2010 00:00", "00:00"),
    ],
)
def test_parse_date_cells(value: object, start: dt.date, text: str, time: str | None) -> None:
    span = parse_date(value)
    assert (span.start, span.end, span.precision) == (start, start, DAY)
    assert (span.text, span.time) == (text, time)


def test_a_schools_year_pair_is_its_school_year() -> None:
    span = parse_date("2019/20", school=True)
    assert (span.start, span.end, span.precision) == (D(2019, 9, 1), D(2020, 7, 31), RANGE)
    assert parse_date("2010/2011", school=True).start == D(2010, 1, 1)  # four digits: years


def test_1904_date_system() -> None:
    assert parse_date(40399, date1904=True).start == D(2014, 8, 10)
    assert parse_date("40399", date1904=True).start == D(2014, 8, 10)
    assert parse_date(40399.5, date1904=True).time == "12:00"


@pytest.mark.parametrize("value", [2003, 2003.0, "2003"])
def test_integer_in_year_range_is_a_year(value: object) -> None:
    span = parse_date(value)
    assert (span.start, span.end, span.precision) == (D(2003, 1, 1), D(2003, 12, 31), YEAR)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "unknown",
        "Unknown",
        "n/k",
        "N/K",
        "not known",
        "N/A",
        "-",
        "?",
        "date not known",
        float("nan"),
    ],
)
def test_unknown_markers_are_not_errors(value: object) -> None:
    span = parse_date(value)
    assert (span.start, span.end, span.precision, span.is_known) == (None, None, P.UNKNOWN, False)
    assert span.text == (value.strip() if isinstance(value, str) else "")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31/04/2012", "April has 30 days"),
        ("29/02/2011", "2011 is not a leap year"),
        ("13/13/2012", "there is no month 13"),
        ("08/23/2010", "day first"),
        ("00/01/2012", "there is no day 0"),
        ("31 April 2012", "April has 30 days"),
        ("w/c 31/04/2012", "April has 30 days"),
        ("31/04/2012 - 03/05/2012", "April has 30 days"),
        ("14/01/2012 25:30", "not a real time"),
        ("next Tuesday", "cannot read 'next Tuesday' as a date"),
        ("Aug 10", "cannot read"),
        ("c.", "cannot read"),
        ("Tue 9 Aug 2010", "was a Monday"),
        ("01/01/3012", "outside 1800-2100"),
        ("5 May 2012 - 1 May 2012", "before its start"),
        ("2010/09", "before its start"),
        ("spring 2010/11", "only winter"),
        ("winter 2010/12", "winter 2010/11"),
        ("w/c Aug 2012", "first day in full"),
        ("FY 2019/21", "runs into the next year"),
        ("??/13/2021", "there is no month 13"),
        (1500, "neither a year nor an Excel date"),
        (0.65, "neither a year nor an Excel date"),
        (dt.time(15, 30), "no date"),
        (True, "cannot read"),
        ([2010], "cannot read"),
    ],
)
def test_impossible_or_unreadable_dates_say_why(value: object, reason: str) -> None:
    with pytest.raises(DateError, match=re.escape(reason)):
        parse_date(value)


def test_date_error_is_a_value_error_and_repeats_from_the_cache() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match="April has 30 days"):
            parse_date("31/04/2012")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15:30", "15:30"),
        ("1530", "15:30"),
        ("930", "09:30"),
        ("15.30", "15:30"),
        ("3.30pm", "15:30"),
        ("3.30 p.m.", "15:30"),
        ("3pm", "15:00"),
        ("12am", "00:00"),
        ("12pm", "12:00"),
        ("15:30:00", "15:30"),
        ("1530hrs", "15:30"),
        ("noon", "12:00"),
        ("0.6458333", "15:30"),
        ("1899-12-30 15:30:00", "15:30"),
        (dt.time(15, 30), "15:30"),
        (dt.datetime(1899, 12, 30, 15, 30), "15:30"),
        (0.6458333333, "15:30"),
        (40399.6458333333, "15:30"),
        (1530, "15:30"),
        (1530.0, "15:30"),
        (None, None),
        ("", None),
        ("  ", None),
        ("n/k", None),
        (float("nan"), None),
    ],
)
def test_parse_time(value: object, expected: str | None) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "15:75", "13pm", "teatime", "3", 2460, -1, True])
def test_parse_time_rejects_nonsense(value: object) -> None:
    with pytest.raises(DateError, match="time of day"):
        parse_time(value)


def test_combine_range_spans_start_to_end() -> None:
    span = combine_range(parse_date("28/04/2012"), parse_date("03/05/2012"))
    assert (span.start, span.end, span.precision) == (D(2012, 4, 28), D(2012, 5, 3), RANGE)
    assert span.text == "28/04/2012 – 03/05/2012"


def test_combine_range_vague_ends_and_approximate() -> None:
    span = combine_range(parse_date("c. 2010"), parse_date("Aug 2011"))
    assert (span.start, span.end, span.precision) == (D(2010, 1, 1), D(2011, 8, 31), RANGE)
    assert span.approximate


def test_combine_range_same_day_keeps_day_and_time() -> None:
    span = combine_range(parse_date("14/01/2012 15:30"), parse_date("14/01/2012"))
    assert (span.start, span.end, span.precision, span.time) == (
        D(2012, 1, 14),
        D(2012, 1, 14),
        DAY,
        "15:30",
    )


@pytest.mark.parametrize("end", ["", "unknown", None])
def test_combine_range_without_end_is_the_start(end: object) -> None:
    start = parse_date("Aug 2010")
    assert combine_range(start, parse_date(end)) is start


def test_combine_range_end_before_start_is_an_error() -> None:
    with pytest.raises(DateError, match=r"end date 01/05/2012 is before start date 05/05/2012"):
        combine_range(parse_date("05/05/2012"), parse_date("01/05/2012"))


def test_combine_range_end_without_start_is_an_error() -> None:
    with pytest.raises(DateError, match="no start date"):
        combine_range(parse_date(""), parse_date("01/05/2012"))


@pytest.mark.parametrize(
    ("text", "formatted", "prose"),
    [
        ("09/08/2010", "9 August 2010", "On 9 August 2010"),
        ("09/08/2010 15:30", "9 August 2010 at 15:30", "On 9 August 2010 at 15:30"),
        ("?22/05/2016", "c. 22 May 2016", "On or about 22 May 2016"),
        ("Aug 2010", "August 2010", "In August 2010"),
        ("c. Aug 2010", "c. August 2010", "In or around August 2010"),
        ("2003", "2003", "In 2003"),
        ("Q3 2011", "Q3 2011", "In the third quarter of 2011"),
        ("H2 2006", "second half of 2006", "In the second half of 2006"),
        ("Spring 2010", "spring 2010", "In spring 2010"),
        ("Winter 2010", "winter 2010/11", "In winter 2010/11"),
        ("w/c 13/02/2012", "week commencing 13 February 2012",
         "During the week commencing 13 February 2012"),
        ("mid-January 2012", "mid-January 2012", "In mid-January 2012"),
        ("early July 2012", "early July 2012", "In early July 2012"),
        ("end of July 2012", "late July 2012", "In late July 2012"),
        ("early 2008", "early 2008", "In early 2008"),
        ("mid 2008", "mid-2008", "In mid-2008"),
        ("end of 2008", "late 2008", "In late 2008"),
        ("April/May 2012", "April to May 2012", "Between April and May 2012"),
        ("between 1 and 5 May 2012", "1 to 5 May 2012", "Between 1 and 5 May 2012"),
        ("between 28 April and 3 May 2012", "28 April to 3 May 2012",
         "Between 28 April and 3 May 2012"),
        ("28/12/2011 - 03/01/2012", "28 December 2011 to 3 January 2012",
         "Between 28 December 2011 and 3 January 2012"),
        ("2010/2011", "2010 to 2011", "Between 2010 and 2011"),
        ("c. 2010/2011", "c. 2010 to 2011", "Between about 2010 and 2011"),
        ("unknown", "date not known", "On an unknown date"),
    ],
)  # fmt: skip
def test_format_span_and_prose_date(text: str, formatted: str, prose: str) -> None:
    span = parse_date(text)
    assert format_span(span) == formatted
    assert prose_date(span) == prose


def _same(a: DateSpan, b: DateSpan) -> bool:
    return (a.start, a.end, a.precision, a.approximate, a.time) == (
        b.start,
        b.end,
        b.precision,
        b.approximate,
        b.time,
    )


@pytest.mark.parametrize("text", [case[0] for case in STRING_CASES])
def test_format_span_round_trips_the_table(text: str) -> None:
    span = parse_date(text)
    assert _same(parse_date(format_span(span)), span)


# ---------------------------------------------------------------- generated spans
DAYS = st.dates(D(1801, 1, 1), D(2099, 12, 31))
YEARS = st.integers(1801, 2099)


def _months(year: int, first: int, last: int, precision: Precision) -> DateSpan:
    end = D(year + (last - 1) // 12, (last - 1) % 12 + 1, 1)
    end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return DateSpan(D(year, first, 1), end, precision, "")


def _day_span(day: dt.date, minutes: int | None) -> DateSpan:
    time = None if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"
    return DateSpan(day, day, DAY, "", time)


def _range_span(a: dt.date, b: dt.date) -> DateSpan:
    return DateSpan(min(a, b), max(a, b), RANGE, "")


SPANS = st.one_of(
    st.builds(_day_span, DAYS, st.none() | st.integers(0, 24 * 60 - 1)),
    DAYS.map(lambda d: DateSpan(d, d + dt.timedelta(days=6), WEEK, "")),
    st.builds(lambda y, m: _months(y, m, m, MONTH), YEARS, st.integers(1, 12)),
    st.builds(lambda y, q: _months(y, 3 * q - 2, 3 * q, QUARTER), YEARS, st.integers(1, 4)),
    st.builds(lambda y, h: _months(y, 6 * h - 5, 6 * h, HALF), YEARS, st.integers(1, 2)),
    st.builds(lambda y, s: _months(y, s, s + 2, SEASON), YEARS, st.sampled_from([3, 6, 9, 12])),
    YEARS.map(lambda y: _months(y, 1, 12, YEAR)),
    st.builds(_range_span, DAYS, DAYS),
    st.builds(_range_span, DAYS, DAYS.map(lambda d: d + dt.timedelta(days=9))),
    st.builds(lambda y, m, n: _months(y, m, m + n, RANGE), st.integers(1801, 2097),
              st.integers(1, 12), st.integers(0, 30)),
)  # fmt: skip


@given(SPANS, st.booleans())
def test_format_span_round_trips_generated_spans(span: DateSpan, approximate: bool) -> None:
    span = DateSpan(span.start, span.end, span.precision, "", span.time, approximate)
    text = format_span(span)
    assert _same(parse_date(text), span), text
    assert prose_date(span)


@given(DAYS, st.sampled_from(["%d/%m/%Y", "%d.%m.%y", "%-d %b %Y", "%A %d %B %Y", "%Y-%m-%d"]))
def test_written_days_read_back(day: dt.date, pattern: str) -> None:
    assert parse_date(day.strftime(pattern), pivot_year=day.year + 50).start == day


# ---------------------------------------------------------------- span arithmetic
def test_sort_key_orders_known_by_interval_then_time_and_unknown_last() -> None:
    spans = [parse_date(t) for t in ["unknown", "2010", "09/08/2010 15:30", "Aug 2010",
                                     "09/08/2010", "09/08/2010 09:00", "2009"]]  # fmt: skip
    ordered = [s.text for s in sorted(spans, key=lambda s: s.sort_key)]
    assert ordered == ["2009", "2010", "Aug 2010", "09/08/2010", "09/08/2010 09:00",
                       "09/08/2010 15:30", "unknown"]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "gap", "overlap0", "overlap3"),
    [
        ("Aug 2010", "09/08/2010", 0, True, True),
        ("01/05/2012", "02/05/2012", 1, False, True),
        ("01/05/2012", "05/05/2012", 4, False, False),
        ("05/05/2012", "01/05/2012", 4, False, False),
        ("2010", "2011", 1, False, True),
        ("w/c 13/02/2012", "19/02/2012", 0, True, True),
        ("unknown", "2011", None, False, False),
    ],
)
def test_gap_and_overlap(a: str, b: str, gap: int | None, overlap0: bool, overlap3: bool) -> None:
    x, y = parse_date(a), parse_date(b)
    assert x.gap_days(y) == y.gap_days(x) == gap
    assert x.overlaps(y) is overlap0
    assert x.overlaps(y, tolerance_days=3) is overlap3


def test_contains_days_and_iso() -> None:
    month, day = parse_date("Aug 2010"), parse_date("09/08/2010")
    assert month.contains(day)
    assert not day.contains(month)
    assert not month.contains(parse_date("unknown"))
    assert (month.days, day.days, parse_date("").days) == (31, 1, None)
    assert month.to_iso() == ("2010-08-01", "2010-08-31")
    assert parse_date("n/k").to_iso() == (None, None)
