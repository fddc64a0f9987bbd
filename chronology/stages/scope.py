"""Terms-of-reference scope: flag, never drop, what lies outside the review period.

The period comes from ``[review] start/end``; an agency may have its own exception (in the
reference report the police went back to 2003 while everyone else started in April 2008).
An event is in scope when any of its sources falls, even partly, inside its own agency's period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from chronology.model.schema import Chronology, Source

OUT_OF_SCOPE = "out_of_scope"


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def periods(
    settings: Mapping[str, Any],
) -> tuple[tuple[dt.date | None, dt.date | None], dict[str, tuple[dt.date | None, dt.date | None]]]:
    """The review period, and each agency's own period where it differs."""
    head = settings.get("review", {})
    default = (_day(head.get("start")), _day(head.get("end")))
    own = {}
    for rule in settings.get("agencies", []):
        if "start" in rule or "end" in rule:
            own[str(rule["name"])] = (
                _day(rule.get("start")) or default[0],
                _day(rule.get("end")) or default[1],
            )
    return default, own


def _inside(source: Source, period: tuple[dt.date | None, dt.date | None]) -> bool:
    start, end = period
    if source.date.start is None or source.date.end is None:
        return True  # an undated entry cannot be judged out of scope
    return not ((start and source.date.end < start) or (end and source.date.start > end))


def flag_scope(chronology: Chronology, settings: Mapping[str, Any]) -> None:
    """Stage: flag out-of-scope events and record the review's title and period in meta."""
    head = settings.get("review", {})
    default, own = periods(settings)
    chronology.meta.update(
        {
            "title": str(head.get("title", "")) or chronology.meta.get("title", ""),
            "period": {"start": _iso(default[0]), "end": _iso(default[1])},
            "first_paragraph": int(head.get("first_paragraph", 1)),
        }
    )
    if default == (None, None) and not own:
        return
    for event in chronology.events:
        inside = any(_inside(s, own.get(s.agency, default)) for s in event.sources)
        if not inside and OUT_OF_SCOPE not in event.flags:
            event.flags.append(OUT_OF_SCOPE)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def in_scope_only(chronology: Chronology) -> Chronology:
    """A view for rendered documents: the same chronology without out-of-scope events."""
    kept = [e for e in chronology.events if OUT_OF_SCOPE not in e.flags]
    return replace(chronology, events=kept)
