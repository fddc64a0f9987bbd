"""The pandas analysis tables: lag statistics, who knew what, contacts by agency and episode."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from chronology.merge.groups import merge
from chronology.model.codec import dumps
from chronology.model.schema import Chronology
from chronology.render import analysis_xlsx
from chronology.stages.analysis import run_checks
from chronology.stages.analysis.lag import recording_lag
from chronology.stages.analysis.tables import (
    contacts_by_agency,
    contacts_by_episode,
    knowledge_matrix,
    lag_statistics,
    rows,
)
from chronology.stages.episodes import assign_episodes
from tests.conftest import source

POLICE, CSC, GP = "Northbridge Police", "Northbridge CSC", "Northbridge GP"


@pytest.mark.parametrize(
    ("lags", "expected"),
    [
        ([1, 4, 2], (3, 2, 4)),  # an odd count: the middle lag itself, a whole number
        ([1, 2], (2, 1.5, 2)),
        ([2, 4], (2, 3.0, 4)),  # an even count: a float, as statistics.median gives it
        ([0], (1, 0, 0)),
    ],
)
def test_lag_statistics_per_agency(lags: list[int], expected: tuple[int, float, int]) -> None:
    found = lag_statistics([(POLICE, days) for days in lags] + [(CSC, 9)])
    assert found[POLICE] == expected
    assert type(found[POLICE][1]) is type(expected[1])  # 2 and 2.0 differ in chronology.json
    assert found[CSC] == (1, 9, 9)
    assert lag_statistics([]) == {}


def test_the_lag_summary_keeps_median_types_in_the_json() -> None:
    entries = [
        source(POLICE, "01/05/2012", "Visit one.", row=2, recorded="03/05/2012"),
        source(POLICE, "07/05/2012", "Visit two.", row=3, recorded="08/05/2012"),
        source(CSC, "01/05/2012", "Call.", row=2, recorded="02/05/2012"),
        source(CSC, "01/06/2012", "Recorded before it happened.", row=3, recorded="30/05/2012"),
    ]
    chronology = Chronology(events=merge(entries))
    lag = {s["agency"]: s for s in recording_lag(chronology)}
    assert (lag[POLICE]["count"], lag[POLICE]["median_days"], lag[POLICE]["max_days"]) == (
        2, 1.5, 2,
    )  # fmt: skip
    assert (lag[CSC]["count"], lag[CSC]["median_days"], lag[CSC]["recorded_before_event"]) == (
        1, 1, 1,
    )  # fmt: skip
    assert '"median_days": 1,' in dumps(Chronology(events=[], analysis={"lag": [lag[CSC]]}))


def _chronology() -> Chronology:
    chronology = Chronology(
        events=merge([
            source(POLICE, "01/05/2012", "Strategy discussion with CSC.", row=2),
            source(CSC, "01/05/2012", "Strategy discussion with police.", row=2),
            source(CSC, "11/06/2012", "He threatened to kill her.", row=3),
            source(GP, "14/01/2009", "Seen for a cough.", row=2),
            source(GP, "not known", "Letter filed.", row=3),
        ])
    )  # fmt: skip
    assign_episodes(chronology, {"episodes": [
        {"title": "The spring", "start": "2012-04-01", "end": "2012-06-30"},
    ]})  # fmt: skip
    run_checks(chronology, {})
    return chronology


def test_contacts_by_agency_count_entries_events_shared_and_dates() -> None:
    table = contacts_by_agency(_chronology())
    assert list(table.columns) == [
        "Agency", "Entries", "Events", "Events shared with another agency",
        "Entries out of scope", "Undated entries", "First date", "Last date",
    ]  # fmt: skip
    assert rows(table) == [
        [CSC, 2, 2, 1, 0, 0, "2012-05-01", "2012-06-11"],
        [GP, 2, 2, 0, 0, 1, "2009-01-14", "2009-01-14"],
        [POLICE, 1, 1, 1, 0, 0, "2012-05-01", "2012-05-01"],
    ]


def test_contacts_by_episode_cross_episodes_with_agencies() -> None:
    chronology = _chronology()
    table = contacts_by_episode(chronology)
    assert list(table.columns)[:7] == [
        "Episode", "Title", "Start", "End", "Events", "Entries", "Agencies",
    ]  # fmt: skip
    assert list(table.columns)[7:] == [CSC, GP, POLICE]
    by_id = {row[0]: row for row in rows(table)}
    assert [row[0] for row in rows(table)] == [*(str(e["id"]) for e in chronology.episodes),
                                              "(none)"]  # fmt: skip
    spring = next(row for row in rows(table) if row[1] == "The spring")
    assert spring[4:] == [2, 3, 2, 2, 0, 1]  # 2 events, 3 entries, 2 agencies: CSC 2, police 1
    assert by_id["(none)"][4:] == [1, 1, 1, 0, 1, 0]  # the undated GP letter


def test_the_knowledge_matrix_has_a_row_per_indicator_and_a_column_per_agency() -> None:
    chronology = _chronology()
    matrix = knowledge_matrix(chronology)
    findings = chronology.analysis["indicators"]
    assert matrix.shape == (len(findings), 3)
    threats = next(n for n, f in enumerate(findings) if f["label"] == "Threats to kill")
    assert rows(matrix)[threats] == ["11 June 2012\nNorthbridge CSC.xlsx:Sheet1:3", "", ""]
    unrecorded = next(n for n, f in enumerate(findings) if not f["agencies"])
    assert rows(matrix)[unrecorded] == ["", "", ""]


def test_analysis_xlsx_writes_the_contact_sheets(tmp_path: Path) -> None:
    (path,) = analysis_xlsx.write(_chronology(), tmp_path)
    book = openpyxl.load_workbook(path)
    by_episode = [[c.value for c in row] for row in book["Contacts by episode"].iter_rows()]
    assert by_episode[0][7:] == [CSC, GP, POLICE]
    assert by_episode[-1][:2] == ["(none)", "In no key episode"]
    assert all(isinstance(v, int) for row in by_episode[1:] for v in row[4:])
    assert all(isinstance(row[2], dt.datetime) for row in by_episode[1:-1])  # true dates
    json.dumps([row[:2] + row[4:] for row in by_episode])  # plain cells only, but the dates
