"""The analysis tables, built with pandas: recording-lag statistics per agency, who knew what
(indicator × agency, each agency's first record) and contacts by agency and by episode.

pandas takes about half a second to import, so nothing imports this module at start-up: the
lag check, the analysis.xlsx writer and ``chronology lag`` import it when they run.
``rows`` turns a frame back into plain cells (Python ints and strings, ``None`` for a blank)
for the writers, which tell numbers from text by type.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from chronology.model.schema import Chronology
from chronology.stages.analysis.common import Finding
from chronology.stages.scope import OUT_OF_SCOPE

Cell = str | int | float | None
NO_EPISODE = "(none)"  # undated events, and those outside every episode the author gave


def rows(frame: pd.DataFrame) -> list[list[Cell]]:
    return [[_cell(value) for value in row] for row in frame.itertuples(index=False)]


def _cell(value: Any) -> Cell:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None  # a blank cell
    if hasattr(value, "item"):  # numpy scalars back to Python numbers
        value = value.item()
    return value if isinstance(value, str | int | float) else str(value)


# ---------------------------------------------------------------- recording lag
def lag_statistics(lags: Sequence[tuple[str, int]]) -> dict[str, tuple[int, float | None, int]]:
    """Per agency, from (agency, days) pairs of non-negative lags: count, median and maximum.
    An odd count's median is one of the lags, a whole number of days; an even count's is the
    mean of the middle two (a float, as ``statistics.median`` gives it)."""
    if not lags:
        return {}
    frame = pd.DataFrame(lags, columns=["agency", "days"])
    table = frame.groupby("agency", sort=True)["days"].agg(["count", "median", "max"])
    found: dict[str, tuple[int, float | None, int]] = {}
    for agency, count, median, maximum in table.itertuples():
        middle = int(median) if count % 2 else float(median)
        found[str(agency)] = (int(count), middle, int(maximum))
    return found


LAG_SUMMARY = ("agency", "count", "median_days", "max_days", "threshold_days", "over_threshold",
               "recorded_before_event")  # fmt: skip


def lag_summary(lag: Sequence[Finding]) -> pd.DataFrame:
    """The per-agency summaries of ``chronology.analysis["lag"]`` as one frame (blank where an
    agency has no lag to measure), in agency order."""
    return pd.DataFrame([[s.get(key) for key in LAG_SUMMARY] for s in lag],
                        columns=list(LAG_SUMMARY), dtype=object)  # fmt: skip


# ---------------------------------------------------------------- who knew what
def knowledge_matrix(chronology: Chronology) -> pd.DataFrame:
    """Indicator × agency: each agency's first record ("date\\nsource"), "" where it has none;
    indicators in lexicon order, agencies in the chronology's order."""
    findings = chronology.analysis.get("indicators", [])
    firsts = [
        (number, agency, f"{hit['date']}\n{hit['source']}")
        for number, finding in enumerate(findings)
        for agency, hit in finding.get("first", {}).items()
    ]
    frame = pd.DataFrame(firsts, columns=["indicator", "agency", "first"])
    matrix = frame.pivot(index="indicator", columns="agency", values="first")
    shaped = matrix.reindex(index=range(len(findings)), columns=chronology.agencies)
    return shaped.astype(object).fillna("")


# ---------------------------------------------------------------- contacts
def _entries(chronology: Chronology) -> pd.DataFrame:
    """One row per source entry, with what the contact summaries count."""
    records = [
        (s.agency, event.id, event.episode or NO_EPISODE, len(event.agencies) > 1,
         OUT_OF_SCOPE in event.flags, s.date.start, s.date.end)
        for event in chronology.events
        for s in event.sources
    ]  # fmt: skip
    columns = ["agency", "event", "episode", "shared", "out_of_scope", "start", "end"]
    return pd.DataFrame(records, columns=columns)


def contacts_by_agency(chronology: Chronology) -> pd.DataFrame:
    """Per agency: entries, events, events shared with another agency, entries out of scope
    and undated, and the first and last dates it recorded."""
    entries = _entries(chronology)
    entries["shared_event"] = entries["event"].where(entries["shared"].astype(bool))
    by_agency = entries.groupby("agency", sort=True)
    table = pd.DataFrame({
        "Entries": by_agency.size(),
        "Events": by_agency["event"].nunique(),
        "Events shared with another agency": by_agency["shared_event"].nunique(),
        "Entries out of scope": by_agency["out_of_scope"].sum(),
        "Undated entries": by_agency["start"].agg(lambda days: days.isna().sum()),
        "First date": by_agency["start"].min(),
        "Last date": by_agency["end"].max(),
    }).reindex(chronology.agencies)  # fmt: skip
    for column in table.columns[:5]:
        table[column] = table[column].fillna(0).astype(int)
    for column in ("First date", "Last date"):
        table[column] = [_iso(day) for day in table[column]]
    return table.rename_axis("Agency").reset_index()


def _iso(day: object) -> str | None:
    return None if _cell(day) is None else str(day)


def contacts_by_episode(chronology: Chronology) -> pd.DataFrame:
    """Episode × agency: entries each agency recorded in each key episode (and in none: undated
    events, or outside the author's episodes), with the episode's dates, its events and how
    many agencies were involved."""
    entries = _entries(chronology)
    order = [str(e["id"]) for e in chronology.episodes]
    if (entries["episode"] == NO_EPISODE).any():
        order.append(NO_EPISODE)
    counts = pd.crosstab(entries["episode"], entries["agency"])
    counts = counts.reindex(index=order, columns=chronology.agencies, fill_value=0)
    about = {str(e["id"]): e for e in chronology.episodes}
    head = pd.DataFrame({
        "Episode": order,
        "Title": [about.get(i, {}).get("title", "In no key episode") for i in order],
        "Start": [about.get(i, {}).get("start") for i in order],
        "End": [about.get(i, {}).get("end") for i in order],
        "Events": entries.groupby("episode")["event"].nunique().reindex(order, fill_value=0),
        "Entries": counts.sum(axis=1),
        "Agencies": (counts > 0).sum(axis=1),
    }, index=order).reset_index(drop=True)  # fmt: skip
    return pd.concat([head, counts.reset_index(drop=True)], axis=1)
