"""A minimal streaming xlsx writer: text, number and date cells, fills, wrapping, frozen
header, autofilter, column widths, row heights fitted to the text and a print setup
(``sheetlayout``) — exactly what the integrated chronology needs, and no more.

Why not XlsxWriter: its per-cell bookkeeping made the Excel export the single largest cost of a
100,000-row merge. Here a row is one string join. Every text cell is an inline string
(``t="inlineStr"``), so nothing written can ever be evaluated as a formula.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, cast

from chronology.loaders.cells import column_letter
from chronology.render import sheetlayout
from chronology.render.sheetlayout import DATE_FORMAT, print_setup_xml, row_height

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# XML 1.0 cannot carry most control characters; OOXML spells them _xHHHH_.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# zlib level 1, the fastest: the workbook is written afresh on every run
_LEVEL = 1
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can hold: no run's time leaks in
EXCEL_CELL_LIMIT = 32767
SHEET_ROWS = 1_048_575  # data rows a worksheet holds under its header row


def fit(text: str) -> str:
    """Excel holds 32,767 characters a cell; say so visibly rather than cut silently."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = f" […{len(text) - 32000} more characters: see chronology.json]"
    return text[:32000] + note


def _plain(text: str) -> bool:
    """Nothing in ``text`` to escape: found with substring tests first, faster than a
    regular expression scan; a printable text holds no control character (only text with
    line breaks, tabs and the like is scanned)."""
    if "&" in text or "<" in text or ">" in text:
        return False
    return text.isprintable() or not _ILLEGAL.search(text)


def _text(value: str) -> str:
    if len(value) > EXCEL_CELL_LIMIT:
        value = fit(value)
    if _plain(value):
        return value  # most cells: nothing to escape
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


@dataclass(frozen=True, slots=True)
class Style:
    fill: str | None = None  # "#RRGGBB"
    font_colour: str = "#1A1A1A"
    bold: bool = False
    italic: bool = False
    wrap: bool = True
    number_format: str | None = None  # e.g. "dd/mm/yyyy" for date cells


@dataclass(slots=True)
class Sheet:
    name: str
    columns: Sequence[str]
    widths: Sequence[float]
    rows: Iterable[tuple[Style, Sequence[object]]]
    header_style: Style = field(default_factory=lambda: Style(fill="#D9D9D9", bold=True))
    # The review's title for the printed footer; None: no print setup.
    print_title: str | None = None


class _Styles:
    """Collects the distinct cell styles and writes ``styles.xml``."""

    def __init__(self) -> None:
        self.index: dict[Style, int] = {Style(wrap=False): 0}

    def id(self, style: Style) -> int:
        return self.index.setdefault(style, len(self.index))

    def xml(self) -> str:
        styles = list(self.index)
        fonts = list(dict.fromkeys((s.font_colour, s.bold, s.italic) for s in styles))
        fills = list(dict.fromkeys(s.fill for s in styles if s.fill))
        font_xml = "".join(
            f'<font>{"<b/>" if b else ""}{"<i/>" if i else ""}<sz val="11"/>'
            f'<color rgb="FF{c[1:]}"/><name val="Calibri"/><family val="2"/></font>'
            for c, b, i in fonts
        )
        fill_xml = (
            '<fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill>'
        )
        fill_xml += "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{f[1:]}"/>'
            '<bgColor indexed="64"/></patternFill></fill>'
            for f in fills
        )
        edge = '<{0} style="thin"><color rgb="FFBFBFBF"/></{0}>'
        border = (
            "<border>"
            + "".join(edge.format(e) for e in ("left", "right", "top", "bottom"))
            + "<diagonal/></border>"
        )
        formats = self._formats()
        xfs = "".join(self._xf(s, fonts, fills, formats) for s in styles)
        format_xml = "".join(
            f'<numFmt numFmtId="{number}" formatCode="{_text(code)}"/>'
            for code, number in formats.items()
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {_NS}>'
            + (f'<numFmts count="{len(formats)}">{format_xml}</numFmts>' if formats else "")
            + f'<fonts count="{len(fonts)}">{font_xml}</fonts>'
            f'<fills count="{len(fills) + 2}">{fill_xml}</fills>'
            '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            f"{border}</borders>"
            '<cellStyleXfs count="1">'
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(styles)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )

    def _formats(self) -> dict[str, int]:
        """The custom number formats, numbered from 164 (the first id not built in)."""
        codes = dict.fromkeys(s.number_format for s in self.index if s.number_format)
        return {code: 164 + n for n, code in enumerate(codes) if code}

    @staticmethod
    def _xf(
        style: Style,
        fonts: list[tuple[str, bool, bool]],
        fills: list[str],
        formats: dict[str, int],
    ) -> str:
        font = fonts.index((style.font_colour, style.bold, style.italic))
        fill = fills.index(style.fill) + 2 if style.fill else 0
        border = 0 if style == Style(wrap=False) else 1
        align = '<alignment vertical="top" wrapText="1"/>' if style.wrap else ""
        number = formats.get(style.number_format or "", 0)
        applied = ' applyNumberFormat="1"' if number else ""
        return (
            f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" '
            f'xfId="0"{applied} applyFont="1" applyFill="1" applyBorder="1" '
            f'applyAlignment="1">{align}</xf>'
        )


# Cells carry no reference: written in order (empty ones as bare styled cells), they fall in
# their columns without a per-cell "C12" string to build.
_INLINE = '<c s="{}" t="inlineStr"><is><t>{}</t></is></c>'
# only text with leading or trailing white space needs telling to keep it
_INLINE_KEEP = '<c s="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>'


def _cell(value: object, style: str, date_style: str | None = None) -> str:
    if type(value) is dt.date:
        return f'<c s="{date_style or style}"><v>{sheetlayout.serial(value)}</v></c>'
    if type(value) is Raw:
        return value.xml.replace(_STYLE_SLOT, style)
    if type(value) is str:
        if not value:
            return f'<c s="{style}"/>'
        padded = value[0].isspace() or value[-1].isspace()
        return (_INLINE_KEEP if padded else _INLINE).format(style, _text(value))
    if value is None:
        return f'<c s="{style}"/>'
    if isinstance(value, bool):
        return _INLINE.format(style, "TRUE" if value else "FALSE")
    if isinstance(value, int | float):
        return f'<c s="{style}"><v>{value!r}</v></c>'
    return _INLINE.format(style, _text(str(value)))


@dataclass(frozen=True, slots=True)
class Raw:
    """Cells already written (by ``cells_xml``), to be given the row's style."""

    xml: str


# Where ``cells_xml`` leaves the style: a control character, which no escaped text holds.
_STYLE_SLOT = "\x01"


def cells_xml(cells: Sequence[object]) -> str:
    """The XML of ``cells``, as a row would hold them, made ahead of the row (``Raw``)."""
    return _cells_xml(cells, _STYLE_SLOT)


def _row_xml(number: int, cells: Sequence[object], style: Style, layout: _Layout) -> str:
    """The row, its height fitted to its wrapped text, a date cell in the row's colours."""
    tag = str(layout.styles.id(style))
    dates = str(layout.styles.id(replace(style, number_format=DATE_FORMAT)))
    height = row_height(cells, layout.widths)
    return (
        f'<row r="{number}" s="{tag}" customFormat="1" ht="{height:g}" customHeight="1">'
        f"{_cells_xml(cells, tag, dates)}</row>"
    )


@dataclass(frozen=True, slots=True)
class _Layout:
    styles: _Styles
    widths: Sequence[float]


def _cells_xml(cells: Sequence[object], tag: str, date_tag: str | None = None) -> str:
    runs = itertools.groupby(cells, type)  # runs of text cells between numbers and blanks
    return "".join(
        [
            _text_cells(cast("list[str]", list(run)), tag)
            if kind is str
            else "".join([_cell(value, tag, date_tag) for value in run])
            for kind, run in runs
        ]
    )


def _text_cells(values: Sequence[str], tag: str) -> str:
    """Consecutive text cells, built a run at a time: one comparison finds whether any needs
    keeping its white space and one scan whether any needs escaping (both rare), and joins
    do the rest, so a cell costs no Python call of its own. The same XML as ``_cell``."""
    if not values or [v.strip() for v in values] != values:
        return "".join([_cell(v, tag) for v in values])
    joined = "".join(values)
    if len(joined) > EXCEL_CELL_LIMIT or not _plain(joined):
        values = [_text(v) for v in values]
    opening, closing = _inline_parts(tag)
    cells = opening + (closing + opening).join(values) + closing
    return cells.replace(opening + closing, f'<c s="{tag}"/>') if "" in values else cells


@functools.cache
def _inline_parts(tag: str) -> tuple[str, str]:
    opening, closing = _INLINE.format(tag, "\x00").split("\x00")
    return opening, closing


def _write_sheet(archive: zipfile.ZipFile, path: str, sheet: Sheet, styles: _Styles) -> int:
    """Stream one worksheet; returns the number of data rows written."""
    with archive.open(_member(path), "w", force_zip64=True) as stream:
        return _write_rows(stream, sheet, styles)


def _member(name: str) -> zipfile.ZipInfo:
    """A package part with a fixed time, so the same rows give the same bytes."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    return info


def _write_rows(stream: IO[bytes], sheet: Sheet, styles: _Styles) -> int:
    cols = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(sheet.widths)
    )
    fit = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if sheet.print_title else ""
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet {_NS} xmlns:r="{_REL_NS}">{fit}'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )
    stream.write(head.encode())
    layout = _Layout(styles, sheet.widths)
    stream.write(_row_xml(1, sheet.columns, sheet.header_style, layout).encode())
    count = 0
    chunk: list[str] = []
    for count, (style, cells) in enumerate(sheet.rows, start=1):
        chunk.append(_row_xml(count + 1, cells, style, layout))
        if len(chunk) >= 2000:
            stream.write("".join(chunk).encode())
            chunk.clear()
    stream.write("".join(chunk).encode())
    last = column_letter(len(sheet.columns) - 1)
    stream.write(
        f'</sheetData><autoFilter ref="A1:{last}{max(2, count + 1)}"/>'
        f"{print_setup_xml(sheet.print_title)}</worksheet>".encode()
    )
    return count


def write_workbook(path: Path, sheets: Sequence[Sheet], title: str) -> None:
    styles = _Styles()
    extents: list[tuple[Sheet, int]] = []
    with zipfile.ZipFile(path, "w", compresslevel=_LEVEL) as archive:
        for part in (part for sheet in sheets for part in _parts(sheet)):
            number = len(extents) + 1
            rows = _write_sheet(archive, f"xl/worksheets/sheet{number}.xml", part, styles)
            extents.append((part, rows))
        for name, xml in _package_parts(extents, title, styles).items():
            archive.writestr(_member(name), xml)


def _parts(sheet: Sheet) -> Iterator[Sheet]:
    """The sheet, continued on "Name (2)", "Name (3)"… past Excel's row limit: nothing
    is cut off, and Excel opens the workbook without repairing it."""
    rows = iter(sheet.rows)
    for number in itertools.count(1):
        name = sheet.name if number == 1 else f"{sheet.name} ({number})"
        yield replace(sheet, name=name, rows=itertools.islice(rows, SHEET_ROWS))
        following = next(rows, None)
        if following is None:
            return
        rows = itertools.chain([following], rows)


def _package_parts(extents: list[tuple[Sheet, int]], title: str, styles: _Styles) -> dict[str, str]:
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    count = len(extents)
    sheets = "".join(
        f'<sheet name="{_text(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (s, _) in enumerate(extents, 1)
    )
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"'{_text(s.name)}'!$A$1:${column_letter(len(s.columns) - 1)}${max(2, n + 1)}</definedName>"
        for i, (s, n) in enumerate(extents)
    ) + "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
        f"'{_text(s.name)}'!$1:$1</definedName>"
        for i, (s, _) in enumerate(extents)
        if s.print_title is not None
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    package = "http://schemas.openxmlformats.org/package/2006"
    return {
        "[Content_Types].xml": (
            f'{xml}<Types xmlns="{package}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'{xml}<Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{package}/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>'
        ),
        "docProps/core.xml": (
            f'{xml}<cp:coreProperties xmlns:cp="{package}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator>chronology</dc:creator></cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'{xml}<workbook {_NS} xmlns:r="{_REL_NS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{sheets}</sheets><definedNames>{names}</definedNames></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{xml}<Relationships xmlns="{package}/relationships">{sheet_rels}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": styles.xml(),
    }
