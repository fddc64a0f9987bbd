"""Alike rows at growing sizes: wall time and peak memory, to show the merge stays linear.

    python benchmarks/identical.py [--sizes 5000,10000,20000]

Three shapes, each in a fresh process: one agency's N identical rows (exact duplicates),
two agencies' N/2 near-identical contacts on one day, and two agencies' N/2 contacts on
one day that each name the other agency. Linear work shows as a flat "ms per row" column
(once the start-up cost is small beside the rows); the quadratic steps this guards against
took 10.6 s at 2,500 identical rows and 97.8 s at 10,000, and 469 s and 6.9 GB for
2 x 5,000 near-identical same-day contacts. Not for timing claims on a shared machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import peak  # noqa: E402

SHAPES = {
    "identical": lambda n: {"Police chronology.csv": ["Home visit, mother and child seen"] * n},
    "alike same day": lambda n: {
        f"{agency} chronology.csv": [f"Home visit number {i}, mother seen" for i in range(n // 2)]
        for agency in ("Police", "Health")
    },
    "naming same day": lambda n: {
        "Police chronology.csv": [f"Referral sent to health visitor {i}" for i in range(n // 2)],
        "Health chronology.csv": [f"Police officer attended {i}" for i in range(n // 2)],
    },
}


def _write(folder: Path, files: dict[str, list[str]]) -> list[str]:
    paths = []
    for name, texts in files.items():
        path = folder / name
        path.write_text("Date,Details\n" + "".join(f"01/02/2010,{t}\n" for t in texts))
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5000,10000,20000")
    args = parser.parse_args()
    print("| shape | rows | merge (s) | ms per row | peak MiB |\n|---|---|---|---|---|")
    for shape, make in SHAPES.items():
        for size in (int(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as folder:
                inputs = _write(Path(folder), make(size))
                command = [sys.executable, "-m", "chronology", "merge", *inputs, "--quiet"]
                command += ["--out", str(Path(folder) / "out")]
                started = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                seconds = time.perf_counter() - started
                memory = peak(command)
            print(f"| {shape} | {size:,} | {seconds:.1f} | {seconds * 1000 / size:.2f} "
                  f"| {memory:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
