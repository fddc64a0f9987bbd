"""The shapes a corpus review spec is written in, and the truth each one yields.

A spec module (``tests/corpus/specs/*.py``) builds one :class:`Review`: its agencies, each
with a file name, a format, a layout and rows written as the agency wrote them, plus the
designed truth that cannot be read off a single row (which rows are one occurrence, which
must stay apart, date conflicts, key episodes, expected findings). Rows carry tags; the
generator turns tags into row keys once the writers know each row's place in its file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# A row's date truth: (start ISO, end ISO, precision); start/end None for undated rows.
DateTruth = tuple[str | None, str | None, str]

UK_DAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2})?\s*$")


def day(iso: str) -> DateTruth:
    return (iso, iso, "day")


def month(year: int, mon: int) -> DateTruth:
    nxt = dt.date(year + mon // 12, mon % 12 + 1, 1)
    return (dt.date(year, mon, 1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat(), "month")


def year(first: int, last: int | None = None) -> DateTruth:
    last = first if last is None else last
    return (f"{first}-01-01", f"{last}-12-31", "year" if first == last else "range")


def span(start: str, end: str, precision: str = "range") -> DateTruth:
    return (start, end, precision)


UNDATED: DateTruth = (None, None, "unknown")


@dataclass
class Row:
    """One data row: cells in the agency's heading order, its date truth and design tags."""

    cells: tuple[object, ...]
    date: DateTruth | None = None  # None: derived from the first date cell
    tags: tuple[str, ...] = ()
    also: tuple[DateTruth, ...] = ()  # other readings a careful reader would accept


def row(*cells: object, t: DateTruth | None = None, tags: str = "", also: tuple = ()) -> Row:
    return Row(tuple(cells), t, tuple(tags.split()), also)


@dataclass
class Agency:
    name: str  # as a reader would name the agency
    type: str  # agency type (see TYPES)
    file: str
    fmt: str  # xlsx, xls, ods, csv1252, csvsemi, docx
    headings: list[str]
    date_cols: list[str]  # headings holding dates or times (not narrative)
    rows: list[Row]
    sheet: str = "Chronology"
    title: list[str] = field(default_factory=list)  # title block above the header
    cover: list[list[str]] | None = None  # cover sheet: version / sign-off table
    continuation_after: int | None = None  # rows past this index go on a continuation sheet
    date1904: bool = False
    aliases: list[str] = field(default_factory=list)  # other acceptable names
    source: str = ""  # which published template this layout follows


@dataclass
class Review:
    slug: str
    kind: str  # DHR, CSPR, SAR
    title: str
    start: str
    end: str
    agencies: list[Agency]
    templates: list[str]  # the published templates and guidance the habits came from
    episodes: list[tuple[str, str, str]] = field(default_factory=list)  # start, end, label
    # expected findings; row references are tags, resolved to row keys by the generator
    findings: list[dict[str, object]] = field(default_factory=list)


TYPES = {
    "police",
    "childrens_social_care",
    "adult_social_care",
    "gp",
    "health_visiting",
    "school_nursing",
    "maternity",
    "acute_hospital",
    "ambulance",
    "mental_health",
    "learning_disability",
    "substance_misuse",
    "housing",
    "probation",
    "education",
    "early_help",
    "care_provider",
    "fire_rescue",
    "domestic_abuse_service",
    "community_nursing",
}


def derived_date(value: object) -> DateTruth | None:
    """The truth of a plainly written exact date (a date cell, a serial, dd/mm/yyyy)."""
    if isinstance(value, dt.datetime):
        return day(value.date().isoformat())
    if isinstance(value, dt.date):
        return day(value.isoformat())
    if isinstance(value, str) and (found := UK_DAY.match(value)):
        d, m, y = (int(g) for g in found.groups())
        return day(dt.date(y, m, d).isoformat())
    return None
