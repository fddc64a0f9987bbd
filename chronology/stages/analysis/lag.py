"""Recording lag: how long after an event each agency wrote it down.

Only sources with an exact event date and an exact recorded-on date count. The result
(``chronology.analysis["lag"]``) is one summary per agency, in agency order::

    {"kind": "recording_lag", "agency", "count", "median_days", "max_days",
     "threshold_days", "over_threshold", "recorded_before_event", "detail",
     "events", "sources",            # those of the entries over the threshold
     "entries": [late_recording, ...]}  # over the threshold, worst first

and each entry is a finding::

    {"kind": "late_recording", "events", "sources", "agency", "date", "recorded_on",
     "days", "working_days", "text", "detail"}

A recorded-on date before the event date is a data-quality problem, counted in
``recorded_before_event`` and listed with kind ``recorded_before_event`` after the late ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from chronology.dates.span import DateSpan, Precision
from chronology.dates.workdays import working_days_between
from chronology.model.schema import Chronology, Source
from chronology.stages.analysis.common import Finding, bounds, days_phrase, iso, plural, when

LAG_THRESHOLD_DAYS = 7
_EXCERPT = 120


def _exact(span: DateSpan | None) -> bool:
    return span is not None and span.precision == Precision.DAY and span.start == span.end


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1].rstrip() + "…"


def _entry(source: Source, event_id: str) -> Finding:
    recorded = source.recorded_on or DateSpan.unknown()
    day, on = bounds(source.date)[0], bounds(recorded)[0]
    days = (on - day).days
    working = working_days_between(day, on)
    if days >= 0:
        kind = "late_recording"
        detail = (
            f"{source.agency} recorded the entry of {when(source.date)} on "
            f"{when(recorded)}, {days_phrase(days, working)} later."
        )
    else:
        kind = "recorded_before_event"
        detail = (
            f"{source.agency} gives a recorded-on date ({when(recorded)}) "
            f"{plural(-days, 'day')} before the event date ({when(source.date)}): "
            "check one of the two dates."
        )
    return {
        "kind": kind,
        "events": [event_id],
        "sources": [source.ref],
        "agency": source.agency,
        "date": iso(day),
        "recorded_on": iso(on),
        "days": days,
        "working_days": working,
        "text": _excerpt(source.text),
        "detail": detail,
    }


def recording_lag(
    chronology: Chronology, threshold_days: int = LAG_THRESHOLD_DAYS
) -> list[Finding]:
    """Per agency: count, median and maximum lag, and the entries over the threshold."""
    from chronology.stages.analysis.tables import lag_statistics  # noqa: PLC0415 (pandas)

    by_agency: dict[str, list[Finding]] = defaultdict(list)
    for event in chronology.events:
        for source in event.sources:
            if _exact(source.recorded_on) and _exact(source.date):
                by_agency[source.agency].append(_entry(source, event.id))
    lags = [(a, int(e["days"])) for a, found in by_agency.items() for e in found if e["days"] >= 0]
    statistics = lag_statistics(lags)
    return [
        _summary(agency, by_agency[agency], threshold_days, statistics.get(agency))
        for agency in sorted(by_agency)
    ]


def _worst_first(entry: Finding) -> tuple[int, str, str]:
    return (-int(entry["days"]), str(entry["date"]), entry["sources"][0])


def _summary(
    agency: str,
    entries: Sequence[Finding],
    threshold: int,
    statistics: tuple[int, float | None, int] | None,
) -> Finding:
    count, median, maximum = statistics or (0, None, None)
    late = sorted((e for e in entries if e["days"] > threshold), key=_worst_first)
    before = sorted(
        (e for e in entries if e["days"] < 0), key=lambda e: (e["days"], e["sources"][0])
    )
    detail = (
        f"{agency}: {plural(count, 'entry', 'entries')} with both dates, median lag "
        f"{_number(median)} days, longest {_number(maximum)} days; "
        f"{plural(len(late), 'entry', 'entries')} recorded more than "
        f"{plural(threshold, 'day')} after the event."
    )
    if before:
        detail += f" {plural(len(before), 'entry', 'entries')} recorded before the event date."
    return {
        "kind": "recording_lag",
        "agency": agency,
        "count": count,
        "median_days": median,
        "max_days": maximum,
        "threshold_days": threshold,
        "over_threshold": len(late),
        "recorded_before_event": len(before),
        "events": [e["events"][0] for e in late],
        "sources": [e["sources"][0] for e in late],
        "detail": detail,
        "entries": late + before,
    }


def _number(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:g}"
