"""The risk-indicator lexicon (``rules/indicators.toml``, or an author's own): each
indicator's phrases, the words that make a phrase mean something else, and the negation cues.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chronology.model.errors import ReviewFileError
from chronology.stages.analysis.phrases import Cues, compile_phrases
from chronology.text.screen import Screen, screen_of


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    label: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    exclude: Cues  # words next to a phrase that make it mean something else
    about_other: Cues  # words in its clause that make it about someone else (his own claim)
    screen: Screen  # the words a text needs for ``pattern`` to have a chance


@dataclass(frozen=True, slots=True)
class Lexicon:
    indicators: tuple[Indicator, ...]
    negation: Cues


def _words(value: object, where: str, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewFileError(f"{where} must be a list of words or phrases", file=source)
    return list(value)


def _count(value: object, where: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReviewFileError(f"{where} must be a whole number", file=source)
    return value


def _about(value: object, where: str, source: str) -> Cues:
    """``about_someone_else = { before = [...], after = [...] }``."""
    if value is None:
        return Cues.of()
    if not isinstance(value, Mapping):
        raise ReviewFileError(f"{where} about_someone_else must be a table", file=source)
    return Cues.of(
        _words(value.get("before"), f"{where} about_someone_else.before", source),
        _words(value.get("after"), f"{where} about_someone_else.after", source),
        words_before=ABOUT_WORDS_BEFORE,
        words_after=ABOUT_WORDS_AFTER,
    )


ABOUT_WORDS_BEFORE = 5
ABOUT_WORDS_AFTER = 2


def parse_lexicon(table: Mapping[str, Any], source: str = "indicators.toml") -> Lexicon:
    """A parsed indicators file, checked."""
    negation = table.get("negation", {})
    entries = table.get("indicators", {})
    if not isinstance(negation, Mapping) or not isinstance(entries, Mapping) or not entries:
        raise ReviewFileError("needs [indicators.NAME] tables (and an optional [negation])",
                              file=source)  # fmt: skip
    indicators = []
    for name, spec in entries.items():
        where = f"[indicators.{name}]"
        if not isinstance(spec, Mapping):
            raise ReviewFileError(f"{where} must be a table", file=source)
        phrases = _words(spec.get("phrases"), f"{where} phrases", source)
        pattern = compile_phrases(phrases)
        if pattern is None:
            raise ReviewFileError(f"{where} needs phrases = [...]", file=source)
        indicators.append(
            Indicator(
                name=str(name),
                label=str(spec.get("label", name)),
                pattern=pattern,
                requires=compile_phrases(_words(spec.get("requires"), where, source)),
                exclude=Cues.of(
                    _words(spec.get("not_preceded_by"), where, source),
                    _words(spec.get("not_followed_by"), where, source),
                    words_before=2,
                    words_after=1,
                ),
                about_other=_about(spec.get("about_someone_else"), where, source),
                screen=screen_of(phrases),
            )
        )
    cues = Cues.of(
        _words(negation.get("before"), "[negation] before", source),
        _words(negation.get("after"), "[negation] after", source),
        _count(negation.get("words_before", 4), "[negation] words_before", source),
        _count(negation.get("words_after", 3), "[negation] words_after", source),
    )
    return Lexicon(tuple(indicators), cues)
