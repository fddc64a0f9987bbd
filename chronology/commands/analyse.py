"""``chronology analyse CHRONOLOGY_JSON``: re-run the analyst checks on a saved chronology."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronology.commands.common import ChronologyArg, QuietOpt, ReviewOpt, console

OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Folder for chronology.json and analysis.xlsx [default: the input's]."
    ),
]


def analyse_command(
    chronology_json: ChronologyArg,
    out: OutOpt = None,
    review: ReviewOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Re-run the analyst checks on a saved chronology.

    Checks date discrepancies, recording lag, statutory timescales and who knew what, then
    writes chronology.json (with the new findings) and analysis.xlsx, saying which files it
    replaced. An anonymised chronology keeps the findings made on the real records before
    anonymising (the checks read names, dates and wording that anonymising changes): only
    analysis.xlsx is written from them.
    """
    from chronology.model.codec import read_chronology
    from chronology.render import analysis_xlsx
    from chronology.render import json as json_output
    from chronology.review.read import find_review
    from chronology.stages.analysis import run_checks, summary_lines

    chronology = read_chronology(chronology_json)
    folder = out or chronology_json.parent
    existed = {
        p for p in (folder / "chronology.json", folder / analysis_xlsx.FILENAME) if p.exists()
    }
    notes = []
    if chronology.meta.get("anonymised"):
        notes.append(
            f"{chronology_json} is anonymised: its findings were made on the real records "
            "before anonymising and are kept as they are (to re-run the checks, run analyse "
            "on the chronology.json of a merge without --anonymise)."
        )
        written = analysis_xlsx.write(chronology, folder)
    else:
        found = find_review(review)
        run_checks(chronology, found.settings if found else {})
        written = json_output.write(chronology, folder) + analysis_xlsx.write(chronology, folder)
    if quiet:
        return
    for line in [*notes, *summary_lines(chronology)]:
        console.print(line, markup=False)
    for path in written:
        if path not in existed:
            console.print(f"Wrote {path}", markup=False)
        elif path.name == "chronology.json":
            console.print(f"Replaced {path} (its findings replaced by this run's)", markup=False)
        else:
            console.print(f"Replaced {path}", markup=False)
