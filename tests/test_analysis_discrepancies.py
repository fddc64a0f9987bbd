"""Date discrepancies: conflicting dates for one occurrence, rows out of order within one
agency's table, and conflicting times of day; and the look-alikes that must not be flagged."""

from __future__ import annotations

from chronology.merge.groups import merge
from chronology.model.schema import Chronology, Source
from chronology.stages.analysis.discrepancies import find_discrepancies
from tests.conftest import source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
HV = "Northbridge Health Visiting"


def findings(*sources, **options):  # type: ignore[no-untyped-def]
    return find_discrepancies(Chronology(events=merge(list(sources))), **options)


def of_kind(found, kind):  # type: ignore[no-untyped-def]
    return [f for f in found if f["kind"] == kind]


def test_strategy_discussion_dated_differently_gives_the_gap_in_days_and_working_days() -> None:
    found = findings(
        source(POLICE, "01/05/2012", "Strategy discussion with CSC; S47 agreed", row=37),
        source(CSC, "23/05/2012", "Strategy discussion held with police.", row=24),
    )
    (conflict,) = of_kind(found, "date_conflict")
    assert conflict["days"] == 22
    assert conflict["working_days"] == 15  # 7 May 2012 was a bank holiday
    assert conflict["sources"] == [f"{POLICE}.xlsx:Sheet1:37", f"{CSC}.xlsx:Sheet1:24"]
    assert [a["agency"] for a in conflict["accounts"]] == [POLICE, CSC]
    assert [a["start"] for a in conflict["accounts"]] == ["2012-05-01", "2012-05-23"]
    assert conflict["events"]
    assert conflict["events"][0].startswith("E")
    assert conflict["detail"] == (
        f"{POLICE} dated this strategy discussion 1 May 2012 and {CSC} 23 May 2012: "
        "22 days (15 working days) apart."
    )


def test_month_precision_containing_the_exact_date_is_not_a_conflict() -> None:
    found = findings(
        source(POLICE, "May 2012", "Strategy discussion with CSC; S47 agreed"),
        source(CSC, "23/05/2012", "Strategy discussion held with police."),
    )
    events = merge(
        [
            source(POLICE, "May 2012", "Strategy discussion with CSC; S47 agreed"),
            source(CSC, "23/05/2012", "Strategy discussion held with police."),
        ]
    )
    assert any(len(e.sources) == 2 for e in events)  # linked, so the check did look
    assert of_kind(found, "date_conflict") == []


def test_one_day_apart_is_within_the_tolerance() -> None:
    sources = [
        source(CSC, "11/06/2012", "Initial child protection conference held."),
        source(HV, "12/06/2012", "Attended ICPC - children made subject of CP plans"),
    ]
    assert any(len(e.sources) == 2 for e in merge(sources))
    assert of_kind(findings(*sources), "date_conflict") == []
    # with no tolerance the same pair is reported
    (strict,) = of_kind(findings(*sources, tolerance_days=0), "date_conflict")
    assert strict["days"] == 1


def test_row_earlier_than_the_row_above_is_out_of_order() -> None:
    found = findings(
        source(CSC, "01/02/2012", "Referral received", row=2),
        source(CSC, "05/02/2012", "Home visit by SW", row=3),
        source(CSC, "03/01/2012", "Telephone call to GP", row=4),
        source(CSC, "10/02/2012", "Strategy discussion", row=5),
    )
    (row,) = of_kind(found, "out_of_order")
    assert (row["row"], row["previous_row"]) == (4, 3)
    assert row["days"] == 33
    assert row["working_days"] == 23  # 4 January to 3 February 2012
    assert row["sources"] == [f"{CSC}.xlsx:Sheet1:4", f"{CSC}.xlsx:Sheet1:3"]
    assert "Row 4" in row["detail"]
    assert "row 3" in row["detail"]


def test_vague_dates_and_one_day_slips_are_not_out_of_order() -> None:
    found = findings(
        source(CSC, "05/02/2012", "Home visit by SW", row=2),
        source(CSC, "Feb 2012", "Several calls to Mum, no answer", row=3),  # contains 5 Feb
        source(CSC, "04/02/2012", "Letter sent to Mum", row=4),  # a day early: tolerated
        source(CSC, "2012", "Mum moved address during the year", row=5),
        source(CSC, "unknown", "Undated note", row=6),
        source(CSC, "07/02/2012", "Telephone call to GP", row=7),
    )
    assert of_kind(found, "out_of_order") == []


def test_rows_of_different_files_are_checked_separately() -> None:
    found = findings(
        source(CSC, "05/02/2012", "Home visit by SW", row=2),
        source(POLICE, "01/01/2010", "Incident attended", row=3),
    )
    assert of_kind(found, "out_of_order") == []


def test_a_table_listed_newest_first_is_one_finding_not_one_per_row() -> None:
    found = findings(
        source(HV, "10/07/2012", "Home visit", row=2),
        source(HV, "01/06/2012", "Telephone call to Mum", row=3),
        source(HV, "15/05/2012", "Clinic appointment", row=4),
        source(HV, "01/08/2012", "Letter to GP", row=5),  # misplaced in the reversed order
        source(HV, "02/04/2012", "Home visit, no answer", row=6),
    )
    (reversed_table,) = of_kind(found, "reversed_order")
    assert reversed_table["file"] == f"{HV}.xlsx"
    (row,) = of_kind(found, "out_of_order")
    assert row["row"] == 5
    assert "later" in row["detail"]


def one_call(police_time: str, csc_time: str) -> tuple[Source, Source]:
    """Both ends of one telephone call, each agency recording its own time."""
    return (
        source(POLICE, "14/06/2012", "Telephone call to CSC re welfare of the children",
               time=police_time),
        source(CSC, "14/06/2012", "Telephone call from police re welfare of the children",
               time=csc_time),
    )  # fmt: skip


def test_different_times_for_one_call_are_a_time_conflict() -> None:
    found = findings(
        *one_call("10:00", "14:30"),
    )
    (conflict,) = of_kind(found, "time_conflict")
    assert conflict["minutes"] == 270
    assert conflict["date"] == "2012-06-14"
    assert {a["time"] for a in conflict["accounts"]} == {"10:00", "14:30"}


def test_times_close_together_or_of_different_contacts_do_not_conflict() -> None:
    close = findings(
        *one_call("10:00", "10:40"),
    )
    assert of_kind(close, "time_conflict") == []
    birth = "Normal delivery of a live female infant. Birth notification sent to the HV."
    notified = "Birth notification received from maternity: born at 03:12, mother and baby well."
    events = merge(
        [
            source("Northbridge Maternity", "14/06/2011", birth, time="03:12"),
            source(HV, "14/06/2011", notified, time="11:05"),
        ]
    )
    assert [len(e.sources) for e in events] == [2]  # one occurrence, two kinds of record
    found = find_discrepancies(Chronology(events=events))
    assert of_kind(found, "time_conflict") == []
