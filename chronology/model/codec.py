"""``chronology.json``: the contract other code and users depend on (schema ``chronology/1``).

``to_document`` and ``from_document`` are exact inverses for everything the schema holds, so
every later command (facts, report, analyse, diff) can start from a saved chronology. (A
document holds days as ``datetime.date`` until it is written; the file holds ISO days.)
What is written must be what the typed model (``document``) describes, member for member and
in its order: the reader (``reading``) decodes through it and refuses anything else, and
``schemas/chronology-1.json`` is generated from it (tests/test_model.py checks all three).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from chronology.dates.span import Precision
from chronology.model.errors import Notice, Rejected
from chronology.model.schema import SCHEMA_ID, Chronology, Event, Source

ANALYSIS_KEYS = ("lag", "timescales", "indicators")


# Dates and precisions go to orjson as they are: it writes a date as its ISO day and an
# enumeration as its value, the same text as ``isoformat`` and ``str``, for less work.
def source_to_dict(source: Source) -> dict[str, Any]:
    date = source.date
    recorded = source.recorded_on
    return {
        "agency": source.agency,
        "agency_type": source.agency_type,
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


def event_to_dict(event: Event) -> dict[str, Any]:
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
        "sources": [source_to_dict(s) for s in event.sources],
    }


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
    yield "events", (event_to_dict(e) for e in chronology.events)
    yield "episodes", chronology.episodes
    yield "discrepancies", chronology.discrepancies
    for key in ANALYSIS_KEYS:
        yield key, chronology.analysis.get(key, [])
    for key, value in chronology.analysis.items():
        if key not in ANALYSIS_KEYS:
            yield key, value
    yield "warnings", [_warning(n) for n in chronology.warnings]
    yield "rejected", [_rejected(r) for r in chronology.rejected]


def _warning(notice: Notice) -> dict[str, Any]:
    found: dict[str, Any] = {"file": notice.file, "sheet": notice.sheet, "row": notice.row}
    if notice.code is not None:  # (None: read from a file written before codes existed)
        found["code"] = notice.code
    found["message"] = notice.message
    return found


def _rejected(row: Rejected) -> dict[str, Any]:
    found: dict[str, Any] = {"file": row.file, "sheet": row.sheet, "row": row.row}
    if row.code is not None:
        found["code"] = row.code
    found.update(reason=row.reason, text=row.text)
    return found


def to_document(chronology: Chronology) -> dict[str, Any]:
    return {
        key: list(value) if key == "events" else value for key, value in _document_items(chronology)
    }


def _dump(value: Any, depth: int) -> bytes:
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    return text.replace(b"\n", b"\n" + b"  " * depth) if depth else text


# Events serialised per orjson call: one call per event cost a tenth of the json's time.
EVENT_BATCH = 500


def json_chunks(chronology: Chronology) -> Iterator[bytes]:
    """``chronology.json`` piece by piece, byte-identical to indenting the whole document
    with orjson, without holding the whole document in memory (it runs to hundreds of MB
    for 100,000 rows)."""
    for number, (key, value) in enumerate(_document_items(chronology)):
        yield (b"{" if not number else b",") + b"\n  " + orjson.dumps(key) + b": "
        if key == "events":
            yield from _event_chunks(chronology.events)
        else:
            yield _dump(value, 1)
    yield b"\n}\n"


def _event_chunks(events: list[Event]) -> Iterator[bytes]:
    if not events:
        yield b"[]"
        return
    for start in range(0, len(events), EVENT_BATCH):
        batch = events[start : start + EVENT_BATCH]
        text = orjson.dumps([event_to_dict(e) for e in batch], option=orjson.OPT_INDENT_2)
        # "[\n  {…},\n  {…}\n]" indented once more: the events at depth 2, as in the file
        yield (b"[" if start == 0 else b",") + text[1:-2].replace(b"\n", b"\n  ")
    yield b"\n  ]"


def dumps(chronology: Chronology) -> str:
    return b"".join(json_chunks(chronology)).decode()


# The reader decodes through the typed model (msgspec); it is imported when a file is read,
# so that a merge, which only writes, does not load it.
def from_document(document: dict[str, Any]) -> Chronology:
    """A document made by ``to_document`` (or decoded from a file) as a chronology, checked
    against the model (``msgspec.ValidationError`` says where it is wrong)."""
    from chronology.model import reading  # noqa: PLC0415

    return reading.from_document(document)


def read_chronology(path: Path) -> Chronology:
    """Load a saved ``chronology.json``, with errors that say what is wrong and how to fix it."""
    from chronology.model import reading  # noqa: PLC0415

    return reading.read_chronology(path)
