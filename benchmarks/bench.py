"""Benchmark `chronology merge` against the I/O-only baseline, in the same run.

    python benchmarks/bench.py [--sizes 8x100,10x300,20x5000,40x5000] [--kinds everyday,dense]
                               [--repeat 3] [--quick]

Every size is measured with each kind of text (generate.py: "everyday", as in the samples, and
"dense", full of meeting and agency words), each as a ratio to the baseline run alongside.

Each measurement runs in a fresh process. ``--repeat`` rounds each time every size's baseline
and merge once, in turn, and the best wall time of each is kept; the peak memory (PSS) of the
whole process tree, workers included, comes from one more run. Results go to stdout and
benchmarks/results.md (not with ``--quick``: one round, at 2x50 rows unless ``--sizes``).
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

from generate import KINDS, generate  # noqa: E402

SIZES = "8x100,10x300,20x5000,40x5000"


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
    parser.add_argument("--sizes", help=f"agencies x rows, comma-separated (default {SIZES})")
    parser.add_argument("--kinds", default=",".join(KINDS), help="texts: " + ", ".join(KINDS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="one round (at 2x50 rows unless --sizes), to see "
        "that it runs: its figures are no measurement, so results.md is left alone",
    )  # fmt: skip
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    args.sizes = args.sizes or ("2x50" if args.quick else SIZES)
    runs = [
        _commands(kind, size) for kind in args.kinds.split(",") for size in args.sizes.split(",")
    ]
    # Rounds, each timing every command once: a slow spell of a shared machine then falls on
    # every size and on both sides of a ratio, not on one of them.
    best: dict[tuple[str, str, str], float] = {}
    for _round in range(args.repeat):
        for kind, size, commands in runs:
            for side, command in commands.items():
                key = kind, size, side
                best[key] = min(best.get(key, float("inf")), wall(command))
    lines = [
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, {_cores()} cores.",
        "",
        "| text | agencies × rows | rows | baseline (s) | merge (s) | ratio "
        "| merge peak MiB | baseline peak MiB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    merge_times: dict[tuple[str, int], float] = {}
    for kind, size, commands in runs:
        agencies, rows = (int(x) for x in size.split("x"))
        base_s, merge_s = best[kind, size, "baseline"], best[kind, size, "merge"]
        lines.append(
            f"| {kind} | {agencies} × {rows:,} | {agencies * rows:,} | {base_s:.2f} "
            f"| {merge_s:.2f} | {merge_s / base_s:.2f}× | {peak(commands['merge']):.0f} "
            f"| {peak(commands['baseline']):.0f} |"
        )
        print(lines[-1], flush=True)
        merge_times[kind, agencies * rows] = merge_s
    lines += _scaling(merge_times)
    if not args.quick:
        (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _scaling(merge_times: dict[tuple[str, int], float]) -> list[str]:
    """How the merge scales from 100,000 to 200,000 rows, for each kind of text measured at both."""
    lines = []
    for kind in dict.fromkeys(kind for kind, _rows in merge_times):
        if (kind, 100_000) in merge_times and (kind, 200_000) in merge_times:
            scaling = merge_times[kind, 200_000] / merge_times[kind, 100_000]
            lines.append(f"{kind}: 200,000 rows take {scaling:.2f}× the time of 100,000 rows.")
    return ["", *lines] if lines else []


def _commands(kind: str, size: str) -> tuple[str, str, dict[str, list[str]]]:
    """The inputs of one kind and size (generated once) and its two commands, baseline and
    merge."""
    agencies, rows = (int(x) for x in size.split("x"))
    files = [str(f) for f in generate(HERE / "data" / kind / size, agencies, rows, kind=kind)]
    out = HERE / "out" / kind / size
    merge = [
        *(sys.executable, "-m", "chronology", "merge", *files),
        *("--out", str(out / "merge"), "--formats", "json,csv,xlsx", "--quiet"),
    ]
    baseline = [sys.executable, str(HERE / "baseline.py"), str(out / "baseline"), *files]
    return kind, size, {"baseline": baseline, "merge": merge}


def _cores() -> int:
    import os  # noqa: PLC0415

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
