"""The merge's thresholds, from one table (``rules/merge.toml``) that every rule reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronology.text.rules import load_rules


@dataclass(frozen=True, slots=True)
class Thresholds:
    text_alone: int
    text_corroborated: int
    text_apart: int
    text_contact: int
    text_one_named: int
    text_rare_same_day: int
    text_one_off: int
    text_ends: int
    text_ends_untyped: int
    days_ends: int
    days_ends_cited: int
    minutes_apart: int
    scores: dict[str, float]


@cache
def thresholds() -> Thresholds:
    data = load_rules("merge.toml")
    text, days = data["text"], data["days"]
    return Thresholds(
        text_alone=int(text["alone"]),
        text_corroborated=int(text["corroborated"]),
        text_apart=int(text["apart"]),
        text_contact=int(text["contact"]),
        text_one_named=int(text["one_named"]),
        text_rare_same_day=int(text["rare_same_day"]),
        text_one_off=int(text["one_off"]),
        text_ends=int(text["ends"]),
        text_ends_untyped=int(text["ends_untyped"]),
        days_ends=int(days["ends"]),
        days_ends_cited=int(days["ends_cited"]),
        minutes_apart=int(data["minutes"]["apart"]),
        scores={k: float(v) for k, v in data["scores"].items()},
    )
