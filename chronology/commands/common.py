"""Machinery every command shares: input expansion, the console, the summary tables."""

from __future__ import annotations

import glob
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronology.model.schema import Chronology

console = Console(stderr=True, highlight=False)

# Arguments and options that several commands share, declared once.
ChronologyArg = Annotated[
    Path,
    typer.Argument(help="A chronology.json written by 'chronology merge'.", show_default=False),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
AnonymiseOpt = Annotated[
    bool,
    typer.Option(
        "--anonymise",
        help="Replace real names with designations from [pseudonyms], then leak-check.",
    ),
]


def expand_inputs(paths: Sequence[Path]) -> list[Path]:
    """Expand wildcards the shell left alone (Windows shells do not expand ``*.xlsx``)."""
    expanded: list[Path] = []
    for path in paths:
        text = str(path)
        if not path.exists() and any(ch in text for ch in "*?["):
            expanded.extend(Path(p) for p in sorted(glob.glob(text)))  # noqa: PTH207
        else:
            expanded.append(path)
    return list(dict.fromkeys(expanded))


def parse_formats(text: str, known: Sequence[str]) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in known]
    if unknown:
        raise typer.BadParameter(
            f"unknown format {', '.join(unknown)}; choose from {', '.join(known)}"
        )
    return chosen


def agency_summary(chronology: Chronology) -> Table:
    """Per agency: files, rows read, events it appears in, warnings about its files."""
    files: dict[str, set[str]] = {}
    rows: Counter[str] = Counter()
    events: Counter[str] = Counter()
    for event in chronology.events:
        for agency in event.agencies:
            events[agency] += 1
        for source in event.sources:
            files.setdefault(source.agency, set()).add(source.file)
            rows[source.agency] += 1
    agency_of_file = {f: a for a, fs in files.items() for f in fs}
    warnings = Counter(agency_of_file.get(n.file, "") for n in chronology.warnings)
    table = Table(title="Integrated chronology", title_justify="left")
    for heading in ("Agency", "Files", "Rows read", "Events", "Warnings"):
        table.add_column(heading, justify="left" if heading == "Agency" else "right")
    for agency in sorted(files):
        table.add_row(
            agency,
            str(len(files[agency])),
            str(rows[agency]),
            str(events[agency]),
            str(warnings[agency]),
        )
    return table


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def totals_line(chronology: Chronology) -> str:
    events = chronology.events
    multi = sum(1 for e in events if len(e.agencies) > 1)
    conflicts = sum(1 for e in events if "date_conflict" in e.flags)
    sources = sum(len(e.sources) for e in events)
    outside = sum(1 for e in events if "out_of_scope" in e.flags)
    scope = f", {outside} outside the review period" if outside else ""
    return (
        f"{sources} rows → {len(events)} events ({multi} recorded by several agencies, "
        f"{conflicts} with conflicting dates{scope}); "
        f"{plural(len(chronology.warnings), 'warning')}, "
        f"{plural(len(chronology.rejected), 'row')} set aside"
    )
