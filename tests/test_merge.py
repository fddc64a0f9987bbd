"""The merge: what must become one event, what must stay apart, and the order."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.dates.span import parse_date
from chronology.merge import candidates as matching
from chronology.merge import events, units
from chronology.merge.groups import merge
from chronology.model.schema import Source
from tests.conftest import source
from tests.strategies import PHRASES

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
HV = "Northbridge Health Visiting"
NURSERY = "Northbridge Nursery"


def agencies_per_event(events):  # type: ignore[no-untyped-def]
    return [tuple(e.agencies) for e in events]


def test_meeting_recorded_by_several_agencies_is_one_event_with_every_account() -> None:
    events = merge(
        [
            source(
                CSC,
                "14/06/2012",
                "Initial child protection conference held. CP plan agreed.",
                row=9,
            ),
            source(HV, "14/06/2012", "Attended ICPC - children made subject of CP plans", row=4),
            source(
                NURSERY,
                "14/06/2012",
                "Manager attended the initial child protection conference",
                row=3,
            ),
        ]
    )
    assert len(events) == 1
    (event,) = events
    assert event.agencies == sorted([CSC, HV, NURSERY])
    assert len(event.sources) == 3
    assert f"{HV}: Attended ICPC" in event.text
    assert event.merge
    assert all(d.method == "auto" for d in event.merge)
    assert all(d.reason for d in event.merge)


def test_both_ends_of_a_phone_call_merge() -> None:
    events = merge(
        [
            source(
                POLICE,
                "09/08/2010",
                "Telephone consultation with EDT re welfare of children after DA incident",
            ),
            source(
                CSC,
                "09/08/2010",
                "EDT: call received from police regarding domestic incident, "
                "children at PGF address",
            ),
        ]
    )
    assert len(events) == 1


def test_strategy_discussion_dated_differently_is_linked_and_flagged() -> None:
    events = merge(
        [
            source(POLICE, "01/05/2012", "Strategy discussion with CSC; S47 enquiry agreed"),
            source(
                CSC,
                "23/05/2012",
                "Strategy discussion held with police. Section 47 to be undertaken.",
            ),
            source(CSC, "02/02/2012", "Home visit by SW"),
        ]
    )
    linked = [e for e in events if len(e.sources) == 2]
    assert len(linked) == 1
    (event,) = linked
    assert "date_conflict" in event.flags
    assert event.date.start == dt.date(2012, 5, 1)
    assert event.date.end == dt.date(2012, 5, 23)
    assert "01/05/2012" in event.date.text
    assert "23/05/2012" in event.date.text


@pytest.mark.parametrize(
    "request_text",
    [
        "SW requests strategy discussion with police and paediatrics.",
        "Asked for an urgent strategy meeting with the police.",
        "Team manager to arrange strategy discussion.",
    ],
)
def test_a_request_for_a_meeting_is_not_the_meeting(request_text: str) -> None:
    events = merge(
        [
            source(CSC, "03/11/2021", request_text),
            source(POLICE, "04/11/2021", "Strategy meeting held, police DS attended."),
        ]
    )
    assert [len(e.sources) for e in events] == [1, 1]


def test_birth_and_new_birth_visit_ten_days_later_stay_apart() -> None:
    events = merge(
        [
            source("Maternity", "14/06/2011", "Baby girl born, normal delivery"),
            source(HV, "24/06/2011", "New birth visit: baby born 14/06/2011, feeding well"),
        ]
    )
    assert len(events) == 2


def test_two_home_visits_a_week_apart_stay_apart_even_with_identical_text() -> None:
    events = merge(
        [
            source(HV, "02/03/2012", "Home visit. Mum and children seen.", row=5),
            source(HV, "09/03/2012", "Home visit. Mum and children seen.", row=6),
            source(CSC, "09/03/2012", "Home visit. Mum and children seen."),
        ]
    )
    assert len(events) == 2
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_same_day_unrelated_contacts_of_different_agencies_stay_apart() -> None:
    events = merge(
        [
            source("GP", "05/03/2012", "Seen with chest infection, antibiotics prescribed"),
            source("Housing", "05/03/2012", "Rent arrears letter sent"),
        ]
    )
    assert len(events) == 2


def test_exact_duplicate_row_collapses_and_keeps_both_sources() -> None:
    events = merge(
        [
            source(CSC, "09/10/2010", "Case closed by TM", row=20),
            source(CSC, "09/10/2010", "Case closed by TM", row=21),
        ]
    )
    (event,) = events
    assert [s.row for s in event.sources] == [20, 21]
    assert "duplicate_rows" in event.flags


def test_never_two_records_of_one_agency_chained_into_one_event() -> None:
    events = merge(
        [
            source(CSC, "14/06/2012", "ICPC held", row=2),
            source(CSC, "14/06/2012", "ICPC minutes typed", row=3),
            source(HV, "14/06/2012", "Attended ICPC"),
        ]
    )
    assert all(len({s.agency for s in e.sources}) == len(e.sources) for e in events)


def test_order_is_date_then_time_and_ids_are_sequential() -> None:
    events = merge(
        [
            source(CSC, "2012", "Year-only entry"),
            source(POLICE, "09/08/2010", "Evening call", time="21:00"),
            source(POLICE, "09/08/2010", "Morning call", time="09:00", row=3),
            source(CSC, "not known", "Undated entry"),
        ]
    )
    assert [e.text for e in events] == [
        "Morning call",
        "Evening call",
        "Year-only entry",
        "Undated entry",
    ]
    assert [e.id for e in events] == ["E0001", "E0002", "E0003", "E0004"]
    assert "undated" in events[-1].flags


def test_order_of_input_does_not_change_the_result() -> None:
    rows = [
        source(CSC, "23/05/2012", "Strategy discussion held with police"),
        source(POLICE, "01/05/2012", "Strategy discussion with CSC"),
        source(HV, "14/06/2012", "Attended ICPC"),
        source(CSC, "14/06/2012", "ICPC held"),
    ]
    forward = merge(rows)
    backward = merge(list(reversed(rows)))
    assert [(e.id, [s.ref for s in e.sources]) for e in forward] == [
        (e.id, [s.ref for s in e.sources]) for e in backward
    ]


def test_screening_in_slices_gives_the_same_events(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        source(POLICE, "09/08/2010", "Telephoned EDT about the children", row=2, time="19:35"),
        source(CSC, "09/08/2010", "EDT: call from police about the children", row=2),
        source(HV, "10/08/2010", "Home visit, mum seen", row=3),
        source(CSC, "10/08/2010", "Strategy discussion with police", row=4),
        source(POLICE, "10/08/2010", "Strategy discussion with CSC", row=5),
    ]
    whole = [[s.ref for s in e.sources] for e in merge(rows)]
    monkeypatch.setattr(matching, "PAIR_SLICE", 2)
    assert [[s.ref for s in e.sources] for e in merge(rows)] == whole
    assert any(len(refs) == 2 for refs in whole)


@given(
    text=st.sampled_from(["", "  ", *PHRASES]),
    time=st.sampled_from([None, "", "09:30"]),
    date=st.sampled_from(["01/05/2012", "May 2012", "not known", "c. 2011", "01/05/2012 09:30"]),
    kind=st.sampled_from([None, "phone_call"]),
)
def test_a_one_record_event_is_made_as_any_other(
    text: str, time: str | None, date: str, kind: str | None
) -> None:
    """The shortcut for single-record events gives exactly the general construction."""
    span = parse_date(date)
    source = Source("Police", "p.xlsx", "IMR", 2, span, text, time=time or span.time, kind=kind)
    assert events.one_record_event(source) == events._event_of([source], [], conflict=False)


def test_better_wording_never_turns_an_accepted_pair_down() -> None:
    """The screen drops pairs that even a perfect text score could not carry: sound only if
    acceptance never falls as the score rises. Every combination of day gap, kinds, times of
    day and naming, at and around every bar."""
    kinds = [None, "phone_call", "home_visit"]
    times = [None, 540, 545, 900]
    scores = [0, 29, 30, 31, 44, 45, 59, 60, 61, 64, 65, 79, 80, 100]
    cases = list(itertools.product([0, 1], kinds, kinds, times, times, [0, 1, 2]))
    made = []
    for n, (gap, kind_a, kind_b, min_a, min_b, _named) in enumerate(cases):
        for k, (day, kind, minutes) in enumerate(((0, kind_a, min_a), (gap, kind_b, min_b))):
            made.append(
                units.Unit(2 * n + k, f"A{k}", day, day, True, kind, "", None, minutes=minutes)
            )
    columns = matching._Columns(made)
    first = np.arange(0, len(made), 2)
    named = np.array([case[5] for case in cases])
    for low, high in itertools.combinations_with_replacement(scores, 2):
        at = [np.full(len(cases), score) for score in (low, high)]
        below, above = (columns.pairs(first, first + 1, named).accepted(t) for t in at)
        assert not (below & ~above).any(), (low, high)


@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127)))
def test_normalised_words_are_those_of_the_plain_regex(text: str) -> None:
    # the byte-table shortcut for ASCII must give what the regex gives for any text
    assert units.normalise_text(text) == units._WORDS.sub(" ", text.lower()).strip()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("  Home visit -- mother  present! ", "home visit mother present"),
        ("ICPC_held\t(agreed)\n", "icpc_held agreed"),
        ("Café visit: Zoë", "café visit zoë"),
        ("\u212aelvin", "kelvin"),  # the Kelvin sign lower-cases to ASCII
    ],
)
def test_normalised_words(text: str, words: str) -> None:
    assert units.normalise_text(text) == words


_TYPES = ["police", "childrens_social_care", "gp", "health_visiting", None]


@given(
    records=st.lists(
        st.tuples(
            st.integers(0, 4),  # day
            st.sampled_from(_TYPES),  # the record's kind of agency
            st.sets(st.sampled_from(_TYPES[:-1]), max_size=3),  # the kinds it names
            st.integers(0, 3),  # which agency of that kind
        ),
        max_size=40,
    ),
    slice_size=st.integers(1, 50),
)
def test_named_pairs_from_the_index_are_every_named_pair_once(
    records: list[tuple[int, str | None, set[str], int]], slice_size: int
) -> None:
    """The index of records by kind of agency and day gives exactly the pairs a scan of
    every pair a day or less apart keeps (one naming the other), each once."""
    exact = [
        units.Unit(
            index=n, agency=f"{kind}-{which}", start=730_000 + day, end=730_000 + day,
            exact=True, kind=None, text="", time=None, mentions=frozenset(names),
            agency_type=kind,
        )
        for n, (day, kind, names, which) in enumerate(sorted(records, key=lambda r: r[0]))
    ]  # fmt: skip
    columns = matching._Columns(exact)
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(exact)), 2)
        if columns.day[j] - columns.day[i] <= 1
        and columns.names(np.array([i]), np.array([j]))[0]
        + columns.names(np.array([j]), np.array([i]))[0]
    }
    found: list[tuple[int, int]] = []
    for low in range(0, len(exact), slice_size):
        i, j = matching._naming_pairs(columns, low, min(len(exact), low + slice_size))
        found += zip(i.tolist(), j.tolist(), strict=True)
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))


@given(
    records=st.lists(
        st.tuples(
            st.integers(0, 3), st.sampled_from([None, "phone_call", "referral"]), st.integers(0, 2)
        ),  # fmt: skip  (day, kind, agency)
        max_size=40,
    ),
    slice_size=st.integers(1, 50),
)
def test_same_kind_pairs_from_the_index_are_every_such_pair_once(
    records: list[tuple[int, str | None, int]], slice_size: int
) -> None:
    exact = [
        units.Unit(
            index=n, agency=f"agency {agency}", start=730_000 + day, end=730_000 + day,
            exact=True, kind=kind, text="", time=None,
        )
        for n, (day, kind, agency) in enumerate(sorted(records, key=lambda r: r[0]))
    ]  # fmt: skip
    columns = matching._Columns(exact)
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(exact)), 2)
        if exact[i].start == exact[j].start
        and exact[i].kind is not None
        and exact[i].kind == exact[j].kind
        and exact[i].agency != exact[j].agency
    }
    index = columns.by_kind_and_day()
    found: list[tuple[int, int]] = []
    for low in range(0, len(index.order), slice_size):
        i, j = matching._same_kind_pairs(
            columns, index, low, min(len(index.order), low + slice_size)
        )
        found += zip(i.tolist(), j.tolist(), strict=True)
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))


@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from([0.5, 0.9, 0.95, 2.0])),
        max_size=30,
    ),
    st.integers(0, 30),
)
def test_ranked_links_are_the_best_of_each_pair_strongest_first(
    raw: list[tuple[int, int, float]], cut: int
) -> None:
    """The columns give what a dictionary of the best link per pair, sorted, gives: the
    first of equal links kept, however the links were split into parts."""
    links = [
        units.Link(min(a, b), max(a, b), score, f"reason {n}", conflict=n % 2 == 0)
        for n, (a, b, score) in enumerate(raw)
        if a != b
    ]
    best: dict[tuple[int, int], units.Link] = {}
    for link in links:
        if (link.a, link.b) not in best or link.score > best[link.a, link.b].score:
            best[link.a, link.b] = link
    expected = sorted(best.values(), key=lambda k: (-k.score, k.a, k.b))
    parts = [units.Links.of(links[:cut]), units.Links.of(links[cut:])]
    ranked = units.Links.joined(parts).ranked(6)
    assert [ranked.link(k) for k in range(len(ranked.a))] == expected


@given(st.lists(st.integers(0, 30), max_size=20), st.lists(st.integers(0, 30), max_size=20))
def test_membership_by_binary_search_is_that_of_isin(keys: list[int], of: list[int]) -> None:
    from chronology.merge import meetings

    found = meetings._within(np.array(keys, dtype=np.int64), np.array(of, dtype=np.int64))
    assert found.tolist() == np.isin(keys, of).tolist()
