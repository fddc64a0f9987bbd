"""Hypothesis properties: no row lost, and the output never depends on input order."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import pipeline
from chronology.merge.groups import merge
from chronology.model.codec import dumps
from chronology.model.schema import Source
from tests.conftest import source
from tests.strategies import AGENCIES, PHRASES

DATES = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2010, 3, 31))
DATE_TEXT = st.one_of(
    DATES.map(lambda d: d.strftime("%d/%m/%Y")),
    DATES.map(lambda d: d.strftime("%B %Y")),
    st.just("not known"),
    st.just("31/04/2010"),
)
ROW = st.tuples(st.sampled_from(AGENCIES), DATE_TEXT, st.sampled_from(PHRASES))


def _sources(rows: list[tuple[str, str, str]]) -> list[Source]:
    return [source(a, d, t, row=i + 2) for i, (a, d, t) in enumerate(rows)]


def _shape(events: list) -> list[tuple[str, list[str]]]:  # type: ignore[type-arg]
    return [(e.id, [s.ref for s in e.sources]) for e in events]


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, max_size=40))
def test_every_source_ends_up_in_exactly_one_event(rows: list[tuple[str, str, str]]) -> None:
    sources = _sources(rows)
    events = merge(sources)
    refs = [s.ref for e in events for s in e.sources]
    assert sorted(refs) == sorted(s.ref for s in sources)


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, max_size=40), st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_source_order(rows: list[tuple[str, str, str]], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = _sources(rows)
    rnd.shuffle(shuffled)
    assert _shape(merge(_sources(rows))) == _shape(merge(shuffled))


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(AGENCIES),
            DATE_TEXT,
            st.sampled_from([*PHRASES, "", "End of chronology"]),
        ),
        min_size=1,
        max_size=30,
    ),
    st.permutations(list(range(len(AGENCIES)))),
)
def test_files_in_any_order_give_byte_identical_json_and_no_row_is_lost(
    tmp_path_factory,
    rows: list[tuple[str, str, str]],
    order: list[int],  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path_factory.mktemp("imrs")
    paths = []
    expected_rows = 0
    seen: set[bytes] = set()
    for agency in AGENCIES:
        mine = [[d, t] for a, d, t in rows if a == agency]
        path = folder / f"{agency}.csv"
        _write_csv(path, [["Date", "Details"], *mine, ["", ""]])
        paths.append(path)
        if path.read_bytes() not in seen:  # a repeated file is merged once, with a warning
            expected_rows += sum(1 for d, t in mine if d or t)
        seen.add(path.read_bytes())
    forward = pipeline.integrate(pipeline.load_all(paths))
    backward = pipeline.integrate(pipeline.load_all([paths[i] for i in order]))
    assert dumps(forward) == dumps(backward)
    kept = sum(len(e.sources) for e in forward.events) + len(forward.rejected)
    assert kept == expected_rows
