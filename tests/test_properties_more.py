"""Hypothesis properties: merging is idempotent, and what the tool writes it reads back.

(Parsing ``format_span``'s own output back to the same span is already a property in
tests/test_dates.py::test_format_span_round_trips_generated_spans; not repeated here.)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import pipeline, render
from chronology.dates.span import parse_date
from chronology.merge.groups import merge
from chronology.model.codec import read_chronology
from chronology.model.schema import Event
from tests.strategies import AGENCIES, PHRASES

DAYS = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2010, 2, 28))
DATE_TEXT = st.one_of(
    DAYS.map(lambda d: d.strftime("%d/%m/%Y")),
    DAYS.map(lambda d: d.strftime("%-d %B %Y")),
    DAYS.map(lambda d: d.strftime("%B %Y")),
    DAYS.map(lambda d: f"c. {d:%d/%m/%Y}"),
    DAYS.map(lambda d: f"{d:%d/%m/%Y} - {d + dt.timedelta(days=3):%d/%m/%Y}"),
)
TIME = st.sampled_from(["", "", "09:30", "14:00"])
ROW = st.tuples(st.sampled_from(AGENCIES), DATE_TEXT, TIME, st.sampled_from(PHRASES))
ROWS = st.lists(ROW, min_size=1, max_size=30)


def _write_inputs(folder: Path, rows: list[tuple[str, str, str, str]]) -> list[Path]:
    paths = []
    for agency in AGENCIES:
        mine = [[d, t, text] for a, d, t, text in rows if a == agency]
        if not mine:
            continue
        buffer = io.StringIO()
        csv.writer(buffer).writerows([["Date", "Time", "Details"], *mine])
        path = folder / f"{agency}.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


def _time_in_date_cell(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Times written in the date cell ("01/02/2010 09:30"), as many agencies send them."""
    return [
        (a, f"{d} {t}" if t and d[:2].isdigit() and "-" not in d else d, "", x)
        for a, d, t, x in rows
    ]


def _shape(events: list[Event]) -> list[tuple[Any, ...]]:
    """What makes two merges the same: ids, membership, dates, text, time and flags."""
    return [
        (e.id, [s.ref for s in e.sources], e.date.start, e.date.end, e.text, e.time, e.flags)
        for e in events
    ]


@settings(max_examples=30, deadline=None)
@given(ROWS.map(_time_in_date_cell), st.randoms(use_true_random=False))
def test_re_feeding_the_saved_sources_gives_the_same_events(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str, str, str]],
    rnd: random.Random,
) -> None:
    folder = tmp_path_factory.mktemp("inputs")
    loaded = pipeline.load_all(_write_inputs(folder, rows))
    first = merge(loaded.sources)
    chronology = pipeline.integrate(loaded)
    render.writer("json")(chronology, folder)
    saved = [s for e in read_chronology(folder / "chronology.json").events for s in e.sources]
    rnd.shuffle(saved)
    again = merge(saved)
    assert _shape(again) == _shape(first) == _shape(chronology.events)
    assert _shape(merge([s for e in again for s in e.sources])) == _shape(first)


def test_re_feeding_sources_timed_by_a_time_column_gives_the_same_events(
    tmp_path: Path,
) -> None:
    rows = [
        ("Police", "01/01/2010", "09:30", "Strategy discussion held with police"),
        ("Police", "1 January 2010", "", "Strategy discussion held with police"),
    ]
    loaded = pipeline.load_all(_write_inputs(tmp_path, rows))
    chronology = pipeline.integrate(loaded)
    render.writer("json")(chronology, tmp_path)
    saved = [s for e in read_chronology(tmp_path / "chronology.json").events for s in e.sources]
    assert _shape(merge(saved)) == _shape(merge(loaded.sources))


def _export_rows(chronology: Any, folder: Path) -> list[dict[str, str]]:
    render.writer("csv")(chronology, folder)
    text = (folder / "integrated_chronology.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_re_merging_the_csv_export_neither_joins_nor_splits_events(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, str]]
) -> None:
    folder = tmp_path_factory.mktemp("inputs")
    chronology = pipeline.integrate(pipeline.load_all(_write_inputs(folder, rows)))
    exported = tmp_path_factory.mktemp("export")
    _export_rows(chronology, exported)
    reloaded = pipeline.load_all([exported / "integrated_chronology.csv"])
    again = merge(reloaded.sources)
    # every exported row came back, under the id it was exported with (the Ref column)
    assert sorted(s.reference for s in reloaded.sources) == sorted(e.id for e in chronology.events)
    by_id = {e.id: e for e in chronology.events}
    for event in again:
        originals = [by_id[s.reference] for s in event.sources]
        distinct = {(o.date.text, o.time, o.text) for o in originals}
        assert len(distinct) == 1, f"re-merge joined different events: {originals}"
        original = originals[0]
        # the narrative comes back as it was; the export's other columns (Precision, Agency,
        # Sources) are told after it, labelled, as any unmapped column is
        assert {s.text for s in event.sources} == {original.text}
        assert event.text.startswith(original.text)
        assert event.time == original.time
        if original.date.start is not None and "date_conflict" not in original.flags:
            assert (event.date.start, event.date.end) == (original.date.start, original.date.end)


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_every_exported_date_label_reads_back_to_the_event_span(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, str]]
) -> None:
    """The export's Date column is what a reviewer copies into other documents: reading it
    back gives the event's span (events whose agencies disagree list every date, by design)."""
    folder = tmp_path_factory.mktemp("inputs")
    chronology = pipeline.integrate(pipeline.load_all(_write_inputs(folder, rows)))
    by_id = {e.id: e for e in chronology.events}
    for row in _export_rows(chronology, tmp_path_factory.mktemp("export")):
        event = by_id[row["Ref"]]
        if "date_conflict" in event.flags:
            continue
        span = parse_date(row["Date"])
        assert (span.start, span.end) == (event.date.start, event.date.end), row["Date"]
        assert span.approximate == event.date.approximate, row["Date"]


def test_the_undated_label_reads_back_as_an_unknown_date() -> None:
    span = parse_date("not known")
    assert span.start is None
