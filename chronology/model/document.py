"""``chronology.json`` as one typed model: the document exactly as ``codec`` writes it.

The writer streams plain data for speed; these types are what it must write (a test decodes
the samples' file into them and writes it back byte for byte), what the reader decodes and
checks a saved file against (so a damaged one is refused with the JSON path of the fault),
and what ``schemas/chronology-1.json`` is generated from (``scripts/make_schema.py``).
Members a document may leave out are ``UNSET``. Dates are ISO days (``YYYY-MM-DD``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, UnsetType, field

from chronology.dates.span import Precision
from chronology.model.codes import RejectedCode, WarningCode
from chronology.model.findings import (
    Discrepancy,
    Episode,
    Indicator,
    Record,
    RecordingLag,
    Timescale,
)


class MergeRecord(Record):
    """Why sources were put together (``method`` "auto" or "author"), or, "candidate", why
    two that very probably record one occurrence were kept apart."""

    sources: list[str]
    method: str
    reason: str
    score: float


class FacetsRecord(Record):
    """What one record says about the occurrence it records: ``what`` kind of occurrence,
    ``how`` (the mode of contact), ``status`` (held, requested, planned, cancelled,
    not_attended, negated), ``direction`` ("to" or "from"), the agency types it
    ``mentions``, those ``present`` at a meeting, and the days it ``cited``."""

    what: str | None
    how: str | None
    status: str
    one_off: bool
    meeting: bool
    direction: str | None
    mentions: list[str]
    present: list[str]
    cited: list[dt.date]


class SourceRecord(Record, kw_only=True):
    """One agency's record of one row, exactly as submitted: ``fields`` holds every cell by
    its heading; ``ref`` is ``file:sheet:row`` (``file:row`` for csv); ``others`` is the text
    of the columns no role claims. (``agency_type``, ``facets`` and ``others`` are missing
    from files written before they existed.)"""

    agency: str
    agency_type: str | UnsetType | None = UNSET
    file: str
    sheet: str | None
    row: int
    ref: str
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    approximate: bool
    date_text: str
    time: str | None
    recorded_on: dt.date | None
    recorded_on_text: str | None
    kind: str | None
    facets: FacetsRecord | None = None
    text: str
    others: str = ""
    action: str
    worker: str
    subject: str
    reference: str
    sequence: float | None
    fields: dict[str, str]


class EventRecord(Record):
    """One occurrence in the integrated chronology; several agencies' sources may share it."""

    id: str
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    approximate: bool
    date_text: str
    time: str | None
    agencies: list[str]
    kind: str | None
    text: str
    flags: list[str]
    episode: str | None
    merge: list[MergeRecord]
    sources: list[SourceRecord]


class WarningRecord(Record, kw_only=True):
    """A located warning about the data; ``code`` names it (docs/warnings.md). (Files
    written before codes existed have none.)"""

    file: str
    sheet: str | None
    row: int | None
    code: WarningCode | UnsetType = UNSET
    message: str


class RejectedRecord(Record, kw_only=True):
    """An input row that is not an event (a footer, a repeated heading), kept with its text."""

    file: str
    sheet: str | None
    row: int
    code: RejectedCode | UnsetType = UNSET
    reason: str
    text: str


# ---------------------------------------------------------------- meta
class InputColumn(Record):
    """One column of an input table: the role it was given (``extra``: kept as a labelled
    extra), on what evidence, and what its cells hold (``dates``: the share reading as a
    date)."""

    column: int
    heading: str
    role: str
    evidence: str
    confidence: float
    filled: int
    dates: float
    mean_length: float


class InputTable(Record):
    """One chronology table of an input file, and what became of its rows."""

    sheet: str | None
    header_row: int
    columns: list[InputColumn]
    unmapped: list[str]
    rows_read: int
    rows_kept: int
    rows_set_aside: int


class SkippedTable(Record):
    """A sheet or table of an input file that is not a chronology."""

    sheet: str | None
    header_row: int | None
    reason: str


class InputFile(Record, kw_only=True):
    """The import report of one input file. (Files written before the import report hold
    only ``file``, ``agency`` and ``rows``.)"""

    file: str
    agency: str
    agency_type: str | UnsetType | None = UNSET
    rows: int
    rows_read: int | UnsetType = UNSET
    rows_set_aside: int | UnsetType = UNSET
    tables: list[InputTable] | UnsetType = UNSET
    skipped: list[SkippedTable] | UnsetType = UNSET


class Period(Record):
    start: dt.date | None
    end: dt.date | None


# How the key episodes were found: {"method": "review file"}, or {"method": "detected"} and
# the detection parameters used, by name; their names are data (rules/episodes.toml
# [detection], overridden by the review file's [episode_detection]), so not listed here.
EpisodeDetection = Annotated[
    dict[str, str | int],
    msgspec.Meta(
        description='How the key episodes were found: "method" ("review file" or "detected") '
        "and, when detected, each detection parameter used (rules/episodes.toml [detection])."
    ),
]


class GlossaryTerm(Record):
    expansion: str
    agencies: list[str] | UnsetType = UNSET


class FactsSettings(Record):
    """The review file's settings for the Facts draft."""

    title: str
    first_paragraph: int
    start: dt.date | None
    end: dt.date | None
    glossary: dict[str, str | GlossaryTerm] | UnsetType = UNSET


class Meta(Record):
    """Where the document came from, and the review's settings that shaped it."""

    generator: str | UnsetType = UNSET
    inputs: list[InputFile] | UnsetType = UNSET
    title: str | UnsetType = UNSET
    period: Period | UnsetType = UNSET
    first_paragraph: int | UnsetType = UNSET
    episode_detection: EpisodeDetection | UnsetType = UNSET
    facts: FactsSettings | UnsetType = UNSET
    anonymised: bool | UnsetType = UNSET
    dates_coarsened: str | UnsetType = UNSET  # "month": days widened to their month


class Document(Record):
    """An integrated chronology (schema ``chronology/1``), with everything found on the way:
    key episodes, discrepancies, recording lag, timescales, who knew what, warnings about
    the inputs, and the rows that are not events."""

    schema: Literal["chronology/1"]  # schema.SCHEMA_ID
    meta: Meta
    events: list[EventRecord]
    episodes: list[Episode] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    lag: list[RecordingLag] = field(default_factory=list)
    timescales: list[Timescale] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)
    rejected: list[RejectedRecord] = field(default_factory=list)
