"""``integrated_chronology.xlsx``: one row per event, every source on a second sheet.

Written with XlsxWriter: it streams (constant memory), and ``write_string`` stores agency text
as text, so a planted ``=HYPERLINK(...)`` can never become a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from chronology.render.colours import MULTI_AGENCY, TEXT, agency_colours
from chronology.render.rows import EVENT_COLUMNS, SOURCE_COLUMNS, event_row, source_rows
from chronology.safety import write_with
from chronology.schema import Chronology

FILENAME = "integrated_chronology.xlsx"
EXCEL_CELL_LIMIT = 32767
EVENT_WIDTHS = (8, 22, 10, 7, 26, 80, 40, 16, 30)
SOURCE_WIDTHS = (8, 24, 28, 16, 6, 18, 11, 11, 10, 7, 12, 70, 36, 18, 14, 14, 40)
# A fixed creation date keeps the file byte-identical for the same inputs.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def fit(text: str) -> str:
    """Excel holds 32,767 characters a cell; say so visibly rather than cut silently."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = f" […{len(text) - 32000} more characters: see chronology.json]"
    return text[:32000] + note


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    write_with(target, lambda path: _write_workbook(chronology, path))
    return [target]


def _write_workbook(chronology: Chronology, path: Path) -> None:
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(str(path), options)
    workbook.set_properties({"created": FIXED_TIME, "title": "Integrated chronology"})
    formats = _formats(workbook, chronology.agencies)
    _events_sheet(workbook, chronology, formats)
    _table_sheet(
        workbook, "Sources", SOURCE_COLUMNS, SOURCE_WIDTHS, source_rows(chronology), formats
    )
    problems = [
        [n.file, n.sheet or "", n.row or "", "warning", n.message] for n in chronology.warnings
    ] + [
        [r.file, r.sheet or "", r.row, f"not an event: {r.reason}", r.text]
        for r in chronology.rejected
    ]
    columns = ("File", "Sheet", "Row", "What", "Detail")
    _table_sheet(workbook, "Warnings", columns, (28, 16, 6, 22, 90), problems, formats)
    workbook.close()


def _formats(workbook: Any, agencies: Sequence[str]) -> dict[str, Any]:
    base = {
        "text_wrap": True,
        "valign": "top",
        "font_color": TEXT,
        "border": 1,
        "border_color": "#BFBFBF",
    }
    formats = {
        agency: workbook.add_format({**base, "bg_color": colour})
        for agency, colour in agency_colours(agencies).items()
    }
    formats["_multi"] = workbook.add_format({**base, "bg_color": MULTI_AGENCY})
    formats["_grey"] = workbook.add_format({**base, "font_color": "#595959", "italic": True})
    formats["_plain"] = workbook.add_format(base)
    formats["_header"] = workbook.add_format({**base, "bold": True, "bg_color": "#D9D9D9"})
    return formats


def _header(
    sheet: Any, columns: Sequence[str], widths: Sequence[int], formats: dict[str, Any]
) -> None:
    for col, (name, width) in enumerate(zip(columns, widths, strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, name, formats["_header"])
    sheet.freeze_panes(1, 0)


def _events_sheet(workbook: Any, chronology: Chronology, formats: dict[str, Any]) -> None:
    sheet = workbook.add_worksheet("Integrated chronology")
    _header(sheet, EVENT_COLUMNS, EVENT_WIDTHS, formats)
    for number, event in enumerate(chronology.events, start=1):
        if "out_of_scope" in event.flags:
            style = formats["_grey"]
        elif len(event.agencies) > 1:
            style = formats["_multi"]
        else:
            style = (
                formats.get(event.agencies[0], formats["_plain"])
                if event.agencies
                else formats["_plain"]
            )
        for col, value in enumerate(event_row(event)):
            sheet.write_string(number, col, fit(value), style)
    sheet.autofilter(0, 0, max(1, len(chronology.events)), len(EVENT_COLUMNS) - 1)


def _table_sheet(
    workbook: Any,
    name: str,
    columns: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[Sequence[object]],
    formats: dict[str, Any],
) -> None:
    sheet = workbook.add_worksheet(name)
    _header(sheet, columns, widths, formats)
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(count, col, value, formats["_plain"])
            else:
                sheet.write_string(count, col, fit(str(value)), formats["_plain"])
    sheet.autofilter(0, 0, max(1, count), len(columns) - 1)
