"""The integrated chronology as flat rows: what the csv and the Excel main sheet show."""

from __future__ import annotations

import re
from collections.abc import Iterable

from chronology.merge.events import attributed, attributed_text
from chronology.model.schema import Chronology, Event, Source

# "Date" is the agencies' own wording (it reads back as the event's span); "Sort date" is a
# true date, the interval's start, to sort and filter by; "Precision" says how much is known.
EVENT_COLUMNS = (
    "Ref", "Episode", "Date", "Sort date", "Precision", "Time", "Agency", "Event",
    "Action / Outcome", "Comments / Analysis", "Reference", "Flags", "Sources",
)  # fmt: skip
SOURCE_COLUMNS = (
    "Event", "Agency", "File", "Sheet", "Row", "Date as written", "From", "To", "Precision",
    "Time", "Recorded on", "Text", "Action / Outcome", "Comments / Analysis", "Worker",
    "Subject", "Reference", "Other fields",
)  # fmt: skip
# An IMR's own commentary column (its author's analysis of the entry), by its heading.
_COMMENT_HEADING = re.compile(r"\b(comments?|analysis|reflections?|learning)\b", re.IGNORECASE)


def date_label(event: Event) -> str:
    approx = " (approx.)" if event.date.approximate else ""
    return (event.date.text or "not known") + approx  # reads back as an unknown date


def comments(source: Source) -> str:
    """The source's commentary cells (a heading such as "Comments/Analysis"), in order."""
    return "\n".join(v for k, v in source.fields.items() if v and _COMMENT_HEADING.search(k))


def event_row(event: Event) -> list[object]:
    return [
        event.id,
        event.episode or "",
        date_label(event),
        event.date.start or "",
        str(event.date.precision),
        event.time or "",
        "; ".join(event.agencies),
        event.text,
        attributed_text(event.sources, "action"),
        attributed(event.sources, comments),
        attributed_text(event.sources, "reference"),
        ", ".join(event.flags),
        "; ".join(source.ref for source in event.sources),
    ]


def event_rows(chronology: Chronology) -> Iterable[list[object]]:
    """The main sheet's rows."""
    return (event_row(event) for event in chronology.events)


def _other_fields(source: Source) -> str:
    shown = {
        source.date.text, source.text, source.action, source.worker, source.subject,
        source.reference, source.time or "",
    }  # fmt: skip
    return "\n".join(
        f"{k}: {v}"
        for k, v in source.fields.items()
        if v and v not in shown and not _COMMENT_HEADING.search(k)
    )


def source_row(event: Event, source: Source) -> list[object]:
    return [event.id, *source_cells(source)]


def source_cells(source: Source) -> list[object]:
    """A source's row on the Sources sheet, but for its event's reference."""
    recorded = source.recorded_on.text if source.recorded_on else ""
    return [
        source.agency, source.file, source.sheet or "", source.row, source.date.text,
        source.date.start or "", source.date.end or "",
        str(source.date.precision), source.time or "", recorded, source.text, source.action,
        comments(source), source.worker, source.subject, source.reference, _other_fields(source),
    ]  # fmt: skip
