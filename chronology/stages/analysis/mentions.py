"""Where each record mentions a risk indicator: the search ``who_knew_what`` reads."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronology.model.schema import Source
from chronology.stages.analysis.common import when
from chronology.stages.analysis.indicator_lexicon import Indicator, Lexicon
from chronology.stages.analysis.phrases import clause_excerpt, normalise, sentence_bounds
from chronology.text.screen import Screens, words_of

# What a record says of one indicator: the indicator's place in the lexicon, whether the
# mention is negated, and the hit's fields but its event: agency, source ref, date, date
# text, start, phrase, excerpt (``indicators._hit`` makes the hit).
Mention = tuple[int, bool, tuple[str | None, ...]]


def _sentence(text: str, start: int, end: int) -> str:
    left, right = sentence_bounds(text, start, end)
    return text[left + 1 : len(text) if right is None else right]


def _mentions(
    indicator: Indicator, lexicon: Lexicon, text: str
) -> Iterator[tuple[re.Match[str], bool]]:
    """Each mention of the indicator, with whether it is negated."""
    for found in indicator.pattern.finditer(text):
        start, end = found.span()
        if indicator.exclude.near(text, start, end) or indicator.about_other.near(text, start, end):
            continue
        if indicator.requires is not None and not indicator.requires.search(
            _sentence(text, start, end)
        ):
            continue
        yield found, lexicon.negation.near(text, start, end)


class MentionSearch:
    """Each record's mentions of the lexicon's indicators."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._screens = Screens([i.screen for i in lexicon.indicators])

    def __call__(self, source: Source) -> list[Mention]:
        return self._search(source)

    def _search(self, source: Source) -> list[Mention]:
        """The source's first mention of each indicator, and the negated ones before it."""
        original = "\n".join(filter(None, (source.text, source.action)))
        text = normalise(original)
        if len(text) != len(original):
            original = text  # rare characters change length when lowered
        found: list[Mention] = []
        for at in self._screens.passing(words_of(text)):
            indicator = self.lexicon.indicators[at]
            for match, is_negated in _mentions(indicator, self.lexicon, text):
                start, end = match.span()
                quoted = (original[start:end], clause_excerpt(original, start, end))
                found.append((at, is_negated, (*_stamp(source), *quoted)))
                if not is_negated:
                    break
        return found


def _stamp(source: Source) -> tuple[str | None, ...]:
    date = source.date
    start = date.start.isoformat() if date.start else None
    return source.agency, source.ref, when(date), date.text, start
