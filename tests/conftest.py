"""Shared builders: small hand-made chronologies and input files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from chronology.dates.span import DateError, DateSpan, parse_date
from chronology.model.schema import Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def source(
    agency: str,
    date: str,
    text: str,
    *,
    row: int = 2,
    time: str | None = None,
    file: str | None = None,
    sheet: str | None = "Sheet1",
    recorded: str | None = None,
    action: str = "",
) -> Source:
    """A source as a loader would make it, for merge and analysis tests."""
    try:
        span = parse_date(date)
    except DateError:  # as the loaders do: an unreadable date makes an undated source
        span = DateSpan.unknown(date)
    return Source(
        agency=agency,
        file=file or f"{agency}.xlsx",
        sheet=sheet,
        row=row,
        date=span,
        text=text,
        time=time,
        recorded_on=parse_date(recorded) if recorded else None,
        action=action,
        fields={"Date": date, "Details": text},
    )


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def xlsx_factory(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(name: str, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
        return write_xlsx(tmp_path / name, sheets)

    return make


DAY = dt.date
