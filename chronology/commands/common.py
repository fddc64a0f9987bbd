"""Machinery every command shares: input expansion, the console, the summary tables."""

from __future__ import annotations

import glob
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from chronology.model.errors import UnreadableFileError, locate
from chronology.model.schema import Chronology

console = Console(stderr=True, highlight=False)

# Arguments and options that several commands share, declared once.
ChronologyArg = Annotated[
    Path,
    typer.Argument(help="A chronology.json written by 'chronology merge'.", show_default=False),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
VerboseOpt = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="List every warning, located (file, sheet, row), and every input column's role "
        "in the import report.",
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json", help="Print a machine-readable summary of the run on stdout (nothing else)."
    ),
]
ReviewOpt = Annotated[
    Path | None,
    typer.Option(
        "--review", "-r", help="The review file [default: review.toml in the current folder]."
    ),
]
ReferenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--reference-docx",
        help="A Word document whose styles and page setup facts.docx takes (its text is not "
        "copied), as pandoc's --reference-doc.",
        exists=True,
        dir_okay=False,
    ),
]
# Warnings listed at the end of a run without --verbose; the rest are counted and pointed to.
FIRST_WARNINGS = 5
AnonymiseOpt = Annotated[
    bool,
    typer.Option(
        "--anonymise",
        help="Replace real names with designations from [pseudonyms], then leak-check.",
    ),
]


def expand_inputs(paths: Sequence[Path]) -> list[Path]:
    """Expand wildcards the shell left alone (Windows shells do not expand ``*.xlsx``); a
    pattern matching nothing is named (the shell, too, passes one on unexpanded)."""
    expanded: list[Path] = []
    for path in paths:
        text = str(path)
        if not path.exists() and any(ch in text for ch in "*?["):
            matched = sorted(glob.glob(text))  # noqa: PTH207
            if not matched:
                raise UnreadableFileError(
                    "no file matches this pattern",
                    file=text,
                    hint="Check the folder and the spelling (the pattern is case-sensitive).",
                )
            expanded.extend(Path(p) for p in matched)
        else:
            expanded.append(path)
    return list(dict.fromkeys(expanded))


def problems(chronology: Chronology) -> list[str]:
    """Every warning and every row set aside, located, in the outputs' order."""
    lines = [str(n) for n in chronology.warnings]
    lines += [
        f"{locate(r.file, r.sheet, r.row)}: row set aside ({r.reason}): {r.text}"
        for r in chronology.rejected
    ]
    return lines


def problem_lines(chronology: Chronology, written: Sequence[Path], verbose: bool) -> list[str]:
    """The warnings at the end of a run: the first few (all with ``verbose``), then where
    the rest are."""
    found = problems(chronology)
    if not found:
        return []
    shown = found if verbose else found[:FIRST_WARNINGS]
    lines = ["Warnings and rows set aside:", *(f"  {line}" for line in shown)]
    if len(shown) < len(found):
        names = {p.name: p for p in written}
        places = [f"{names['chronology.json']} (warnings, rejected)"] if names else []
        if "integrated_chronology.xlsx" in names:
            places.append(f"the Warnings sheet of {names['integrated_chronology.xlsx']}")
        where = " and ".join(places) or "chronology.json"
        lines.append(f"  … and {len(found) - len(shown)} more (--verbose lists them): see {where}")
    return lines


def run_summary(chronology: Chronology, written: Sequence[Path]) -> dict[str, Any]:
    """What ``--json`` prints: counts, every warning located, and the files written."""
    events = chronology.events
    return {
        "rows": sum(len(e.sources) for e in events),
        "events": len(events),
        "multi_agency_events": sum(1 for e in events if len(e.agencies) > 1),
        "date_conflicts": sum(1 for e in events if "date_conflict" in e.flags),
        "out_of_scope": sum(1 for e in events if "out_of_scope" in e.flags),
        "agencies": list(chronology.agencies),
        "warnings": [
            {"file": n.file, "sheet": n.sheet, "row": n.row, "message": n.message}
            for n in chronology.warnings
        ],
        "rejected": [
            {"file": r.file, "sheet": r.sheet, "row": r.row, "reason": r.reason}
            for r in chronology.rejected
        ],
        "written": [str(p) for p in written],
    }


def print_json(summary: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")


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
