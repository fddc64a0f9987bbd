"""``analysis.xlsx``: the analyst checks, one sheet per check.

Sheets: Discrepancies, Recording lag (per-agency summary, then the late entries worst
first), Timescales, Who knew what (indicator × agency matrix: first date and source; rows
known to one agency only are highlighted), Indicator hits (every hit and every negated
mention, so each can be checked against its source row), Contacts by agency (entries, events,
shared events, out of scope, undated, first and last dates) and Contacts by episode (entries
per agency in each key episode). The tables are pandas frames from
``stages.analysis.tables``, imported when this writer runs.

Each sheet prints as the integrated chronology does (landscape A4, one page wide, header row
on every page, title and page number in the footer), with row heights fitted to the wrapped
text (``sheetlayout``). All text is written with ``write_string`` (agency text never becomes
a formula), the file is written atomically, and its creation time is fixed so the same
chronology gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from chronology.model.schema import Chronology
from chronology.privacy.safety import write_with
from chronology.render.colours import TEXT
from chronology.render.ooxml import fit
from chronology.render.sheetlayout import DATE_FORMAT, MARGINS, footer_text, row_height
from chronology.render.xlsx import FIXED_TIME

FILENAME = "analysis.xlsx"
Cell = str | int | float | None
Row = Sequence[Cell]

DISCREPANCY_COLUMNS = ("Kind", "Events", "Agencies", "Dates / times", "Days", "Working days",
                       "Sources", "Detail")  # fmt: skip
LAG_SUMMARY_COLUMNS = ("Agency", "Entries with both dates", "Median days", "Longest (days)",
                       "Threshold (days)", "Over threshold", "Recorded before event")  # fmt: skip
LAG_ENTRY_COLUMNS = ("Agency", "Event", "Source", "Event date", "Recorded on", "Days",
                     "Working days", "Kind", "Text")  # fmt: skip
TIMESCALE_COLUMNS = ("Check", "Edition", "Status", "Start", "Start date", "Start date given by",
                     "End", "End date", "Working days", "Days", "Limit", "Due by", "Events",
                     "Sources", "Detail")  # fmt: skip
HIT_COLUMNS = ("Indicator", "Agency", "Date", "Event", "Source", "Phrase", "Negated", "Excerpt")
STATUS_FILLS = {"missed": "#F8D7DA", "met": "#DDF2DC", "not_evidenced": "#FFF3C4",
                "unclear": "#E6E6E6", "not_due": "#E3ECF7"}  # fmt: skip
SINGLE_AGENCY_FILL = "#FFE8B3"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _join(values: Iterable[object]) -> str:
    return "\n".join(str(v) for v in values)


def discrepancy_rows(chronology: Chronology) -> list[Row]:
    rows: list[Row] = []
    for f in chronology.discrepancies:
        accounts = f.get("accounts") or []
        dates = _join(
            f"{a.get('agency', '')}: {a.get('date') or a.get('time') or ''}" for a in accounts
        )
        agencies = f.get("agencies") or ([f["agency"]] if f.get("agency") else [])
        rows.append([
            f["kind"].replace("_", " "), _join(f.get("events", [])), _join(agencies), dates,
            f.get("days", f.get("minutes")), f.get("working_days"), _join(f.get("sources", [])),
            f.get("detail", ""),
        ])  # fmt: skip
    return rows


def lag_summary_rows(chronology: Chronology) -> list[Row]:
    from chronology.stages.analysis.tables import lag_summary, rows  # noqa: PLC0415 (pandas)

    return list(rows(lag_summary(chronology.analysis.get("lag", []))))


def lag_entry_rows(chronology: Chronology) -> list[Row]:
    entries = [e for s in chronology.analysis.get("lag", []) for e in s["entries"]]
    entries.sort(key=lambda e: (e["kind"] != "late_recording", -abs(e["days"]), e["sources"][0]))
    return [
        [e["agency"], e["events"][0], e["sources"][0], e["date"], e["recorded_on"], e["days"],
         e["working_days"], e["kind"].replace("_", " "), e.get("text", "")]
        for e in entries
    ]  # fmt: skip


def _range(value: Any, span: Any) -> Cell:
    if value is not None:
        return int(value)
    return f"{span[0]}–{span[1]}" if span else None


def timescale_rows(chronology: Chronology) -> list[Row]:
    rows: list[Row] = []
    for f in chronology.analysis.get("timescales", []):
        start, end = f.get("start") or {}, f.get("end") or {}
        unit = str(f["unit"]).replace("_", " ")
        rows.append([
            f["title"], f["edition"], str(f["status"]).replace("_", " "),
            start.get("label", ""), start.get("date", ""), _join(start.get("agencies", [])),
            end.get("label", ""), end.get("date", ""),
            _range(f.get("working_days"), f.get("working_days_range")),
            _range(f.get("days"), f.get("days_range")), f"{f['limit']} {unit}",
            f.get("due") or "", _join(f.get("events", [])), _join(f.get("sources", [])),
            f.get("detail", ""),
        ])  # fmt: skip
    return rows


def matrix(chronology: Chronology) -> tuple[list[str], list[tuple[bool, Row]]]:
    """Columns and rows of the who-knew-what matrix; the flag marks one-agency rows."""
    from chronology.stages.analysis.tables import knowledge_matrix, rows  # noqa: PLC0415

    columns = ["Indicator", "Agencies", "Known to one agency only", *chronology.agencies]
    findings = chronology.analysis.get("indicators", [])
    found: list[tuple[bool, Row]] = []
    for f, cells in zip(findings, rows(knowledge_matrix(chronology)), strict=True):
        single = bool(f.get("single_agency"))
        found.append(
            (single, [f["label"], len(f.get("first", {})), "yes" if single else "", *cells])
        )
    return columns, found


def contact_tables(chronology: Chronology) -> list[tuple[str, list[str], list[Row]]]:
    """The contact summaries: (sheet name, columns, rows), by agency then by episode."""
    from chronology.stages.analysis.tables import (  # noqa: PLC0415 (pandas)
        contacts_by_agency,
        contacts_by_episode,
        rows,
    )

    return [
        (name, [str(c) for c in frame.columns], list(rows(frame)))
        for name, frame in (
            ("Contacts by agency", contacts_by_agency(chronology)),
            ("Contacts by episode", contacts_by_episode(chronology)),
        )
    ]


def hit_rows(chronology: Chronology) -> list[Row]:
    rows: list[Row] = []
    for f in chronology.analysis.get("indicators", []):
        for negated, records in ((False, f.get("hits", [])), (True, f.get("negated", []))):
            rows.extend(
                [f["label"], h["agency"], h["date"], h["event"], h["source"], h["phrase"],
                 "yes" if negated else "", h["excerpt"]]
                for h in records
            )  # fmt: skip
    return rows


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    write_with(target, lambda path: _workbook(chronology, path))
    return [target]


class _Book:
    def __init__(self, path: Path, title: str) -> None:
        options = {"strings_to_formulas": False, "strings_to_urls": False}
        self.title = title
        self.widths: dict[str, list[float]] = {}
        self.book = xlsxwriter.Workbook(str(path), options)
        self.book.set_properties({"created": FIXED_TIME, "title": "Analysis"})
        base = {"text_wrap": True, "valign": "top", "font_color": TEXT, "border": 1,
                "border_color": "#BFBFBF"}  # fmt: skip
        self.plain = self.book.add_format(base)
        self.header = self.book.add_format({**base, "bold": True, "bg_color": "#D9D9D9"})
        self._base = base
        self._dated: dict[int, Any] = {}
        self.fills = {
            name: self.book.add_format({**base, "bg_color": colour})
            for name, colour in {**STATUS_FILLS, "single": SINGLE_AGENCY_FILL}.items()
        }

    def dated(self, style: Any) -> Any:
        """``style`` with the date format, to sort and filter by (made once per style)."""
        if id(style) not in self._dated:
            fill = {"bg_color": style.bg_color} if style.bg_color else {}
            bold = {"bold": True} if style.bold else {}
            self._dated[id(style)] = self.book.add_format(
                {**self._base, **fill, **bold, "num_format": DATE_FORMAT}
            )
        return self._dated[id(style)]

    def sheet(self, name: str, widths: Sequence[float]) -> Any:
        """A new sheet with its column widths and print setup."""
        sheet = self.book.add_worksheet(name)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(**{k: v for k, v in MARGINS.items() if k not in ("header", "footer")})
        sheet.set_footer(footer_text(self.title), {"margin": MARGINS["footer"]})
        self.widths[name] = list(widths)
        return sheet

    def row(self, sheet: Any, number: int, values: Row, style: Any = None) -> None:
        shown = [fit(str(v)) if isinstance(v, str) else v for v in values]
        sheet.set_row(number, row_height(shown, self.widths[sheet.name]))
        for col, value in enumerate(values):
            if value is None or value == "":
                sheet.write_blank(number, col, None, style or self.plain)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(number, col, value, style or self.plain)
            elif isinstance(value, str) and _ISO_DAY.fullmatch(value):  # a true date cell
                day = dt.datetime.strptime(value, "%Y-%m-%d")
                sheet.write_datetime(number, col, day, self.dated(style or self.plain))
            else:
                sheet.write_string(number, col, fit(str(value)), style or self.plain)

    def table(
        self,
        name: str,
        columns: Sequence[str],
        rows: Sequence[Row],
        styles: Sequence[Any] = (),
        widths: Sequence[int] = (),
    ) -> None:
        sheet = self.sheet(name, [*widths, *[16] * (len(columns) - len(widths))])
        self.row(sheet, 0, columns, self.header)
        for number, values in enumerate(rows, start=1):
            self.row(sheet, number, values, styles[number - 1] if styles else None)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(rows)), len(columns) - 1)


def _workbook(chronology: Chronology, path: Path) -> None:
    book = _Book(path, str(chronology.meta.get("title") or "Integrated chronology"))
    book.table("Discrepancies", DISCREPANCY_COLUMNS, discrepancy_rows(chronology),
               widths=(14, 10, 28, 36, 7, 9, 34, 80))  # fmt: skip
    _lag_sheet(book, chronology)
    timescales = timescale_rows(chronology)
    book.table(
        "Timescales",
        TIMESCALE_COLUMNS,
        timescales,
        styles=[book.fills.get(str(r[2]).replace(" ", "_"), book.plain) for r in timescales],
        widths=(30, 28, 12, 22, 14, 26, 22, 14, 9, 7, 16, 12, 10, 34, 80),
    )
    columns, rows = matrix(chronology)
    book.table(
        "Who knew what",
        columns,
        [values for _single, values in rows],
        styles=[book.fills["single"] if single else book.plain for single, _v in rows],
        widths=(34, 9, 12, *[26] * (len(columns) - 3)),
    )
    book.table("Indicator hits", HIT_COLUMNS, hit_rows(chronology),
               widths=(30, 28, 16, 8, 34, 18, 8, 80))  # fmt: skip
    by_agency, by_episode = contact_tables(chronology)
    book.table(*by_agency, widths=(34, 9, 9, 12, 10, 10, 12, 12))
    book.table(*by_episode, widths=(9, 44, 12, 12, 8, 8, 9, *[14] * (len(by_episode[1]) - 7)))
    book.book.close()


def _lag_sheet(book: _Book, chronology: Chronology) -> None:
    sheet = book.sheet("Recording lag", (30, 12, 30, 12, 12, 8, 10, 18, 70))
    number = 0
    book.row(sheet, number, LAG_SUMMARY_COLUMNS, book.header)
    for values in lag_summary_rows(chronology):
        number += 1
        book.row(sheet, number, values)
    number += 2
    threshold = next((s["threshold_days"] for s in chronology.analysis.get("lag", [])), 7)
    title = f"Entries recorded more than {threshold} days after the event, worst first"
    book.row(sheet, number, [title], book.header)
    number += 1
    book.row(sheet, number, LAG_ENTRY_COLUMNS, book.header)
    for values in lag_entry_rows(chronology):
        number += 1
        book.row(sheet, number, values)
    sheet.freeze_panes(1, 0)
