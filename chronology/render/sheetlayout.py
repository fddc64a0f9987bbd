"""How a worksheet is laid out on screen and on paper: row heights fitted to wrapped text,
and the print setup (landscape A4, one page wide, header row on every page, a footer).

Spreadsheet programs do not fit a row's height to wrapped text when they open a file (Excel
never does, and LibreOffice not for every row), so a row left at the default height shows one
line and prints its text over the rows below. The height is therefore written for every row,
estimated from the column widths and the text: an estimate on the generous side, since a row
a line too tall costs white space and a row a line too short hides text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

# Points a wrapped line of 11-point Calibri (or its metric twin Carlito) takes, and a little
# padding above and below the text.
LINE_POINTS = 15.0
PADDING_POINTS = 3.0
# The tallest row Excel accepts (409 points); text beyond it stays in the cell and in
# chronology.json, and the Sources sheet holds each agency's part separately.
MAX_ROW_POINTS = 409.0
# Characters of ordinary text a column of width 1 holds per line: the width unit is one digit
# of the default font; capitals and word wrapping take more room than digits, so less than 1.
CHARS_PER_WIDTH = 1.05

# Paper, in inches as the file formats count them.
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.7, "header": 0.25, "footer": 0.3}
A4 = 9  # the paperSize code for A4
DATE_FORMAT = "dd/mm/yyyy"
_EPOCH = dt.date(1899, 12, 30)  # day 0 of the spreadsheet date serials


def lines_in(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` wide, each line break counted."""
    per_line = max(1, math.floor(width * CHARS_PER_WIDTH) - 1)
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def row_height(cells: Sequence[object], widths: Sequence[float]) -> float:
    """Points the row needs for its tallest wrapped cell (at least one line)."""
    lines = 1
    for value, width in zip(cells, widths, strict=False):
        if type(value) is str and (len(value) > width * CHARS_PER_WIDTH - 1 or "\n" in value):
            lines = max(lines, lines_in(value, width))
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + PADDING_POINTS)


def serial(day: dt.date) -> int:
    """``day`` as the day number a spreadsheet date cell holds."""
    return (day - _EPOCH).days


def footer_text(title: str) -> str:
    """An OOXML footer: the review's title on the left, "Page n of m" on the right. An
    ampersand starts a field code, so the title's own are doubled; Excel takes 255 characters."""
    safe = title.replace("&", "&&")[:200]
    return f"&L{safe}&RPage &P of &N"


def print_setup_xml(title: str | None) -> str:
    """A worksheet's print setup (after its autoFilter): landscape A4, fitted to one page
    wide (as many pages tall as it takes), the margins, and a footer with the title and
    page number; the header row repeats by the workbook's ``Print_Titles`` name."""
    if title is None:
        return ""
    margins = " ".join(f'{side}="{inches}"' for side, inches in MARGINS.items())
    return (
        f"<pageMargins {margins}/>"
        f'<pageSetup paperSize="{A4}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter><oddFooter>{escape(footer_text(title))}</oddFooter></headerFooter>"
    )
