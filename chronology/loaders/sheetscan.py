"""What calamine does not say about an xlsx sheet, read from the sheet's XML before it loads.

- Formulas: calamine reads each formula's last calculated value, and a formula never
  calculated (no cached value) as blank. Both are reported, so that nothing vanishes silently.
- Error values (``#REF!``, ``#N/A``): calamine reads them as blank; we keep their text.
- The sheet's extent: calamine builds a dense grid from the first to the last cell, so one
  stray cell at XFD1048576 would need 17 billion cells and abort the process. We refuse first.

One streaming pass per sheet looks for cheap markers; the precise cell parse runs only on
sheets that have formulas or errors.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from posixpath import join, normpath

from defusedxml import ElementTree

from chronology.model.errors import TooLargeError

CHUNK = 1 << 20
MAX_GRID_CELLS = 20_000_000  # about 640 MB inside calamine, before Python sees a row
_NARROW_COLUMNS = 26  # with no two-letter cell reference, the sheet ends by column Z
# A cell in column AA or beyond, or any reference at row 1,000,000 or beyond, however the
# attribute is written: spaces around '=' and lower-case letters are valid XML that calamine
# reads (and then builds the grid they reach). Attributes ending in r ('header="0.3"') never
# match, because 'r' must follow a space.
_FAR = re.compile(rb'\sr\s*=\s*["\'](?:([A-Za-z]{2,3})([0-9]+)|([A-Za-z]?)([0-9]{7,}))["\']')
_ROW = re.compile(rb'[<:]row\b[^>]*?\sr\s*=\s*["\']([0-9]+)')
# a row or cell tag; a cell with no reference sits after the one before it
_TAG = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s>/])([^>]*)")
_NUMBERED = re.compile(rb"\sr\s*=")
_LONGEST_TAG = 4096
_PREFIX = re.compile(rb"<(\w+:)?sheetData\b")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.DOTALL)
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(slots=True)
class CellError:
    row: int  # 1-based, as Excel shows it
    column: int  # 0-based
    ref: str
    text: str


@dataclass(slots=True)
class SheetScan:
    formulas: list[str] = field(default_factory=list)
    uncached: list[str] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    # number cells holding 60: in a date format, Excel's 29/02/1900, which calamine reads
    # as 28/02/1900 without a word
    leap_day: list[CellError] = field(default_factory=list)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip part holding its XML, from workbook.xml and its relationships."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.get("Id")}
    parts = {}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(f"{{{_RELS}}}id"))
        if target:
            parts[sheet.get("name", "")] = _part_name(target)
    return parts


def _part_name(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))


@dataclass(slots=True)
class _Extent:
    """The furthest row and column seen (1-based), and the reference that reached them.
    Rows and cells may leave out their reference and sit after the one before; those
    are counted, so that a grid built from implied positions is bounded too."""

    rows: int = 0
    columns: int = 0
    ref: str = ""
    unnumbered_rows: int = 0
    cells_in_row: int = 0
    widest_row: int = 0

    def see(self, letters: bytes, digits: bytes) -> None:
        row, column = int(digits), _column_number(letters.decode().upper())
        if row > self.rows or column > self.columns:
            self.ref = (letters + digits).decode().upper()
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)

    def scan(self, window: bytes) -> None:
        for wide, wide_row, deep, deep_row in _FAR.findall(window):
            self.see(wide or deep, wide_row or deep_row)
        for found in _ROW.finditer(window):
            self.rows = max(self.rows, int(found.group(1)))

    def count(self, chunk: bytes) -> None:
        """Count rows and cells that give no reference (Excel always writes one, so only
        an odd or hostile file pays for this loop)."""
        for tag, attributes in _TAG.findall(chunk):
            if tag == b"row":
                self.unnumbered_rows += _NUMBERED.search(attributes) is None
                self.cells_in_row = 0
            else:
                self.cells_in_row += 1
                self.widest_row = max(self.widest_row, self.cells_in_row)

    def grid(self) -> tuple[int, int]:
        """Rows and columns the grid may need, at most (an upper bound when positions are
        implied: every unnumbered row or cell is taken to sit after the furthest one)."""
        return self.rows + self.unnumbered_rows, self.columns + self.widest_row


def _unnumbered(chunk: bytes) -> bool:
    """Whether any row or cell tag in ``chunk`` may lack its reference."""
    tags = len(_TAG.findall(chunk))
    return tags > len(_NUMBERED.findall(chunk))


def scan_sheet(archive: zipfile.ZipFile, part: str, display: str, sheet: str) -> SheetScan:
    """Refuse a sheet whose cells span an impossible grid; list its formulas and errors."""
    marked, extent, markers = False, _Extent(), (b"</f>", b't="e"', b">60</")
    counting = False
    with archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            if not tail and (prefix := _PREFIX.search(window)) and prefix.group(1):
                markers = (b"</" + prefix.group(1) + b"f>", b't="e"', b">60</")  # <x:f>
            marked = marked or any(m in window for m in markers)
            extent.scan(window)
            cut = window.rfind(b"<")  # a tag cut off by the chunk waits for the next one
            if cut < len(window) - _LONGEST_TAG:
                cut = len(window)
            whole, tail = window[:cut], window[cut:]
            counting = counting or _unnumbered(whole)
            if counting:
                extent.count(whole)
    _check_grid(extent, display, sheet)
    return _cells(archive.read(part)) if marked else SheetScan()


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _check_grid(extent: _Extent, display: str, sheet: str) -> None:
    rows, columns = extent.grid()
    columns = max(columns, _NARROW_COLUMNS)
    if rows * columns <= MAX_GRID_CELLS:
        return
    where = f"as far out as {extent.ref}" if extent.ref else f"down to row {rows:,}"
    raise TooLargeError(
        f"the sheet has cells {where}, so reading it needs a grid of {rows * columns:,} cells "
        f"(limit {MAX_GRID_CELLS:,}); usually a stray entry far below or to the right of "
        "the chronology",
        file=display,
        sheet=sheet,
    )


def _cells(xml: bytes) -> SheetScan:
    """The precise pass: every cell holding a formula or an error value."""
    scan = SheetScan()
    for match in _CELL.finditer(xml):
        attrs = dict(_ATTR.findall(match.group(1)))
        inner = match.group(2) or b""
        ref = attrs.get(b"r", b"").decode()
        has_formula = _FORMULA.search(inner) is not None
        value = _VALUE.search(inner)
        if has_formula:
            scan.formulas.append(ref)
            if value is None or not value.group(1):
                scan.uncached.append(ref)
        if attrs.get(b"t") == b"e" and value is not None and ref:
            scan.errors.append(_error(ref, value.group(1).decode(errors="replace")))
        elif attrs.get(b"t", b"n") == b"n" and value is not None and value.group(1) == b"60":
            scan.leap_day.append(_error(ref, "60"))
    return scan


def _error(ref: str, text: str) -> CellError:
    found = _REF.fullmatch(ref)
    row, column = (int(found.group(2)), _column_number(found.group(1)) - 1) if found else (0, 0)
    return CellError(row, column, ref, text)
