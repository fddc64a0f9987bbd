"""The acceptance rules, worked out on columns of candidate pairs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.merge import candidates as matching
from chronology.merge.rules import pairs_of
from chronology.merge.units import Link, Unit

DAY = 734_000


def _unit(index: int, agency: str, given: dict[str, object]) -> Unit:
    fields: dict[str, object] = {"kind": None, **given}
    start = DAY + int(fields.pop("day", 0))  # type: ignore[call-overload]
    end = int(fields.pop("end", start))  # type: ignore[call-overload]
    return Unit(index, agency, start, end, end == start, text="", time=None, **fields)  # type: ignore[arg-type]


def _judged(a: Unit, b: Unit, text: int) -> list[Link]:
    links = pairs_of([(a, b)]).judged(np.array([text], dtype=np.int64))
    return [links.link(k) for k in range(len(links.a))]


@pytest.mark.parametrize(
    ("a", "b", "text", "expected"),
    [
        (
            {"kind": None}, {"kind": None, "day": 0}, 80,
            (0.34, "same day, near-identical accounts (text 80%)"),
        ),
        (
            {"mentions": frozenset({"gp"}), "agency_type": "police"},
            {"mentions": frozenset({"police"}), "agency_type": "gp"}, 31,
            (0.693, "same day, each record names the other agency (text 31%)"),
        ),
        (
            {"mentions": frozenset({"gp"}), "agency_type": "police", "kind": "home_visit"},
            {"mentions": frozenset({"police"}), "agency_type": "gp", "kind": "home_visit",
             "day": 1},
            45,
            (0.735, "next day, each record names the other agency (text 45%)"),
        ),
        (
            {"mentions": frozenset({"gp"}), "kind": "phone_call"},
            {"agency_type": "gp", "kind": "phone_call"}, 60,
            (0.63, "same day, both record a phone call; one names the other (text 60%)"),
        ),
        (
            {"mentions": frozenset({"gp"}), "kind": "phone_call", "end": DAY + 30},
            {"agency_type": "gp", "kind": "phone_call"}, 60,
            (0.63, "within the vague date, both record a phone call; one names the other "
             "(text 60%)"),
        ),
        (
            {"mentions": frozenset({"gp"})}, {"agency_type": "gp"}, 65,
            (0.545, "same day, one names the other agency, closely matching accounts (text 65%)"),
        ),
        ({"mentions": frozenset({"gp"})}, {"agency_type": "gp"}, 64, None),
        ({"minutes": 540}, {"minutes": 700}, 100, None),  # hours apart, neither names the other
        ({}, {"day": 1}, 100, None),  # a day apart on wording alone
    ],
)  # fmt: skip
def test_rules_accept_with_a_reason_and_score(
    a: dict[str, object], b: dict[str, object], text: int, expected: tuple[float, str] | None
) -> None:
    links = _judged(_unit(0, "Police", a), _unit(1, "GP", b), text)
    assert [(k.score, k.reason) for k in links] == ([expected] if expected else [])


_KINDS = [None, "phone_call", "home_visit", "referral"]


@given(
    records=st.lists(
        st.tuples(
            st.integers(0, 1),  # day
            st.sampled_from(_KINDS),
            st.sampled_from([None, 540, 600, 800]),  # minutes
            st.sampled_from([None, "police", "gp"]),  # agency type
            st.sets(st.sampled_from(["police", "gp"])),  # the types it names
        ),
        min_size=2,
        max_size=8,
    ),
    texts=st.lists(st.integers(0, 100), min_size=28, max_size=28),
)
def test_pairs_from_columns_are_judged_as_pairs_from_units(
    records: list[tuple[int, str | None, int | None, str | None, set[str]]], texts: list[int]
) -> None:
    """The same-day search builds its pairs from columns, the vague search from units: the
    two give the same links for the same pairs."""
    records.sort(key=lambda r: r[0])
    made = [
        Unit(
            n, f"agency {n}", DAY + day, DAY + day, True, kind, "", None, frozenset(names),
            kind_of, minutes,
        )
        for n, (day, kind, minutes, kind_of, names) in enumerate(records)
    ]  # fmt: skip
    columns = matching._Columns(made)
    i, j = (
        np.array(side, dtype=np.int64)
        for side in zip(*itertools.combinations(range(len(made)), 2), strict=True)
    )
    text = np.array(texts[: len(i)], dtype=np.int64)
    from_columns = columns.pairs(i, j, columns.names(i, j) + columns.names(j, i)).judged(text)
    from_units = pairs_of(
        [(made[a], made[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]
    ).judged(text)
    assert [from_columns.link(k) for k in range(len(from_columns.a))] == [
        from_units.link(k) for k in range(len(from_units.a))
    ]
