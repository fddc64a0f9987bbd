"""chronology.json written in parts, side by side, is the file written in one go."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from chronology import pipeline
from chronology.dates.span import Precision
from chronology.model import codec
from chronology.model.schema import Chronology
from chronology.review.read import find_review

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@functools.cache
def _samples() -> Chronology:
    review = find_review(SAMPLES / "review.toml")
    loaded = pipeline.load_all(sorted((SAMPLES / "imrs").iterdir()), pipeline.spec_from(review))
    return pipeline.integrate(loaded, review)


def _whole(chronology: Chronology) -> bytes:
    return b"".join(codec.json_chunks(chronology))


def test_a_chronology_with_no_events_is_still_a_document() -> None:
    assert codec.from_document(orjson.loads(_whole(Chronology(events=[])))).events == []


@given(st.dates(), st.sampled_from(list(Precision)))
def test_days_and_precisions_are_written_as_iso_days_and_values(
    day: dt.date, precision: Precision
) -> None:
    # the codec hands orjson dates and enumerations as they are: the text must be the same
    assert orjson.dumps([day, precision]) == orjson.dumps([day.isoformat(), str(precision)])


def test_a_document_not_yet_written_reads_back() -> None:
    chronology = _samples()
    again = codec.from_document(codec.to_document(chronology))
    assert codec.dumps(again) == codec.dumps(chronology)
