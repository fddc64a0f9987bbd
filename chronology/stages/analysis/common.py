"""What every analyst check shares: settings, rules files, and the words of a finding.

A finding is a plain dict (it goes straight into ``chronology.json``) with at least ``kind``,
``events`` (event ids), ``sources`` (source refs, ``file:sheet:row``) and ``detail`` (one
plain-English sentence); date checks add ``days`` and ``working_days``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chronology.dates.span import DateSpan, format_span
from chronology.model.errors import ReviewFileError
from chronology.text.classify import load_rules

Finding = dict[str, Any]
Settings = Mapping[str, Any]


def analysis_settings(settings: Settings | None) -> Mapping[str, Any]:
    """The review file's ``[analysis]`` table, or an empty one."""
    table = (settings or {}).get("analysis", {})
    return table if isinstance(table, Mapping) else {}


def whole_number(settings: Settings | None, key: str, default: int) -> int:
    """``[analysis] key`` as a non-negative whole number, or ``default`` when not set."""
    value = analysis_settings(settings).get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReviewFileError(
            f"[analysis] {key} must be a whole number (0 or more), not {value!r}",
            file="review file",
        )
    return value


def rules_table(settings: Settings | None, key: str, packaged: str) -> dict[str, Any]:
    """An author's own rules file named by ``[analysis] key``, else the packaged one."""
    path = analysis_settings(settings).get(key)
    if not path:
        return load_rules(packaged)
    return read_rules_file(Path(str(path)))


def read_rules_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReviewFileError(
            "rules file not found",
            file=str(path),
            hint="Check the path in the review file's [analysis] table.",
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"cannot read the rules file ({exc})", file=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ReviewFileError(f"not valid TOML: {exc}", file=str(path)) from exc


def bounds(span: DateSpan) -> tuple[dt.date, dt.date]:
    """First and last possible day of a known span (callers check ``is_known`` first)."""
    if span.start is None or span.end is None:
        raise ValueError(f"date not known: {span.text!r}")
    return span.start, span.end


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def when(span: DateSpan) -> str:
    """A date as a reader writes it: "1 May 2012", "May 2012", "date not known"."""
    return format_span(span)


def day_text(day: dt.date | str) -> str:
    """ "1 May 2012" (from a date or an ISO string)."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.day} {day:%B %Y}"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def days_phrase(days: int, working_days: int | None) -> str:
    """ "22 days (15 working days)"."""
    if working_days is None:
        return plural(days, "day")
    return f"{plural(days, 'day')} ({plural(working_days, 'working day')})"
