"""The samples' workbooks and Word draft as LibreOffice opens and prints them.

Converted to PDF by ``soffice --headless`` and read back word by word with poppler's
``pdftotext -bbox``: the files open (no repair, the conversion succeeds), print landscape,
one page wide with the header row on every page, and no row's text runs into the next row.
Skipped only where LibreOffice or poppler-utils is absent (``.ci/run`` installs both).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import SAMPLES

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice or poppler-utils is not installed (apt-get install libreoffice-calc "
    "libreoffice-writer poppler-utils; .ci/run does this)",
)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    x: float
    top: float
    bottom: float
    text: str

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("office")
    files = [str(p) for p in sorted((SAMPLES / "imrs").iterdir())]
    review = str(SAMPLES / "review.toml")
    result = CliRunner().invoke(app, ["merge", *files, "-r", review, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run(
        [
            str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out / "pdf"),
            str(out / "integrated_chronology.xlsx"), str(out / "analysis.xlsx"),
            str(out / "facts.docx"),
        ],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out


def _pages(pdf: Path) -> list[Page]:
    text = subprocess.run(
        [str(PDFTOTEXT), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for chunk in text.split("<page ")[1:]:
        size = _PAGE.match("<page " + chunk)
        assert size is not None
        words = [
            Word(float(x), float(top), float(bottom), unescape(word))
            for x, top, _x2, bottom, word in _WORD.findall(chunk)
        ]
        pages.append(Page(float(size.group(1)), float(size.group(2)), words))
    return pages


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def _letters(texts: Iterator[str] | list[str]) -> Counter[str]:
    return Counter("".join("".join(t.split()) for t in texts))


def _sheet_rows(path: Path, name: str) -> list[list[str]]:
    sheet = openpyxl.load_workbook(path)[name]
    return [[_shown(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_every_output_opens_without_repair(outputs: Path) -> None:
    for name in ("integrated_chronology", "analysis", "facts"):
        assert (outputs / "pdf" / f"{name}.pdf").stat().st_size > 1000, name
    openpyxl.load_workbook(outputs / "integrated_chronology.xlsx")
    openpyxl.load_workbook(outputs / "analysis.xlsx")
    assert docx.Document(str(outputs / "facts.docx")).paragraphs


@pytest.mark.parametrize("workbook", ["integrated_chronology", "analysis"])
def test_pages_are_landscape_one_wide_with_the_header_on_each(outputs: Path, workbook: str) -> None:
    pages = _pages(outputs / "pdf" / f"{workbook}.pdf")
    assert all(p.width > p.height for p in pages), "every page landscape"
    headers = [_letters(row[0]) for row in _headers(outputs / f"{workbook}.xlsx")]
    for number, page in enumerate(pages, 1):
        first_line = [w for w in page.words if w.top < page.words[0].bottom + 12]
        tops = _letters([w.text for w in first_line])
        # every column's heading on every page: one page wide, the header row repeated
        assert any(h <= tops for h in headers), f"page {number}: no whole header row"


def _headers(path: Path) -> list[list[list[str]]]:
    book = openpyxl.load_workbook(path)
    return [[[_shown(v) for v in next(s.iter_rows(values_only=True))]] for s in book.worksheets]


@pytest.mark.parametrize("sheet", ["Integrated chronology", "Sources"])
def test_no_row_runs_into_the_next(outputs: Path, sheet: str) -> None:
    """Each row's band (from its first cell's top to the next row's) holds exactly that
    row's text: a row too short for its wrapped text would spill into the next band."""
    rows = _sheet_rows(outputs / "integrated_chronology.xlsx", sheet)
    header, expected = rows[0], rows[1:]
    index = 0
    for page in _pages(outputs / "pdf" / "integrated_chronology.pdf"):
        footer = max(w.top for w in page.words if w.text == "Page") - 1  # "Page 3 of 24"
        left = min(w.x for w in page.words)
        anchors = [w for w in page.words if w.x < left + 2 and re.fullmatch(r"E\d{4}", w.text)]
        bands = [*sorted(a.top - 1 for a in anchors), footer]
        above = [w.text for w in page.words if w.middle < bands[0]]
        if _letters(above) != _letters(header):
            continue  # another sheet's page (a page of this one missing rows fails below)
        for top, bottom in itertools.pairwise(bands):
            inside = [w.text for w in page.words if top <= w.middle < bottom]
            assert _letters(inside) == _letters(expected[index]), (sheet, expected[index][:2])
            index += 1
    assert index == len(expected), "every row printed"


def test_dates_are_date_cells_and_rows_fitted(outputs: Path) -> None:
    main = openpyxl.load_workbook(outputs / "integrated_chronology.xlsx")["Integrated chronology"]
    header = [c.value for c in main[1]]
    sort_date = main.cell(2, header.index("Sort date") + 1)
    assert isinstance(sort_date.value, dt.datetime)
    assert sort_date.number_format == "dd/mm/yyyy"
    assert {"Episode", "Comments / Analysis", "Reference"} <= set(header)
    assert all(main.row_dimensions[n].height for n in range(1, main.max_row + 1))
    timescales = openpyxl.load_workbook(outputs / "analysis.xlsx")["Timescales"]
    due = next(c for c in timescales[1] if c.value == "Due by").column
    cells = [timescales.cell(n, due) for n in range(2, timescales.max_row + 1)]
    assert any(isinstance(c.value, dt.datetime) and c.number_format == "dd/mm/yyyy" for c in cells)
