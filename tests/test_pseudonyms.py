"""The anonymised copy: every text anonymised, nothing shared that could change the original."""

from __future__ import annotations

import functools

from chronology import pipeline
from chronology.codec import dumps
from chronology.pseudonyms import Glossary, anonymise_chronology
from chronology.review import load_review
from chronology.schema import Chronology
from tests.conftest import SAMPLES


@functools.cache
def _samples() -> tuple[Chronology, Glossary]:
    review = load_review(SAMPLES / "review.toml")
    files = sorted((SAMPLES / "imrs").iterdir())
    chronology = pipeline.integrate(pipeline.load_all(files, pipeline.spec_from(review)), review)
    return chronology, pipeline.glossary_for(review)


def test_the_copy_holds_no_real_name_and_the_original_keeps_them() -> None:
    chronology, glossary = _samples()
    before = dumps(chronology)
    copy = dumps(anonymise_chronology(chronology, glossary))
    assert dumps(chronology) == before
    for part in glossary.name_parts():
        assert part in before or part.lower() in before.lower()
    leaks = [p for p in glossary.name_parts() if f" {p} " in copy or f'"{p} ' in copy]
    assert leaks == []
    assert '"anonymised": true' in copy


def test_changing_the_copy_leaves_the_original_as_it_was() -> None:
    chronology, glossary = _samples()
    before = dumps(chronology)
    copy = anonymise_chronology(chronology, glossary)
    for event in copy.events:
        event.flags.append("changed")
        event.agencies.append("changed")
        for source in event.sources:
            source.fields["changed"] = "yes"
        for decision in event.merge:
            decision.sources.append("changed")
    copy.meta.setdefault("facts", {})["changed"] = True
    for finding in copy.discrepancies:
        finding["changed"] = True
    assert dumps(chronology) == before
