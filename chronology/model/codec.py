"""``chronology.json``: the contract other code and users depend on (schema ``chronology/1``).

``to_document`` and ``from_document`` are exact inverses for everything the schema holds, so
every later command (facts, report, analyse, diff) can start from a saved chronology. (A
document holds days as ``datetime.date`` until it is written; the file holds ISO days.)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from chronology.dates.span import DateSpan, Precision
from chronology.model.errors import ChronologyFileError, Notice, Rejected
from chronology.model.schema import (
    SCHEMA_ID,
    Chronology,
    Event,
    Facets,
    MergeDecision,
    Source,
)

ANALYSIS_KEYS = ("lag", "timescales", "indicators")


def _day(value: str | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.date):  # a document made here, not yet written
        return value
    return dt.date.fromisoformat(value) if value else None


def span_from(data: dict[str, Any], time: str | None = None) -> DateSpan:
    precision = Precision(data.get("precision", "unknown"))
    return DateSpan(
        _day(data.get("start")),
        _day(data.get("end")),
        precision,
        data.get("date_text", ""),
        time if precision == Precision.DAY else None,  # only a day has a time of day
        bool(data.get("approximate", False)),
    )


# Dates and precisions go to orjson as they are: it writes a date as its ISO day and an
# enumeration as its value, the same text as ``isoformat`` and ``str``, for less work.
def source_to_dict(source: Source, types: dict[str, str] | None = None) -> dict[str, Any]:
    date = source.date
    recorded = source.recorded_on
    return {
        "agency": source.agency,
        "agency_type": (types or {}).get(source.agency),
        "file": source.file,
        "sheet": source.sheet,
        "row": source.row,
        "ref": source.ref,
        "start": date.start,
        "end": date.end,
        "precision": date.precision,
        "approximate": date.approximate,
        "date_text": date.text,
        "time": source.time,
        "recorded_on": recorded.start
        if recorded is not None and recorded.precision == Precision.DAY
        else None,
        "recorded_on_text": recorded.text if recorded else None,
        "kind": source.kind,
        "facets": source.facets.as_dict() if source.facets else None,
        "text": source.text,
        "others": source.others,
        "action": source.action,
        "worker": source.worker,
        "subject": source.subject,
        "reference": source.reference,
        "sequence": source.sequence,
        "fields": source.fields,
    }


def source_from(data: dict[str, Any]) -> Source:
    recorded_text = data.get("recorded_on_text")
    recorded = None
    if recorded_text or data.get("recorded_on"):
        day = _day(data.get("recorded_on"))
        precision = Precision.DAY if day else Precision.UNKNOWN
        recorded = DateSpan(day, day, precision, recorded_text or data["recorded_on"])
    return Source(
        agency=data["agency"],
        file=data["file"],
        sheet=data.get("sheet"),
        row=int(data["row"]),
        date=span_from(data, data.get("time")),
        text=data.get("text", ""),
        time=data.get("time"),
        recorded_on=recorded,
        action=data.get("action", ""),
        worker=data.get("worker", ""),
        subject=data.get("subject", ""),
        reference=data.get("reference", ""),
        sequence=data.get("sequence"),
        fields=dict(data.get("fields", {})),
        kind=data.get("kind"),
        facets=_facets_from(data.get("facets")),
        others=data.get("others", ""),
    )


def _facets_from(data: dict[str, Any] | None) -> Facets | None:
    if not data:
        return None
    return Facets(
        what=data.get("what"),
        how=data.get("how"),
        status=data.get("status", "held"),
        one_off=bool(data.get("one_off")),
        meeting=bool(data.get("meeting")),
        direction=data.get("direction"),
        mentions=tuple(data.get("mentions", ())),
        present=tuple(data.get("present", ())),
        cited=tuple(dt.date.fromisoformat(d).toordinal() for d in data.get("cited", ())),
    )


def event_to_dict(event: Event, types: dict[str, str] | None = None) -> dict[str, Any]:
    date = event.date
    return {
        "id": event.id,
        "start": date.start,
        "end": date.end,
        "precision": date.precision,
        "approximate": date.approximate,
        "date_text": date.text,
        "time": event.time,
        "agencies": event.agencies,
        "kind": event.kind,
        "text": event.text,
        "flags": event.flags,
        "episode": event.episode,
        "merge": [
            {"sources": d.sources, "method": d.method, "reason": d.reason, "score": d.score}
            for d in event.merge
        ],
        "sources": [source_to_dict(s, types) for s in event.sources],
    }


def event_from(data: dict[str, Any]) -> Event:
    return Event(
        id=data["id"],
        date=span_from(data, data.get("time")),
        agencies=list(data["agencies"]),
        text=data.get("text", ""),
        sources=[source_from(s) for s in data["sources"]],
        time=data.get("time"),
        flags=list(data.get("flags", [])),
        kind=data.get("kind"),
        merge=[MergeDecision(**d) for d in data.get("merge", [])],
        episode=data.get("episode"),
    )


def agency_types(inputs: list[dict[str, Any]]) -> dict[str, str]:
    """Each agency's type, as the import report (``meta.inputs``) gives it: the first of
    its files, in file order, that has one (the review file's, else the type its name and
    title block score highest)."""
    types: dict[str, str] = {}
    for item in sorted(inputs, key=lambda i: str(i.get("file"))):
        if item.get("agency_type"):
            types.setdefault(str(item["agency"]), str(item["agency_type"]))
    return types


def _document_items(chronology: Chronology) -> Iterator[tuple[str, Any]]:
    """The top-level members in order; events lazily, so the file can be streamed."""
    yield "schema", SCHEMA_ID
    yield "meta", chronology.meta
    types = agency_types(chronology.meta.get("inputs", []))
    yield "events", (event_to_dict(e, types) for e in chronology.events)
    yield "episodes", chronology.episodes
    yield "discrepancies", chronology.discrepancies
    for key in ANALYSIS_KEYS:
        yield key, chronology.analysis.get(key, [])
    for key, value in chronology.analysis.items():
        if key not in ANALYSIS_KEYS:
            yield key, value
    yield (
        "warnings",
        [
            {"file": n.file, "sheet": n.sheet, "row": n.row, "message": n.message}
            for n in chronology.warnings
        ],
    )
    yield (
        "rejected",
        [
            {"file": r.file, "sheet": r.sheet, "row": r.row, "reason": r.reason, "text": r.text}
            for r in chronology.rejected
        ],
    )


def to_document(chronology: Chronology) -> dict[str, Any]:
    return {
        key: list(value) if key == "events" else value for key, value in _document_items(chronology)
    }


def _dump(value: Any, depth: int) -> bytes:
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    return text.replace(b"\n", b"\n" + b"  " * depth) if depth else text


# Events serialised per orjson call: one call per event cost a tenth of the json's time.
EVENT_BATCH = 500


def json_chunks(chronology: Chronology, events: range | None = None) -> Iterator[bytes]:
    """``chronology.json`` piece by piece, byte-identical to indenting the whole document
    with orjson, without holding the whole document in memory (it runs to hundreds of MB
    for 100,000 rows). ``events``, a run of event positions, gives only that run's part of
    the file: the parts for consecutive runs, the first from 0 and the last to the end,
    make the whole file (so that parts can be written side by side)."""
    count = len(chronology.events)
    run = range(count) if events is None else events
    first, last = run.start == 0, run.stop >= count
    for number, (key, value) in enumerate(_document_items(chronology)):
        if key == "events":
            yield from _event_chunks(
                chronology.events, run, agency_types(chronology.meta.get("inputs", [])), head=first
            )
            if not last:
                return
            yield b"[]" if not count else b"\n  ]"
        elif first if number < 2 else last:  # schema and meta come before the events
            yield (b"{" if not number else b",") + b"\n  " + orjson.dumps(key) + b": "
            yield _dump(value, 1)
    if last:
        yield b"\n}\n"


def _event_chunks(
    events: list[Event], run: range, types: dict[str, str], *, head: bool
) -> Iterator[bytes]:
    if head:
        yield b',\n  "events": '
    for start in range(run.start, min(run.stop, len(events)), EVENT_BATCH):
        batch = events[start : min(start + EVENT_BATCH, run.stop)]
        text = orjson.dumps([event_to_dict(e, types) for e in batch], option=orjson.OPT_INDENT_2)
        # "[\n  {…},\n  {…}\n]" indented once more: the events at depth 2, as in the file
        yield (b"[" if start == 0 else b",") + text[1:-2].replace(b"\n", b"\n  ")


def dumps(chronology: Chronology) -> str:
    return b"".join(json_chunks(chronology)).decode()


_TOP_LEVEL = {"schema", "meta", "events", "episodes", "discrepancies", "warnings", "rejected"}


def from_document(document: dict[str, Any]) -> Chronology:
    return Chronology(
        events=[event_from(e) for e in document["events"]],
        warnings=[Notice(**w) for w in document.get("warnings", [])],
        rejected=[Rejected(**r) for r in document.get("rejected", [])],
        episodes=list(document.get("episodes", [])),
        discrepancies=list(document.get("discrepancies", [])),
        analysis={k: v for k, v in document.items() if k not in _TOP_LEVEL},
        meta=dict(document.get("meta", {})),
    )


def read_chronology(path: Path) -> Chronology:
    """Load a saved ``chronology.json``, with errors that say what is wrong and how to fix it."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ChronologyFileError(
            f"{path}: file not found", hint="Run 'chronology merge' first."
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        # (RecursionError: arrays or objects nested thousands deep, as no chronology is)
        raise ChronologyFileError(
            f"{path}: not a readable chronology.json ({exc or type(exc).__name__})",
            hint="Pass the chronology.json written by 'chronology merge'.",
        ) from exc
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_ID:
        raise ChronologyFileError(
            f"{path}: not a chronology file (schema is not '{SCHEMA_ID}')",
            hint="Pass the chronology.json written by 'chronology merge'.",
        )
    try:
        return from_document(document)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise ChronologyFileError(f"{path}: damaged chronology file ({exc!r})") from exc
