"""Run a command and print its peak resident memory in MiB (Linux reports KiB)."""

from __future__ import annotations

import resource
import subprocess
import sys

subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
