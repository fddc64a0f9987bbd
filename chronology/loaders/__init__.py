"""Load one agency chronology file, whatever its format, into located sources.

One module per format; each yields ``RawTable`` grids and ``table.py`` does the rest.
The format is decided by the file's content, not only its extension, because files get renamed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from chronology.loaders import checks, csv, docx, spreadsheet
from chronology.loaders.agency import agency_from_filename
from chronology.loaders.cells import cell_text
from chronology.loaders.table import RawTable, locate_header, table_to_sources
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
) -> LoadResult:
    """Every chronology table in ``path`` as sources of ``agency``; other tables are reported."""
    shown = display or path.name
    reader = _reader_for(path, shown)
    name = agency or agency_from_filename(path)
    result = LoadResult(files=[shown])
    found_any = filled_any = False
    headings_seen: list[str] = []
    for table in reader(path, shown):
        header = locate_header(table, columns)
        if header is None:
            filled_any = _report_skipped(table, result, headings_seen) or filled_any
            continue
        found_any = filled_any = True
        loaded = table_to_sources(table, header, name, columns)
        loaded.warnings.extend(checks.table_notes(table, header, loaded))
        result.extend(loaded)
    if not filled_any:
        raise EmptyFileError("no sheet or table in the file holds anything", file=shown)
    if not found_any:
        raise NoDateColumnError(
            "no chronology table with a date column was found"
            + (f"; headings seen: {', '.join(headings_seen[:15])}" if headings_seen else ""),
            file=shown,
        )
    return result


def _report_skipped(table: RawTable, result: LoadResult, headings_seen: list[str]) -> bool:
    """Note a table with no chronology header; whether it holds any cells at all."""
    filled = [row for row in table.rows if any(cell_text(c) for c in row)]
    if filled:
        headings_seen.extend(cell_text(c) for c in filled[0] if cell_text(c))
    what = "empty" if not filled else "no header row with a date column"
    code: WarningCode = "sheet-no-header" if filled else "sheet-empty"
    result.warnings.append(
        Notice(table.file, table.sheet, None, f"sheet skipped: {what}", code=code)
    )
    return bool(filled)


def _reader_for(path: Path, shown: str) -> Reader:
    if path.is_dir():
        raise UnreadableFileError(
            "is a directory, not a file",
            file=shown,
            hint="Pass the files inside it, e.g. imrs/*.xlsx.",
        )
    try:
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
    return _by_content(head, suffix, shown)


def _by_content(head: bytes, suffix: str, shown: str) -> Reader:
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
        # an OOXML file wrapped in an OLE container is how Office stores password protection
        raise EncryptedFileError("the file is password-protected (encrypted)", file=shown)
    if suffix in spreadsheet.EXTENSIONS + docx.EXTENSIONS and not (is_zip or is_ole):
        raise UnsupportedFormatError(
            f"this is not a real {suffix} file (it looks like plain text)",
            file=shown,
            hint="If it is a csv export, rename it to .csv and try again.",
        )
    return _BY_EXTENSION[suffix]
