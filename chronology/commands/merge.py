"""``chronology merge FILES... --out DIR``: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from chronology import pipeline, render
from chronology.commands.common import (
    agency_summary,
    console,
    expand_inputs,
    parse_formats,
    totals_line,
)

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
ALL_FORMATS = ",".join(render.FORMATS)
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def merge_command(
    files: FilesArg,
    out: OutOpt = Path("out"),
    formats: FormatsOpt = ALL_FORMATS,
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
    with Progress(console=console, transient=True, disable=quiet) as progress:
        task = progress.add_task("Loading chronologies", total=len(paths))
        loaded = pipeline.load_all(paths, on_file=lambda _p: progress.advance(task))
    chronology = pipeline.integrate(loaded)
    writers = {name: render.writer(name) for name in {*chosen, *render.ALWAYS}}
    written = pipeline.write_outputs(chronology, out, writers)
    if not quiet:
        console.print(agency_summary(chronology))
        console.print(totals_line(chronology))
        console.print("Wrote " + ", ".join(str(p) for p in written))
