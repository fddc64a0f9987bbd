"""The common event schema: sources (one per input row) and events (one per occurrence).

A ``Source`` is one agency's record of one row, with its exact provenance. An ``Event`` is
one occurrence in the integrated chronology; several agencies' sources may share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chronology.dates.span import DateSpan
from chronology.model.errors import Notice, Rejected

SCHEMA_ID = "chronology/1"


@dataclass(frozen=True, slots=True)
class Facets:
    """What one record says about the occurrence it records (``text.facets``).

    ``what`` is the kind of occurrence (a meeting type, a one-off event, a contact), ``how``
    the mode of contact, ``status`` held / requested / planned / cancelled / not_attended /
    negated, ``direction`` "to" (sent) or "from" (received), ``mentions`` the agency types the
    record names, ``present`` those named at a meeting, ``cited`` the days the text names.
    """

    what: str | None = None
    how: str | None = None
    status: str = "held"
    one_off: bool = False
    meeting: bool = False
    direction: str | None = None
    mentions: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    cited: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "what": self.what,
            "how": self.how,
            "status": self.status,
            "one_off": self.one_off,
            "meeting": self.meeting,
            "direction": self.direction,
            "mentions": list(self.mentions),
            "present": list(self.present),
            "cited": [date.fromordinal(d).isoformat() for d in self.cited],
        }


@dataclass(slots=True)
class Source:
    """One agency's record of one row, exactly as submitted.

    ``row`` is the row a person sees: the Excel row number, the csv line number (header
    line = 1), or the Word table row. ``fields`` keeps every original cell by its heading,
    as text, so nothing the agency wrote is ever dropped. ``others`` is the text of the
    columns with no role ("Analysis: …", a line each): told after the narrative, but not
    read as what happened (an IMR author's comment is not the agency's record).
    """

    agency: str
    file: str
    sheet: str | None
    row: int
    date: DateSpan
    text: str
    time: str | None = None
    recorded_on: DateSpan | None = None
    action: str = ""
    worker: str = ""
    subject: str = ""
    reference: str = ""
    sequence: float | None = None
    fields: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    facets: Facets | None = None
    others: str = ""
    agency_type: str | None = None  # as the import report found it, or the review file gave it

    @property
    def account(self) -> str:
        """What a reader is told of this row: the narrative, then the other columns."""
        return "\n".join(filter(None, (self.text, self.others)))

    @property
    def ref(self) -> str:
        """The author's handle for this row: ``file:sheet:row`` (``file:row`` for csv)."""
        if self.sheet is None:
            return f"{self.file}:{self.row}"
        return f"{self.file}:{self.sheet}:{self.row}"


@dataclass(slots=True)
class MergeDecision:
    """Why sources were put together: data, so authors can audit and override it."""

    sources: list[str]
    method: str  # "auto" or "author"
    reason: str
    score: float


@dataclass(slots=True)
class Event:
    id: str
    date: DateSpan
    agencies: list[str]
    text: str
    sources: list[Source]
    time: str | None = None
    flags: list[str] = field(default_factory=list)
    kind: str | None = None
    merge: list[MergeDecision] = field(default_factory=list)
    episode: str | None = None


@dataclass(slots=True)
class LoadResult:
    """What one input file yielded: sources, and every row that is not one, located."""

    sources: list[Source] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # the import report: per file, its agency and type, each table read or skipped, each
    # column's role and the evidence for it, rows read, kept and set aside
    inputs: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.sources.extend(other.sources)
        self.warnings.extend(other.warnings)
        self.rejected.extend(other.rejected)
        self.files.extend(other.files)
        self.inputs.extend(other.inputs)


@dataclass(slots=True)
class Chronology:
    """The integrated chronology plus everything found along the way."""

    events: list[Event]
    warnings: list[Notice] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    episodes: list[dict[str, Any]] = field(default_factory=list)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
    analysis: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> list[Source]:
        return [source for event in self.events for source in event.sources]

    @property
    def agencies(self) -> list[str]:
        return sorted({source.agency for source in self.sources})
