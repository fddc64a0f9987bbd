"""``chronology merge FILES... --out DIR``: the main job."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chronology import render
from chronology.commands.common import (
    AnonymiseOpt,
    JsonOpt,
    QuietOpt,
    ReferenceOpt,
    ReviewOpt,
    VerboseOpt,
    agency_summary,
    console,
    expand_inputs,
    parse_formats,
    print_json,
    problem_lines,
    run_summary,
    totals_line,
)

if TYPE_CHECKING:
    from chronology.model.schema import Chronology
    from chronology.privacy.pseudonyms import Glossary
    from chronology.privacy.redact import Redactor
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
InScopeOpt = Annotated[
    bool,
    typer.Option(
        "--in-scope-only",
        help="Leave out-of-scope events out of rendered documents (kept in json).",
    ),
]
CoarsenOpt = Annotated[
    bool,
    typer.Option(
        "--coarsen-dates",
        help="With --anonymise: give every date to the month only, and drop times of day.",
    ),
]
ALL_FORMATS = ",".join(render.FORMATS)


def merge_command(
    files: FilesArg,
    out: OutOpt = Path("out"),
    formats: FormatsOpt = ALL_FORMATS,
    review_file: ReviewOpt = None,
    anonymise: AnonymiseOpt = False,
    coarsen_dates: CoarsenOpt = False,
    reference_docx: ReferenceOpt = None,
    in_scope: InScopeOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    json_summary: JsonOpt = False,
) -> None:
    """Merge agency chronologies into one integrated chronology.

    Reads every chronology table in FILES, merges records of the same occurrence, and writes
    chronology.json plus the chosen formats to --out.
    """
    chosen = parse_formats(formats, list(render.FORMATS))
    if coarsen_dates and not anonymise:
        raise typer.BadParameter("goes with --anonymise", param_hint="--coarsen-dates")
    paths = expand_inputs(files)
    if not paths:
        raise typer.BadParameter("no input files matched", param_hint="FILES")
    from chronology.render import edits
    from chronology.review.read import find_review
    from chronology.stages.analysis import summary_lines

    review = find_review(review_file)
    quiet = quiet or json_summary  # --json: stdout holds the summary, and nothing else
    kept = edits.keep_edited(out) if out.is_dir() else []
    chronology, written = _run(
        paths, review, out, chosen, anonymise=anonymise, coarsen=coarsen_dates, in_scope=in_scope,
        quiet=quiet, options={"docx": {"reference": reference_docx}} if reference_docx else {},
    )  # fmt: skip
    edits.record(out, written)
    if json_summary:
        summary = run_summary(chronology, written)
        summary["kept_edits"] = [str(copy) for _path, copy in kept]
        print_json(summary)
        return
    if not quiet:
        from chronology.loaders.report import summary_lines as import_lines

        console.print("Import report (* = role read from the column's content):")
        for line in import_lines(chronology.meta.get("inputs", []), verbose=verbose):
            console.print(line, markup=False)
        console.print(agency_summary(chronology))
        console.print(totals_line(chronology))
        for line in summary_lines(chronology):
            console.print(line, markup=False)
        console.print("Wrote " + ", ".join(str(p) for p in written), markup=False)
        for line in edits.kept_lines(kept) + problem_lines(chronology, written, verbose):
            console.print(line, markup=False)


def _run(
    paths: list[Path],
    review: Review | None,
    out: Path,
    chosen: list[str],
    *,
    anonymise: bool,
    coarsen: bool,
    in_scope: bool,
    quiet: bool,
    options: Mapping[str, Mapping[str, Any]],
) -> tuple[Chronology, list[Path]]:
    from rich.progress import Progress

    from chronology import pipeline
    from chronology.privacy.pseudonyms import anonymise_chronology
    from chronology.privacy.redact import Redactor
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
        redactor, full = None, chronology
        if glossary is not None:
            bar.update(stage, description="Anonymising and redacting")
            redactor = Redactor.for_chronology(chronology, coarsen=coarsen)
            full = anonymise_chronology(chronology, glossary, redactor)
        shown = in_scope_only(full) if in_scope else full
        written = render.write_all(
            full,
            shown,
            out,
            chosen,
            lambda name: bar.update(stage, description=f"Writing {name}"),
            options,
            # checked while staged: a leak leaves the previous (clean) outputs in place
            None if glossary is None else partial(_leak_check, glossary=glossary),
        )
        if redactor is not None and glossary is not None:
            report = redaction_report(full, redactor, out)
            pipeline.leak_check([report], glossary)
            written.append(report)
    return chronology, written


def _leak_check(staged: list[tuple[Path, Path]], glossary: Glossary) -> None:
    from chronology import pipeline

    pipeline.leak_check([], glossary, staged)


def redaction_report(published: Chronology, redactor: Redactor, out: Path) -> Path:
    """``redaction_report.md``: each kind redacted and its count, and what is left for a
    person to check (read from the published chronology)."""
    from chronology.privacy.redact import published_texts
    from chronology.privacy.safety import write_text

    target = out / "redaction_report.md"
    write_text(target, redactor.report(published_texts(published)))
    return target
