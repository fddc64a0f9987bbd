"""``review.toml``: the author's decisions, kept with the review and re-applied on every run.

Read with ``tomllib`` and validated strictly, so a typo is a located error ("review.toml line
12: unknown key 'strat'") rather than a setting silently ignored.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology.loaders.headings import FIELDS
from chronology.model.errors import ReviewFileError
from chronology.text.classify import load_rules

SECTIONS: dict[str, set[str]] = {
    "review": {"title", "start", "end", "first_paragraph", "type"},
    "agencies": {"name", "files", "start", "end", "columns", "type"},
    "pseudonyms": set(),  # free-form: real name → designation
    "glossary": set(),  # free-form: abbreviation → full form, for the Facts draft
    "episodes": {"title", "start", "end"},
    "episode_detection": {"quiet_days", "min_events", "min_agencies"},
    "analysis": {
        "lag_threshold_days",
        "timescales",
        "indicators",
        "date_tolerance_days",
        "time_tolerance_minutes",
    },
    "merge": {"join", "split"},
}
_LINE = re.compile(r"at line (\d+)")


@dataclass(slots=True)
class AgencyRule:
    name: str
    files: list[str]
    start: dt.date | None = None
    end: dt.date | None = None
    columns: dict[str, str] = field(default_factory=dict)
    type: str | None = None  # the agency's type, as the author corrects it

    def matches(self, filename: str) -> bool:
        return any(fnmatch.fnmatch(filename.lower(), g.lower()) for g in self.files)


@dataclass(slots=True)
class Review:
    path: str
    settings: dict[str, Any]
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    agencies: list[AgencyRule] = field(default_factory=list)
    pseudonyms: dict[str, str] = field(default_factory=dict)
    joins: list[list[str]] = field(default_factory=list)
    splits: list[list[str]] = field(default_factory=list)
    text: str = ""

    def agency_for(self, filename: str) -> AgencyRule | None:
        return next((rule for rule in self.agencies if rule.matches(filename)), None)

    def line_of(self, needle: str) -> int | None:
        """The first line mentioning ``needle``: how errors found after parsing are located."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if needle in line:
                return number
        return None

    def error(self, message: str, needle: str, hint: str = "") -> ReviewFileError:
        return ReviewFileError(message, file=self.path, line=self.line_of(needle), hint=hint)


def load_review(path: Path) -> Review:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ReviewFileError(f"cannot read it ({exc.strerror})", file=str(path)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE.search(str(exc))
        raise ReviewFileError(
            f"not valid TOML: {exc}",
            file=str(path),
            line=int(found.group(1)) if found else None,
            hint="Check quotes and brackets on that line.",
        ) from exc
    review = Review(path=str(path), settings=data, text=text)
    _check_keys(review, data)
    _read(review, data)
    return review


def _check_keys(review: Review, data: dict[str, Any]) -> None:
    for section, value in data.items():
        if section not in SECTIONS:
            known = ", ".join(sorted(SECTIONS))
            raise review.error(f"unknown section '{section}'", section, f"Known sections: {known}.")
        allowed = SECTIONS[section]
        if not allowed:
            continue
        tables = value if isinstance(value, list) else [value]
        for table in tables:
            if not isinstance(table, dict):
                raise review.error(f"'{section}' should be a table", section)
            for key in table:
                if key not in allowed:
                    hint = f"Known keys in [{section}]: {', '.join(sorted(allowed))}."
                    raise review.error(f"unknown key '{key}'", key, hint)


def _date(review: Review, value: object, key: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise review.error(
            f"'{key}' must be a date like 2008-04-01, not '{value}'", str(value)
        ) from None


def _read(review: Review, data: dict[str, Any]) -> None:
    head = data.get("review", {})
    review.title = str(head.get("title", ""))
    review.start = _date(review, head.get("start"), "start")
    review.end = _date(review, head.get("end"), "end")
    if review.start and review.end and review.end < review.start:
        raise review.error("the review period ends before it starts", "end")
    for table in data.get("agencies", []):
        review.agencies.append(_agency(review, table))
    review.pseudonyms = {str(k): str(v) for k, v in data.get("pseudonyms", {}).items()}
    for key, value in data.get("glossary", {}).items():
        _check_term(review, key, value)
    merge = data.get("merge", {})
    review.joins = [_refs(review, t, "join") for t in merge.get("join", [])]
    review.splits = [_refs(review, t, "split") for t in merge.get("split", [])]


def _check_term(review: Review, key: str, value: object) -> None:
    """A [glossary] entry: the full form as text ("" to stop expanding a packaged one), or
    a table with ``expansion`` and the agency ``types`` whose records use it that way."""
    if isinstance(value, str):
        return
    example = f'{key} = "the full form", or {key} = {{ expansion = "…", agencies = ["police"] }}'
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("expansion"), str)
        or set(value) - {"expansion", "agencies"}
        or not isinstance(value.get("agencies", []), list)
    ):
        raise review.error(f"[glossary] '{key}' is not a full form", key, f"Write {example}.")
    types = load_rules("agencies.toml")["types"]
    for agency in value.get("agencies", []):
        if agency not in types:
            known = ", ".join(sorted(types))
            raise review.error(
                f"[glossary] '{key}': unknown agency type '{agency}'", key, f"Known types: {known}."
            )


def _agency(review: Review, table: dict[str, Any]) -> AgencyRule:
    if "name" not in table or "files" not in table:
        raise review.error("each [[agencies]] needs a name and files", "[[agencies]]")
    columns = {str(k): str(v) for k, v in table.get("columns", {}).items()}
    for heading, target in columns.items():
        if target not in (*FIELDS, "extra"):
            hint = f"Use one of: {', '.join((*FIELDS, 'extra'))}."
            raise review.error(
                f"column '{heading}' maps to unknown field '{target}'", heading, hint
            )
    files = table["files"]
    kind = table.get("type")
    types = load_rules("agencies.toml")["types"]
    if kind is not None and kind not in types:
        hint = f"Use one of: {', '.join(types)}."
        raise review.error(f"unknown agency type '{kind}'", str(kind), hint)
    return AgencyRule(
        name=str(table["name"]),
        files=[files] if isinstance(files, str) else [str(f) for f in files],
        start=_date(review, table.get("start"), "start"),
        end=_date(review, table.get("end"), "end"),
        columns=columns,
        type=None if kind is None else str(kind),
    )


def _refs(review: Review, table: dict[str, Any], kind: str) -> list[str]:
    sources = table.get("sources") if isinstance(table, dict) else None
    if not isinstance(sources, list) or len(sources) < 2:
        raise review.error(
            f"each [[merge.{kind}]] needs sources = [at least two refs]", f"merge.{kind}"
        )
    return [str(s) for s in sources]


def find_review(explicit: Path | None) -> Review | None:
    """The review file given, else ``review.toml`` in the current folder, else none."""
    if explicit is not None:
        return load_review(explicit)
    default = Path("review.toml")
    return load_review(default) if default.is_file() else None


def check_refs(review: Review, known: set[str]) -> None:
    """Every ref in ``[[merge.join]]``/``[[merge.split]]`` must name a loaded row."""
    from rapidfuzz import process  # noqa: PLC0415

    for refs in [*review.joins, *review.splits]:
        for ref in refs:
            if ref in known:
                continue
            close = process.extractOne(ref, sorted(known))
            hint = f"Did you mean '{close[0]}'?" if close else ""
            hint += " Refs are file:sheet:row (file:row for csv), as in chronology.json."
            raise review.error(
                f"override names a row that does not exist: '{ref}'", ref, hint.strip()
            )
