"""Reading ``chronology.json``: decoded into the typed model (``document``), checked as it is
decoded, and made the chronology the commands work on.

Sources and events become the pipeline's own types (dates as ``DateSpan``); the findings
stay the plain data the stages make, member for member as written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from chronology.dates.span import DateSpan, Precision
from chronology.model.document import (
    Document,
    EventRecord,
    FacetsRecord,
    RejectedRecord,
    SourceRecord,
    WarningRecord,
)
from chronology.model.errors import ChronologyFileError, Notice, Rejected
from chronology.model.schema import (
    SCHEMA_ID,
    Chronology,
    Event,
    Facets,
    MergeDecision,
    Source,
)


class _Head(msgspec.Struct):
    schema: str | None = None


def names_the_schema(data: bytes) -> bool:
    """Whether JSON text is an object whose ``schema`` is ours (however damaged the rest)."""
    try:
        return msgspec.json.decode(data, type=_Head).schema == SCHEMA_ID
    except msgspec.MsgspecError:
        return False


def from_document(document: dict[str, Any]) -> Chronology:
    """A document (as ``codec.to_document`` makes it) as a chronology, checked against the
    model (``msgspec.ValidationError`` says where it is wrong)."""
    return chronology_from(msgspec.convert(document, Document))


def read_chronology(path: Path) -> Chronology:
    """Load a saved ``chronology.json``, with errors that say what is wrong and how to fix it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ChronologyFileError(
            f"{path}: file not found", hint="Run 'chronology merge' first."
        ) from exc
    except OSError as exc:
        raise ChronologyFileError(
            f"{path}: not a readable chronology.json ({exc})", hint=_WRITTEN_BY_MERGE
        ) from exc
    try:
        return chronology_from(msgspec.json.decode(data, type=Document))
    except msgspec.ValidationError as exc:  # (a DecodeError too: first)
        if not names_the_schema(data):
            raise ChronologyFileError(
                f"{path}: not a chronology file (schema is not '{SCHEMA_ID}')",
                hint=_WRITTEN_BY_MERGE,
            ) from exc
        raise ChronologyFileError(
            f"{path}: damaged chronology file ({exc})",
            hint="Put back the value the JSON path names, or run 'chronology merge' again.",
        ) from exc
    except msgspec.DecodeError as exc:
        raise ChronologyFileError(
            f"{path}: not a readable chronology.json ({exc})", hint=_WRITTEN_BY_MERGE
        ) from exc
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        # (RecursionError: arrays or objects nested thousands deep, as no chronology is)
        raise ChronologyFileError(f"{path}: damaged chronology file ({exc!r})") from exc


_WRITTEN_BY_MERGE = "Pass the chronology.json written by 'chronology merge'."


def chronology_from(document: Document) -> Chronology:
    analysis = {
        "lag": msgspec.to_builtins(document.lag),
        "timescales": msgspec.to_builtins(document.timescales),
        "indicators": msgspec.to_builtins(document.indicators),
    }
    return Chronology(
        events=[_event(e) for e in document.events],
        warnings=[_notice(w) for w in document.warnings],
        rejected=[_rejected(r) for r in document.rejected],
        episodes=msgspec.to_builtins(document.episodes),
        discrepancies=msgspec.to_builtins(document.discrepancies),
        analysis=analysis,
        meta=_plain(document.meta),
    )


def _plain(value: msgspec.Struct) -> dict[str, Any]:
    plain: dict[str, Any] = msgspec.to_builtins(value)
    return plain


def _span(
    record: EventRecord | SourceRecord,
) -> DateSpan:
    precision = record.precision
    return DateSpan(
        record.start,
        record.end,
        precision,
        record.date_text,
        record.time if precision == Precision.DAY else None,  # only a day has a time of day
        record.approximate,
    )


def _source(record: SourceRecord) -> Source:
    day, text = record.recorded_on, record.recorded_on_text
    recorded = None
    if text or day:
        precision = Precision.DAY if day else Precision.UNKNOWN
        recorded = DateSpan(day, day, precision, text or (day.isoformat() if day else ""))
    return Source(
        agency=record.agency,
        file=record.file,
        sheet=record.sheet,
        row=record.row,
        date=_span(record),
        text=record.text,
        time=record.time,
        recorded_on=recorded,
        others=record.others,
        facets=_facets(record.facets),
        agency_type=record.agency_type if isinstance(record.agency_type, str) else None,
        action=record.action,
        worker=record.worker,
        subject=record.subject,
        reference=record.reference,
        sequence=record.sequence,
        fields=record.fields,
        kind=record.kind,
    )


def _facets(record: FacetsRecord | None) -> Facets | None:
    if record is None:
        return None
    return Facets(
        what=record.what,
        how=record.how,
        status=record.status,
        one_off=record.one_off,
        meeting=record.meeting,
        direction=record.direction,
        mentions=tuple(record.mentions),
        present=tuple(record.present),
        cited=tuple(day.toordinal() for day in record.cited),
    )


def _event(record: EventRecord) -> Event:
    return Event(
        id=record.id,
        date=_span(record),
        agencies=record.agencies,
        text=record.text,
        sources=[_source(s) for s in record.sources],
        time=record.time,
        flags=record.flags,
        kind=record.kind,
        merge=[MergeDecision(m.sources, m.method, m.reason, m.score) for m in record.merge],
        episode=record.episode,
    )


def _notice(record: WarningRecord) -> Notice:
    code = None if record.code is msgspec.UNSET else record.code
    return Notice(record.file, record.sheet, record.row, record.message, code=code)


def _rejected(record: RejectedRecord) -> Rejected:
    code = None if record.code is msgspec.UNSET else record.code
    return Rejected(record.file, record.sheet, record.row, record.reason, record.text, code=code)
