"""Benchmark `chronology merge` against the I/O-only baseline, in the same run.

    python benchmarks/bench.py [--sizes 8x100,10x300,20x5000,40x5000] [--repeat 3]

Each measurement runs in a fresh process. ``--repeat`` rounds each time every size's baseline
and merge once, in turn, and the best wall time of each is kept; the peak memory (PSS) of the
whole process tree, workers included, comes from one more run. Results go to stdout and
benchmarks/results.md.
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


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak(command: list[str]) -> float:
    """Peak memory of one run watched by peak.py (watching costs a little CPU, so it is
    kept out of the timings)."""
    watched = [sys.executable, str(HERE / "peak.py"), *command]
    result = subprocess.run(watched, check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="8x100,10x300,20x5000,40x5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = [_commands(size) for size in args.sizes.split(",")]
    # Rounds, each timing every command once: a slow spell of a shared machine then falls on
    # every size and on both sides of a ratio, not on one of them.
    best: dict[tuple[str, str], float] = {}
    for _round in range(args.repeat):
        for size, commands in runs:
            for side, command in commands.items():
                best[size, side] = min(best.get((size, side), float("inf")), wall(command))
    lines = [
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, {_cores()} cores.",
        "",
        "| agencies × rows | rows | baseline (s) | merge (s) | ratio "
        "| merge peak MiB | baseline peak MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    merge_times: dict[int, float] = {}
    for size, commands in runs:
        agencies, rows = (int(x) for x in size.split("x"))
        base_s, merge_s = best[size, "baseline"], best[size, "merge"]
        lines.append(
            f"| {agencies} × {rows:,} | {agencies * rows:,} | {base_s:.2f} | {merge_s:.2f} | "
            f"{merge_s / base_s:.2f}× | {peak(commands['merge']):.0f} "
            f"| {peak(commands['baseline']):.0f} |"
        )
        print(lines[-1], flush=True)
        merge_times[agencies * rows] = merge_s
    if 100_000 in merge_times and 200_000 in merge_times:
        scaling = merge_times[200_000] / merge_times[100_000]
        lines += ["", f"200,000 rows take {scaling:.2f}× the time of 100,000 rows."]
    (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _commands(size: str) -> tuple[str, dict[str, list[str]]]:
    """The size's inputs (generated once) and its two commands, baseline and merge."""
    agencies, rows = (int(x) for x in size.split("x"))
    files = [str(f) for f in generate(HERE / "data" / size, agencies, rows)]
    out = HERE / "out" / size
    merge = [
        *(sys.executable, "-m", "chronology", "merge", *files),
        *("--out", str(out / "merge"), "--formats", "json,csv,xlsx", "--quiet"),
    ]
    baseline = [sys.executable, str(HERE / "baseline.py"), str(out / "baseline"), *files]
    return size, {"baseline": baseline, "merge": merge}


def _cores() -> int:
    import os  # noqa: PLC0415

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
