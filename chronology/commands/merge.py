"""``chronology merge FILES... --out DIR``: the main job."""

from __future__ import annotations

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
    from chronology.model.schema import Chronology
    from chronology.review.read import Review

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
VerboseOpt = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Show every input column's role in the import report."),
]
ALL_FORMATS = ",".join(render.FORMATS)


def merge_command(
    files: FilesArg,
    out: OutOpt = Path("out"),
    formats: FormatsOpt = ALL_FORMATS,
    review_file: ReviewOpt = None,
    anonymise: AnonymiseOpt = False,
    in_scope: InScopeOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Merge agency chronologies into one integrated chronology.

    Reads every chronology table in FILES, merges records of the same occurrence, and writes
    chronology.json plus the chosen formats to --out.
    """
    chosen = parse_formats(formats, list(render.FORMATS))
    paths = expand_inputs(files)
    if not paths:
        raise typer.BadParameter("no input files matched", param_hint="FILES")
    from chronology.review.read import find_review
    from chronology.stages.analysis import summary_lines

    review = find_review(review_file)
    chronology, written = _run(
        paths, review, out, chosen, anonymise=anonymise, in_scope=in_scope, quiet=quiet
    )
    if not quiet:
        from chronology.loaders.report import summary_lines as import_lines

        console.print("Import report (* = role read from the column's content):")
        for line in import_lines(chronology.meta.get("inputs", []), verbose=verbose):
            console.print(line, markup=False)
        console.print(agency_summary(chronology))
        console.print(totals_line(chronology))
        for line in summary_lines(chronology):
            console.print(line, markup=False)
        console.print("Wrote " + ", ".join(str(p) for p in written))


def _run(
    paths: list[Path],
    review: Review | None,
    out: Path,
    chosen: list[str],
    *,
    anonymise: bool,
    in_scope: bool,
    quiet: bool,
) -> tuple[Chronology, list[Path]]:
    from rich.progress import Progress

    from chronology import pipeline
    from chronology.privacy.pseudonyms import anonymise_chronology
    from chronology.stages.scope import in_scope_only

    with Progress(console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("Loading chronologies", total=len(paths))
        loaded = pipeline.load_all(
            paths, pipeline.spec_from(review), lambda _path: bar.advance(task)
        )
        glossary = pipeline.glossary_for(review) if anonymise else None
        stage = bar.add_task("Merging", total=None)
        chronology = pipeline.integrate(
            loaded, review, lambda name: bar.update(stage, description=f"Running {name}")
        )
        full = anonymise_chronology(chronology, glossary) if glossary is not None else chronology
        shown = in_scope_only(full) if in_scope else full
        written = render.write_all(
            full, shown, out, chosen, lambda name: bar.update(stage, description=f"Writing {name}")
        )
    if glossary is not None:
        pipeline.leak_check(written, glossary)
    return chronology, written
