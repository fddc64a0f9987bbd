"""The findings of ``chronology.json`` as types: key episodes, discrepancies, recording lag,
timescales and who knew what.

The stages make these as plain dicts (``chronology.stages``); these types say exactly which
members each has, in the order written, so that the published JSON Schema
(``schemas/chronology-1.json``) and the reader check every one. Dates are ISO days.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from msgspec import UNSET, Struct, UnsetType


class Record(Struct, forbid_unknown_fields=True):
    """A part of the document: no member beyond those listed."""


class Episode(Record):
    """A key episode ("K1"…), or "K0", the key information before the first."""

    id: str
    title: str
    kind: Literal["prior", "key"]
    start: dt.date
    end: dt.date
    events: list[str]


class Finding(Record, tag_field="kind"):
    """A finding: its ``kind`` (the tag) tells which one it is."""


# ---------------------------------------------------------------- discrepancies
class DateAccount(Record):
    """One agency's date for an event."""

    agency: str
    date: str
    date_text: str
    start: dt.date | None
    end: dt.date | None
    sources: list[str]


class DateConflict(Finding, tag="date_conflict", kw_only=True):
    """An event whose agencies' dates do not overlap, even allowing the tolerance; or
    (``merged`` false, no accounts or days) two records very probably of one occurrence,
    dated too far apart to be merged."""

    merged: bool | UnsetType = UNSET
    events: list[str]
    sources: list[str]
    agencies: list[str]
    accounts: list[DateAccount]
    days: int | None
    working_days: int | None
    detail: str


class TimeAccount(Record):
    agency: str
    time: str | None
    source: str


class TimeConflict(Finding, tag="time_conflict"):
    """One day's contact timed differently by two agencies' records of the same kind."""

    events: list[str]
    sources: list[str]
    agencies: list[str]
    date: dt.date
    accounts: list[TimeAccount]
    minutes: int
    detail: str


class ReversedOrder(Finding, tag="reversed_order"):
    """An agency table listed newest first."""

    events: list[str]
    sources: list[str]
    agency: str
    file: str
    sheet: str | None
    detail: str


class OutOfOrder(Finding, tag="out_of_order"):
    """A dated row earlier (or, in a reversed table, later) than the row above it."""

    events: list[str]
    sources: list[str]
    agency: str
    file: str
    sheet: str | None
    row: int
    previous_row: int
    days: int
    working_days: int
    detail: str


Discrepancy = DateConflict | TimeConflict | ReversedOrder | OutOfOrder


# ---------------------------------------------------------------- recording lag
class LagEntry(Finding, tag_field="kind"):
    """One entry's recording lag (negative: recorded before the event)."""

    events: list[str]
    sources: list[str]
    agency: str
    date: dt.date
    recorded_on: dt.date
    days: int
    working_days: int
    text: str
    detail: str


class LateRecording(LagEntry, tag="late_recording"):
    """Recorded more than the threshold after the event."""


class RecordedBeforeEvent(LagEntry, tag="recorded_before_event"):
    """A recorded-on date before the event date."""


class RecordingLag(Finding, tag="recording_lag"):
    """One agency's recording lag: count, median and longest, and the entries over the
    threshold (worst first), then those recorded before the event."""

    agency: str
    count: int
    median_days: int | float | None
    max_days: int | None
    threshold_days: int
    over_threshold: int
    recorded_before_event: int
    events: list[str]
    sources: list[str]
    detail: str
    entries: list[LateRecording | RecordedBeforeEvent]


# ---------------------------------------------------------------- timescales
class TimescalePoint(Record):
    """The start (or end) event of a timescale, as dated by some of its agencies."""

    event: str
    label: str
    date: str
    date_text: str
    start: dt.date | None
    end: dt.date | None
    agencies: list[str]
    sources: list[str]


class Timescale(Finding, tag="timescale"):
    """One statutory step checked against the guidance then in force."""

    rule: str
    title: str
    edition: str
    status: Literal["met", "missed", "not_evidenced", "not_due", "unclear"]
    limit: int
    unit: Literal["days", "working_days", "months"]
    due: dt.date | None
    start: TimescalePoint | None
    end: TimescalePoint | None
    date_conflict: bool
    depends_on_date: bool
    days: int | None
    working_days: int | None
    days_range: list[int] | None
    working_days_range: list[int] | None
    events: list[str]
    sources: list[str]
    detail: str


# ---------------------------------------------------------------- who knew what
class IndicatorHit(Record):
    """One record's mention of a risk indicator; ``source`` is its ``file:sheet:row``."""

    agency: str
    event: str
    source: str
    date: str
    date_text: str
    start: dt.date | None
    phrase: str
    excerpt: str


class Indicator(Finding, tag="indicator"):
    """Which agencies recorded a risk indicator, and when each first did."""

    indicator: str
    label: str
    agencies: list[str]
    first: dict[str, IndicatorHit]
    single_agency: bool
    events: list[str]
    sources: list[str]
    hits: list[IndicatorHit]
    negated: list[IndicatorHit]
    detail: str


__all__ = [
    "DateConflict",
    "Discrepancy",
    "Episode",
    "Indicator",
    "OutOfOrder",
    "RecordingLag",
    "ReversedOrder",
    "TimeConflict",
    "Timescale",
]
