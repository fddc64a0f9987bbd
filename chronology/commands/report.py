"""``chronology report CHRONOLOGY_JSON [--out DIR]``: re-render the offline HTML report.

Writes ``report.html`` with ``timeline.svg`` and ``timeline.png`` from a saved chronology, so a
report can be remade (after a template change, or anonymised) without merging again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chronology.commands.common import AnonymiseOpt, ChronologyArg, QuietOpt, ReviewOpt, console

if TYPE_CHECKING:
    from chronology.model.schema import Chronology
    from chronology.privacy.pseudonyms import Glossary

OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Folder for the report (default: the chronology's folder)."),
]


def report_command(
    chronology_json: ChronologyArg,
    out: OutOpt = None,
    anonymise: AnonymiseOpt = False,
    review: ReviewOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Re-render report.html, timeline.svg and timeline.png from a saved chronology.json."""
    from chronology import pipeline
    from chronology.model.codec import read_chronology
    from chronology.render import html, timeline

    chronology = read_chronology(chronology_json)
    glossary = None
    if anonymise:
        chronology, glossary = anonymised(chronology, review)
    folder = out if out is not None else chronology_json.parent
    written = html.write(chronology, folder) + timeline.write(chronology, folder)
    if glossary is not None:
        pipeline.leak_check(written, glossary)
    if not quiet:
        console.print("Wrote " + ", ".join(str(p) for p in written))


def anonymised(chronology: Chronology, review_path: Path | None) -> tuple[Chronology, Glossary]:
    """The chronology through the review's pseudonym glossary (the same machinery as merge)."""
    from chronology import pipeline
    from chronology.privacy.pseudonyms import anonymise_chronology
    from chronology.privacy.redact import Redactor
    from chronology.review.read import find_review

    glossary = pipeline.glossary_for(find_review(review_path))
    redactor = Redactor.for_chronology(chronology)  # addresses, staff names and the like too
    return anonymise_chronology(chronology, glossary, redactor), glossary
