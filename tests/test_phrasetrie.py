"""The prefix-tree finder gives exactly the answers of the grouped alternation it replaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.text.classify import load_rules
from chronology.text.phrasetrie import PhraseGroups, trie_pattern

KINDS = [spec["phrases"] for spec in load_rules("kinds.toml")["kinds"].values()]
MENTIONS = [spec["mentions"] for spec in load_rules("agencies.toml")["types"].values()]


def reference(groups: list[list[str]]) -> re.Pattern[str]:
    """The plain ordered alternation: one named group per group, longest phrase first."""
    longest_first = [sorted(g, key=len, reverse=True) for g in groups]
    named = (
        f"(?P<g{i}>" + "|".join(re.escape(p.lower()) for p in g) + ")"
        for i, g in enumerate(longest_first)
    )
    return re.compile(r"(?<![\w])(?:" + "|".join(named) + r")(?![\w])")


def group_of(match: re.Match[str]) -> int:
    assert match.lastgroup is not None
    return int(match.lastgroup[1:])


WORDS = sorted({w for g in KINDS + MENTIONS for p in g for w in re.findall(r"\w+", p.lower())})
texts = st.lists(
    st.sampled_from([*WORDS, "the", "visits", "re-", "s.", "47", "x"]), max_size=12
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "-", ".", ", ", "\n", ""]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)


@pytest.mark.parametrize("phrases", [["a"], ["ab", "a"], ["core group", "core", "cp"], ["x.y"]])
def test_trie_pattern_matches_exactly_the_phrases(phrases: list[str]) -> None:
    pattern = re.compile(trie_pattern(phrases))
    for phrase in phrases:
        assert pattern.fullmatch(phrase)
    for other in ["", "b", "abc", "core gro", "x y", "cpx"]:
        assert (pattern.fullmatch(other) is not None) == (other in phrases)


@settings(max_examples=400)
@given(texts)
def test_first_is_the_leftmost_group_of_the_alternation(text: str) -> None:
    expected = reference(KINDS).search(text)
    assert PhraseGroups(KINDS).first(text) == (group_of(expected) if expected else None)


@settings(max_examples=400)
@given(texts)
def test_every_is_the_groups_found_by_finditer(text: str) -> None:
    expected = {group_of(m) for m in reference(MENTIONS).finditer(text)}
    assert PhraseGroups(MENTIONS).every(text) == expected


def test_earlier_group_wins_at_one_position() -> None:
    finder = PhraseGroups([["core"], ["core group"]])
    assert finder.first("the core group met") == 0
    assert finder.first("the core-group met") == 0
    assert finder.first("encore group") is None
