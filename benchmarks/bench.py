"""Benchmark `chronology merge` against the I/O-only baseline, in the same run.

    python benchmarks/bench.py [--sizes 8x100,10x300,20x5000,40x5000] [--repeat 3]

Each measurement runs in a fresh process; the best of ``--repeat`` wall times is kept, and the
peak memory (PSS) of the whole process tree, workers included, from one more run. Results go
to stdout and benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """The best wall time of ``repeat`` plain runs, and the peak memory of one more run
    watched by peak.py (watching costs a little CPU, so it is kept out of the timings)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    watched = [sys.executable, str(HERE / "peak.py"), *command]
    result = subprocess.run(watched, check=True, capture_output=True, text=True)
    return best, float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="8x100,10x300,20x5000,40x5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = [
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, {_cores()} cores.",
        "",
        "| agencies × rows | rows | baseline (s) | merge (s) | ratio "
        "| merge peak MiB | baseline peak MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    merge_times: dict[int, float] = {}
    for size in args.sizes.split(","):
        agencies, rows = (int(x) for x in size.split("x"))
        data = HERE / "data" / size
        files = generate(data, agencies, rows)
        out = HERE / "out" / size
        chronology = [
            *(sys.executable, "-m", "chronology", "merge", *map(str, files)),
            *("--out", str(out / "merge"), "--formats", "json,csv,xlsx", "--quiet"),
        ]
        baseline = [
            sys.executable,
            str(HERE / "baseline.py"),
            str(out / "baseline"),
            *map(str, files),
        ]
        base_s, base_mb = timed(baseline, args.repeat)
        merge_s, merge_mb = timed(chronology, args.repeat)
        lines.append(
            f"| {agencies} × {rows:,} | {agencies * rows:,} | {base_s:.2f} | {merge_s:.2f} | "
            f"{merge_s / base_s:.2f}× | {merge_mb:.0f} | {base_mb:.0f} |"
        )
        print(lines[-1], flush=True)
        merge_times[agencies * rows] = merge_s
    if 100_000 in merge_times and 200_000 in merge_times:
        scaling = merge_times[200_000] / merge_times[100_000]
        lines += ["", f"200,000 rows take {scaling:.2f}× the time of 100,000 rows."]
    (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _cores() -> int:
    import os  # noqa: PLC0415

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
