"""Which row is the header, judged by the rows under it, and whether a headerless table
carries on the one before it.

A heading score alone (``headings.header_score``) picks the row that names the most fields,
so a later, wider heading row or an all-text data row that happens to read like headings
could win, and every row above it was silently dropped. A header is the row whose date
column holds dates in the rows under it; the earliest such row wins, because rows above a
header are a title block, never data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chronology.dates.span import DateError, parse_date
from chronology.loaders.cells import is_blank
from chronology.loaders.headings import header_score, map_headings

SCAN = 40  # header rows sit within the first rows (under a title block)
WINDOW = 20  # the rows under a candidate that are looked at


def choose_header_row(
    rows: Sequence[Sequence[object]], overrides: Mapping[str, str] | None = None
) -> int | None:
    """The earliest candidate heading row with dates under it in its date column; failing
    that, the best-scoring candidate (a header with no readable dates under it yet)."""
    candidates = [(i, header_score(r, overrides)) for i, r in enumerate(rows[:SCAN])]
    candidates = [(i, s) for i, s in candidates if s > 1]
    if not candidates:
        return None
    for index, _ in candidates:
        column = _date_column(rows[index], overrides)
        if dated_rows(rows[index + 1 : index + 1 + WINDOW], column) > 0:
            return index
    return max(candidates, key=lambda c: (c[1], -c[0]))[0]


def dated_rows(rows: Sequence[Sequence[object]], column: int) -> int:
    """How many of ``rows`` hold a readable date in ``column``."""
    count = 0
    for cells in rows:
        value = cells[column] if column < len(cells) else None
        if is_blank(value):
            continue
        try:
            count += parse_date(value).start is not None
        except DateError:
            continue
    return count


def continues(
    rows: Sequence[Sequence[object]],
    header: Sequence[object],
    overrides: Mapping[str, str] | None = None,
) -> bool:
    """Whether a table with no header row is the carry-on of one with ``header`` (a second
    sheet or a Word table after a page break): no row is wider than the header, and most
    of its first filled rows hold dates in the header's date column."""
    filled = [r for r in rows if any(not is_blank(c) for c in r)][:WINDOW]
    if not filled or any(_width(r) > len(header) for r in filled):
        return False
    return dated_rows(filled, _date_column(header, overrides)) * 2 > len(filled)


def _date_column(header: Sequence[object], overrides: Mapping[str, str] | None) -> int:
    mapping = map_headings(header, overrides)
    return next(i for i, name in mapping.items() if name == "date")


def _width(row: Sequence[object]) -> int:
    """The row's width up to its last filled cell."""
    return max((i + 1 for i, c in enumerate(row) if not is_blank(c)), default=0)
