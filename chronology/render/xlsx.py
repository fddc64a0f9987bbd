"""``integrated_chronology.xlsx``: one row per event, every source on a second sheet, every
warning and set-aside row on a third, the import report (each input column's role) on a fourth.

Rows are filled in their agency's colour (the same as the HTML report), multi-agency events
grey, out-of-scope events greyed italic; frozen header, autofilter, wrapped text in rows as
tall as it needs, a true date column to sort by beside the agencies' own wording, and a print
setup (landscape A4, one page wide, header row on every page, title and page in the footer).
Written by ``ooxml``: every text cell is an inline string, so nothing can run as a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from chronology.loaders.report import IMPORT_COLUMNS, import_rows
from chronology.model.schema import Chronology, Event
from chronology.privacy.safety import write_with
from chronology.render.colours import MULTI_AGENCY, TEXT, agency_colours
from chronology.render.ooxml import Sheet, Style, write_workbook
from chronology.render.rows import EVENT_COLUMNS, SOURCE_COLUMNS, event_rows, source_row

FILENAME = "integrated_chronology.xlsx"
EVENT_WIDTHS = (7, 7, 20, 11, 9, 6, 22, 64, 36, 36, 14, 14, 26)
SOURCE_WIDTHS = (7, 22, 24, 14, 5, 16, 11, 11, 9, 6, 11, 60, 32, 32, 16, 12, 14, 36)
PROBLEM_COLUMNS = ("File", "Sheet", "Row", "What", "Code", "Detail")
IMPORT_WIDTHS = (28, 26, 18, 16, 7, 7, 26, 12, 12, 9, 8, 7, 8, 8, 8, 8)
# Fixed document dates keep other workbooks (analysis.xlsx) byte-identical for the same inputs.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
PLAIN = Style()
GREY = Style(font_colour="#595959", italic=True)


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    title = str(chronology.meta.get("title") or "Integrated chronology")
    sheets = [
        Sheet(
            "Integrated chronology",
            EVENT_COLUMNS,
            EVENT_WIDTHS,
            _event_rows(chronology),
            print_title=title,
        ),
        Sheet(
            "Sources", SOURCE_COLUMNS, SOURCE_WIDTHS, _source_rows(chronology), print_title=title
        ),
        Sheet(
            "Warnings",
            PROBLEM_COLUMNS,
            (28, 16, 6, 22, 24, 90),
            _plain(_problems(chronology)),
            print_title=title,
        ),
        Sheet(
            "Import report",
            IMPORT_COLUMNS,
            IMPORT_WIDTHS,
            _plain(iter(_imports(chronology))),
            print_title=title,
        ),
    ]
    write_with(target, lambda path: write_workbook(path, sheets, title))
    return [target]


def _event_rows(chronology: Chronology) -> Iterator[tuple[Style, Sequence[object]]]:
    fills = {
        agency: Style(fill=colour, font_colour=TEXT)
        for agency, colour in agency_colours(chronology.agencies).items()
    }
    multi = Style(fill=MULTI_AGENCY, font_colour=TEXT)
    for event, row in zip(chronology.events, event_rows(chronology), strict=True):
        yield _event_style(event, fills, multi), row


def _event_style(event: Event, fills: dict[str, Style], multi: Style) -> Style:
    if "out_of_scope" in event.flags:
        return GREY
    if len(event.agencies) > 1:
        return multi
    return fills.get(event.agencies[0], PLAIN) if event.agencies else PLAIN


def _source_rows(chronology: Chronology) -> Iterator[tuple[Style, Sequence[object]]]:
    """Each source's row (built here: its height is fitted to its cells)."""
    for event in chronology.events:
        for source in event.sources:
            yield PLAIN, source_row(event, source)


def _plain(rows: Iterator[Sequence[object]]) -> Iterator[tuple[Style, Sequence[object]]]:
    for row in rows:
        yield PLAIN, row


def _imports(chronology: Chronology) -> list[list[object]]:
    return import_rows(chronology.meta.get("inputs", []))


def _problems(chronology: Chronology) -> Iterator[Sequence[object]]:
    for n in chronology.warnings:
        row = n.row if n.row is not None else ""
        yield [n.file, n.sheet or "", row, "warning", n.code or "", n.message]
    for r in chronology.rejected:
        yield [r.file, r.sheet or "", r.row, f"not an event: {r.reason}", r.code or "", r.text]
