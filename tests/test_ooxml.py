"""The streaming xlsx writer: valid workbooks, inert text, escaping, styles."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from hypothesis import given
from hypothesis import strategies as st

from chronology.render import ooxml, sheetlayout
from chronology.render.ooxml import Sheet, Style, write_workbook

ROWS = [
    (Style(fill="#DCEBFA"), ['=HYPERLINK("http://x","click")', "+1", 3, "a < b & c > d"]),
    (Style(), ["\x00nul\x1funit", "", 2.5, "line one\nline two"]),
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "out.xlsx"
    sheet = Sheet("Chronology", ["A", "B", "C", "D"], [10, 10, 10, 40], iter(ROWS))
    write_workbook(path, [sheet, Sheet("Empty", ["X"], [5], iter([]))], "Title")
    return path


def test_openpyxl_reads_values_styles_and_layout(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path))
    sheet = workbook["Chronology"]
    assert [c.value for c in sheet[2]] == [
        '=HYPERLINK("http://x","click")',
        "+1",
        3,
        "a < b & c > d",
    ]
    assert sheet["A2"].data_type == "s"  # text, never a formula
    assert sheet["A2"].fill.fgColor.rgb == "FFDCEBFA"
    assert sheet["D3"].value == "line one\nline two"
    assert sheet["D3"].alignment.wrap_text
    assert sheet["B3"].value is None  # empty cells are not written
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"
    assert sheet.column_dimensions["D"].width == 40
    assert workbook["Empty"].max_row == 1


def test_control_characters_are_spelled_not_dropped(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path))
    # openpyxl decodes OOXML's _xHHHH_ escapes back to the characters
    assert workbook["Chronology"]["A3"].value in ("\x00nul\x1funit", "_x0000_nul_x001F_unit")


def test_calamine_reads_it_and_bytes_are_stable(tmp_path: Path) -> None:
    first = _write(tmp_path)
    rows = (
        python_calamine.CalamineWorkbook.from_path(str(first))
        .get_sheet_by_name("Chronology")
        .to_python()
    )
    assert rows[1][3] == "a < b & c > d"
    again = tmp_path / "again"
    again.mkdir()
    assert _write(again).read_bytes() == first.read_bytes()


def test_leading_and_trailing_spaces_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "spaces.xlsx"
    rows = iter([(Style(), ["  indented", "trailing  ", "plain"])])
    write_workbook(path, [Sheet("S", ["A", "B", "C"], [5, 5, 5], rows)], "t")
    sheet = openpyxl.load_workbook(path)["S"]
    assert [c.value for c in sheet[2]] == ["  indented", "trailing  ", "plain"]


def test_the_package_is_a_valid_zip_with_fixed_times(tmp_path: Path) -> None:
    with zipfile.ZipFile(_write(tmp_path)) as archive:
        assert archive.testzip() is None  # every member's CRC and size check out
        names = archive.namelist()
        assert names[0] == "xl/worksheets/sheet1.xml"
        assert "[Content_Types].xml" in names
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())


@pytest.mark.parametrize(("rows", "sheets"), [(5, [2, 2, 1]), (4, [2, 2]), (2, [2]), (0, [0])])
def test_rows_past_excels_limit_continue_on_further_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int, sheets: list[int]
) -> None:
    monkeypatch.setattr(ooxml, "SHEET_ROWS", 2)
    path = tmp_path / "long.xlsx"
    data = iter([(Style(), [f"row {n}", n]) for n in range(rows)])
    write_workbook(path, [Sheet("Sources", ["Text", "N"], [20, 5], data)], "Title")
    workbook = openpyxl.load_workbook(path)
    names = ["Sources"] + [f"Sources ({n})" for n in range(2, len(sheets) + 1)]
    assert workbook.sheetnames == names
    assert [workbook[name].max_row - 1 for name in names] == sheets
    found = [c.value for name in names for (c, _n) in workbook[name].iter_rows(min_row=2)]
    assert found == [f"row {n}" for n in range(rows)]  # every row, in order, once


_CELL_TEXT = st.one_of(
    st.sampled_from(["", " ", "plain", " lead", "trail\n", "a & b", "<b>", "x\x00y", "\x00 "]),
    st.text(alphabet=st.sampled_from("ab <&>\x00\x1f\t\n\u00a0\ufffe"), max_size=6),
    st.just("long " * 7000 + "end"),
)


@given(values=st.lists(st.one_of(_CELL_TEXT, st.integers(), st.floats(), st.none()), max_size=8))
def test_a_row_built_a_run_at_a_time_is_the_row_built_a_cell_at_a_time(
    values: list[object],
) -> None:
    """The fast path for runs of text cells gives exactly the per-cell XML."""
    row = ooxml._cells_xml(values, "3")
    cells = "".join(ooxml._cell(v, "3") for v in values)
    assert row == cells


def test_rows_are_as_tall_as_their_wrapped_text_and_dates_are_dates(tmp_path: Path) -> None:
    path = tmp_path / "tall.xlsx"
    rows: list[tuple[Style, list[object]]] = [
        (Style(), ["short", dt.date(2012, 5, 1)]),
        (Style(), ["word " * 60, None]),  # 300 characters in a column 20 wide
        (Style(), ["one\ntwo\nthree\nfour", None]),
    ]
    sheet = Sheet("S", ["Text", "Date"], [20, 11], iter(rows), print_title="Review & co")
    write_workbook(path, [sheet], "t")
    ws = openpyxl.load_workbook(path)["S"]
    heights = [ws.row_dimensions[n].height for n in (2, 3, 4)]
    assert heights[0] == sheetlayout.LINE_POINTS + sheetlayout.PADDING_POINTS
    assert heights[1] == 15 * sheetlayout.LINE_POINTS + sheetlayout.PADDING_POINTS  # 20 a line
    assert heights[2] == 4 * sheetlayout.LINE_POINTS + sheetlayout.PADDING_POINTS
    assert ws["B2"].value == dt.datetime(2012, 5, 1)
    assert ws["B2"].number_format == "dd/mm/yyyy"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddFooter.left.text == "Review && co"  # an ampersand doubled, not a code
    assert ws.oddFooter.right.text == "Page &P of &N"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [("", 10, 1), ("a" * 9, 10, 1), ("a" * 10, 10, 2), ("a\n\nb", 50, 3), ("a" * 90, 10, 10)],
)
def test_lines_counted_from_width_and_line_breaks(text: str, width: float, lines: int) -> None:
    """(A column 10 wide holds 9 characters a line at CHARS_PER_WIDTH 1.05, less one for the
    word that wraps.)"""
    assert sheetlayout.CHARS_PER_WIDTH == 1.05
    assert sheetlayout.lines_in(text, width) == lines
