"""Recording lag: recorded-on minus event date, per agency, late entries worst first."""

from __future__ import annotations

from chronology.merge.groups import merge
from chronology.model.schema import Chronology
from chronology.stages.analysis import run_checks
from chronology.stages.analysis.lag import recording_lag
from tests.conftest import source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
GP = "Northbridge GP Practice"


def chronology() -> Chronology:
    return Chronology(
        events=merge(
            [
                source(
                    CSC, "14/09/2010", "Initial assessment home visit", row=7, recorded="08/10/2010"
                ),  # 24 days
                source(
                    CSC, "21/09/2010", "Initial assessment completed", row=8, recorded="21/09/2010"
                ),  # same day
                source(CSC, "12/03/2012", "Closing letter sent", row=20, recorded="14/03/2012"),
                source(
                    POLICE,
                    "30/01/2012",
                    "Perpetrator interviewed by appointment",
                    row=35,
                    recorded="27/02/2012",
                ),  # 28 days
                source(
                    POLICE,
                    "01/05/2012",
                    "Strategy discussion by telephone",
                    row=37,
                    recorded="24/05/2012",
                ),  # 23 days
                source(POLICE, "03/05/2012", "Call to victim", row=38, recorded="01/05/2012"),
                source(
                    POLICE, "May 2012", "Several calls, vague date", row=39, recorded="30/06/2012"
                ),  # not exact: no lag
                source(GP, "10/04/2012", "EPAU letter received", row=12),  # no recorded-on
            ]
        )
    )


def test_per_agency_count_median_and_longest() -> None:
    lag = {summary["agency"]: summary for summary in recording_lag(chronology())}
    assert sorted(lag) == [CSC, POLICE]  # the GP gives no recorded-on dates
    csc = lag[CSC]
    assert (csc["count"], csc["median_days"], csc["max_days"]) == (3, 2, 24)
    police = lag[POLICE]
    assert (police["count"], police["median_days"], police["max_days"]) == (2, 25.5, 28)
    assert police["recorded_before_event"] == 1


def test_entries_over_the_threshold_worst_first_with_their_sources() -> None:
    lag = {summary["agency"]: summary for summary in recording_lag(chronology())}
    late = [e for e in lag[POLICE]["entries"] if e["kind"] == "late_recording"]
    assert [e["days"] for e in late] == [28, 23]
    assert late[0]["sources"] == [f"{POLICE}.xlsx:Sheet1:35"]
    assert late[0]["working_days"] == 20
    assert late[0]["date"] == "2012-01-30"
    assert late[0]["recorded_on"] == "2012-02-27"
    assert "28 days (20 working days) later" in late[0]["detail"]
    assert lag[POLICE]["over_threshold"] == 2
    before = [e for e in lag[POLICE]["entries"] if e["kind"] == "recorded_before_event"]
    assert [e["days"] for e in before] == [-2]
    assert [e["days"] for e in lag[CSC]["entries"]] == [24]


def test_threshold_is_strictly_more_than_and_comes_from_the_review_file() -> None:
    lag = {s["agency"]: s for s in recording_lag(chronology(), threshold_days=24)}
    assert [e["days"] for e in lag[CSC]["entries"]] == []
    assert [e["days"] for e in lag[POLICE]["entries"] if e["days"] > 0] == [28]
    chron = chronology()
    run_checks(chron, {"analysis": {"lag_threshold_days": 1}})
    by_agency = {s["agency"]: s for s in chron.analysis["lag"]}
    assert by_agency[CSC]["threshold_days"] == 1
    assert [e["days"] for e in by_agency[CSC]["entries"]] == [24, 2]


def test_nothing_to_report_without_recorded_on_dates() -> None:
    chron = Chronology(events=merge([source(GP, "10/04/2012", "EPAU letter received")]))
    assert recording_lag(chron) == []
