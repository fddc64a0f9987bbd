"""The analyst checks, run as one pipeline stage after the merge (and the episodes).

- ``discrepancies.find_discrepancies`` → ``chronology.discrepancies``
- ``lag.recording_lag`` → ``chronology.analysis["lag"]``
- ``timescales.check_timescales`` → ``chronology.analysis["timescales"]``
- ``indicators.who_knew_what`` → ``chronology.analysis["indicators"]``

Settings come from the review file's ``[analysis]`` table: ``lag_threshold_days`` (7) and
``timescales`` / ``indicators``, paths (relative to the folder chronology runs in) to an
author's own rules files instead of the packaged ``rules/timescales.toml`` and
``rules/indicators.toml``. ``date_tolerance_days`` (1) and ``time_tolerance_minutes`` (60) are
honoured when present too.
"""

from __future__ import annotations

from collections import Counter

from chronology.model.schema import Chronology
from chronology.stages.analysis.common import (
    Finding,
    Settings,
    plural,
    rules_table,
    whole_number,
)
from chronology.stages.analysis.discrepancies import (
    DATE_TOLERANCE_DAYS,
    TIME_TOLERANCE_MINUTES,
    find_discrepancies,
)
from chronology.stages.analysis.indicators import parse_lexicon, who_knew_what
from chronology.stages.analysis.lag import LAG_THRESHOLD_DAYS, recording_lag
from chronology.stages.analysis.timescale_rules import parse_rules
from chronology.stages.analysis.timescales import check_timescales

__all__ = ["run_checks", "summary_lines"]


def run_checks(chronology: Chronology, settings: Settings) -> None:
    """The pipeline stage: fill in every check's findings (replacing any earlier ones)."""
    tolerance = whole_number(settings, "date_tolerance_days", DATE_TOLERANCE_DAYS)
    chronology.discrepancies = find_discrepancies(
        chronology,
        tolerance_days=tolerance,
        time_tolerance_minutes=whole_number(
            settings, "time_tolerance_minutes", TIME_TOLERANCE_MINUTES
        ),
    )
    threshold = whole_number(settings, "lag_threshold_days", LAG_THRESHOLD_DAYS)
    chronology.analysis["lag"] = recording_lag(chronology, threshold)
    rules = parse_rules(rules_table(settings, "timescales", "timescales.toml"))
    chronology.analysis["timescales"] = check_timescales(chronology, rules)
    lexicon = parse_lexicon(rules_table(settings, "indicators", "indicators.toml"))
    chronology.analysis["indicators"] = who_knew_what(chronology, lexicon)


def _discrepancy_line(chronology: Chronology) -> str:
    kinds = Counter(f["kind"] for f in chronology.discrepancies)
    return (
        f"Discrepancies: {plural(kinds['date_conflict'], 'date conflict')}, "
        f"{plural(kinds['time_conflict'], 'time conflict')}, "
        f"{plural(kinds['out_of_order'], 'row', 'rows')} out of date order"
        + (
            f", {plural(kinds['reversed_order'], 'table')} newest first"
            if kinds["reversed_order"]
            else ""
        )
    )


def _lag_line(lag: list[Finding]) -> str:
    late = [e for summary in lag for e in summary["entries"] if e["kind"] == "late_recording"]
    threshold = int(lag[0]["threshold_days"]) if lag else LAG_THRESHOLD_DAYS
    line = (
        f"Recording lag: {plural(len(late), 'entry', 'entries')} recorded more than "
        f"{plural(threshold, 'day')} after the event"
    )
    if late:
        worst = max(late, key=lambda e: e["days"])
        line += f" (longest: {worst['agency']}, {plural(worst['days'], 'day')})"
    return line


def _timescale_line(timescales: list[Finding]) -> str:
    status = Counter(str(f["status"]) for f in timescales)
    parts = [
        f"{status[s]} {s.replace('_', ' ')}"
        for s in ("missed", "met", "not_evidenced", "not_due", "unclear")
        if status[s]
    ]
    return "Timescales: " + (", ".join(parts) if parts else "none of the checked steps recorded")


def _indicator_line(indicators: list[Finding]) -> str:
    recorded = [f for f in indicators if f["agencies"]]
    single = [str(f["label"]).lower() for f in recorded if f["single_agency"]]
    line = f"Who knew what: {plural(len(recorded), 'risk indicator')} recorded"
    if single:
        line += f"; known to one agency only: {'; '.join(single)}"
    return line


def summary_lines(chronology: Chronology) -> list[str]:
    """The terse terminal summary of the findings (nothing if the checks have not run)."""
    analysis = chronology.analysis
    if not any(key in analysis for key in ("lag", "timescales", "indicators")):
        return []
    return [
        _discrepancy_line(chronology),
        _lag_line(analysis.get("lag", [])),
        _timescale_line(analysis.get("timescales", [])),
        _indicator_line(analysis.get("indicators", [])),
    ]
