"""The anonymised copy: every text anonymised, nothing shared that could change the original."""

from __future__ import annotations

import functools

from chronology import pipeline
from chronology.model.codec import dumps
from chronology.model.schema import Chronology
from chronology.privacy.pseudonyms import Glossary, anonymise_chronology
from chronology.review.read import load_review
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


def test_with_nothing_to_replace_the_copy_equals_the_original_field_for_field() -> None:
    """Events and records are copied field by field: a field added to either and missed by
    the copy would come out at its default here."""
    from dataclasses import replace

    from chronology.dates.span import DateSpan, Precision

    chronology, _glossary = _samples()
    every = [e for e in chronology.events if e.merge and e.episode and e.flags][:3]
    assert every  # the samples have merged, flagged events inside episodes
    recorded = DateSpan(None, None, Precision.UNKNOWN, "later")
    full = [
        replace(e, sources=[replace(s, recorded_on=recorded, sequence=2.0) for s in e.sources])
        for e in every
    ]
    copy = anonymise_chronology(Chronology(events=full), Glossary({}))
    assert copy.events == full
