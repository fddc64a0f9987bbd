"""The stable codes of warnings and rejected rows, as frictionless's errors have: the message
says what happened in words for a person, the code lets a program (or a filter in the
spreadsheet) group them. ``WARNINGS`` and ``REJECTED`` are the one table of them: the types
below must name the same codes (a test checks), and ``docs/warnings.md`` is made from them.
"""

from __future__ import annotations

from typing import Final, Literal

WarningCode = Literal[
    "file-skipped",
    "sheet-empty",
    "sheet-no-header",
    "table-skipped",
    "table-no-rows",
    "table-continued",
    "encoding-guessed",
    "heading-duplicate",
    "column-no-narrative",
    "date-column-from-content",
    "date-column-doubtful",
    "row-extra-cells",
    "row-blank",
    "cells-merged",
    "cell-formula",
    "cell-formula-uncalculated",
    "cell-error-value",
    "date-missing",
    "date-unreadable",
    "date-range-invalid",
    "time-unreadable",
    "recorded-on-unreadable",
]

RejectedCode = Literal["row-repeated-heading", "row-footer"]

# code → (where it arises, what it means and what to do)
WARNINGS: Final[dict[WarningCode, tuple[str, str]]] = {
    "file-skipped": (
        "file",
        "An input that is not an agency's chronology (an Office lock file, a file the "
        "operating system keeps, an output of chronology merge) or a file given twice; not "
        "read.",
    ),
    "sheet-empty": ("sheet", "A sheet (or Word table) holds no cells at all; it is skipped."),
    "sheet-no-header": (
        "sheet",
        "A sheet has cells but no header row with a date column; it is skipped. Map its "
        "date column in review.toml if it is a chronology.",
    ),
    "table-skipped": (
        "header row",
        "A table that is not a chronology (a document's version or sign-off table, a block "
        "of labels); skipped.",
    ),
    "table-no-rows": ("table", "A chronology header row has no data rows below it."),
    "table-continued": (
        "sheet",
        "A sheet or table with no header row of its own, read as carrying on the table "
        "before it, under its headings (a second sheet, a Word table after a page break).",
    ),
    "encoding-guessed": (
        "file",
        "A csv file without an encoding marker was read as latin-1 or UTF-16; check its "
        "accented letters.",
    ),
    "heading-duplicate": (
        "header row",
        "A heading appears more than once; each column is kept under a numbered name.",
    ),
    "column-no-narrative": (
        "header row",
        "No column reads as the narrative; each row's account is its other columns. Name it "
        "in review.toml if there is one.",
    ),
    "date-column-from-content": (
        "header row",
        "No heading names the date; the column whose cells are mostly dates is taken as it. "
        "Check it, or name it in review.toml.",
    ),
    "date-column-doubtful": (
        "header row",
        "Many of the date column's cells do not read as dates; check it is the date column, "
        "or name it in review.toml.",
    ),
    "row-extra-cells": (
        "row",
        "A csv row has more cells than the header has headings; the extra cells are kept as "
        "'Column F' and so on.",
    ),
    "row-blank": ("row", "Blank rows inside a table were skipped (the first is located)."),
    "cells-merged": (
        "row",
        "Cells merged down several rows: the value is read in the first row only.",
    ),
    "cell-formula": (
        "sheet",
        "Cells hold formulas; their last calculated values are read, the formula never runs.",
    ),
    "cell-formula-uncalculated": (
        "row",
        "A formula was never calculated, so its cell reads blank; open the file in Excel, "
        "let it calculate, and save it.",
    ),
    "cell-error-value": ("row", "A cell holds an error value (#REF!…); kept as that text."),
    "date-missing": ("row", "A row gives no date; it is kept as an undated entry."),
    "date-unreadable": (
        "row",
        "A date could not be read; the row is kept as an undated entry with the text.",
    ),
    "date-range-invalid": (
        "row",
        "An end date cannot close the start date (before it, or unreadable together); the "
        "end date is kept in the row's fields only.",
    ),
    "time-unreadable": ("row", "A time of day could not be read; the row keeps its date only."),
    "recorded-on-unreadable": (
        "row",
        "A recorded-on date could not be read; the row's recording lag is not measured.",
    ),
}

REJECTED: Final[dict[RejectedCode, tuple[str, str]]] = {
    "row-repeated-heading": (
        "row",
        "The table's heading row repeated (a page break in Word); kept in rejected, not an event.",
    ),
    "row-footer": (
        "row",
        "A footer line under the table (a signature, 'end of chronology'); kept in rejected, "
        "not an event.",
    ),
}
