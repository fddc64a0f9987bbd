"""Writers for the corpus formats: each returns where every data row landed.

A placement is ``(sheet or None, 1-based row)`` counted the way chronology.json's
``sources[].row`` counts: the physical spreadsheet row, the csv line, the Word table row
(header = 1). Cover-sheet rows are returned separately: they are not events.
Output bytes are fixed: zip members get one timestamp, document properties one date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import xlwt
from docx import Document
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from tests.corpus.model import Agency

Placement = tuple[str | None, int]
FIXED = dt.datetime(2024, 3, 1, 9, 0, 0)
CONTINUATION = "Continuation"


def write(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    """Write one agency's file; return (data row placements, non-event row placements)."""
    writer = {
        "xlsx": _xlsx,
        "xls": _xls,
        "ods": _ods,
        "csv1252": _csv1252,
        "csvsemi": _csvsemi,
        "docx": _docx,
    }[agency.fmt]
    return writer(agency, path)


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def _chunks(agency: Agency) -> list[tuple[str, list[tuple[object, ...]]]]:
    """The sheets the data rows go on: the main sheet, then any continuation sheet."""
    cells = [r.cells for r in agency.rows]
    cut = agency.continuation_after
    if cut is None:
        return [(agency.sheet, cells)]
    return [(agency.sheet, cells[:cut]), (CONTINUATION, cells[cut:])]


def _xlsx(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    wb = openpyxl.Workbook()
    if agency.date1904:
        wb.epoch = CALENDAR_MAC_1904
    wb.remove(wb.active)
    skipped: list[Placement] = []
    if agency.cover is not None:
        ws = wb.create_sheet("Cover")
        for line in agency.title:
            ws.append([line])
        ws.append([])
        start = ws.max_row + 1
        for cover_row in agency.cover:
            ws.append(cover_row)
        skipped += [("Cover", n) for n in range(start + 1, ws.max_row + 1)]  # (its header too)
    placed: list[Placement] = []
    for number, (sheet, cells) in enumerate(_chunks(agency)):
        ws = wb.create_sheet(sheet)
        if number == 0 and agency.cover is None:
            for line in agency.title:
                ws.append([line])
            if agency.title:
                ws.append([])
        ws.append(agency.headings)
        for values in cells:
            ws.append(list(values))
            placed.append((sheet, ws.max_row))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = wb.properties.lastModifiedBy = agency.name
    wb.save(path)
    _normalise_zip(path)
    return placed, skipped


def _xls(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    book = xlwt.Workbook(encoding="utf-8")
    day_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    time_style = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    placed: list[Placement] = []
    for number, (sheet, cells) in enumerate(_chunks(agency)):
        ws = book.add_sheet(sheet)
        at = 0
        if number == 0:
            for line in agency.title:
                ws.write(at, 0, line)
                at += 1
            at += 1 if agency.title else 0
        for col, heading in enumerate(agency.headings):
            ws.write(at, col, heading)
        for values in cells:
            at += 1
            for col, value in enumerate(values):
                if isinstance(value, dt.datetime):
                    ws.write(at, col, value, time_style)
                elif isinstance(value, dt.date):
                    ws.write(at, col, value, day_style)
                elif value is not None:
                    ws.write(at, col, value)
            placed.append((sheet, at + 1))
    book.save(str(path))
    return placed, []


def _ods(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    doc = OpenDocumentSpreadsheet()
    placed: list[Placement] = []
    for number, (sheet, cells) in enumerate(_chunks(agency)):
        table = Table(name=sheet)
        at = 0
        lines = [[line] for line in agency.title] + ([[]] if agency.title else [])
        for values in [*(lines if number == 0 else []), agency.headings, *cells]:
            table.addElement(_ods_row(values))
            at += 1
        placed += [(sheet, n) for n in range(at - len(cells) + 1, at + 1)]
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    _normalise_zip(path)
    return placed, []


def _ods_row(values: list[object] | tuple[object, ...]) -> TableRow:
    out = TableRow()
    for value in values:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            cell = TableCell(valuetype="date", datevalue=value.isoformat())
        elif isinstance(value, int | float) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=value)
        else:
            cell = TableCell(valuetype="string")
        if value is not None:
            cell.addElement(P(text=_text(value)))
        out.addElement(cell)
    return out


def _csv(agency: Agency, path: Path, encoding: str, delimiter: str) -> list[Placement]:
    if agency.continuation_after is not None or agency.title:
        raise ValueError(f"{agency.file}: csv has no title block or continuation sheet")
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(agency.headings)
    for values in (r.cells for r in agency.rows):
        out.writerow([_text(v) for v in values])
    path.write_bytes(buf.getvalue().encode(encoding))
    return [(None, n + 2) for n in range(len(agency.rows))]


def _csv1252(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    return _csv(agency, path, "cp1252", ","), []


def _csvsemi(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    return _csv(agency, path, "utf-8-sig", ";"), []


def _docx(agency: Agency, path: Path) -> tuple[list[Placement], list[Placement]]:
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = FIXED
    doc.core_properties.author = agency.name
    for line in agency.title:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(agency.headings))
    for cell, heading in zip(table.rows[0].cells, agency.headings, strict=True):
        cell.text = heading
    for values in (r.cells for r in agency.rows):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = _text(value)
    doc.save(str(path))
    _normalise_zip(path)
    return [("Table 1", n + 2) for n in range(len(agency.rows))], []


def _normalise_zip(path: Path) -> None:
    """Fixed member timestamps and property dates, so a rerun writes identical bytes."""
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%S").encode()
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info, data in members:
            body = data
            if info.filename in {"docProps/core.xml", "meta.xml"}:
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?", stamp, body)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            member.compress_type = info.compress_type
            member.external_attr = 0o644 << 16
            zout.writestr(member, body)
    path.write_bytes(buf.getvalue())
