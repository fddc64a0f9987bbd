"""From a raw grid of cells (any format) to located sources, warnings and rejected rows.

Every loader produces ``RawTable`` objects; this module holds everything they share: header
detection, heading mapping, date reading and the accounting that makes sure every non-blank
row ends up as a source or as a located rejection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from chronology.dates.span import (
    DateError,
    DateSpan,
    Precision,
    combine_range,
    parse_date,
    parse_time,
)
from chronology.loaders.cells import cell_text, column_letter, is_blank
from chronology.loaders.header_rows import choose_header_row
from chronology.loaders.headings import find_header_row, normalise_heading
from chronology.loaders.roles import DATE_SHARE, Column, assign_roles, profile
from chronology.model.codes import WarningCode
from chronology.model.errors import Notice, Rejected
from chronology.model.schema import LoadResult, Source

_FOOTER = re.compile(
    r"^\W*(end of (the )?(chronology|report|document|records?)|chronology ends|ends?\b|"
    r"total\b|no further (entries|records)|\*{3})",
    re.IGNORECASE,
)
_UNKNOWN = DateSpan(None, None, Precision.UNKNOWN, "")


@dataclass(slots=True)
class RawTable:
    """A grid as read from one sheet or Word table, with the row number a person sees."""

    file: str
    sheet: str | None
    rows: list[list[object]]
    row_numbers: list[int]
    date1904: bool = False
    school: bool = False  # a school's table: "2019/20" is a school year, not a financial one
    notes: list[Notice] = field(default_factory=list)


@dataclass(slots=True)
class _Layout:
    headings: list[str]
    mapping: dict[int, str]
    header_key: tuple[str, ...]
    extras: list[int]  # columns with no role: told after the narrative, labelled


def unique_headings(cells: Sequence[object]) -> list[str]:
    """Headings as written, made unique (``Notes``, ``Notes (2)``); blanks named by column."""
    seen: dict[str, int] = {}
    names = []
    for index, cell in enumerate(cells):
        name = cell_text(cell) or f"Column {column_letter(index)}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        names.append(name if count == 1 else f"{name} ({count})")
    return names


def locate_header(table: RawTable, overrides: Mapping[str, str] | None) -> int | None:
    """The header row: of the rows that read as headings, the earliest with dates under its
    date column (``header_rows``); failing that, the row whose headings name the date and
    the most else; failing that, the first row of headings with a column of dates below it,
    whatever its headings say."""
    for found in (choose_header_row(table.rows, overrides), find_header_row(table.rows, overrides)):
        if found is not None:
            return found
    return _header_by_content(table)


def _header_by_content(table: RawTable, *, scan: int = 40, sample: int = 50) -> int | None:
    for index, cells in enumerate(table.rows[:scan]):
        texts = [c for c in cells if isinstance(c, str) and c.strip()]
        if len(texts) < 2 or len(texts) < sum(not is_blank(c) for c in cells):
            continue
        below = table.rows[index + 1 : index + 1 + sample]
        for column in range(len(cells)):
            found = profile(
                [r[column] if column < len(r) else None for r in below], date1904=table.date1904
            )
            if found.filled >= 3 and found.dates >= DATE_SHARE:
                return index
    return None


def table_to_sources(
    table: RawTable,
    header_index: int,
    agency: str,
    overrides: Mapping[str, str] | None = None,
) -> LoadResult:
    """Read every row below the header into a source, or a located rejection."""
    columns = table_columns(table, header_index, overrides)
    return sources_from(table, header_index, columns, agency)


def table_columns(
    table: RawTable, header_index: int, overrides: Mapping[str, str] | None = None
) -> list[Column]:
    """Each column's role, by heading and by content."""
    rows = table.rows[header_index + 1 :]
    return assign_roles(table.rows[header_index], rows, overrides, date1904=table.date1904)


def sources_from(
    table: RawTable, header_index: int, columns: Sequence[Column], agency: str
) -> LoadResult:
    """Every row below the header as a source, or a located rejection, its columns' roles
    as ``columns`` says."""
    header = table.rows[header_index]
    layout = _Layout(
        headings=unique_headings(header),
        mapping={c.index: c.role for c in columns if c.role},
        header_key=tuple(normalise_heading(c) for c in header),
        extras=[c.index for c in columns if c.role is None],
    )
    result = LoadResult(warnings=list(table.notes))
    blank_rows: list[int] = []
    for cells, number in zip(
        table.rows[header_index + 1 :], table.row_numbers[header_index + 1 :], strict=True
    ):
        if all(is_blank(c) for c in cells):
            blank_rows.append(number)
            continue
        _read_row(table, layout, cells, number, agency, result)
    if blank_rows:
        result.warnings.append(_blank_notice(table, blank_rows))
    return result


def _blank_notice(table: RawTable, rows: list[int]) -> Notice:
    listed = ", ".join(str(r) for r in rows[:20]) + (" …" if len(rows) > 20 else "")
    noun = "row" if len(rows) == 1 else "rows"
    message = f"skipped {len(rows)} blank {noun}: {listed}"
    return Notice(table.file, table.sheet, rows[0], message, code="row-blank")


def _read_row(
    table: RawTable,
    layout: _Layout,
    cells: Sequence[object],
    number: int,
    agency: str,
    result: LoadResult,
) -> None:
    texts = [cell_text(c) for c in cells]
    texts += [""] * (len(layout.headings) - len(texts))
    fields = dict(zip(layout.headings, texts, strict=False))
    for extra in range(len(layout.headings), len(texts)):
        if texts[extra]:
            fields[f"Column {column_letter(extra)}"] = texts[extra]
    if _repeats_header(cells, layout.header_key):
        result.rejected.append(
            Rejected(
                table.file,
                table.sheet,
                number,
                "repeated heading row",
                _joined(texts),
                code="row-repeated-heading",
            )
        )
        return
    by_field = {name: cells[i] if i < len(cells) else None for i, name in layout.mapping.items()}
    if _is_footer(texts, by_field.get("date")):
        result.rejected.append(
            Rejected(
                table.file, table.sheet, number, "footer line", _joined(texts), code="row-footer"
            )
        )
        return
    span, time = _row_date(table, number, by_field, result.warnings)
    text = {name: texts[i] for i, name in layout.mapping.items()}
    result.sources.append(
        Source(
            agency=agency,
            file=table.file,
            sheet=table.sheet,
            row=number,
            date=span,
            time=time,
            text=text.get("text", ""),
            recorded_on=_recorded_on(table, number, by_field, result.warnings),
            action=text.get("action", ""),
            worker=text.get("worker", ""),
            subject=text.get("subject", ""),
            reference=text.get("reference", ""),
            sequence=_sequence(by_field.get("sequence")),
            fields=fields,
            others=_others(layout, texts),
        )
    )


def _others(layout: _Layout, texts: Sequence[str]) -> str:
    """Every filled cell of a column with no role (and past the headings), a line each
    labelled by its heading: "Analysis: Late."."""
    width = len(layout.headings)
    extra = [i for i in layout.extras if i < len(texts)] + list(range(width, len(texts)))
    return "\n".join(
        f"{layout.headings[i] if i < width else f'Column {column_letter(i)}'}: {texts[i]}"
        for i in extra
        if texts[i]
    )


def _joined(texts: Sequence[str]) -> str:
    return " | ".join(t for t in texts if t)


def _repeats_header(cells: Sequence[object], header_key: tuple[str, ...]) -> bool:
    """A heading row repeated below the header (Word tables carried across pages)."""
    if len(cells) != len(header_key):
        return False
    first = next((i for i, c in enumerate(cells) if isinstance(c, str) and c.strip()), None)
    if first is None:
        return False
    # cheap exact test first (most rows are data): normalising keeps runs of letters and
    # digits, lower-cased, so the heading's first word must be in the cell as it stands
    lead = header_key[first].split(" ", 1)[0]
    if lead not in str(cells[first]).lower():
        return False
    return tuple(normalise_heading(c) for c in cells) == header_key


def _is_footer(texts: list[str], date_cell: object) -> bool:
    filled = [t for t in texts if t]
    if len(filled) != 1 or not _FOOTER.match(filled[0]):
        return False
    return is_blank(date_cell) or cell_text(date_cell) == filled[0]


def _sequence(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(cell_text(value)) if not is_blank(value) else None
    except ValueError:
        return None


def _row_date(
    table: RawTable,
    number: int,
    by_field: Mapping[str, object],
    warnings: list[Notice],
) -> tuple[DateSpan, str | None]:
    def warn(message: str, code: WarningCode) -> None:
        warnings.append(Notice(table.file, table.sheet, number, message, code=code))

    start = _parse_or_warn(by_field.get("date"), table, warn)
    if start.start is None and not start.text:
        warn("no date given; kept as an undated entry", "date-missing")
    if "end_date" in by_field and not is_blank(by_field["end_date"]):
        end = _parse_or_warn(by_field["end_date"], table, warn)
        try:
            start = combine_range(start, end)
        except DateError as exc:
            warn(f"{exc}; the end date is kept in the row's fields only", "date-range-invalid")
    time = start.time
    if not is_blank(by_field.get("time")):
        try:
            time = parse_time(by_field.get("time"))
        except DateError as exc:
            warn(f"time: {exc}", "time-unreadable")
    if time and start.precision == Precision.DAY and start.time != time:
        # one notion of "when": a Time column's time belongs to the day it qualifies
        start = replace(start, time=time)
    return start, time


def _parse_or_warn(
    value: object, table: RawTable, warn: Callable[[str, WarningCode], None]
) -> DateSpan:
    try:
        return parse_date(value, date1904=table.date1904, school=table.school)
    except DateError as exc:
        text = cell_text(value)
        warn(f"date '{text}': {str(exc).rstrip('.')}; kept as an undated entry", "date-unreadable")
        return DateSpan(None, None, Precision.UNKNOWN, text)


def _recorded_on(
    table: RawTable, number: int, by_field: Mapping[str, object], warnings: list[Notice]
) -> DateSpan | None:
    value = by_field.get("recorded_on")
    if is_blank(value):
        return None
    try:
        span = parse_date(value, date1904=table.date1904, school=table.school)
    except DateError as exc:
        message = f"recorded-on date: {exc}"
        warnings.append(
            Notice(table.file, table.sheet, number, message, code="recorded-on-unreadable")
        )
        return None
    return span if span.start is not None else None
