"""Findings (discrepancies, lag, timescales, who-knew-what) as plain tables for the HTML report.

Each check's findings are records with a kind, the events concerned, a plain-English ``detail``
and, for date checks, the numbers. Known sections get chosen columns (and the indicators an
agency × indicator matrix); anything else is still shown: a list of records becomes a table,
a mapping of mappings a matrix, the rest label/value rows. Event references become links.
Every value stays text: the template escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chronology.model.schema import Chronology

SECTIONS = (
    ("discrepancies", "Date discrepancies"),
    ("lag", "Recording lag"),
    ("timescales", "Statutory timescales"),
    ("indicators", "Who knew what: risk indicators"),
)
# the columns each known section shows, in order (those present); "Events" is added
COLUMNS: dict[str, tuple[str, ...]] = {
    "discrepancies": ("detail", "days", "working_days", "agencies"),
    "lag": ("agency", "count", "median_days", "max_days", "over_threshold", "detail"),
    "timescales": ("status", "title", "start", "end", "working_days", "limit", "unit", "edition"),
    "indicators": ("label", "agencies", "detail"),
    "entries": ("agency", "date", "recorded_on", "days", "working_days", "detail"),
}
HEADINGS = {"detail": "Finding", "median_days": "Median lag (days)", "max_days": "Longest (days)",
            "over_threshold": "Late entries", "count": "Entries", "label": "Indicator"}  # fmt: skip
SENTENCE_KEYS = ("detail", "sentence", "message", "summary", "description", "finding", "text")
EVENT_KEYS = ("events", "event_ids", "event", "event_id")
FIRST_KEYS = ("kind", "agency", "indicator", "rule", "status", "result", "date", "start", "end",
              "days", "working_days", "limit", "count")  # fmt: skip
CELL_KEYS = ("date", "date_text", "first_date", "text", "value", "count")
MARKED = {"missed", "not_evidenced", "not evidenced"}
EVENT_ID = re.compile(r"^E\d{3,}$")
MAX_CELL = 400


@dataclass(slots=True)
class Cell:
    text: str = ""
    events: list[str] = field(default_factory=list)
    mark: bool = False


@dataclass(slots=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[list[Cell]]


@dataclass(slots=True)
class Section:
    key: str
    title: str
    tables: list[Table]
    count: int


def sections(chronology: Chronology) -> list[Section]:
    """The findings sections that have something to show, in the report's order."""
    found = []
    for key, title in SECTIONS:
        value = chronology.discrepancies if key == "discrepancies" else chronology.analysis.get(key)
        if not value:
            continue
        tables = _section_tables(key, value)
        count = len(value) if isinstance(value, list) else sum(len(t.rows) for t in tables)
        if tables:
            found.append(Section(key, title, tables, count))
    return found


def _section_tables(key: str, value: object) -> list[Table]:
    if not _is_records(value):
        return tables_for(value, "")
    records: Sequence[Mapping[str, Any]] = value  # type: ignore[assignment]
    tables = [_records(records, "", COLUMNS.get(key))]
    if key == "indicators" and any(isinstance(r.get("first"), Mapping) for r in records):
        tables.insert(0, _indicator_matrix(records))
    entries = [e for r in records for e in r.get("entries") or [] if isinstance(e, Mapping)]
    if entries:
        tables.append(_records(entries, "Entries recorded late", COLUMNS["entries"]))
    return tables


def _indicator_matrix(records: Sequence[Mapping[str, Any]]) -> Table:
    """Indicator × agency: the date each agency first recorded each indicator."""
    firsts: list[Mapping[str, Any]] = [_mapping(r.get("first")) for r in records]
    agencies = sorted({str(a) for first in firsts for a in first})
    rows = []
    for record, first in zip(records, firsts, strict=True):
        if not first:
            continue
        label = str(record.get("label") or humanise(record.get("indicator", "")))
        only = bool(record.get("single_agency"))
        row = [Cell(label + (" (one agency only)" if only else ""), mark=only)]
        for agency in agencies:
            hit = first.get(agency)
            shown = cell(hit) if isinstance(hit, Mapping) else Cell()
            row.append(Cell(shown.text, shown.events, mark=only and bool(shown.text)))
        rows.append(row)
    caption = "When each agency first recorded each indicator"
    return Table(caption, ["Indicator", *agencies], rows)


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def humanise(key: object) -> str:
    text = HEADINGS.get(str(key)) or str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _is_records(value: object) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


def tables_for(value: object, caption: str) -> list[Table]:
    if isinstance(value, Mapping):
        return _mapping_tables(value, caption)
    if _is_records(value):
        return [_records(value, caption)]  # type: ignore[arg-type]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [Table(caption, [humanise(caption) or "Value"], [[cell(v)] for v in value])]
    return [Table(caption, ["Value"], [[cell(value)]])]


def _mapping_tables(value: Mapping[Any, Any], caption: str) -> list[Table]:
    if value and all(isinstance(v, Mapping) for v in value.values()):
        return [_matrix(value, caption)]
    tables: list[Table] = []
    pairs: list[list[Cell]] = []
    for key, item in value.items():
        if isinstance(item, Mapping | list) and item and not _is_refs(item):
            tables.extend(tables_for(item, humanise(key)))
        else:
            pairs.append([Cell(humanise(key)), cell(item)])
    if pairs:
        tables.insert(0, Table(caption, ["", ""], pairs))
    return tables


def _records(
    records: Sequence[Mapping[str, Any]], caption: str, chosen: Sequence[str] | None = None
) -> Table:
    keys: list[str] = []
    for record in records:
        keys.extend(k for k in record if k not in keys)
    events = [k for k in EVENT_KEYS if k in keys]
    ordered = [k for k in chosen or () if k in keys]
    if not ordered:
        sentence = next((k for k in SENTENCE_KEYS if k in keys), None)
        first = [k for k in FIRST_KEYS if k in keys and k != sentence]
        rest = [k for k in keys if k not in {*first, *events, sentence} and not _bulky(records, k)]
        ordered = ([sentence] if sentence else []) + first + rest
    columns = [humanise(k) for k in ordered] + (["Events"] if events else [])
    rows = []
    for record in records:
        row = [cell(record.get(k, "")) for k in ordered]
        if events:
            ids = [i for k in events for i in cell(record.get(k)).events]
            row.append(Cell("", list(dict.fromkeys(ids))))
        rows.append(row)
    return Table(caption, columns, rows)


def _bulky(records: Sequence[Mapping[str, Any]], key: str) -> bool:
    """Nested lists of records (a finding's every hit) are left to chronology.json."""
    values = [r.get(key) for r in records]
    return any(isinstance(v, list) and not _is_refs(v) for v in values) or any(
        isinstance(v, Mapping) and not any(k in v for k in (*CELL_KEYS, *EVENT_KEYS))
        for v in values
    )


def _matrix(value: Mapping[Any, Mapping[Any, Any]], caption: str) -> Table:
    columns: list[str] = []
    for inner in value.values():
        columns.extend(str(k) for k in inner if str(k) not in columns)
    rows = []
    for key, inner in value.items():
        lookup = {str(k): v for k, v in inner.items()}
        rows.append([Cell(str(key))] + [cell(lookup.get(c, "")) for c in columns])
    return Table(caption, ["", *(humanise(c) for c in columns)], rows)


def _is_refs(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, str | int | float) or (isinstance(v, Mapping) and "id" in v) for v in value
    )


def cell(value: object) -> Cell:
    """One value as text, with any event references pulled out as links."""
    if value is None or value == "":
        return Cell()
    if isinstance(value, bool):
        return Cell("yes" if value else "no")
    if isinstance(value, str):
        if EVENT_ID.match(value):
            return Cell("", [value])
        text = _short(value)
        return Cell(text.replace("_", " ") if text in MARKED else text, mark=text in MARKED)
    if isinstance(value, Mapping):
        shown = next((value[k] for k in CELL_KEYS if value.get(k) not in (None, "")), None)
        ids = [v for k in EVENT_KEYS for v in cell(value.get(k)).events]
        text = cell(shown).text if shown is not None else _pairs(value)
        return Cell(text, ids)
    if isinstance(value, list):
        parts = [cell(v) for v in value]
        ids = [i for p in parts for i in p.events]
        return Cell(_short("; ".join(p.text for p in parts if p.text)), ids)
    if isinstance(value, float):
        return Cell(f"{value:g}")
    return Cell(_short(str(value)))


def _pairs(value: Mapping[Any, Any]) -> str:
    shown = [f"{humanise(k)}: {cell(v).text}" for k, v in value.items()
             if not isinstance(v, Mapping | list)]  # fmt: skip
    return _short("; ".join(shown))


def _short(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
