"""``chronology facts CHRONOLOGY_JSON [--template T] [--out DIR]``: re-render the Facts draft.

Starts from a saved ``chronology.json`` (episodes, paragraph numbering and review title
included), so an author can change the template without merging again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronology.commands.common import ChronologyArg, console

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
    chronology_json: ChronologyArg, template: TemplateOpt = None, out: OutOpt = None
) -> None:
    """Write the draft Facts section (facts.md and facts.docx) from a saved chronology."""
    from chronology.model.codec import read_chronology
    from chronology.render import facts_docx, facts_md

    chronology = read_chronology(chronology_json)
    if "episode_detection" not in chronology.meta:  # saved before episodes existed
        from chronology.stages.episodes import assign_episodes

        assign_episodes(chronology, {})
    folder = out if out is not None else chronology_json.parent
    written = facts_md.write(chronology, folder, template) + facts_docx.write(chronology, folder)
    console.print("Wrote " + ", ".join(str(p) for p in written))
