"""Each loader layout: header detection, heading mapping, provenance and accounting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from chronology.dates.span import Precision
from chronology.loaders import load_file
from chronology.loaders.agency import agency_from_filename
from chronology.loaders.headings import field_for, map_headings
from chronology.model.errors import (
    EmptyFileError,
    EncryptedFileError,
    NoDateColumnError,
    UnsupportedFormatError,
)


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Date", "date"),
        ("Date/Time", "date"),
        ("Date of Contact", "date"),
        ("DATE", "date"),
        ("Date or Period of Event", "date"),
        ("Consultation Date", "date"),
        ("Start Date", "date"),
        ("Start Time", "time"),
        ("End Date", "end_date"),
        ("End Time", "end_time"),
        ("Source of Information", "worker"),
        ("Officer", "worker"),
        ("Clinician", "worker"),
        ("Details of Incident / Contact", "text"),
        ("Summary of Contact", "text"),
        ("What happened", "text"),
        ("Significant Event", "text"),
        ("Outcome / Action", "action"),
        ("Action Taken", "action"),
        ("Plan", "action"),
        ("Patient", "subject"),
        ("Child", "subject"),
        ("Date Recorded", "recorded_on"),
        ("Date Entered", "recorded_on"),
        ("Recorded on", "recorded_on"),
        ("Event Ref", "reference"),
        ("Log No", "reference"),
        ("Crime Ref", "reference"),
        ("Sequence", "sequence"),
        ("Comments/Analysis", None),
        ("Impact", None),
    ],
)
def test_headings_map_to_common_fields(heading: str, field: str | None) -> None:
    assert field_for(heading) == field


def test_first_heading_claiming_a_field_wins_and_overrides_apply() -> None:
    mapping = map_headings(["Date", "Event", "Details", "Occ No"], {"occ no": "reference"})
    assert mapping == {0: "date", 1: "text", 3: "reference"}


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("West Midlands Police IMR chronology.xlsx", "West Midlands Police"),
        ("Kingsmere Childrens Social Care IMR.xlsx", "Kingsmere Children's Social Care"),
        ("GP_chronology_v2_final.csv", "GP"),
        ("Womens Aid - chronology (2013-01-04).xlsx", "Women's Aid"),
    ],
)
def test_agency_from_filename(name: str, agency: str) -> None:
    assert agency_from_filename(name) == agency


def test_xlsx_title_block_cover_sheet_footer_and_blank_rows(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Northbridge Police IMR chronology.xlsx",
        {
            "Cover": [["IMR chronology"], ["Author: Jo Bloggs"]],
            "Chronology": [
                ["Northbridge Police"],
                ["Chronology of contacts"],
                [],
                ["Date/Time", "Log No", "Details of Incident / Contact", "Officer", "Notes"],
                [dt.datetime(2010, 8, 9, 15, 30), 101, "Report of assault", "PC 1", "extra"],
                [None, None, None, None, None],
                ["Aug 2010", 102, "Harassment reported", "PC 2", None],
                ["End of chronology", None, None, None, None],
            ],
        },
    )
    result = load_file(path)
    assert [s.row for s in result.sources] == [5, 7]
    first, second = result.sources
    assert first.agency == "Northbridge Police"
    assert first.sheet == "Chronology"
    assert first.date.start == dt.date(2010, 8, 9)
    assert first.time == "15:30"
    assert first.reference == "101"
    assert first.fields["Notes"] == "extra"
    assert second.date.precision == Precision.MONTH
    assert [(r.row, r.reason) for r in result.rejected] == [(8, "footer line")]
    messages = [str(n) for n in result.warnings]
    assert any("sheet 'Cover'" in m and "skipped" in m for m in messages)
    assert any("row 6" in m and "blank" in m for m in messages)


def test_impossible_date_is_kept_undated_with_a_located_warning(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory("CSC.xlsx", {"IMR": [["Date", "Details"], ["31/04/2012", "Home visit"]]})
    result = load_file(path)
    (only,) = result.sources
    assert only.date.start is None
    assert only.date.text == "31/04/2012"
    assert any("row 2" in str(n) and "31/04/2012" in str(n) for n in result.warnings)


def test_csv_cp1252_with_pound_and_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "GP practice.csv"
    path.write_bytes(
        "Consultation Date,Clinician,Entry\r\n"
        "09/08/2010,Dr A,“Owes £40” – said he’s fine\r\n".encode("cp1252")
    )
    (only,) = load_file(path).sources
    assert only.text == "“Owes £40” – said he’s fine"
    assert only.row == 2
    assert only.sheet is None
    assert only.ref == "GP practice.csv:2"


def test_csv_semicolon_delimited_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "wa.csv"
    path.write_bytes(
        "\ufeffDate;What happened\n01/05/2012;Met at office, agreed plan\n"
        "02/05/2012;Phoned\n".encode()
    )
    result = load_file(path)
    assert result.sources[0].date.start == dt.date(2012, 5, 1)


def test_docx_table_with_repeated_header_and_merged_cell(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Maternity chronology")
    table = document.add_table(rows=4, cols=4)
    for row, values in enumerate(
        [
            ["Event Ref", "Start Date", "End Date", "Details"],
            ["M1", "14/06/2011", "16/06/2011", "Admitted; baby born"],
            ["Event Ref", "Start Date", "End Date", "Details"],
            ["M2", "20/06/2011", "", "Discharged"],
        ]
    ):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    merged = table.cell(3, 2).merge(table.cell(3, 3))
    merged.text = "Discharged home"
    path = tmp_path / "Maternity.docx"
    document.save(str(path))
    result = load_file(path)
    assert [s.row for s in result.sources] == [2, 4]
    stay, discharge = result.sources
    assert stay.date.start == dt.date(2011, 6, 14)
    assert stay.date.end == dt.date(2011, 6, 16)
    assert discharge.text == ""  # the merged cell's text sits once, under its first column
    assert "Discharged home" in discharge.fields.values()
    assert [(r.row, r.reason) for r in result.rejected] == [(3, "repeated heading row")]


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.csv", b"", EmptyFileError, "empty"),
        ("notes.pdf", b"%PDF-1.4", UnsupportedFormatError, ".pdf"),
        ("renamed.csv", b"PK\x03\x04rest", UnsupportedFormatError, "Rename it to .xlsx"),
        ("text.xlsx", b"Date,Event\n", UnsupportedFormatError, ".csv"),
        (
            "locked.xlsx",  # an OLE container holding an encrypted package
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 64
            + "EncryptedPackage".encode("utf-16-le"),
            EncryptedFileError,
            "password",
        ),
        (
            "old.xlsx",  # an OLE container without one: a 97-2003 workbook
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
            UnsupportedFormatError,
            "Rename it to .xls",
        ),
        ("nodate.csv", b"Name,Notes\nA,B\n", NoDateColumnError, "headings seen: Name, Notes"),
    ],
)
def test_bad_inputs_raise_located_typed_errors(
    tmp_path: Path, name: str, content: bytes, error: type[Exception], words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        load_file(path)
    assert name in str(caught.value)
    assert words in str(caught.value)
