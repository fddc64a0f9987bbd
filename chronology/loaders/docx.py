"""Word chronologies: every table in the document, as Chronolator and most IMR templates use.

A table that carries on after a page break with its header row repeated is read as one table.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from chronology.loaders import package
from chronology.loaders.headings import normalise_heading
from chronology.loaders.table import RawTable
from chronology.model.errors import CorruptFileError

EXTENSIONS = (".docx",)


def read_tables(path: Path, display: str) -> Iterator[RawTable]:
    import docx  # noqa: PLC0415 - python-docx is slow to import; only Word inputs need it
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    package.check_package(path, display)
    try:
        document = docx.Document(str(path))
    # lxml's XMLSyntaxError is a SyntaxError: broken XML inside the package
    except (PackageNotFoundError, SyntaxError, KeyError, ValueError, *package.ZIP_ERRORS) as exc:
        raise CorruptFileError(f"cannot read the Word document ({exc})", file=display) from exc
    current: RawTable | None = None
    for number, table in enumerate(document.tables, start=1):
        rows = [_row_texts(row) for row in table.rows]
        if not rows:
            continue
        if current is not None and _same_header(current.rows[0], rows[0]):
            start = current.row_numbers[-1] + 1
            current.rows.extend(rows)
            current.row_numbers.extend(range(start, start + len(rows)))
            continue
        if current is not None:
            yield current
        current = RawTable(display, f"Table {number}", rows, list(range(1, len(rows) + 1)))
    if current is not None:
        yield current


def _row_texts(row: object) -> list[object]:
    """Cell texts; a cell merged across columns is read once, its other grid slots blank."""
    seen: set[int] = set()
    texts: list[object] = []
    for cell in row.cells:  # type: ignore[attr-defined]
        key = id(cell._tc)
        texts.append("" if key in seen else cell.text)
        seen.add(key)
    return texts


def _same_header(first: list[object], second: list[object]) -> bool:
    return [normalise_heading(c) for c in first] == [normalise_heading(c) for c in second]
