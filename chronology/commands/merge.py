"""``chronology merge FILES... --out DIR``: the main job."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chronology import render
from chronology.commands.common import (
    AnonymiseOpt,
    QuietOpt,
    agency_summary,
    console,
    expand_inputs,
    parse_formats,
    totals_line,
)

if TYPE_CHECKING:
    from chronology.review import Review
    from chronology.schema import Chronology
    from chronology.warm import Warm

FilesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Agency chronologies: xlsx, xlsm, xls, ods, csv, docx.", show_default=False
    ),
]
OutOpt = Annotated[
    Path, typer.Option("--out", "-o", help="Folder for the outputs (created if missing).")
]
FormatsOpt = Annotated[
    str,
    typer.Option(
        "--formats",
        help=f"Comma-separated outputs from: {', '.join(render.FORMATS)}. "
        "chronology.json is always written.",
    ),
]
ReviewOpt = Annotated[
    Path | None,
    typer.Option("--review", "-r", help="The review file (default: ./review.toml if present)."),
]
InScopeOpt = Annotated[
    bool,
    typer.Option(
        "--in-scope-only",
        help="Leave out-of-scope events out of rendered documents (kept in json).",
    ),
]
ALL_FORMATS = ",".join(render.FORMATS)
# Inputs up to this size get a warm worker: a typical review's come to a few hundred kB
# (the samples 92 kB, 3,000 synthetic rows 290 kB). Past a few thousand rows sending the
# chronology to it costs more than the libraries' import it saves (measured: 10,000 rows
# 0.4 s slower with it, 20,000 rows 1.4 s).
WARM_INPUT_BYTES = 384 << 10


def merge_command(
    files: FilesArg,
    out: OutOpt = Path("out"),
    formats: FormatsOpt = ALL_FORMATS,
    review_file: ReviewOpt = None,
    anonymise: AnonymiseOpt = False,
    in_scope: InScopeOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Merge agency chronologies into one integrated chronology.

    Reads every chronology table in FILES, merges records of the same occurrence, and writes
    chronology.json plus the chosen formats to --out.
    """
    chosen = parse_formats(formats, list(render.FORMATS))
    paths = expand_inputs(files)
    if not paths:
        raise typer.BadParameter("no input files matched", param_hint="FILES")
    with _warm_worker(paths, chosen) as warm:  # first: it loads libraries meanwhile
        from chronology.analysis import summary_lines
        from chronology.gcpause import keep_until_exit, without_gc
        from chronology.review import find_review

        review = find_review(review_file)
        with without_gc():
            chronology, written = _run(
                paths, review, out, chosen, warm, anonymise=anonymise, in_scope=in_scope,
                quiet=quiet,
            )  # fmt: skip
            keep_until_exit(chronology)
    if not quiet:
        console.print(agency_summary(chronology))
        console.print(totals_line(chronology))
        for line in summary_lines(chronology):
            console.print(line, markup=False)
        console.print("Wrote " + ", ".join(str(p) for p in written))


def _warm_worker(
    paths: list[Path], chosen: list[str]
) -> contextlib.AbstractContextManager[Warm | None]:
    """For small inputs, a worker that loads the timeline's and the Word draft's libraries
    (about a third of a second) while the inputs are read, and then writes those formats.
    Forked first, before any thread is started."""
    if not set(chosen) & set(render.WARM) or _size(paths) > WARM_INPUT_BYTES:
        return contextlib.nullcontext()
    from chronology.warm import warmed

    return warmed(render.prepare_warm)


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # (reported, located, when it is read)
            total += path.stat().st_size
    return total


def _run(
    paths: list[Path],
    review: Review | None,
    out: Path,
    chosen: list[str],
    warm: Warm | None,
    *,
    anonymise: bool,
    in_scope: bool,
    quiet: bool,
) -> tuple[Chronology, list[Path]]:
    from rich.progress import Progress

    from chronology import intake, pipeline
    from chronology.gcpause import keep_until_exit
    from chronology.pseudonyms import anonymise_chronology
    from chronology.scope import in_scope_only

    bar = Progress(console=console, transient=True, disable=quiet)
    task = bar.add_task("Loading chronologies", total=len(paths))
    try:  # the bar's refresh thread starts once loading has forked its worker (on_start)
        loaded, features = intake.load_all(
            paths,
            pipeline.spec_from(review),
            lambda _path: bar.advance(task),
            features=True,
            on_start=bar.start,
        )
    finally:
        bar.stop()
    chronology = pipeline.merged(loaded, review, features, chosen)
    keep_until_exit(loaded, features)
    glossary = pipeline.glossary_for(review) if anonymise else None

    def view(of: Chronology) -> Chronology:
        shown = anonymise_chronology(of, glossary) if glossary is not None else of
        return in_scope_only(shown) if in_scope else shown

    def finish() -> tuple[Chronology, Chronology]:
        pipeline.enrich(chronology, review)
        full = anonymise_chronology(chronology, glossary) if glossary is not None else chronology
        return full, in_scope_only(full) if in_scope else full

    # csv and xlsx show only the merge: they are written while episodes and checks run
    written = render.write_while(lambda: view(chronology), out, chosen, finish, warm)
    if glossary is not None:
        pipeline.leak_check(written, glossary)
    return chronology, written
