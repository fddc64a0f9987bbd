"""xlsx, xlsm, xls and ods, all read with calamine (fast, and it reads cached formula values)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import python_calamine as calamine
from defusedxml import ElementTree

from chronology.errors import CorruptFileError, EncryptedFileError
from chronology.loaders.table import RawTable

EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")


def read_tables(path: Path, display: str) -> Iterator[RawTable]:
    """One ``RawTable`` per worksheet, rows numbered as Excel shows them."""
    workbook = _open(path, display)
    date1904 = _uses_1904_dates(path)
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=True)
            first = sheet.start[0] + 1 if sheet.start else 1
            yield RawTable(
                file=display,
                sheet=meta.name,
                rows=rows,
                row_numbers=list(range(first, first + len(rows))),
                date1904=date1904,
            )
    finally:
        workbook.close()


def _open(path: Path, display: str) -> calamine.CalamineWorkbook:
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise EncryptedFileError("the workbook is password-protected", file=display) from exc
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError) as exc:
        raise CorruptFileError(f"cannot read the workbook ({exc})", file=display) from exc


def _uses_1904_dates(path: Path) -> bool:
    """Mac workbooks may count serial dates from 1904; calamine converts date cells, but
    bare serial numbers need the flag. Only xlsx/xlsm carry it in ``workbook.xml``."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as stream:
            root = ElementTree.parse(stream).getroot()
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError):
        return False
    for element in root.iter():
        if element.tag.endswith("workbookPr"):
            return element.get("date1904", "").lower() in ("1", "true")
    return False
