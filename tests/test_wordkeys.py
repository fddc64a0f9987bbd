"""The word-key shortcuts give exactly the answers of the full searches they skip."""

from __future__ import annotations

import random
import re

import pytest

from chronology import parallel, pipeline, wordkeys
from chronology.analysis.common import rules_table
from chronology.analysis.indicators import parse_lexicon
from chronology.analysis.phrases import (
    _WORD,
    Cues,
    _clause_head,
    _clause_tail,
    compile_phrases,
    first_words,
    last_words,
    normalise,
    phrase_keys,
)
from chronology.analysis.timescale_rules import kind_patterns, kind_word_keys
from chronology.classify import kinds_of, lexicon
from chronology.codec import dumps
from chronology.episode_rules import firm_trigger_kinds, tentative, text_kinds
from chronology.wordkeys import text_mask
from tests.conftest import SAMPLES

_WORDS = (
    "the a no not denied review conference child protection initial icpc strategy discussion "
    "meeting home visit visited referral referred s47 s.47 section 47 nfa case closed police "
    "self-harm self harm selfharm strangled strangle choked cannabis alcoholic drunk "
    "ex-partner ex partner expartner breached his bail but however although - – , . ; : ! ? "
    "didn't denies invitation invited requested planned mash multi-agency multi agency "
    "threatened to kill himself her previous partner assault knife 999 ’ ' ( ) Case NFA"
)
VOCABULARY = tuple(_WORDS.split())


def _texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 (made-up texts, not secrets)
    found = []
    for _ in range(count):
        words = rng.choices(VOCABULARY, k=rng.randint(1, 40))
        found.append(rng.choice([" ", "  ", "\n", " "]).join(words))
    return found


TEXTS = _texts(800)


def test_episode_kinds_match_the_full_search() -> None:
    for text in TEXTS:
        lowered = text.lower()
        firm = {
            kind.name
            for kind in lexicon()
            if kind.trigger
            and any(
                not tentative(lowered, m.start(), m.end()) for m in kind.pattern.finditer(lowered)
            )
        }
        kinds, firm_found = text_kinds(text)
        assert kinds == set(kinds_of(text)), text
        assert firm_found == firm == firm_trigger_kinds(text), text


@pytest.mark.parametrize(
    "phrases",
    [
        ["self-harm*", "self harm*", "strangl*", "by the throat"],
        ["breach* ... bail", "threat* ... kill her", "ex-partner", "s.47"],
        ["didn't", "no", "not", "ruled out", "free of"],
        ["multi-agency risk assessment conference", "*ing", "... bail", "-x"],
    ],
)
def test_keys_never_rule_out_a_match(phrases: list[str]) -> None:
    pattern, keys = compile_phrases(phrases), phrase_keys(phrases)
    assert pattern is not None
    for text in TEXTS:
        found = pattern.search(normalise(text))
        mask = text_mask(text)
        if found:
            assert keys.may_match(mask), (phrases, text)
        if keys.certain(mask):
            assert found, (phrases, text)


def test_indicator_and_kind_keys_never_rule_out_a_match() -> None:
    lexicon_ = parse_lexicon(rules_table({}, "indicators", "indicators.toml"))
    screened = [(i.pattern, i.keys) for i in lexicon_.indicators]
    screened += [(p, kind_word_keys()[name]) for name, p in kind_patterns().items()]
    for text in TEXTS:
        mask = text_mask(text)
        for pattern, keys in screened:
            if pattern.search(normalise(text)):
                assert keys.may_match(mask), (pattern.pattern[:40], text)


def test_clause_words_read_from_a_window_are_those_of_the_whole_clause() -> None:
    long_texts = [" ".join(_texts(4, seed)) for seed in range(150)]
    starts = re.compile(r"\b\w")
    for text in (normalise(t) for t in long_texts + TEXTS):
        for found in starts.finditer(text):
            at = found.start()
            for count in (1, 3, 4):
                tail = _WORD.findall(_clause_tail(text[:at]))[-count:]
                head = _WORD.findall(_clause_head(text[at:]))[:count]
                assert last_words(text, at, count) == tail, (text, at)
                assert first_words(text, at, count) == head, (text, at)


def test_cues_with_the_mask_agree_with_cues_without() -> None:
    cues = Cues.of(["no", "not", "didn't", "ruled out"], ["denied", "not present"], 4, 3)
    for text in (normalise(t) for t in TEXTS):
        mask = text_mask(text)
        for found in re.finditer(r"\b\w+", text):
            start, end = found.span()
            assert cues.near(text, start, end, mask) == cues.near(text, start, end)


def test_masks_from_elsewhere_are_taken_only_for_the_same_keys() -> None:
    wordkeys.ready()
    texts = ["A strategy discussion was held", "Nothing of note"]
    fingerprint, masks = wordkeys.masks_of(texts)
    wordkeys._REGISTRY.texts.clear()
    wordkeys.remember(texts, ("other keys", [123, 456]))
    assert wordkeys._REGISTRY.texts == {}
    wordkeys.remember(texts, (fingerprint, masks))
    assert [wordkeys.text_mask(t) for t in texts] == masks


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
def test_masks_read_in_a_worker_during_the_merge_give_the_same_chronology(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = sorted((SAMPLES / "imrs").iterdir())
    alone = dumps(pipeline.integrate(pipeline.load_all(files)))
    wordkeys._REGISTRY.texts.clear()
    monkeypatch.setattr(pipeline, "WARM_SOURCES", 0)
    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    seeded: list[int] = []
    remember = wordkeys.remember
    monkeypatch.setattr(
        wordkeys, "remember", lambda t, f: (seeded.append(len(t)), remember(t, f))[1]
    )
    assert dumps(pipeline.integrate(pipeline.load_all(files))) == alone
    assert seeded  # the worker's masks were offered
