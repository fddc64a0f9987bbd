"""``chronology init FILES... [--out review.toml]``: write a starting review file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronology.commands.common import QuietOpt, console, expand_inputs
from chronology.model.errors import OutputError
from chronology.privacy.safety import write_text


def init_command(
    files: Annotated[list[Path], typer.Argument(help="Agency chronologies.", show_default=False)],
    output: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write the review file.")
    ] = Path("review.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Write a starting review.toml: agencies, column mappings, period and name candidates."""
    if output.exists() and not force:
        raise OutputError(
            f"{output} already exists", hint="Edit it, or pass --force to replace it."
        )
    from chronology import pipeline
    from chronology.loaders.intake import display_names
    from chronology.review.write import FileSummary, render_review

    paths = expand_inputs(files)
    loaded = pipeline.load_all(paths)
    names = display_names(paths)
    reports = {item["file"]: item for item in loaded.inputs}
    summaries = []
    for path in sorted(paths, key=lambda p: names[p]):
        report = reports.get(names[path])
        if report is None:
            continue  # skipped (a lock file, a repeat): noted in the warnings
        columns = [c for table in report["tables"] for c in table["columns"]]
        headings = list(dict.fromkeys(c["heading"] for c in columns))
        roles: dict[str, str] = {}
        for column in columns:
            roles.setdefault(column["heading"], column["role"])
        summaries.append(
            FileSummary(path.name, report["agency"], headings, report["agency_type"], roles)
        )
    write_text(output, render_review(loaded, summaries))
    if not quiet:
        console.print(
            f"Wrote {output}: {len(summaries)} agencies. Edit it, then run chronology merge.",
            markup=False,
        )
