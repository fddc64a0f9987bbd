"""Do two versions of the code write the same outputs? Every output file, byte for byte.

    python scripts/identical.py [--base REV] [--sets samples,everyday-3000,...] [--no-cache]

Checks out REV (default: 12519d8, main before the refactor) into a temporary git worktree and,
for each input set, runs ``chronology merge`` with every output format once with REV's code
and once with this tree's, then compares the two output folders file by file. Prints a table
(input set, files compared, identical, different) and, for each differing file, where it first
differs: the line for text, the member and sizes for xlsx/docx, the sizes otherwise. Exits 1
when anything differs or a run fails.

Input sets: the samples (samples/imrs/* with -r samples/review.toml), and each kind of text of
benchmarks/generate.py at 3,000 rows (10 agencies × 300) and 20,000 rows (20 × 1,000),
generated once into a temporary folder by this tree's generator, so both sides read the same
files. REV's outputs are cached in benchmarks/out/identical/<commit>/<set>/ together with a
digest of the inputs and arguments they came from, and reused while that digest matches.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from compare import Difference, compare_folders

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / "out" / "identical"
BASE = "12519d8"
GENERATED = {3_000: (10, 300), 20_000: (20, 1_000)}  # rows: (agencies, rows per agency)
# Runs `chronology merge` from the tree named first. The tree goes on PYTHONPATH too, but the
# installed (editable) package maps chronology.templates to the top-level templates/ of the
# tree it was installed from, whichever tree is on the path: so the templates are loaded from
# this tree's own templates/ explicitly, and where the code came from is checked.
RUNNER = """
import importlib.util, sys
from pathlib import Path
root = Path(sys.argv.pop(1)).resolve()
sys.path.insert(0, str(root))
import chronology
templates = root / "templates" / "__init__.py"
if templates.is_file():
    spec = importlib.util.spec_from_file_location(
        "chronology.templates", templates, submodule_search_locations=[str(templates.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["chronology.templates"] = module
    spec.loader.exec_module(module)
    chronology.templates = module
import chronology.templates
for loaded in (chronology, chronology.templates):
    if root not in Path(loaded.__file__).resolve().parents:
        sys.exit(f"identical.py: {loaded.__name__} came from {loaded.__file__}, not {root}")
from chronology.cli import main
main()
"""


@dataclass
class InputSet:
    name: str
    files: list[Path]
    options: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    name: str
    compared: int = 0
    differences: list[Difference] = field(default_factory=list)
    failure: str = ""
    seconds: dict[str, float | None] = field(default_factory=dict)  # None: from the cache


def main() -> None:
    args = _arguments()
    commit = _git("rev-parse", "--verify", f"{args.base}^{{commit}}")
    formats = _formats()
    with tempfile.TemporaryDirectory(prefix="identical-") as scratch:
        work = Path(scratch)
        (work / "cwd").mkdir()  # an empty folder to run in: nothing there to import or read
        sets = _input_sets(args.sets.split(","), work / "data")
        base = _Base(commit, work / "base", use_cache=not args.no_cache)
        try:
            outcomes = [_check(one, formats, base, work) for one in sets]
        finally:
            base.remove()
    print(f"\nbase {args.base} ({commit[:12]}) against this tree ({ROOT}), formats {formats}\n")
    _print_table(outcomes)
    if any(o.failure or o.differences for o in outcomes):
        raise SystemExit(1)


def _arguments() -> argparse.Namespace:
    names = ["samples", *(f"{k}-{rows}" for rows in GENERATED for k in _kinds())]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=BASE, help=f"the revision to compare with ({BASE})")
    parser.add_argument(
        "--sets", default=",".join(names), help=f"input sets, from: {', '.join(names)}"
    )
    parser.add_argument("--no-cache", action="store_true", help="rerun the base every time")
    args = parser.parse_args()
    unknown = set(args.sets.split(",")) - set(names)
    if unknown:
        parser.error(f"unknown input sets: {', '.join(sorted(unknown))}")
    return args


def _generator() -> ModuleType:
    """This tree's benchmarks/generate.py (the benchmarks folder is no package)."""
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    return importlib.import_module("generate")


def _kinds() -> list[str]:
    return list(_generator().KINDS)


def _formats() -> str:
    """Every format this tree's merge writes (json is always written, and named anyway)."""
    code = "from chronology import render; print(','.join(render.FORMATS))"
    return _python(ROOT, ["-c", code], cwd=ROOT).stdout.strip()


def _input_sets(names: list[str], data: Path) -> list[InputSet]:
    generate = _generator().generate
    sets = []
    for name in names:
        if name == "samples":
            files = sorted((ROOT / "samples" / "imrs").iterdir())
            sets.append(InputSet(name, files, ["-r", str(ROOT / "samples" / "review.toml")]))
            continue
        kind, rows = name.rsplit("-", 1)
        agencies, each = GENERATED[int(rows)]
        sets.append(InputSet(name, generate(data / name, agencies, each, kind=kind)))
    return sets


class _Base:
    """The base revision's outputs: from the cache, or run in a worktree made when first
    needed and removed at the end."""

    def __init__(self, commit: str, tree: Path, *, use_cache: bool) -> None:
        self.commit, self.tree, self.use_cache = commit, tree, use_cache
        self.made = False

    def outputs(self, one: InputSet, formats: str, cwd: Path) -> tuple[Path, float | None]:
        out = CACHE / self.commit / one.name
        digest = _digest(one, formats)
        stamp = out.parent / f"{one.name}.inputs"
        if self.use_cache and stamp.is_file() and stamp.read_text() == digest and out.is_dir():
            return out, None
        if not self.made:
            _git("worktree", "add", "--detach", "--quiet", str(self.tree), self.commit)
            self.made = True
        shutil.rmtree(out, ignore_errors=True)
        stamp.unlink(missing_ok=True)
        seconds = _merge(self.tree, one, formats, out, cwd)
        stamp.write_text(digest)
        return out, seconds

    def remove(self) -> None:
        if self.made:
            _git("worktree", "remove", "--force", str(self.tree))


def _check(one: InputSet, formats: str, base: _Base, work: Path) -> Outcome:
    outcome = Outcome(one.name)
    print(f"{one.name}: {len(one.files)} input files ...", flush=True)
    try:
        base_out, outcome.seconds["base"] = base.outputs(one, formats, work / "cwd")
        ours = work / "out" / one.name
        outcome.seconds["this tree"] = _merge(ROOT, one, formats, ours, work / "cwd")
    except subprocess.CalledProcessError as failed:
        outcome.failure = f"merge failed ({failed.returncode}): {_last_line(failed.stderr)}"
        return outcome
    outcome.compared, outcome.differences = compare_folders(base_out, ours)
    return outcome


def _merge(tree: Path, one: InputSet, formats: str, out: Path, cwd: Path) -> float:
    out.parent.mkdir(parents=True, exist_ok=True)
    command = ["merge", *map(str, one.files), *one.options, "--out", str(out)]
    started = time.perf_counter()
    _python(tree, ["-c", RUNNER, str(tree), *command, "--formats", formats, "--quiet"], cwd)
    return time.perf_counter() - started


def _python(tree: Path, arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [sys.executable, *arguments], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )


def _digest(one: InputSet, formats: str) -> str:
    """What the base's outputs came from: the inputs' names and bytes, and the arguments."""
    digest = hashlib.sha256(f"{formats}\n{one.options}\n".encode())
    for path in one.files:
        digest.update(f"{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _git(*arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=ROOT, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no message)"


def _print_table(outcomes: list[Outcome]) -> None:
    print(f"{'input set':<16} {'files':>5} {'identical':>9} {'different':>9}   base s  tree s")
    for o in outcomes:
        times = "  ".join(_seconds(o.seconds.get(side)) for side in ("base", "this tree"))
        if o.failure:
            print(f"{o.name:<16} {o.failure}")
            continue
        same = o.compared - len(o.differences)
        print(f"{o.name:<16} {o.compared:>5} {same:>9} {len(o.differences):>9}   {times}")
        for difference in o.differences:
            print(f"    {difference.name}: {difference.where}")
    verdict = "all identical" if not any(o.failure or o.differences for o in outcomes) else ""
    print(f"\n{verdict or 'DIFFERENT: see above'}")


def _seconds(value: float | None) -> str:
    return "cached" if value is None else f"{value:6.2f}"


if __name__ == "__main__":
    main()
