"""``chronology diff OLD NEW``: what changed between two chronologies or two IMR versions.

As diff(1) does: exit 0 when nothing changed, 1 when something did (2 for an error); ``-``
as --out is the standard output; the table is coloured only on a terminal (never when piped
or with NO_COLOR set), and --out writes it as plain text.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

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
FormatOpt = Annotated[
    str, typer.Option("--formats", "-f", help="One of: table (default), md, csv or json.")
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file ('-': the standard output, the default)."),
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
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--formats")
    files = [p for p in (old, new) if p.suffix.lower() != ".json"]
    name = agency or (agency_from_filename(new if new in files else files[0]) if files else None)
    result = diff_chronologies(
        load_for_diff(old, name), load_for_diff(new, name), str(old), str(new)
    )
    target = None if out is None or str(out) == "-" else out
    if chosen == "table":
        text = _table_text(to_table(result), coloured=target is None)
    else:
        text = {"md": to_markdown, "csv": to_csv, "json": to_json}[chosen](result)
    if target is None:
        sys.stdout.write(text)
    else:
        write_text(target, text, encoding="utf-8-sig" if chosen == "csv" else "utf-8")
        console.print(f"Wrote {target}", markup=False)
    counts = result["counts"]
    if any(counts[k] for k in ("added", "removed", "changed", "moved")):
        raise typer.Exit(1)


def _table_text(table: Table, *, coloured: bool) -> str:
    """The table as the terminal shows it: colours only for a terminal without NO_COLOR."""
    colour = coloured and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((120, 40)).columns if colour else 120
    console = Console(file=io.StringIO(), force_terminal=colour, no_color=not colour, width=width)
    console.print(table)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return str(output)
