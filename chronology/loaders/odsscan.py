"""An OpenDocument sheet's size after its repeats, counted before calamine expands them.

OpenDocument stores identical neighbouring rows and cells once, with a repeat count
(``table:number-rows-repeated``, ``table:number-columns-repeated``), so a few kilobytes can
stand for a billion filled cells. calamine refuses only the largest grids itself; below its
limit it builds them all, and a few hundred kilobytes took two gigabytes and a minute. The
counts are multiplied out here, per table, and a table beyond what a chronology could be is
refused, located.
"""

from __future__ import annotations

import re
import zipfile

from chronology.model.errors import TooLargeError

CHUNK = 1 << 20
MAX_REPEATED_CELLS = 1_000_000  # filled cells a table's repeats add to those written
_TAG = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_NAME = re.compile(rb'table:name="([^"]*)"')
_ROWS = re.compile(rb'table:number-rows-repeated="([0-9]+)"')
_COLUMNS = re.compile(rb'table:number-columns-repeated="([0-9]+)"')
_LONGEST_TAG = 4096


class _Count:
    def __init__(self, display: str) -> None:
        self.display = display
        self.sheet = ""
        self.filled = 0
        self.written = 0
        self.row_repeat = 1
        self.row_filled = 0
        self.row_written = 0

    def tag(self, kind: bytes, attributes: bytes, empty: bytes) -> None:
        if kind == b"table":
            found = _NAME.search(attributes)
            self.sheet = found.group(1).decode("utf-8", "replace") if found else ""
            self.filled = self.written = 0
        elif kind == b"table-row":
            self._end_row()
            found = _ROWS.search(attributes)
            self.row_repeat = int(found.group(1)) if found else 1
        elif not empty:  # a cell with content (an empty one is written self-closed)
            found = _COLUMNS.search(attributes)
            self.row_filled += int(found.group(1)) if found else 1
            self.row_written += 1

    def _end_row(self) -> None:
        self.filled += self.row_repeat * self.row_filled
        self.written += self.row_written
        self.row_repeat, self.row_filled, self.row_written = 1, 0, 0
        if self.filled - self.written > MAX_REPEATED_CELLS:
            raise TooLargeError(
                f"the sheet's repeat counts stand for {self.filled - self.written:,} or more "
                f"filled cells beyond the {self.written:,} written (limit "
                f"{MAX_REPEATED_CELLS:,}); usually a row or cell copied down or across to "
                "the end of the sheet",
                file=self.display,
                sheet=self.sheet or None,
            )

    def finish(self) -> None:
        self._end_row()


def check_repeats(archive: zipfile.ZipFile, display: str) -> None:
    """Refuse a table whose repeats add more than ``MAX_REPEATED_CELLS`` filled cells."""
    if "content.xml" not in archive.NameToInfo:
        return
    count = _Count(display)
    with archive.open("content.xml") as stream:
        tail = b""
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            cut = window.rfind(b"<")
            if cut < len(window) - _LONGEST_TAG:
                cut = len(window)
            for kind, attributes, empty in _TAG.findall(window, 0, cut):
                count.tag(kind, attributes, empty)
            tail = window[cut:]
    count.finish()
