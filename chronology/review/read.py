"""``review.toml``: the author's decisions, kept with the review and re-applied on every run.

Read with ``tomllib`` and validated strictly against ``SECTIONS``, so a typo is an error
located by its TOML path and its own line ("review.toml line 14: unknown key 'nmae' (at
agencies[2].nmae)") rather than a setting silently ignored or a crash in a later stage.
Lines come from ``locate.key_lines``; array tables are counted from 1 in messages.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology.loaders.headings import FIELDS
from chronology.model.errors import ReviewFileError
from chronology.review.locate import TomlPath, key_lines, path_text
from chronology.text.classify import load_rules

_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class Kind:
    """What a setting's value must be: a test, and how to say it to the author."""

    accepts: Callable[[object], bool]
    wanted: str


def _is_date(value: object) -> bool:
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def _whole(minimum: int) -> Kind:
    return Kind(
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= minimum,
        f"a whole number of at least {minimum}",
    )


TEXT = Kind(lambda v: isinstance(v, str), 'text in quotes, like "Police"')
DATE = Kind(_is_date, "a date like 2008-04-01")
TEXTS = Kind(
    lambda v: isinstance(v, str) or (isinstance(v, list) and all(isinstance(f, str) for f in v)),
    'text or a list of texts, like ["*Police*"]',
)
TABLE = Kind(lambda v: isinstance(v, dict), 'an inline table, like { "Date of Contact" = "date" }')
TABLES = Kind(
    lambda v: isinstance(v, list) and all(isinstance(t, dict) for t in v),
    "tables, each written [[merge.join]] (two brackets) with sources = [...]",
)


@dataclass(frozen=True, slots=True)
class Section:
    keys: Mapping[str, Kind] | None  # None: free-form keys (pseudonyms, glossary)
    many: bool = False  # an array of tables, written [[name]]
    required: tuple[str, ...] = ()


SECTIONS: dict[str, Section] = {
    "review": Section(
        {"title": TEXT, "start": DATE, "end": DATE, "first_paragraph": _whole(1), "type": TEXT}
    ),
    "agencies": Section(
        {
            "name": TEXT,
            "files": TEXTS,
            "start": DATE,
            "end": DATE,
            "columns": TABLE,
            "type": TEXT,
        },
        many=True,
        required=("name", "files"),
    ),
    "pseudonyms": Section(None),  # real name → designation
    "glossary": Section(None),  # abbreviation → full form, for the Facts draft
    "episodes": Section(
        {"title": TEXT, "start": DATE, "end": DATE}, many=True, required=("start", "end")
    ),
    "episode_detection": Section(
        dict.fromkeys(
            (
                "quiet_days",
                "quiet_days_open_case",
                "min_events",
                "min_agencies",
                "serious_split_days",
                "process_split_days",
                "death_run_up_days",
            ),
            _whole(0),
        )
    ),
    "analysis": Section(
        {
            "lag_threshold_days": _whole(0),
            "timescales": TEXT,
            "indicators": TEXT,
            "date_tolerance_days": _whole(0),
            "time_tolerance_minutes": _whole(0),
        }
    ),
    "merge": Section({"join": TABLES, "split": TABLES}),
}


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
    lines: dict[TomlPath, int] = field(default_factory=dict)  # see locate.key_lines
    refs: dict[str, TomlPath] = field(default_factory=dict)  # where each override ref is

    def agency_for(self, filename: str) -> AgencyRule | None:
        return next((rule for rule in self.agencies if rule.matches(filename)), None)

    def error(self, message: str, path: TomlPath, hint: str = "") -> ReviewFileError:
        """A mistake at ``path``: on the line that path is written on (or its table's)."""
        written = (path[:n] for n in range(len(path), 0, -1) if path[:n] in self.lines)
        line = next((self.lines[p] for p in written), None)
        where = f" (at {path_text(path)})" if path else ""
        return ReviewFileError(message + where, file=self.path, line=line, hint=hint)


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
    review = Review(path=str(path), settings=data, text=text, lines=key_lines(text))
    for name, value in data.items():
        _check_section(review, name, value)
    _read(review, data)
    return review


def _check_section(review: Review, name: str, value: object) -> None:
    if name not in SECTIONS:
        known = ", ".join(sorted(SECTIONS))
        raise review.error(f"unknown section '{name}'", (name,), f"Known sections: {known}.")
    section = SECTIONS[name]
    if section.many and not (isinstance(value, list) and all(isinstance(t, dict) for t in value)):
        raise review.error(
            f"'{name}' should be tables written [[{name}]]", (name,), "Use two brackets."
        )
    if not section.many and not isinstance(value, dict):
        raise review.error(f"'{name}' should be a table written [{name}]", (name,))
    tables = value if isinstance(value, list) else [value]
    for index, table in enumerate(tables):
        _check_table(review, (name, index) if section.many else (name,), section, table)


def _check_table(review: Review, path: TomlPath, section: Section, table: dict[str, Any]) -> None:
    name = str(path[0])
    for key in section.required:
        if key not in table:
            listed = " and ".join(section.required)
            raise review.error(f"each [[{name}]] needs {listed}; '{key}' is missing", path)
    if section.keys is None:
        return
    for key, value in table.items():
        kind = section.keys.get(key)
        if kind is None:
            hint = f"Known keys in [{name}]: {', '.join(sorted(section.keys))}."
            raise review.error(f"unknown key '{key}'", (*path, key), hint)
        if not kind.accepts(value):
            raise review.error(f"'{key}' must be {kind.wanted}, not {_shown(value)}", (*path, key))


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value.isoformat() if isinstance(value, dt.date) else value)


def _date(value: object) -> dt.date | None:
    """A date already checked by ``DATE`` (a TOML date or an ISO date in quotes)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _read(review: Review, data: dict[str, Any]) -> None:
    head = data.get("review", {})
    review.title = str(head.get("title", ""))
    review.start = _date(head.get("start"))
    review.end = _date(head.get("end"))
    if review.start and review.end and review.end < review.start:
        raise review.error("the review period ends before it starts", ("review", "end"))
    for index, table in enumerate(data.get("agencies", [])):
        review.agencies.append(_agency(review, ("agencies", index), table))
    for key, value in data.get("pseudonyms", {}).items():
        if not isinstance(value, str):
            raise review.error(
                f"'{key}' must be a designation in quotes, like \"the victim\"",
                ("pseudonyms", key),
            )
    review.pseudonyms = {str(k): str(v) for k, v in data.get("pseudonyms", {}).items()}
    for key, value in data.get("glossary", {}).items():
        _check_term(review, key, value)
    merge = data.get("merge", {})
    review.joins = [
        _refs(review, t, ("merge", "join", i)) for i, t in enumerate(merge.get("join", []))
    ]
    review.splits = [
        _refs(review, t, ("merge", "split", i)) for i, t in enumerate(merge.get("split", []))
    ]


def _check_term(review: Review, key: str, value: object) -> None:
    """A [glossary] entry: the full form as text ("" to stop expanding a packaged one), or
    a table with ``expansion`` and the agency ``types`` whose records use it that way."""
    if isinstance(value, str):
        return
    example = f'{key} = "the full form", or {key} = {{ expansion = "…", agencies = ["police"] }}'
    path: TomlPath = ("glossary", key)
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("expansion"), str)
        or set(value) - {"expansion", "agencies"}
        or not isinstance(value.get("agencies", []), list)
    ):
        raise review.error(f"[glossary] '{key}' is not a full form", path, f"Write {example}.")
    types = load_rules("agencies.toml")["types"]
    for index, agency in enumerate(value.get("agencies", [])):
        if agency not in types:
            known = ", ".join(sorted(types))
            raise review.error(
                f"[glossary] '{key}': unknown agency type '{agency}'",
                (*path, "agencies", index),
                f"Known types: {known}.",
            )


def _agency(review: Review, path: TomlPath, table: dict[str, Any]) -> AgencyRule:
    columns = table.get("columns", {})
    for heading, target in columns.items():
        if target not in (*FIELDS, "extra"):
            hint = f"Use one of: {', '.join((*FIELDS, 'extra'))}."
            raise review.error(
                f"column '{heading}' maps to unknown field {_shown(target)}",
                (*path, "columns", heading),
                hint,
            )
    files = table["files"]
    kind = table.get("type")
    types = load_rules("agencies.toml")["types"]
    if kind is not None and kind not in types:
        hint = f"Use one of: {', '.join(types)}."
        raise review.error(f"unknown agency type {_shown(kind)}", (*path, "type"), hint)
    return AgencyRule(
        name=table["name"],
        files=[files] if isinstance(files, str) else list(files),
        start=_date(table.get("start")),
        end=_date(table.get("end")),
        columns=dict(columns),
        type=None if kind is None else str(kind),
    )


def _refs(review: Review, table: dict[str, Any], path: TomlPath) -> list[str]:
    sources = table.get("sources")
    kind = path[1]
    if set(table) - {"sources"}:
        extra = sorted(set(table) - {"sources"})[0]
        hint = "Each holds only sources = [...]."
        raise review.error(f"unknown key '{extra}' in [[merge.{kind}]]", (*path, extra), hint)
    if (
        not isinstance(sources, list)
        or len(sources) < 2
        or not all(isinstance(s, str) for s in sources)
    ):
        raise review.error(
            f"each [[merge.{kind}]] needs sources = [at least two refs, in quotes]",
            (*path, "sources") if "sources" in table else path,
        )
    review.refs.update({ref: (*path, "sources", i) for i, ref in enumerate(sources)})
    return list(sources)


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
                f"override names a row that does not exist: '{ref}'",
                review.refs.get(ref, ("merge",)),
                hint.strip(),
            )
