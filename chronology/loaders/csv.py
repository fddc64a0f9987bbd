"""csv files, often exported by Excel on Windows: the encoding and delimiter are detected.

Row numbers are record numbers (the header record is 1), which is what Excel shows when it
opens the file, even where a quoted cell runs over several lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from chronology.dates.span import DateError, parse_date
from chronology.loaders.table import RawTable
from chronology.model.errors import CorruptFileError, EncodingError, Notice

EXTENSIONS = (".csv", ".tsv", ".txt")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536


def decode(raw: bytes, display: str) -> tuple[str, str]:
    """Text and the encoding used: a BOM wins, then UTF-16 without a BOM (every other byte
    zero), then strict UTF-8, then Windows cp1252. Text that is UTF-8 (it says so, or it
    holds UTF-8's many-byte characters) but has bytes that are not is an error, located:
    read as cp1252 it would come out garbled ("Childrenâ€™s")."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strictly(raw, encoding, display), encoding
    utf16 = _bomless_utf16(raw[:4096])
    if utf16:
        return raw.decode(utf16, errors="replace"), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(raw):
            _strictly(raw, "utf-8", display)  # raises, located
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 keeps every byte rather than lose a row
        return raw.decode("latin-1"), "latin-1"


# A lead byte and its continuation bytes: UTF-8's many-byte characters (curly quotes, the
# pound sign, accented letters).
_MANY_BYTE_UTF8 = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(raw: bytes) -> bool:
    """More of UTF-8's many-byte characters than bytes UTF-8 cannot read: a UTF-8 file with
    a few damaged bytes. (In a cp1252 file every accented letter and curly quote is a byte
    UTF-8 cannot read, and the many-byte patterns occur only by chance.)"""
    unreadable = raw.decode("utf-8", errors="replace").count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    return len(_MANY_BYTE_UTF8.findall(raw)) > unreadable


def _strictly(raw: bytes, encoding: str, display: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        name = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
        raise EncodingError(
            f"line {line} holds bytes that are not {name}, the encoding the rest of the file "
            "is in; nothing was read from the file",
            file=display,
        ) from None


def _bomless_utf16(head: bytes) -> str | None:
    """ASCII-range text saved as UTF-16 has a zero in every other byte."""
    if len(head) < 4:
        return None
    odd, even = head[1::2], head[0::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns
    (csv.Sniffer is easily fooled by punctuation in free text)."""
    sample = text[:_SAMPLE]
    best, best_score = ",", -1
    for delimiter in ",;\t|":
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            widths = [len(r) for r in itertools.islice(reader, 50)]
        except csv.Error:
            continue
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        score = widths.count(mode) * 1000 + mode
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_tables(path: Path, display: str) -> Iterator[RawTable]:
    """One table; row numbers are the records a person sees in Excel (header line = 1)."""
    text, encoding = decode(path.read_bytes(), display)
    notes = []
    if encoding in ("latin-1", "utf-16-le", "utf-16-be"):
        message = f"file read as {encoding} (no marker said so)"
        notes.append(Notice(display, None, None, message, code="encoding-guessed"))
    delimiter = _delimiter(text)
    rows = _records(text, delimiter, display)
    yield RawTable(
        file=display, sheet=None, rows=rows, row_numbers=list(range(1, len(rows) + 1)), notes=notes
    )


def _records(text: str, delimiter: str, display: str) -> list[list[object]]:
    # a cell may be as long as the file (the module's default limit, 128 KB, refused a
    # genuine long note as a damaged file)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    lines: list[int] = []  # the line each record ends on
    try:
        for record in reader:
            rows.append(list(record))
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise CorruptFileError(
            f"the csv cannot be read at line {reader.line_num + 1}: {exc}",
            file=display,
            row=len(rows) + 1,
        ) from exc
    _check_last_record(text, delimiter, lines, display)
    _check_joined_rows(text, delimiter, rows, lines, display)
    return rows


def _check_joined_rows(
    text: str, delimiter: str, rows: list[list[object]], lines: list[int], display: str
) -> None:
    """A stray quote closed by another one further down joins the rows between them into
    one cell, silently. A genuine cell over several lines holds notes; a line in it shaped
    like a row of its own (as many cells as the file's one-line rows, one of them a date)
    is a row swallowed, so the file is refused, located, rather than lose it."""
    starts = [0, *lines[:-1]]
    joined = [i for i, (a, b) in enumerate(zip(starts, lines, strict=True)) if b - a > 1]
    if not joined:
        return
    widths = Counter(len(r) for r, a, b in zip(rows, starts, lines, strict=True) if b - a == 1)
    width = max(widths, key=lambda w: (widths[w], w)) if widths else 0
    physical = io.StringIO(text, newline="").readlines()
    for index in joined:
        for offset, line in enumerate(physical[starts[index] + 1 : lines[index]], start=1):
            if width > 1 and _row_shaped(line, delimiter, width):
                raise CorruptFileError(
                    f"a quoted cell opened on line {starts[index] + 1} runs on over line "
                    f"{starts[index] + 1 + offset}, which looks like a row of its own "
                    f"({line.strip()[:60]!r}), so rows would be joined into one cell",
                    file=display,
                    row=index + 1,
                    hint='Find the stray double quote (") in that row, remove it or close '
                    "it, and save.",
                )


def _row_shaped(line: str, delimiter: str, width: int) -> bool:
    cells = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    if len(cells) != width:
        return False
    for cell in cells:
        try:
            if cell.strip() and parse_date(cell).start is not None:
                return True
        except DateError:
            continue
    return False


def _check_last_record(text: str, delimiter: str, lines: list[int], display: str) -> None:
    """A quote never closed swallows every later line into one cell (the csv module reads on
    to the end without complaint), so those rows would silently vanish: refuse instead."""
    if len(lines) < 1 or (len(lines) > 1 and lines[-1] == lines[-2] + 1):
        return  # the last record is one line: no quote ran on
    start = lines[-2] if len(lines) > 1 else 0
    tail = "".join(io.StringIO(text, newline="").readlines()[start:])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return
        raise CorruptFileError(
            f"a quoted cell opened on line {start + 1} is never closed, so every line after "
            "it would be read as one cell",
            file=display,
            row=len(lines),
            hint='Find the stray double quote (") in that row, remove it or close it, and save.',
        ) from exc
