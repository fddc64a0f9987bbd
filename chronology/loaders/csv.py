"""csv files, often exported by Excel on Windows: the encoding and delimiter are detected."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path

from chronology.errors import Notice
from chronology.loaders.table import RawTable

EXTENSIONS = (".csv", ".tsv", ".txt")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding used: a BOM wins, then strict UTF-8, then Windows cp1252."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 keeps every byte rather than lose a row
        return raw.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns
    (csv.Sniffer is easily fooled by punctuation in free text)."""
    sample = text[:65536]
    best, best_score = ",", -1
    for delimiter in ",;\t|":
        widths = [
            len(r)
            for r in itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter), 50)
        ]
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
    text, encoding = decode(path.read_bytes())
    notes = []
    if encoding == "latin-1":
        notes.append(
            Notice(display, None, None, "file is not valid UTF-8 or cp1252; read as latin-1")
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[object]] = [list(record) for record in reader]
    yield RawTable(
        file=display, sheet=None, rows=rows, row_numbers=list(range(1, len(rows) + 1)), notes=notes
    )
