"""``chronology lag CHRONOLOGY_JSON``: recording lag per agency, and the late entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from chronology.commands.common import ChronologyArg, ReviewOpt, console

if TYPE_CHECKING:
    from chronology.stages.analysis.common import Finding

ThresholdOpt = Annotated[
    int | None,
    typer.Option(
        "--threshold",
        min=0,
        help="Days after which an entry counts as late [default: the review file's "
        "[analysis] lag_threshold_days, else the saved chronology's, else 7].",
    ),
]


def _threshold(saved: list[Finding]) -> int:
    for summary in saved:
        if isinstance(summary, dict) and isinstance(summary.get("threshold_days"), int):
            return int(summary["threshold_days"])
    from chronology.stages.analysis.lag import LAG_THRESHOLD_DAYS

    return LAG_THRESHOLD_DAYS


def _number(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def summary_table(lag: list[Finding], threshold: int) -> Table:
    from chronology.stages.analysis.tables import lag_summary, rows

    table = Table(title="Recording lag by agency (days)", title_justify="left")
    for heading in ("Agency", "Entries", "Median", "Longest", f"Over {threshold}", "Before event"):
        table.add_column(heading, justify="left" if heading == "Agency" else "right")
    frame = lag_summary(lag).drop(columns="threshold_days")
    for agency, *numbers in rows(frame):
        table.add_row(Text(str(agency)), *(_number(n) for n in numbers))
    return table


def _entry(entry: Finding) -> Text:
    text = Text(entry["text"])
    text.append("\n" + entry["sources"][0], style="dim")
    return text


def entries_table(lag: list[Finding], threshold: int) -> Table:
    entries = [e for s in lag for e in s["entries"] if e["kind"] == "late_recording"]
    entries.sort(key=lambda e: (-e["days"], e["date"], e["sources"][0]))
    table = Table(
        title=f"Entries recorded more than {threshold} days after the event, worst first",
        title_justify="left",
    )
    table.add_column("Days", justify="right", no_wrap=True)
    table.add_column("Working days", justify="right", no_wrap=True)
    table.add_column("Agency")
    table.add_column("Event date", no_wrap=True)
    table.add_column("Recorded on", no_wrap=True)
    table.add_column("Event", no_wrap=True)
    table.add_column("Entry and source", overflow="fold", ratio=1)
    for e in entries:
        table.add_row(
            str(e["days"]), str(e["working_days"]), Text(e["agency"]), e["date"],
            e["recorded_on"], e["events"][0], _entry(e),
        )  # fmt: skip
    return table


def lag_command(
    chronology_json: ChronologyArg, threshold: ThresholdOpt = None, review: ReviewOpt = None
) -> None:
    """Print the recording lag: per agency count, median and longest, then the late entries.

    Lag is the recorded-on date minus the event date, for entries where both are exact days.
    """
    from chronology.model.codec import read_chronology
    from chronology.review.read import find_review
    from chronology.stages.analysis.common import whole_number
    from chronology.stages.analysis.lag import recording_lag

    chronology = read_chronology(chronology_json)
    found = find_review(review)
    saved = _threshold(chronology.analysis.get("lag", []))
    settings = found.settings if found else {}
    limit = (
        threshold if threshold is not None else whole_number(settings, "lag_threshold_days", saved)
    )
    lag = recording_lag(chronology, limit)
    if not lag:
        console.print("No entry has both an exact event date and an exact recorded-on date.")
        return
    console.print(summary_table(lag, limit))
    console.print(entries_table(lag, limit))
