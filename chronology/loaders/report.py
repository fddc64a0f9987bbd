"""The import report: what was read from each file, and why, before anything is merged.

Per file: the agency's name and type, each table chosen (its header row and every column's
role with its evidence and confidence) and each table skipped, and the rows read, kept and
set aside. It goes into ``chronology.json`` (``meta.inputs``), the workbook and the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chronology.loaders.cells import is_blank
from chronology.loaders.roles import Column
from chronology.loaders.table import RawTable
from chronology.model.schema import LoadResult


def table_report(
    table: RawTable, header: int, columns: Sequence[Column], loaded: LoadResult
) -> dict[str, Any]:
    below = table.rows[header + 1 :]
    read = sum(1 for row in below if not all(is_blank(c) for c in row))
    return {
        "sheet": table.sheet,
        "header_row": table.row_numbers[header],
        "columns": [c.as_dict() for c in columns],
        "unmapped": [c.heading for c in columns if c.role is None and c.profile.filled],
        "rows_read": read,
        "rows_kept": len(loaded.sources),
        "rows_set_aside": len(loaded.rejected),
    }


def file_report(
    file: str,
    agency: str,
    agency_type: str | None,
    tables: list[dict[str, Any]],
    skipped: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "file": file,
        "agency": agency,
        "agency_type": agency_type,
        "rows": sum(t["rows_kept"] for t in tables),
        "rows_read": sum(t["rows_read"] for t in tables),
        "rows_set_aside": sum(t["rows_set_aside"] for t in tables),
        "tables": tables,
        "skipped": skipped,
    }


def _roles(table: dict[str, Any]) -> str:
    named = [c for c in table["columns"] if c["role"] != "extra"]
    return ", ".join(
        f"{c['role']}='{c['heading']}'" + ("*" if c["evidence"] == "content" else "") for c in named
    )


def summary_lines(inputs: Sequence[dict[str, Any]], *, verbose: bool = False) -> list[str]:
    """The report as plain lines for the terminal: one per file (``verbose``: and one per
    column). A role marked * was read from the column's content, not its heading."""
    lines = []
    for item in inputs:
        kind = item.get("agency_type") or "type not known"
        lines.append(
            f"{item['file']}: {item['agency']} ({kind}); rows read {item.get('rows_read', 0)}, "
            f"kept {item['rows']}, set aside {item.get('rows_set_aside', 0)}"
        )
        for table in item.get("tables", []):
            where = f"{table['sheet']}, " if table["sheet"] else ""
            lines.append(f"  {where}header row {table['header_row']}: {_roles(table)}")
            if table["unmapped"]:
                lines.append(f"    kept in the account, labelled: {', '.join(table['unmapped'])}")
            if verbose:
                lines.extend(_column_lines(table))
        lines.extend(f"  skipped {s['sheet'] or 'table'}: {s['reason']}" for s in item["skipped"])
    return lines


def _column_lines(table: dict[str, Any]) -> list[str]:
    return [
        f"    {c['column']:>3} {c['heading']!r}: {c['role']} "
        f"({c['evidence'] or 'no role'}, confidence {c['confidence']:.2f}; "
        f"{c['filled']} filled, {c['dates']:.0%} dates, mean {c['mean_length']:.0f} chars)"
        for c in table["columns"]
    ]


IMPORT_COLUMNS = (
    "File", "Agency", "Agency type", "Sheet", "Header row", "Column", "Heading", "Role",
    "Evidence", "Confidence", "Filled cells", "Dates", "Mean length", "Rows read", "Rows kept",
    "Rows set aside",
)  # fmt: skip


def import_rows(inputs: Sequence[dict[str, Any]]) -> list[list[object]]:
    """The report as a sheet: a row per column of each table read, one per table skipped."""
    rows: list[list[object]] = []
    for item in inputs:
        head = [item["file"], item["agency"], item.get("agency_type") or ""]
        for table in item.get("tables", []):
            counts = [table["rows_read"], table["rows_kept"], table["rows_set_aside"]]
            where = [table["sheet"] or "", table["header_row"]]
            rows.extend(
                [*head, *where, c["column"], c["heading"], c["role"], c["evidence"],
                 c["confidence"], c["filled"], c["dates"], c["mean_length"], *counts]
                for c in table["columns"]
            )  # fmt: skip
        for skipped in item.get("skipped", []):
            header = skipped["header_row"] if skipped["header_row"] is not None else ""
            rows.append([*head, skipped["sheet"] or "", header, "", "", "skipped",
                         skipped["reason"], "", "", "", "", "", "", ""])  # fmt: skip
    return rows
