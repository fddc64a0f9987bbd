"""Run a command and print the peak memory of its whole process tree, in MiB.

The merge writes some outputs in forked workers, which share most of their memory with the
parent until either writes to it; adding up resident sizes would count shared pages twice.
So the tree's proportional set size (PSS: each shared page split between its sharers) is
sampled every 20 ms from /proc. Where /proc has no PSS (not Linux), the largest single
process's peak resident size is printed instead.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        try:
            queue += _children(current)
        except OSError:
            continue
    return pids


def _pss_kib(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kib(pid) for pid in _tree(process.pid)))
        time.sleep(0.02)
    if process.returncode:
        raise SystemExit(process.returncode)
    if not peak:  # no /proc: the largest process's peak instead
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(peak / 1024)


if __name__ == "__main__":
    main()
