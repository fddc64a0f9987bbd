"""Where each record mentions a risk indicator: the search ``who_knew_what`` reads.

The search is per record, so, on a large review, a worker runs it while the records merge
(``mentions_ahead``) and this process takes what it found (``FOUND_AHEAD``, see
``chronology.ahead``): only the event each hit belongs to waits for the merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chronology.ahead import Handoff
from chronology.analysis.common import source_mask, when
from chronology.analysis.indicator_lexicon import Indicator, Lexicon
from chronology.analysis.phrases import clause_excerpt, normalise, sentence_bounds
from chronology.schema import Source
from chronology.wordkeys import Screens

# What a record says of one indicator: the indicator's place in the lexicon, whether the
# mention is negated, and the hit's fields but its event: agency, source ref, date, date
# text, start, phrase, excerpt (``indicators._hit`` makes the hit).
Mention = tuple[int, bool, tuple[str | None, ...]]


def _sentence(text: str, start: int, end: int) -> str:
    left, right = sentence_bounds(text, start, end)
    return text[left + 1 : len(text) if right is None else right]


def _mentions(
    indicator: Indicator, lexicon: Lexicon, text: str, mask: int
) -> Iterator[tuple[re.Match[str], bool]]:
    """Each mention of the indicator, with whether it is negated (``mask``: the text's
    ``wordkeys.text_mask``)."""
    for found in indicator.pattern.finditer(text):
        start, end = found.span()
        if indicator.exclude.near(text, start, end, mask):
            continue
        if indicator.requires is not None and not indicator.requires.search(
            _sentence(text, start, end)
        ):
            continue
        yield found, lexicon.negation.near(text, start, end, mask)


class MentionSearch:
    """Each record's mentions, looking in it only for the indicators its words allow."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._screens = Screens(enumerate(i.keys for i in lexicon.indicators))
        self._plans: dict[int, list[int]] = {}

    def __call__(self, source: Source) -> list[Mention]:
        mask = source_mask(source)
        words = mask & self._screens.bits
        plan = self._plans.get(words)
        if plan is None:
            plan = self._plans[words] = [at for at, _sure in self._screens.candidates(words)]
        return self._search(source, plan, mask) if plan else []

    def _search(self, source: Source, plan: Sequence[int], mask: int) -> list[Mention]:
        """The source's first mention of each indicator, and the negated ones before it."""
        original = "\n".join(filter(None, (source.text, source.action)))
        text = normalise(original)
        if len(text) != len(original):
            original = text  # rare characters change length when lowered
        found: list[Mention] = []
        for at in plan:
            for match, is_negated in _mentions(
                self.lexicon.indicators[at], self.lexicon, text, mask
            ):
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


def mentions_ahead(sources: Sequence[Source], lexicon: Lexicon) -> dict[int, list[Mention]]:
    """Every record's mentions, by position in ``sources`` (those with any): what a worker
    finds while the merge runs, for ``who_knew_what`` here (see ``FOUND_AHEAD``)."""
    search = MentionSearch(lexicon)
    return {at: found for at, source in enumerate(sources) if (found := search(source))}


FOUND_AHEAD: Handoff[list[Mention]] = Handoff([])
