"""xlsx, xlsm, xls and ods, all read with calamine (fast, and it reads cached formula values).

Before calamine sees a zip-based workbook, ``package`` refuses zip bombs and XML entity
declarations, and (xlsx/xlsm) ``sheetscan`` refuses impossible sheet extents and finds the
formulas and error values that calamine would read silently or as blanks.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import python_calamine as calamine
from defusedxml import DefusedXmlException, ElementTree

from chronology.loaders import odsscan, package, sheetscan
from chronology.loaders.cells import column_letter
from chronology.loaders.table import RawTable
from chronology.model.errors import CorruptFileError, EncryptedFileError, Notice, TooLargeError

T = TypeVar("T")
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
_OOXML = (".xlsx", ".xlsm")
_OLE = b"\xd0\xcf\x11\xe0"
_OLE_SCAN_BYTES = 64 << 20
_CALAMINE_ERRORS = (
    calamine.CalamineError,
    calamine.ZipError,
    calamine.XmlError,
    calamine.WorksheetNotFound,
    ValueError,
    OSError,
)


def read_tables(path: Path, display: str) -> Iterator[RawTable]:
    """One ``RawTable`` per worksheet, rows numbered as Excel shows them."""
    scans = _scan(path, display)
    workbook = _open(path, display)
    date1904 = _uses_1904_dates(path)
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            yield _table(workbook, meta.name, display, date1904, scans.get(meta.name))
    finally:
        workbook.close()


def _scan(path: Path, display: str) -> dict[str, sheetscan.SheetScan]:
    suffix = path.suffix.lower()
    if suffix not in package.EXTENSIONS:
        return {}
    package.check_package(path, display)
    if suffix not in _OOXML:
        with package.open_package(path, display) as archive:
            odsscan.check_repeats(archive, display)
        return {}
    with package.open_package(path, display) as archive:
        parts = sheetscan.sheet_parts(archive)
        return {
            name: sheetscan.scan_sheet(archive, part, display, name)
            for name, part in parts.items()
            if part in archive.NameToInfo
        }


def _open(path: Path, display: str) -> calamine.CalamineWorkbook:
    try:
        return _guard(lambda: calamine.CalamineWorkbook.from_path(str(path)), display, None)
    except calamine.PasswordError as exc:
        raise EncryptedFileError("the workbook is password-protected", file=display) from exc
    except CorruptFileError as exc:
        if is_encrypted_package(path):  # an encrypted xlsx given an .xls name
            raise EncryptedFileError(
                "the file is password-protected (encrypted)", file=display
            ) from exc
        raise


def is_encrypted_package(path: Path) -> bool:
    """An OLE container holding an ``EncryptedPackage`` stream: Office password protection."""
    try:
        with path.open("rb") as stream:
            data = stream.read(_OLE_SCAN_BYTES)
    except OSError:
        return False
    return data.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") in data


def _guard(read: Callable[[], T], display: str, sheet: str | None) -> T:
    """Run a calamine call; its errors, and its Rust panics, become a ``CorruptFileError``."""
    try:
        return read()
    except calamine.PasswordError:
        raise
    except _CALAMINE_ERRORS as exc:
        if "cell limit" in str(exc).lower():  # calamine's own guard (ods): a stray far cell
            raise TooLargeError(
                f"the sheet spans too many cells to read ({exc})", file=display, sheet=sheet
            ) from exc
        raise CorruptFileError(
            f"cannot read the workbook ({exc})", file=display, sheet=sheet
        ) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # pyo3 panics derive from BaseException
            raise
        raise CorruptFileError(
            f"cannot read the workbook (the reader failed: {exc})", file=display, sheet=sheet
        ) from exc


def _table(
    workbook: calamine.CalamineWorkbook,
    name: str,
    display: str,
    date1904: bool,
    scan: sheetscan.SheetScan | None,
) -> RawTable:
    sheet = _guard(lambda: workbook.get_sheet_by_name(name), display, name)
    read = sheet.to_python
    rows = cast("list[list[object]]", _guard(lambda: read(skip_empty_area=True), display, name))
    top, left = sheet.start or (0, 0)
    table = RawTable(
        file=display,
        sheet=name,
        rows=rows,
        row_numbers=list(range(top + 1, top + 1 + len(rows))),
        date1904=date1904,
    )
    if scan is not None:
        _apply_scan(table, scan, top, left)
    merged = _guard(lambda: sheet.merged_cell_ranges, display, name) or []
    table.notes.extend(_merged_notes(display, name, merged))
    return table


def _apply_scan(table: RawTable, scan: sheetscan.SheetScan, top: int, left: int) -> None:
    """Report formulas; put back the error values (``#REF!``) that calamine reads as blank."""
    file, sheet = table.file, table.sheet
    if scan.formulas:
        table.notes.append(
            Notice(
                file,
                sheet,
                None,
                _formula_message(scan.formulas),
                code="cell-formula",
            )
        )
    for ref in scan.uncached:
        table.notes.append(
            Notice(
                file,
                sheet,
                _row_of(ref),
                f"cell {ref} holds a formula that was never calculated, so it was read as blank; "
                "open the file in Excel, let it calculate, and save it",
                code="cell-formula-uncalculated",
            )
        )
    for error in scan.errors:
        _put(table.rows, error.row - 1 - top, error.column - left, error.text)
        table.notes.append(
            Notice(
                file,
                sheet,
                error.row,
                f"cell {error.ref} holds the error value {error.text}; kept as that text",
                code="cell-error-value",
            )
        )
    for cell in scan.leap_day:
        row, column = cell.row - 1 - top, cell.column - left
        inside = 0 <= row < len(table.rows) and 0 <= column < len(table.rows[row])
        if inside and table.rows[row][column] == dt.date(1900, 2, 28) and not table.date1904:
            table.rows[row][column] = 60.0  # the serial: the date reader says why not
    if len(table.rows) > len(table.row_numbers):  # an error cell below calamine's grid
        first = table.row_numbers[0] if table.row_numbers else top + 1
        table.row_numbers = list(range(first, first + len(table.rows)))


def _put(rows: list[list[object]], row: int, column: int, text: str) -> None:
    if row < 0 or column < 0:
        return
    while len(rows) <= row:
        rows.append([])
    cells = rows[row]
    cells.extend([""] * (column + 1 - len(cells)))
    cells[column] = text


def _merged_notes(
    display: str, sheet: str, ranges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> list[Notice]:
    """Cells merged down several rows: the value sits in the first row only, the rows below
    read blank there (cells merged across one row lose nothing and are not reported)."""
    notes = []
    for (top, left), (bottom, right) in sorted(ranges):
        if bottom == top:
            continue
        span = f"{_ref(top, left)}:{_ref(bottom, right)}"
        notes.append(
            Notice(
                display,
                sheet,
                top + 1,
                f"cells {span} are merged across rows {top + 1}-{bottom + 1}; the value is read "
                f"in row {top + 1} only and rows below it are blank there",
                code="cells-merged",
            )
        )
    return notes


def _ref(row: int, column: int) -> str:
    return f"{column_letter(column)}{row + 1}"


def _row_of(ref: str) -> int | None:
    digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits) if digits.isdigit() else None


def _formula_message(refs: list[str]) -> str:
    if len(refs) == 1:
        return f"1 cell holds a formula ({refs[0]}); its last calculated value was used"
    return (
        f"{len(refs)} cells hold formulas ({_listed(refs)}); their last calculated values were used"
    )


def _listed(refs: list[str]) -> str:
    return ", ".join(refs[:10]) + (f" and {len(refs) - 10} more" if len(refs) > 10 else "")


def _uses_1904_dates(path: Path) -> bool:
    """Mac workbooks may count serial dates from 1904; calamine converts date cells, but
    bare serial numbers need the flag. Only xlsx/xlsm carry it in ``workbook.xml``."""
    if path.suffix.lower() not in _OOXML:
        return False
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as stream:
            root = ElementTree.parse(stream).getroot()
    except (KeyError, OSError, ElementTree.ParseError, DefusedXmlException, *package.ZIP_ERRORS):
        return False
    for element in root.iter():
        if element.tag.endswith("workbookPr"):
            return element.get("date1904", "").lower() in ("1", "true")
    return False
