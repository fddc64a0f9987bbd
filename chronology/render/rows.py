"""The integrated chronology as flat rows: what the csv and the Excel main sheet show."""

from __future__ import annotations

from collections.abc import Iterable

from chronology.merge.events import attributed_text
from chronology.model.schema import Chronology, Event, Source

EVENT_COLUMNS = (
    "Ref", "Date", "Precision", "Time", "Agency", "Event", "Action / Outcome", "Flags", "Sources",
)  # fmt: skip
SOURCE_COLUMNS = (
    "Event", "Agency", "File", "Sheet", "Row", "Date as written", "From", "To", "Precision",
    "Time", "Recorded on", "Text", "Action / Outcome", "Worker", "Subject", "Reference",
    "Other fields",
)  # fmt: skip


def date_label(event: Event) -> str:
    approx = " (approx.)" if event.date.approximate else ""
    return (event.date.text or "not known") + approx  # reads back as an unknown date


def event_row(event: Event) -> list[str]:
    return [
        event.id,
        date_label(event),
        str(event.date.precision),
        event.time or "",
        "; ".join(event.agencies),
        event.text,
        attributed_text(event.sources, "action"),
        ", ".join(event.flags),
        "; ".join(source.ref for source in event.sources),
    ]


def event_rows(chronology: Chronology) -> Iterable[list[str]]:
    """The main sheet's rows."""
    return (event_row(event) for event in chronology.events)


def _other_fields(source: Source) -> str:
    shown = {
        source.date.text, source.text, source.action, source.worker, source.subject,
        source.reference, source.time or "",
    }  # fmt: skip
    return "\n".join(f"{k}: {v}" for k, v in source.fields.items() if v and v not in shown)


def source_row(event: Event, source: Source) -> list[object]:
    return [event.id, *source_cells(source)]


def source_cells(source: Source) -> list[object]:
    """A source's row on the Sources sheet, but for its event's reference."""
    recorded = source.recorded_on.text if source.recorded_on else ""
    return [
        source.agency, source.file, source.sheet or "", source.row, source.date.text,
        source.date.start.isoformat() if source.date.start else "",
        source.date.end.isoformat() if source.date.end else "",
        str(source.date.precision), source.time or "", recorded, source.text, source.action,
        source.worker, source.subject, source.reference, _other_fields(source),
    ]  # fmt: skip
