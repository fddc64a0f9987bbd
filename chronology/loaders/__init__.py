"""Load one agency chronology file, whatever its format, into located sources.

One module per format; each yields ``RawTable`` grids and ``table.py`` does the rest.
The format is decided by the file's content, not only its extension, because files get renamed.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from chronology.loaders import checks, csv, docx, report, spreadsheet
from chronology.loaders.agency import agency_name, readable, title_lines
from chronology.loaders.cells import cell_text
from chronology.loaders.header_rows import continues
from chronology.loaders.roles import Column, not_a_chronology
from chronology.loaders.table import RawTable, locate_header, sources_from, table_columns
from chronology.model.codes import WarningCode
from chronology.model.errors import (
    EmptyFileError,
    EncryptedFileError,
    NoDateColumnError,
    Notice,
    UnreadableFileError,
    UnsupportedFormatError,
)
from chronology.model.schema import LoadResult
from chronology.text.classify import best_agency_type

Reader = Callable[[Path, str], Iterator[RawTable]]
_BY_EXTENSION: dict[str, Reader] = {
    **dict.fromkeys(spreadsheet.EXTENSIONS, spreadsheet.read_tables),
    **dict.fromkeys(csv.EXTENSIONS, csv.read_tables),
    **dict.fromkeys(docx.EXTENSIONS, docx.read_tables),
}
SUPPORTED = tuple(sorted(_BY_EXTENSION))


def load_file(
    path: Path,
    *,
    agency: str | None = None,
    columns: Mapping[str, str] | None = None,
    display: str | None = None,
    agency_kind: str | None = None,
) -> LoadResult:
    """Every chronology table in ``path`` as sources of ``agency``; other tables are reported.
    The result's ``inputs`` holds the file's import report."""
    shown = readable(display or path.name)
    reader = _reader_for(path, shown)
    result = LoadResult(files=[shown])
    chosen: list[tuple[RawTable, int, list[Column]]] = []
    skipped: list[dict[str, object]] = []
    title_rows: list[list[object]] = []
    headings_seen: list[str] = []
    filled_any = False
    previous: RawTable | None = None
    for read in reader(path, shown):
        table, header = read, locate_header(read, columns)
        if header is None and previous and continues(read.rows, previous.rows[0], columns):
            table, header = _carried_on(read, previous), 0
        if header is None:
            filled_any = _report_skipped(table, result, headings_seen, skipped) or filled_any
            title_rows.extend(table.rows[:TITLE_ROWS])
            continue
        filled_any = True
        found = table_columns(table, header, columns)
        why = not_a_chronology(found, len(table.rows) - header - 1)
        if why:
            _skip(table, header, why, result, skipped)
            title_rows.extend(table.rows[:header])
            continue
        title_rows[:0] = table.rows[:header]
        chosen.append((table, header, found))
        previous = RawTable(table.file, table.sheet, [table.rows[header]], [0])
    if not filled_any:
        raise EmptyFileError("no sheet or table in the file holds anything", file=shown)
    if not chosen:
        raise NoDateColumnError(
            "no chronology table with a date column was found"
            + (f"; headings seen: {', '.join(headings_seen[:15])}" if headings_seen else ""),
            file=shown,
        )
    name = agency or agency_name(path, title_rows)
    # the type from the name, then the title block and the file's own name ("ePCR")
    context = "\n".join([*title_lines(title_rows), path.stem])
    kind = agency_kind or best_agency_type(name, context)
    tables = []
    for table, header, found in chosen:
        table.school = kind == "education"
        loaded = sources_from(table, header, found, name)
        loaded.warnings.extend(checks.table_notes(table, header, loaded))
        loaded.warnings.extend(checks.role_notes(table, header, found))
        tables.append(report.table_report(table, header, found, loaded))
        result.extend(loaded)
    result.inputs.append(report.file_report(shown, name, kind, tables, skipped))
    return result


TITLE_ROWS = 12  # rows of a cover sheet read for the agency's name


def _carried_on(table: RawTable, previous: RawTable) -> RawTable:
    """A headerless table read under the header of the table before it, and said so."""
    note = Notice(
        table.file,
        table.sheet,
        None,
        f"no header row; read as carrying on {_where(previous)}, under its headings",
        code="table-continued",
    )
    return RawTable(
        table.file,
        table.sheet,
        [previous.rows[0], *table.rows],
        [0, *table.row_numbers],
        table.date1904,
        table.school,
        [*table.notes, note],
    )


def _where(table: RawTable) -> str:
    return f"'{table.sheet}'" if table.sheet else "the table before"


def _skip(
    table: RawTable, header: int, why: str, result: LoadResult, skipped: list[dict[str, object]]
) -> None:
    row = table.row_numbers[header]
    message = f"table skipped: {why}"
    result.warnings.append(Notice(table.file, table.sheet, row, message, code="table-skipped"))
    skipped.append({"sheet": table.sheet, "header_row": row, "reason": why})


def _report_skipped(
    table: RawTable,
    result: LoadResult,
    headings_seen: list[str],
    skipped: list[dict[str, object]],
) -> bool:
    """Note a table with no chronology header; whether it holds any cells at all."""
    filled = [row for row in table.rows if any(cell_text(c) for c in row)]
    if filled:
        headings_seen.extend(cell_text(c) for c in filled[0] if cell_text(c))
    what = "empty" if not filled else "no header row with a date column"
    code: WarningCode = "sheet-no-header" if filled else "sheet-empty"
    result.warnings.append(
        Notice(table.file, table.sheet, None, f"sheet skipped: {what}", code=code)
    )
    skipped.append({"sheet": table.sheet, "header_row": None, "reason": what})
    return bool(filled)


def _old_office_format(suffix: str, shown: str, path: Path) -> None:
    """An OLE file with a new-format name: an encrypted package (how Office stores password
    protection), or else a 97-2003 .xls or .doc given the new name; each has its own fix."""
    if spreadsheet.is_encrypted_package(path):
        raise EncryptedFileError("the file is password-protected (encrypted)", file=shown)
    if suffix == ".docx":
        raise UnsupportedFormatError(
            "this is an old Word 97-2003 document (.doc) saved with a .docx name",
            file=shown,
            hint="Open it in Word or LibreOffice and save it as a Word Document (.docx).",
        )
    raise UnsupportedFormatError(
        f"this is an old Excel 97-2003 workbook (.xls) saved with a {suffix} name",
        file=shown,
        hint="Rename it to .xls and try again (or open it in Excel and save it as .xlsx).",
    )


def _reader_for(path: Path, shown: str) -> Reader:
    if path.is_dir():
        raise UnreadableFileError(
            "is a directory, not a file",
            file=shown,
            hint="Pass the files inside it, e.g. imrs/*.xlsx.",
        )
    try:
        _check_regular(path, shown)
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError as exc:
        raise UnreadableFileError("file not found", file=shown) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot open the file ({exc.strerror})", file=shown) from exc
    if not head:
        raise EmptyFileError("the file is empty (0 bytes)", file=shown)
    suffix = path.suffix.lower()
    if suffix not in _BY_EXTENSION:
        raise UnsupportedFormatError(
            f"'{suffix or 'no extension'}' files are not supported", file=shown
        )
    return _by_content(head, suffix, shown, path)


def _check_regular(path: Path, shown: str) -> None:
    """Only a regular file is opened: a named pipe would wait for a writer for ever, and a
    device such as /dev/zero (perhaps behind a link with a .csv name) never ends."""
    mode = path.stat().st_mode  # follows links: what would be opened
    if not stat.S_ISREG(mode):
        what = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device or socket"
        raise UnreadableFileError(
            f"is {what}, not a regular file",
            file=shown,
            hint="Pass the chronology file itself, saved on disk.",
        )


def _by_content(head: bytes, suffix: str, shown: str, path: Path) -> Reader:
    """Trust the bytes over the name: a zip is a workbook or document, OLE is xls."""
    is_zip = head.startswith(b"PK\x03\x04")
    is_ole = head.startswith(b"\xd0\xcf\x11\xe0")
    if suffix in csv.EXTENSIONS and (is_zip or is_ole):
        raise UnsupportedFormatError(
            "this is a spreadsheet or Word file saved with a .csv name",
            file=shown,
            hint="Rename it to .xlsx (or .xls/.docx) and try again.",
        )
    if suffix in (".xlsx", ".xlsm", ".docx") and is_ole:
        _old_office_format(suffix, shown, path)
    if suffix in spreadsheet.EXTENSIONS + docx.EXTENSIONS and not (is_zip or is_ole):
        raise UnsupportedFormatError(
            f"this is not a real {suffix} file (it looks like plain text)",
            file=shown,
            hint="If it is a csv export, rename it to .csv and try again.",
        )
    return _BY_EXTENSION[suffix]
