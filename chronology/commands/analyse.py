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
    writes chronology.json (with the new findings) and analysis.xlsx.
    """
    from chronology.model.codec import read_chronology
    from chronology.render import analysis_xlsx
    from chronology.render import json as json_output
    from chronology.review.read import find_review
    from chronology.stages.analysis import run_checks, summary_lines

    chronology = read_chronology(chronology_json)
    found = find_review(review)
    run_checks(chronology, found.settings if found else {})
    folder = out or chronology_json.parent
    written = json_output.write(chronology, folder) + analysis_xlsx.write(chronology, folder)
    if not quiet:
        for line in summary_lines(chronology):
            console.print(line, markup=False)
        console.print("Wrote " + ", ".join(str(p) for p in written), markup=False)
