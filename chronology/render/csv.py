"""``integrated_chronology.csv``: the same rows as the Excel main sheet, inert in Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from chronology.model.schema import Chronology
from chronology.privacy.safety import inert_row, write_bytes
from chronology.render.rows import EVENT_COLUMNS, event_rows

FILENAME = "integrated_chronology.csv"


def write(chronology: Chronology, out: Path) -> list[Path]:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EVENT_COLUMNS)
    writer.writerows(inert_row([str(cell) for cell in row]) for row in event_rows(chronology))
    target = out / FILENAME
    # utf-8 with a BOM so Excel on Windows shows £ and curly quotes correctly
    write_bytes(target, buffer.getvalue().encode("utf-8-sig"))
    return [target]
