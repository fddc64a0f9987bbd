"""``chronology diff OLD NEW``: what changed between two chronologies or two IMR versions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from chronology.commands.common import console

OldArg = Annotated[
    Path,
    typer.Argument(
        help="The earlier chronology.json, or the earlier agency file.", show_default=False
    ),
]
NewArg = Annotated[
    Path,
    typer.Argument(help="The later chronology.json, or the later agency file.", show_default=False),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table (default), md, csv or json.")]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write md/csv/json to this file, not stdout.")
]
AgencyOpt = Annotated[
    str | None,
    typer.Option("--agency", help="Agency name for agency files [default: from NEW's name]."),
]


def diff_command(
    old: OldArg,
    new: NewArg,
    output_format: FormatOpt = "table",
    out: OutOpt = None,
    agency: AgencyOpt = None,
) -> None:
    """Show entries added, removed, changed (date, text as a word diff, agency) or moved.

    OLD and NEW are two chronology.json files, or two versions of one agency's chronology
    (xlsx, csv, docx...), which are read as the same agency.
    """
    from chronology.loaders.agency import agency_from_filename
    from chronology.privacy.safety import write_text
    from chronology.stages.analysis.diff import diff_chronologies, load_for_diff
    from chronology.stages.analysis.diff_output import (
        FORMATS,
        to_csv,
        to_json,
        to_markdown,
        to_table,
    )

    chosen = output_format.strip().lower()
    if chosen not in FORMATS:
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--format")
    files = [p for p in (old, new) if p.suffix.lower() != ".json"]
    name = agency or (agency_from_filename(new if new in files else files[0]) if files else None)
    result = diff_chronologies(
        load_for_diff(old, name), load_for_diff(new, name), str(old), str(new)
    )
    if chosen == "table":
        console.print(to_table(result))
        return
    text = {"md": to_markdown, "csv": to_csv, "json": to_json}[chosen](result)
    if out is not None:
        write_text(out, text, encoding="utf-8-sig" if chosen == "csv" else "utf-8")
        console.print(f"Wrote {out}", markup=False)
    else:
        sys.stdout.write(text)
