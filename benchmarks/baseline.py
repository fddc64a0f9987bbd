"""The I/O-only baseline: the unavoidable work for the same rows, nothing else.

Read every file with pandas + calamine, then write the same number of rows to xlsx (XlsxWriter
in constant-memory mode), csv and json.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pandas as pd
import xlsxwriter


def run(files: list[Path], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    frames = [pd.read_excel(f, engine="calamine", sheet_name=None) for f in files]
    rows = [
        [str(v) for v in record]
        for sheets in frames
        for frame in sheets.values()
        for record in frame.itertuples(index=False)
    ]
    workbook = xlsxwriter.Workbook(str(out / "baseline.xlsx"), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    for number, row in enumerate(rows):
        for col, value in enumerate(row):
            sheet.write_string(number, col, value)
    workbook.close()
    with (out / "baseline.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    (out / "baseline.json").write_text(json.dumps(rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(run([Path(p) for p in sys.argv[2:]], Path(sys.argv[1])))
