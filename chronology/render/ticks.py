"""The time axis's ticks: at most about a dozen, labelled as a reader would.

The report's script has the same steps and labels (report.js, ticks()): keep them in step.
"""

from __future__ import annotations

import datetime as dt

MAX_TICKS = 12
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STEPS = (
    ("day", 1),
    ("day", 7),
    ("month", 1),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
)
_UNIT_DAYS = {"day": 1.0, "month": 30.44, "year": 365.25}


def ticks(origin: dt.date, v0: float, v1: float) -> list[tuple[float, str]]:
    """Labelled ticks for the days ``v0``..``v1`` after ``origin``: at most about a dozen."""
    unit, n = next(
        ((u, n) for u, n in STEPS if (v1 - v0) / (_UNIT_DAYS[u] * n) <= MAX_TICKS), STEPS[-1]
    )
    day = origin + dt.timedelta(days=int(v0))
    last = origin + dt.timedelta(days=int(v1))
    found: list[tuple[float, str]] = []
    while day <= last:
        if _on_step(day, unit, n):
            offset = float((day - origin).days)
            if v0 <= offset <= v1:
                found.append((offset, _tick_label(day, unit, first=not found)))
            day += dt.timedelta(days=n if unit == "day" else 1)
        else:
            day += dt.timedelta(days=1)
    return found


def _on_step(day: dt.date, unit: str, n: int) -> bool:
    if unit == "day":
        return n == 1 or day.weekday() == 0
    if unit == "month":
        return day.day == 1 and (day.month - 1) % n == 0
    return day.day == 1 and day.month == 1 and day.year % n == 0


def _tick_label(day: dt.date, unit: str, *, first: bool) -> str:
    if unit == "year":
        return str(day.year)
    month = MONTH_ABBR[day.month - 1]
    if unit == "month":
        return f"{month} {day.year}" if first or day.month == 1 else month
    return (
        f"{day.day} {month} {day.year}"
        if first or day.timetuple().tm_yday == 1
        else (f"{day.day} {month}")
    )
