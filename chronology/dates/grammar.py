"""The grammar of dates as agencies write them (UK day-first, except ISO ``yyyy-mm-dd``).

This module only reads text; the model (``DateSpan``) and the public API live in
``chronology.dates.span``. A reading never invents a day the text did not give: "Aug 2010" is the
whole of August 2010.

Rules worth knowing:

* Two-digit years: ``yy`` is the latest year ending in ``yy`` that is not after the pivot
  year (default: this year + 5). In 2026 that is 00-31 -> 2000-2031 and 32-99 -> 1932-1999.
* ``YYYY-MM`` with MM 01-12 is ISO year-month (``2010-11`` is November 2010); ``2010/11`` is
  a financial or school year (``chronology.dates.periods``); ``2010/2011`` and ``2010-2011``
  are ranges of years.
* ``winter 2010`` runs from 1 December 2010 to the end of February 2011 (also written
  ``winter 2010/11``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from chronology.dates import periods, words
from chronology.dates.clock import CLOCK_AFTER_DATE, read_clock
from chronology.dates.words import UNKNOWN_MARKERS, DateError

MIN_YEAR, MAX_YEAR = 1800, 2100
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
_MONTH_NO = {name[:3].lower(): no for no, name in enumerate(MONTHS, 1)}
_FIX = "Check the day and month in the source and correct them."
_HOW = "write it as dd/mm/yyyy, a month and year such as 'August 2010', or 'unknown'"


class Reading(NamedTuple):
    """What a piece of text says: an inclusive interval, its precision, a time of day."""

    start: dt.date
    end: dt.date
    precision: str
    time: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class _Ctx:
    raw: str
    pivot: int
    date1904: bool
    school: bool = False  # a school's chronology: "2019/20" is its school year


# ---------------------------------------------------------------- building blocks
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _check_year(year: int, raw: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{raw!r}: the year {year} is outside {MIN_YEAR}-{MAX_YEAR}; "
                        "check for a typing mistake")  # fmt: skip
    return year


def _year(text: str, ctx: _Ctx) -> int:
    """A written year; two digits are windowed on the pivot year."""
    value = int(text)
    if len(text) == 2:
        value = ctx.pivot - (ctx.pivot - value) % 100
    return _check_year(value, ctx.raw)


def make_date(year: int, month: int, day: int, raw: str) -> dt.date:
    """A real calendar date, or a DateError saying what is wrong with it."""
    _check_year(year, raw)
    if not 1 <= month <= 12:
        hint = " (dates must be day first, dd/mm/yyyy)" if 1 <= day <= 12 else ""
        raise DateError(f"{raw} is not a real date: there is no month {month}{hint}. {_FIX}")
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise DateError(f"{raw} is not a real date: there is no day {day}. {_FIX}")
    if day > last:
        name = MONTHS[month - 1]
        why = f"{name} has {last} days"
        if month == 2:
            leap = "" if last == 29 else f" ({year} is not a leap year)"
            why = f"February {year} has {last} days{leap}"
        raise DateError(f"{raw} is not a real date: {why}. {_FIX}")
    return dt.date(year, month, day)


def _day(y: int, m: int, d: int, ctx: _Ctx, time: str | None = None) -> Reading:
    day = make_date(y, m, d, ctx.raw)
    return Reading(day, day, "day", time)


def _month(y: int, m: int, ctx: _Ctx) -> Reading:
    if not 1 <= m <= 12:
        raise DateError(f"{ctx.raw} is not a real date: there is no month {m}. {_FIX}")
    return Reading(dt.date(_check_year(y, ctx.raw), m, 1), month_end(y, m), "month")


def _months(y: int, first: int, last: int, precision: str) -> Reading:
    return Reading(dt.date(y, first, 1), month_end(y, last), precision)


def _mon(name: str) -> int:
    return _MONTH_NO[name[:3]]


def from_serial(serial: float, *, date1904: bool, raw: str) -> tuple[dt.date, str | None]:
    """An Excel serial number (1900 or 1904 system) as a day and an optional "HH:MM"."""
    base = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    if not 0 < serial < 2958466:
        raise DateError(f"{raw!r} is not an Excel date serial number; {_HOW}")
    moment = base + dt.timedelta(seconds=round(serial * 86400))
    _check_year(moment.year, raw)
    return moment.date(), (None if moment.time() == dt.time() else f"{moment:%H:%M}")


# ---------------------------------------------------------------- the date forms
_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")  # fmt: skip
_PART = r"(early|beginning|begin|start|mid|middle|late|end|towards? end)"
_PART_NO = {"early": 0, "beginning": 0, "begin": 0, "start": 0, "mid": 1, "middle": 1}
_NUMBER_WORDS = {"1": 1, "first": 1, "2": 2, "second": 2, "3": 3, "third": 3, "4": 4,
                 "fourth": 4}  # fmt: skip
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d\d)")
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[t ](\d\d:\d\d)(:\d\d(?:\.\d+)?)?)?", re.IGNORECASE)
Handler = Callable[[re.Match[str], _Ctx], Reading]


def _dmy(m: re.Match[str], c: _Ctx) -> Reading:
    return _day(_year(m[4], c), int(m[3]), int(m[1]), c)


def _iso(m: re.Match[str], c: _Ctx) -> Reading:
    machine_midnight = m[4] == "00:00" and m[5] is not None
    return _day(int(m[1]), int(m[2]), int(m[3]), c, None if machine_midnight else m[4])


def _iso_month(m: re.Match[str], c: _Ctx) -> Reading:
    year, tail = int(m[1]), m[2]
    if len(tail) == 2 and int(tail) > 12:  # 2012-13: a span of years
        return _year_span(year, _year(m[1][:2] + tail, c), c)
    return _month(year, int(tail), c)


def _year_span(first: int, last: int, c: _Ctx) -> Reading:
    if last < first:
        raise DateError(f"{c.raw!r}: the end year {last} is before the start year {first}")
    return Reading(dt.date(first, 1, 1), dt.date(last, 12, 31), "range")


def _part_month(m: re.Match[str], c: _Ctx) -> Reading:
    y, mon = _year(m[3], c), _mon(m[2])
    first, last = ((1, 10), (11, 20), (21, month_end(y, mon).day))[_PART_NO.get(m[1], 2)]
    return Reading(dt.date(y, mon, first), dt.date(y, mon, last), "range")


def _part_year(m: re.Match[str], c: _Ctx) -> Reading:
    third = _PART_NO.get(m[1], 2)
    return _months(_year(m[2], c), 4 * third + 1, 4 * third + 4, "range")


def _half(m: re.Match[str], c: _Ctx) -> Reading:
    half = _NUMBER_WORDS[_pick(m, "n", "n2", "n3")]
    return _months(_year(_pick(m, "y", "y2"), c), 6 * half - 5, 6 * half, "half")


def _quarter(m: re.Match[str], c: _Ctx) -> Reading:
    q = _NUMBER_WORDS[_pick(m, "n", "n2", "n3")]
    return _months(_year(_pick(m, "y", "y2"), c), 3 * q - 2, 3 * q, "quarter")


def _season(m: re.Match[str], c: _Ctx) -> Reading:
    y = _year(m[2], c)
    if m[1] != "winter":
        if m[3]:
            raise DateError(f"{c.raw!r}: only winter spans two years; write e.g. 'spring {y}'")
        return _months(y, *_SEASONS[m[1]], "season")
    if m[3] and int(m[3]) % 10 ** len(m[3]) != (y + 1) % 10 ** len(m[3]):
        raise DateError(f"{c.raw!r}: winter runs December to February; write 'winter {y}/"
                        f"{(y + 1) % 100:02d}'")  # fmt: skip
    return Reading(dt.date(y, 12, 1), month_end(y + 1, 2), "season")


def _week(m: re.Match[str], c: _Ctx) -> Reading:
    day = _single(m[2], c)
    if day is None or day.precision != "day":
        raise DateError(f"{c.raw!r}: a week needs its first day in full, e.g. 'w/c 13/02/2012'")
    if m[1].startswith(("w/e", "week ending")):
        return Reading(day.start - dt.timedelta(days=6), day.start, "week")
    return Reading(day.start, day.start + dt.timedelta(days=6), "week")


def _serial(m: re.Match[str], c: _Ctx) -> Reading:
    day, time = from_serial(float(m[0]), date1904=c.date1904, raw=c.raw)
    return Reading(day, day, "day", time)


def _period(read: Callable[..., periods.Span]) -> Handler:
    """A period form: its reading, with years read as every other form reads them."""
    return lambda m, c: _reading(read(m, lambda text: _year(text, c)))


def _reading(span: periods.Span) -> Reading:
    start, end, precision, approximate = span
    return Reading(start, end, precision, None, approximate)


_Y = r"(\d{4})"
_FORMS: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (_DMY, _dmy),
    (_ISO, _iso),
    (re.compile(rf"(\d{{1,2}})[\s/.\-]*{_MON}[\s/.\-]*(\d{{4}}|\d\d)"),
     lambda m, c: _day(_year(m[3], c), _mon(m[2]), int(m[1]), c)),
    (re.compile(rf"{_MON}\s*(\d{{1,2}})\s+{_Y}"),
     lambda m, c: _day(_year(m[3], c), _mon(m[1]), int(m[2]), c)),
    (re.compile(rf"{_MON}(?:\s*[-/]?\s*{_Y}|\s*[-'’]\s*(\d\d))"),
     lambda m, c: _month(_year(m[2] or m[3], c), _mon(m[1]), c)),
    (re.compile(rf"(\d{{1,2}})[/.\-]{_Y}"), lambda m, c: _month(_year(m[2], c), int(m[1]), c)),
    (re.compile(r"(\d{4})-(\d{1,2})"), _iso_month),
    (re.compile(_Y), lambda m, c: _months(_year(m[1], c), 1, 12, "year")),
    (re.compile(r"\d{5}(?:\.\d+)?"), _serial),
    (re.compile(rf"{_PART}\s*-?\s*{_MON}\s*-?\s*{_Y}"), _part_month),
    (re.compile(rf"{_PART}\s*-?\s*{_Y}"), _part_year),
    (re.compile(r"(?:(?P<n>1|first|2|second)\s*half|h(?P<n2>[12]))\s*-?\s*(?P<y>\d{4})"
                r"|(?P<y2>\d{4})\s*-?\s*h(?P<n3>[12])"),
     _half),
    (re.compile(r"(?:q(?P<n>[1-4])|(?P<n2>[1-4]|first|second|third|fourth)\s*(?:quarter|qtr))"
                r"[\s/\-]*(?P<y>\d{4})|(?P<y2>\d{4})[\s/\-]*q(?P<n3>[1-4])"),
     _quarter),
    (re.compile(r"(spring|summer|autumn|fall|winter)\s*(\d{4})(?:\s*/\s*(\d{4}|\d\d))?"), _season),
    (re.compile(r"(w/c|w\.?c\.?|w/b|wb|w/e|week (?:commencing|beginning|starting|ending))"
                r"\s*:?\s*(.+)"), _week),
    (periods.DECADE, _period(periods.decade)),
    (periods.HOLIDAY, _period(periods.holiday)),
    (periods.NAMED_YEAR, _period(periods.named_year)),
    (periods.YEAR_NAMED, _period(periods.named_year)),
    (periods.TERM, _period(periods.term)),
    (periods.BARE_PAIR, lambda m, c: _reading(periods.bare_pair(m, lambda t: _year(t, c),
                                                                 school=c.school))),
)  # fmt: skip


def _pick(m: re.Match[str], *names: str) -> str:
    """The first of the alternative groups that matched (patterns written both ways)."""
    return next(value for name in names if (value := m[name]) is not None)


_FAST = _FORMS[:2]


def _single(s: str, c: _Ctx) -> Reading | None:
    """``s`` as one date form, None if no form fits; DateError if it fits but is impossible."""
    for pattern, handler in _FORMS:
        if (m := pattern.fullmatch(s)) is not None:
            return handler(m, c)
    return None


# ---------------------------------------------------------------- ranges
_CONNECT = re.compile(r"\s+(?:to|and|or|until|till|through|-|/|&)\s+|\s*[-/&]\s*")
_BETWEEN = re.compile(r"(?:between|from)\s+")
_BARE_DAY = re.compile(r"\d{1,2}")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})\s*-?\s*{_MON}")
_YEAR_ONLY, _YY = re.compile(r"\d{4}"), re.compile(r"\d\d")
_MON_ONLY = re.compile(_MON)


def _left(a: str, right: Reading, c: _Ctx) -> Reading | None:
    """The start of a range, borrowing the month and year the end gives ("1-5 May 2012")."""
    y, mon = right.start.year, right.start.month
    if _BARE_DAY.fullmatch(a):
        return _day(y, mon, int(a), c) if right.precision == "day" else None
    if (m := _DAY_MONTH.fullmatch(a)) is not None:
        return _day(y, _mon(m[2]), int(m[1]), c)
    if (m := _MON_ONLY.fullmatch(a)) is not None:
        return _month(y, _mon(m[1]), c)
    return _single(a, c)


def _range(s: str, c: _Ctx) -> Reading | None:
    s = _BETWEEN.sub("", s, count=1)
    error: DateError | None = None
    for cut in _CONNECT.finditer(s):
        a, b = s[: cut.start()], s[cut.end() :]
        if _YEAR_ONLY.fullmatch(a) and _YY.fullmatch(b):
            b = a[:2] + b  # 2010/11
        try:
            right = _single(b, c)
            left = _left(a, right, c) if right else None
        except DateError as exc:
            error = error or exc
            continue
        if left and right:
            if right.end < left.start:
                raise DateError(f"{c.raw!r}: the end of the range is before its start; "
                                "check the order and the years")  # fmt: skip
            return Reading(left.start, right.end, "range")
    if error:
        raise error
    return None


# ---------------------------------------------------------------- whole text
_APPROX_BEFORE = re.compile(
    r"(?:\?|on or about|in or around|circa|approximately|approx\.?|about|around|roughly"
    r"|ca\.|c\.|c(?=\s*\d)|estimated|est\.?|maybe|possibly|perhaps|probably|believed to be)\s*"
)
_APPROX_AFTER = re.compile(
    r"(?:\s*\?|\s*\(\s*(?:approximately|approx\.?|circa|c\.?|estimated|est\.?|\?"
    r"|(?:date )?(?:uncertain|unconfirmed|not confirmed|not certain|tbc))\s*\)"
    r"|\s+(?:approximately|approx\.?|circa|estimated|est\.?|uncertain|unconfirmed))$"
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?"
                      r"\b\.?")  # fmt: skip
_FILLER = re.compile(
    r"\b(?:the|of|on)\b|\byear(?= \d{4}$)|^(?:in|during|sometime in|some time in|over)\b"
)
_WITH_TIME = re.compile(rf"(.+?)(?:\s+at\s+|\s*@\s*|\s+)({CLOCK_AFTER_DATE})")
_TIME_FIRST = re.compile(rf"({CLOCK_AFTER_DATE})\s+(.+)")
_DASHES = re.compile(r"[–—‐‑]")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _strip_approx(low: str) -> tuple[str, bool]:
    approximate = False
    while (m := _APPROX_BEFORE.match(low) or _APPROX_AFTER.search(low)) is not None:
        low = (low[: m.start()] + low[m.end() :]).strip()
        approximate = True
    return low, approximate


def _normalise(low: str) -> tuple[str, list[str]]:
    low = _ORDINAL.sub(r"\1", _DASHES.sub("-", low).replace(",", " "))
    days = [m[1] for m in _WEEKDAY.finditer(low)]
    low = " ".join(_WEEKDAY.sub(" ", low).split())
    return " ".join(_FILLER.sub(" ", low).split()), days


def _with_time(s: str, c: _Ctx) -> Reading | None:
    """A day with a time after it ("14/01/2012 at 15:30") or before it ("1530hrs 14/01/2012")."""
    if (m := _WITH_TIME.fullmatch(s)) is not None:
        date_part, clock = m[1], m[2]
    elif (m := _TIME_FIRST.fullmatch(s)) is not None:
        clock, date_part = m[1], m[2]
    else:
        return None
    day = _single(date_part, c)
    if day is None or day.precision != "day":
        return None
    return day._replace(time=read_clock(clock, c.raw))


def _unknown_day(m: re.Match[str], c: _Ctx) -> Reading:
    year = _year(m[3], c)
    return _month(year, int(m[2]), c) if m[2].isdigit() else _months(year, 1, 12, "year")


def read_date_text(raw: str, *, date1904: bool, pivot: int, school: bool = False) -> Reading | None:
    """Read ``raw`` (already stripped); None when it honestly says the date is not known."""
    c = _Ctx(raw, pivot, date1904, school)
    for pattern, handler in _FAST:  # the commonest forms, first and cheaply
        if (m := pattern.fullmatch(raw)) is not None:
            return handler(m, c)
    low = " ".join(raw.lower().split())
    if low in UNKNOWN_MARKERS:
        return None
    if (m := words.UNKNOWN_DAY.fullmatch(low)) is not None:
        return _unknown_day(m, c)
    low, approximate = _strip_approx(low)
    s, days = _normalise(low)
    found = _with_time(s, c) or _single(s, c) or _range(s, c)
    if found is None:
        raise DateError(f"cannot read {raw!r} as a date; {_HOW}")
    if len(days) == 1 and found.precision == "day" and _DAYS[found.start.weekday()] != days[0]:
        actual = found.start.strftime("%A")
        raise DateError(f"{raw!r}: {found.start:%d/%m/%Y} was a {actual}; "
                        "check which of the weekday and the date is right")  # fmt: skip
    return found._replace(approximate=approximate or found.approximate)
