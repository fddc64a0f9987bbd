"""Which column is which: each column's role from its heading and from what its cells hold.

Headings alone fail on unseen templates (a one-word or clinical narrative heading, a date
written "DateTime"), so every column is profiled too: the share of its cells that read as
dates or times, how long its text runs, how many values repeat. A heading that names a role
decides it; where none does, the content does: a column of dates is the date, the longest
free-text column is the narrative. Each choice keeps its evidence and a confidence, for the
import report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chronology.dates.span import DateError, parse_date, parse_time
from chronology.loaders.cells import cell_text, is_blank
from chronology.loaders.headings import FIELDS, field_for, normalise_heading

SAMPLE = 300  # rows profiled: enough to tell a column's kind, cheap on a long table
NARRATIVE_LENGTH = 25  # mean characters above which a column reads as free text
DATE_SHARE = 0.8  # share of filled cells reading as dates for a column to be the date
_PERSON = re.compile(
    r"^(?:(?:pc|dc|ds|dr|mr|mrs|ms|miss|sgt|insp|sw|hv|nurse|cpn)\.?\s+)?"
    r"(?:\d+\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}(?:\s*\([^)]{0,30}\))?$",
    re.IGNORECASE,
)
_VERSION = re.compile(r"^v?\d{1,2}\.\d{1,2}$|^v\d+(?:\.\d+)*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Profile:
    """What a column's cells hold, over the rows profiled."""

    filled: int
    dates: float  # share of filled cells reading as a date
    times: float  # share reading as a time of day (and not a date)
    mean_length: float
    distinct: float  # distinct values / filled cells
    names: float  # share that look like a person's or worker's name
    versions: float  # share that look like a document version number (0.1, v2)
    labels: float  # share that are labels ("Notes:"), as a cover sheet's block holds


@dataclass(frozen=True, slots=True)
class Column:
    """One column's role (None: kept as a labelled extra), and why."""

    index: int
    heading: str
    role: str | None
    evidence: str  # "heading", "content", "review file" or "" for an extra column
    confidence: float
    profile: Profile

    def as_dict(self) -> dict[str, object]:
        p = self.profile
        return {
            "column": self.index + 1,
            "heading": self.heading,
            "role": self.role or "extra",
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
            "filled": p.filled,
            "dates": round(p.dates, 2),
            "mean_length": round(p.mean_length, 1),
        }


def profile(cells: Sequence[object], *, date1904: bool = False) -> Profile:
    filled = [c for c in cells[:SAMPLE] if not is_blank(c)]
    if not filled:
        return Profile(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    texts = [cell_text(c) for c in filled]
    dates = sum(_is_date(c, date1904) for c in filled)
    times = sum(_is_time(c) for c in filled)
    n = len(filled)
    return Profile(
        filled=n,
        dates=dates / n,
        times=max(0, times - dates) / n,
        mean_length=sum(map(len, texts)) / n,
        distinct=len(set(texts)) / n,
        names=sum(bool(_PERSON.match(t)) and len(t) < 40 for t in texts) / n,
        versions=sum(bool(_VERSION.match(t)) for t in texts) / n,
        labels=sum(t.endswith(":") for t in texts) / n,
    )


def _is_date(value: object, date1904: bool) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 20000:
        return False  # a count or a sequence number, not a serial date
    try:
        return parse_date(value, date1904=date1904).is_known
    except DateError:
        return False


def _is_time(value: object) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return False
    try:
        return parse_time(value) is not None
    except DateError:
        return False


def assign_roles(
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    overrides: Mapping[str, str] | None = None,
    *,
    date1904: bool = False,
) -> list[Column]:
    """Every column's role: the review file's override, else its heading (the first column
    claiming a role wins), else its content (a date column, the narrative)."""
    wanted = {normalise_heading(k): v for k, v in (overrides or {}).items()}
    sample = rows[:SAMPLE]
    profiles = [
        profile([r[i] if i < len(r) else None for r in sample], date1904=date1904)
        for i in range(len(header))
    ]
    roles: list[tuple[str | None, str, float]] = []
    taken: set[str] = set()
    for index, heading in enumerate(header):
        key = normalise_heading(heading)
        by_review = key in wanted
        name = wanted[key] if by_review else field_for(heading)
        if name in FIELDS and name not in taken:
            taken.add(name)
            evidence = "review file" if by_review else "heading"
            roles.append((name, evidence, _heading_confidence(name, profiles[index])))
        else:
            roles.append((None, "", 0.0))
    _by_content(roles, profiles, taken)
    return [
        Column(i, cell_text(h), role, evidence, conf, profiles[i])
        for i, (h, (role, evidence, conf)) in enumerate(zip(header, roles, strict=True))
    ]


def _heading_confidence(role: str, p: Profile) -> float:
    """A heading is believed; for a date the cells must agree (blank columns are honest)."""
    if role in ("date", "end_date", "recorded_on") and p.filled:
        return 0.5 + 0.5 * p.dates
    return 1.0


def _by_content(
    roles: list[tuple[str | None, str, float]], profiles: list[Profile], taken: set[str]
) -> None:
    free = [i for i, (role, _e, _c) in enumerate(roles) if role is None and profiles[i].filled]
    if "date" not in taken:
        dated = [i for i in free if profiles[i].dates >= DATE_SHARE]
        if dated:
            roles[dated[0]] = ("date", "content", profiles[dated[0]].dates)
            free.remove(dated[0])
            taken.add("date")
    if "text" not in taken:
        prose = [
            i
            for i in free
            if profiles[i].mean_length >= NARRATIVE_LENGTH and profiles[i].dates < 0.5
        ]
        if prose:
            longest = max(prose, key=lambda i: (profiles[i].mean_length, -i))
            confidence = min(1.0, profiles[longest].mean_length / 80)
            roles[longest] = ("text", "content", confidence)


SMALL_TABLE = 40  # rows: a cover sheet's tables are short; a chronology's date may be odd


def not_a_chronology(columns: Sequence[Column], rows: int) -> str | None:
    """Why a table with a date heading is still not a chronology, or None if it is one: a
    cover sheet's version or sign-off table (version, date, author, changes), or a short
    block of labels ("Date:", "Notes:")."""
    if rows > SMALL_TABLE:
        return None
    words = {w for c in columns for w in normalise_heading(c.heading).split()}
    if words & {"version", "revision", "signature", "signed"} or any(
        c.profile.filled and c.profile.versions >= DATE_SHARE for c in columns
    ):
        return "a document's version or sign-off table, not a chronology"
    date = next((c for c in columns if c.role == "date"), None)
    if date is not None and (date.heading.endswith(":") or date.profile.labels >= 0.5):
        return f"a block of labels ('{date.heading}'), not a chronology's headings"
    return None
