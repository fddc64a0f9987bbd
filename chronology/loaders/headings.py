"""Recognise a chronology's header row and map its headings to common fields.

Headings differ between every partnership and agency, so recognition is by synonym,
case- and punctuation-insensitive, with keyword rules as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

FIELDS = (
    "date", "time", "end_date", "end_time", "text", "action", "worker",
    "subject", "recorded_on", "reference", "sequence",
)  # fmt: skip

SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "date time",
        "date of contact",
        "event date",
        "start date",
        "consultation date",
        "date or period of event",
        "date of event",
        "contact date",
        "incident date",
        "date and time",
        "date of incident",
        "date period",
        "when",
        "appointment date",
        "date of entry event",
        "datetime",
        "date time of contact",
    ),
    "time": ("time", "start time", "time of contact", "time of event", "incident time"),
    "end_date": (
        "end date",
        "date to",
        "to date",
        "finish date",
        "date ended",
        "discharge date",
        "date of discharge",
        "departure date",
        "date of departure",
        "date left",
        "date closed",
    ),
    "end_time": ("end time", "time to", "finish time"),
    "text": (
        "event",
        "details",
        "details of incident contact",
        "summary of contact",
        "description",
        "significant event",
        "entry",
        "notes",
        "what happened",
        "summary",
        "event details",
        "contact details",
        "details of contact",
        "details of event",
        "narrative",
        "record",
        "information",
        "event description",
        "incident details",
        "details of incident",
        "case note",
        "case notes",
        "clinical notes",
        "clinical note",
        "consultation notes",
        "note",
        "free text",
    ),
    "action": (
        "action",
        "action taken",
        "outcome",
        "outcome action",
        "plan",
        "actions",
        "outcome actions",
        "decision",
        "action outcome",
        "next steps",
    ),
    "worker": (
        "source",
        "source of information",
        "worker",
        "officer",
        "clinician",
        "practitioner",
        "author",
        "staff",
        "professional",
        "staff member",
        "recorded by",
        "seen by",
        "key worker",
    ),
    "subject": ("patient", "subject", "person", "child", "name", "client", "service user", "who"),
    "recorded_on": (
        "date recorded",
        "date entered",
        "recorded on",
        "entered on",
        "date of recording",
        "recording date",
        "date input",
        "input date",
        "date record made",
        "date written",
    ),
    "reference": (
        "event ref",
        "log no",
        "crime ref",
        "reference",
        "ref",
        "log number",
        "incident number",
        "occurrence number",
        "case ref",
        "ref no",
        "id",
        "record id",
        "event reference",
    ),
    "sequence": ("sequence", "seq", "order", "sequence no", "line", "no", "number", "entry no"),
}

_NORMALISE = re.compile(r"[^0-9a-z]+")
_LOOKUP = {phrase: name for name, phrases in SYNONYMS.items() for phrase in phrases}


def normalise_heading(heading: object) -> str:
    """``"Details of Incident / Contact"`` → ``"details of incident contact"``."""
    return _NORMALISE.sub(" ", str(heading).lower()).strip()


def field_for(heading: object) -> str | None:
    """The common field a heading means, or ``None`` if it is an extra column."""
    key = normalise_heading(heading)
    if not key:
        return None
    exact = _LOOKUP.get(key)
    if exact:
        return exact
    return _by_keyword(key)


def _by_keyword(key: str) -> str | None:
    words = set(key.split())
    if "date" in words and words & {
        "recorded", "entered", "recording", "input", "written", "writing", "typed", "created",
    }:  # fmt: skip
        return "recorded_on"
    if "date" in words and words & {
        "end", "finish", "to", "discharge", "discharged", "departure", "left", "closed", "until",
    }:  # fmt: skip
        return "end_date"
    if "time" in words and words & {"end", "finish"}:
        return "end_time"
    if words & {"date", "dates", "datetime"}:
        return "date"
    if words & {"details", "summary", "description", "narrative", "notes"}:
        return "text"
    if words & {"outcome", "action"}:
        return "action"
    return None


def map_headings(
    headings: Sequence[object], overrides: Mapping[str, str] | None = None
) -> dict[int, str]:
    """Column index → common field. The first column claiming a field wins; later ones
    stay extra fields so their text is still kept. ``overrides`` maps a heading as written
    (any case/punctuation) to a field, or to ``"extra"`` to keep it unmapped."""
    wanted = {normalise_heading(k): v for k, v in (overrides or {}).items()}
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, heading in enumerate(headings):
        key = normalise_heading(heading)
        name = wanted[key] if key in wanted else field_for(heading)
        if name and name in FIELDS and name not in taken:
            mapping[index] = name
            taken.add(name)
    return mapping


def header_score(cells: Sequence[object], overrides: Mapping[str, str] | None = None) -> int:
    """How much a row looks like a header: mapped headings, and it must name a date."""
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    if not texts or len(texts) < len([c for c in cells if c not in (None, "")]):
        return 0  # a header row is all text; a data row carries date or number cells
    mapped = map_headings(cells, overrides)
    if "date" not in mapped.values() or len(texts) < 2:
        return 0  # a single cell is a title line ("Date of review: …"), not a header
    return len(mapped)


def find_header_row(
    rows: Sequence[Sequence[object]],
    overrides: Mapping[str, str] | None = None,
    *,
    scan: int = 40,
) -> int | None:
    """Index of the header row among the first ``scan`` rows (title blocks sit above it);
    a row naming only its date will do, where no row names more."""
    best, best_score = None, 0
    for index, cells in enumerate(rows[:scan]):
        score = header_score(cells, overrides)
        if score > best_score:
            best, best_score = index, score
    return best
