"""Located warnings about a chronology table's shape: nothing is dropped, but the author
should know when headings repeat, rows run past the headings, or no rows follow the header."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from chronology.loaders.cells import cell_text, column_letter, is_blank
from chronology.loaders.roles import Column
from chronology.loaders.table import RawTable, unique_headings
from chronology.model.errors import Notice
from chronology.model.schema import LoadResult


def table_notes(table: RawTable, header_index: int, loaded: LoadResult) -> list[Notice]:
    """Warnings about the table whose header is row ``header_index`` and that loaded as
    ``loaded``."""
    header_row = table.row_numbers[header_index]
    notes = _duplicate_headings(table, header_index, header_row)
    notes.extend(_ragged_rows(table, header_index))
    if not loaded.sources and not loaded.rejected:
        notes.append(
            Notice(
                table.file,
                table.sheet,
                header_row,
                "no data rows below the header row",
                code="table-no-rows",
            )
        )
    return notes


def _duplicate_headings(table: RawTable, header_index: int, header_row: int) -> list[Notice]:
    header = table.rows[header_index]
    counts = Counter(cell_text(c) for c in header if cell_text(c))
    names = unique_headings(header)
    notes = []
    for heading, count in counts.items():
        if count < 2:
            continue
        kept = [n for n, c in zip(names, header, strict=True) if cell_text(c) == heading]
        notes.append(
            Notice(
                table.file,
                table.sheet,
                header_row,
                f"heading '{heading}' appears {count} times; the columns are kept as "
                + ", ".join(f"'{k}'" for k in kept),
                code="heading-duplicate",
            )
        )
    return notes


def _ragged_rows(table: RawTable, header_index: int) -> list[Notice]:
    """csv rows with more cells than the header: the extra cells are kept as ``Column F``."""
    width = len(table.rows[header_index])
    below = table.rows[header_index + 1 :]
    if max(map(len, below), default=0) <= width:  # every spreadsheet grid is rectangular
        return []
    notes = []
    for cells, number in zip(below, table.row_numbers[header_index + 1 :], strict=True):
        extra = [i for i in range(width, len(cells)) if not is_blank(cells[i])]
        if extra:
            notes.append(
                Notice(
                    table.file,
                    table.sheet,
                    number,
                    f"{len(extra)} more cell(s) than the header has headings; kept as "
                    + ", ".join(_column_name(i) for i in extra),
                    code="row-extra-cells",
                )
            )
    return notes


def _column_name(index: int) -> str:
    return f"Column {column_letter(index)}"


LOW_DATE_CONFIDENCE = 0.75


def role_notes(table: RawTable, header_index: int, columns: Sequence[Column]) -> list[Notice]:
    """Warnings about the columns' roles that the author should check or fix in review.toml:
    no narrative column, a date column read from content, a date column whose cells mostly
    do not read as dates."""
    row = table.row_numbers[header_index]
    where = f"in the [[agencies]] entry for {table.file} in review.toml"
    notes = []
    if not any(c.role == "text" for c in columns):
        notes.append(
            Notice(
                table.file,
                table.sheet,
                row,
                "no column reads as the narrative; each row's account is its other columns, "
                f'labelled by heading. To name it, add columns = {{ "<heading>" = "text" }} '
                f"{where}",
                code="column-no-narrative",
            )
        )
    date = next((c for c in columns if c.role == "date"), None)
    if date is not None and date.evidence == "content":
        notes.append(
            Notice(
                table.file,
                table.sheet,
                row,
                f"no heading names the date; column '{date.heading}' is taken as the date, as "
                f"{date.profile.dates:.0%} of its cells are dates. If that is wrong, set "
                f'columns = {{ "<heading>" = "date" }} {where}',
                code="date-column-from-content",
            )
        )
    elif date is not None and date.confidence < LOW_DATE_CONFIDENCE:
        notes.append(
            Notice(
                table.file,
                table.sheet,
                row,
                f"only {date.profile.dates:.0%} of the cells in the date column "
                f"'{date.heading}' read as dates; check it is the date, or set columns = "
                f'{{ "<heading>" = "date" }} {where}',
                code="date-column-doubtful",
            )
        )
    return notes
