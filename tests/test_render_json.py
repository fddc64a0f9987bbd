"""chronology.json written in parts, side by side, is the file written in one go."""

from __future__ import annotations

import datetime as dt
import functools
import stat
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology import codec, parallel, pipeline
from chronology.dates import Precision
from chronology.render import json as json_render
from chronology.review import find_review
from chronology.schema import Chronology

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
forking = pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")


@functools.cache
def _samples() -> Chronology:
    review = find_review(SAMPLES / "review.toml")
    loaded = pipeline.load_all(sorted((SAMPLES / "imrs").iterdir()), pipeline.spec_from(review))
    return pipeline.integrate(loaded, review)


def _whole(chronology: Chronology) -> bytes:
    return b"".join(codec.json_chunks(chronology))


@pytest.mark.parametrize("batch", [1, 3, 500])
def test_consecutive_parts_make_the_whole_file(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = _samples()
    monkeypatch.setattr(codec, "EVENT_BATCH", batch)
    whole = orjson.dumps(codec.to_document(chronology), option=orjson.OPT_INDENT_2) + b"\n"
    assert _whole(chronology) == whole
    count = len(chronology.events)
    for cut in (1, 2, count // 2, count - 1):
        first = b"".join(codec.json_chunks(chronology, range(cut)))
        rest = b"".join(codec.json_chunks(chronology, range(cut, count)))
        assert first + rest == whole, cut
    middle = [range(5), range(5, 11), range(11, count)]
    assert b"".join(b"".join(codec.json_chunks(chronology, r)) for r in middle) == whole


def test_a_chronology_with_no_events_is_still_a_document() -> None:
    assert codec.from_document(codec.json.loads(_whole(Chronology(events=[])))).events == []


@forking
def test_written_in_two_processes_it_is_the_same_private_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chronology = _samples()
    monkeypatch.setattr(json_render, "SPLIT_EVENTS", 10)
    monkeypatch.setattr(json_render, "cores", lambda: 2)
    (written,) = json_render.write(chronology, tmp_path)
    assert written.read_bytes() == _whole(chronology)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["chronology.json"]  # no part left


def _stops_after(checks: int) -> Callable[[], bool]:
    """A ``meanwhile`` that holds for the first ``checks`` asks."""
    asked = iter(range(checks + 1))
    return lambda: next(asked, checks) < checks


@pytest.mark.parametrize("checks", [1, 2, 3, 1000])
def test_a_file_begun_while_waiting_and_finished_later_is_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: int
) -> None:
    chronology = _samples()
    monkeypatch.setattr(json_render, "SPLIT_EVENTS", 10)
    monkeypatch.setattr(json_render, "BEGIN_BATCH", 7)
    begun = json_render.begin(chronology, tmp_path, meanwhile=_stops_after(checks))
    assert begun is not None
    assert stat.S_IMODE(begun.path.stat().st_mode) == 0o600
    expected = min(len(chronology.events), 7 * (checks - 1)) if checks > 1 else 0
    assert begun.events == expected
    (written,) = json_render.write(chronology, tmp_path, begun)
    assert written.read_bytes() == _whole(chronology)
    assert [p.name for p in tmp_path.iterdir()] == ["chronology.json"]


def test_nothing_is_begun_when_nobody_is_waited_for(tmp_path: Path) -> None:
    assert json_render.begin(_samples(), tmp_path, meanwhile=lambda: False) is None
    assert list(tmp_path.iterdir()) == []


def test_a_begun_file_already_taken_is_written_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second try at the json (its first, in a worker, failed after taking the begun file)
    writes the whole file rather than failing on the missing part."""
    chronology = _samples()
    monkeypatch.setattr(json_render, "SPLIT_EVENTS", 10)
    monkeypatch.setattr(json_render, "BEGIN_BATCH", 7)
    begun = json_render.begin(chronology, tmp_path, meanwhile=_stops_after(3))
    assert begun is not None
    begun.path.unlink()
    (written,) = json_render.write(chronology, tmp_path, begun)
    assert written.read_bytes() == _whole(chronology)


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
