"""``chronology facts CHRONOLOGY_JSON [--template T] [--reference-docx D] [--out DIR]``:
re-render the Facts draft.

Starts from a saved ``chronology.json`` (episodes, paragraph numbering and review title
included), so an author can change the template without merging again. The template shapes
facts.md and facts.docx alike (the Word draft is built from the Markdown it writes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronology.commands.common import ChronologyArg, QuietOpt, ReferenceOpt, console

TemplateOpt = Annotated[
    Path | None,
    typer.Option(
        "--template", "-t", help="Your own Markdown template (start from templates/facts.md.j2)."
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Folder for facts.md and facts.docx (default: beside the json)."
    ),
]


def facts_command(
    chronology_json: ChronologyArg,
    template: TemplateOpt = None,
    reference_docx: ReferenceOpt = None,
    out: OutOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write the draft Facts section (facts.md and facts.docx) from a saved chronology."""
    from chronology.model.codec import read_chronology
    from chronology.render import edits, facts_docx, facts_md

    chronology = read_chronology(chronology_json)
    if "episode_detection" not in chronology.meta:  # saved before episodes existed
        from chronology.stages.episodes import assign_episodes

        assign_episodes(chronology, {})
    folder = out if out is not None else chronology_json.parent
    kept = edits.keep_edited(folder) if folder.is_dir() else []
    written = facts_md.write(chronology, folder, template)
    written += facts_docx.write(chronology, folder, template, reference_docx)
    edits.record(folder, written)
    if quiet:
        return
    for line in edits.kept_lines(kept):
        console.print(line, markup=False)
    console.print("Wrote " + ", ".join(str(p) for p in written), markup=False)
