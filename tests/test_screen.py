"""The word screen never rules out a text its pattern matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.stages.analysis.phrases import compile_phrases, normalise
from chronology.text.classify import load_rules
from chronology.text.screen import Screens, screen_of, words_of

KINDS = load_rules("kinds.toml")["kinds"]
INDICATORS = load_rules("indicators.toml")["indicators"]
WILD = [spec["phrases"] for spec in INDICATORS.values()] + [
    spec["phrases"] for spec in KINDS.values()
]
VOCABULARY = sorted(
    {w for phrases in WILD for p in phrases for w in p.lower().replace("*", "").split()}
    | {"the", "a", "visit", "no", "selfharm", "self", "harming", "strangled", "o'neill"}
)


@pytest.mark.parametrize(
    ("phrases", "text", "passes"),
    [
        (["strategy discussion"], "a strategy discussion held", True),
        (["strategy discussion"], "a home visit", False),
        (["strangl*"], "he strangled her", True),
        (["strangl*"], "a strange call", False),
        (["self-harm"], "history of selfharm", True),
        (["self-harm"], "history of self harm", True),
        (["breach* ... bail"], "breached his bail", True),
        (["... bail"], "anything at all", True),  # no first word: always searched
        (["a&e"], "seen at a&e", True),
    ],
)
def test_a_wild_screen_lets_through_what_it_must(
    phrases: list[str], text: str, passes: bool
) -> None:
    assert screen_of(phrases).may_match(words_of(normalise(text))) is passes


texts = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_no_packaged_pattern_matches_a_text_its_screen_rules_out(text: str) -> None:
    words = words_of(normalise(text))
    for phrases in WILD:
        pattern = compile_phrases(phrases)
        if pattern is not None and pattern.search(normalise(text)):
            assert screen_of(phrases).may_match(words), (phrases, text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_many_screens_at_once_answer_as_each_alone(text: str) -> None:
    screens = [screen_of(phrases) for phrases in WILD]
    words = words_of(normalise(text))
    expected = [at for at, each in enumerate(screens) if each.may_match(words)]
    assert Screens(screens).passing(words) == expected
