"""The analysis outputs: analysis.xlsx, the analyse and lag commands, the merge summary."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from chronology.cli import app
from chronology.merge.groups import merge
from chronology.model.codec import dumps, read_chronology
from chronology.model.schema import Chronology
from chronology.render import FORMATS, analysis_xlsx
from chronology.stages.analysis import run_checks, summary_lines
from tests.conftest import source, write_xlsx

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
runner = CliRunner()


def hand_made() -> Chronology:
    return Chronology(
        events=merge(
            [
                source(
                    POLICE,
                    "01/05/2012",
                    "Strategy discussion by telephone with CSC.",
                    row=37,
                    recorded="24/05/2012",
                ),
                source(CSC, "23/05/2012", "Strategy discussion held with police.", row=24),
                source(CSC, "11/06/2012", "Initial child protection conference held.", row=28),
                source(
                    POLICE,
                    "14/01/2012",
                    '=HYPERLINK("http://x") He threatened to kill her and took her phone.',
                    row=30,
                ),
            ]
        )
    )


def test_summary_lines_say_what_was_found() -> None:
    chronology = hand_made()
    assert summary_lines(chronology) == []  # the checks have not run
    run_checks(chronology, {})
    lines = summary_lines(chronology)
    assert lines[0] == "Discrepancies: 1 date conflict, 0 time conflicts, 0 rows out of date order"
    assert lines[1].startswith("Recording lag: 1 entry recorded more than 7 days")
    # police date, CSC date; the core group and review conference after the ICPC were not
    # yet due when the chronology ends (on the ICPC's day)
    assert lines[2] == "Timescales: 1 missed, 1 met, 2 not due"
    assert "known to one agency only: threats to kill; controlling behaviour" in lines[3]


def test_analysis_xlsx_has_one_sheet_per_check_and_keeps_text_as_text(tmp_path: Path) -> None:
    chronology = hand_made()
    run_checks(chronology, {})
    (path,) = analysis_xlsx.write(chronology, tmp_path)
    assert path.name == "analysis.xlsx"
    assert FORMATS["analysis"] == "analysis_xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Discrepancies", "Recording lag", "Timescales", "Who knew what", "Indicator hits",
        "Contacts by agency", "Contacts by episode",
    ]  # fmt: skip
    contacts = [[c.value for c in row] for row in book["Contacts by agency"].iter_rows()]
    assert contacts[1:] == [  # numbers as numbers; the police and CSC share one event
        [CSC, 2, 2, 1, 0, 0, dt.datetime(2012, 5, 23), dt.datetime(2012, 6, 11)],
        [POLICE, 2, 2, 1, 0, 0, dt.datetime(2012, 1, 14), dt.datetime(2012, 5, 1)],
    ]
    matrix = book["Who knew what"]
    header = [c.value for c in matrix[1]]
    assert header[:3] == ["Indicator", "Agencies", "Known to one agency only"]
    assert header[3:] == [CSC, POLICE]
    threats = next(row for row in matrix.iter_rows(min_row=2) if row[0].value == "Threats to kill")
    assert threats[2].value == "yes"
    assert threats[4].value == f"14 January 2012\n{POLICE}.xlsx:Sheet1:30"
    assert threats[0].fill.fgColor.rgb.endswith("FFE8B3")  # highlighted: one agency only
    hits = book["Indicator hits"]
    excerpts = [row[7] for row in hits.iter_rows(min_row=2)]
    planted = next(c for c in excerpts if "HYPERLINK" in str(c.value))
    assert planted.data_type == "s"  # a string, never a formula
    timescales = book["Timescales"]
    statuses = [row[2].value for row in timescales.iter_rows(min_row=2)]
    assert statuses == ["missed", "met", "not due", "not due"]


def test_analysis_xlsx_is_byte_identical_across_runs(tmp_path: Path) -> None:
    chronology = hand_made()
    run_checks(chronology, {})
    first = analysis_xlsx.write(chronology, tmp_path / "a")[0].read_bytes()
    second = analysis_xlsx.write(chronology, tmp_path / "b")[0].read_bytes()
    assert first == second


def test_analysis_xlsx_without_findings_still_opens(tmp_path: Path) -> None:
    (path,) = analysis_xlsx.write(Chronology(events=[]), tmp_path)
    assert openpyxl.load_workbook(path)["Timescales"].max_row == 1


def test_analyse_reruns_the_checks_on_a_saved_chronology(tmp_path: Path) -> None:
    saved = tmp_path / "chronology.json"
    saved.write_text(dumps(hand_made()), encoding="utf-8")
    assert json.loads(saved.read_text(encoding="utf-8"))["timescales"] == []
    review = tmp_path / "review.toml"
    review.write_text("[analysis]\nlag_threshold_days = 30\n", encoding="utf-8")
    result = runner.invoke(app, ["analyse", str(saved), "--review", str(review)])
    assert result.exit_code == 0, result.output
    assert "Timescales: 1 missed, 1 met, 2 not due" in result.output
    assert "Recording lag: 0 entries recorded more than 30 days" in result.output
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert [f["kind"] for f in document["discrepancies"]] == ["date_conflict"]
    assert {f["status"] for f in document["timescales"]} == {"missed", "met", "not_due"}
    assert document["lag"][0]["threshold_days"] == 30
    assert (tmp_path / "analysis.xlsx").exists()
    again = read_chronology(saved)
    assert again.analysis["indicators"][1]["indicator"] == "threats_to_kill"


def test_lag_prints_the_per_agency_table_and_the_late_entries(tmp_path: Path) -> None:
    saved = tmp_path / "chronology.json"
    saved.write_text(dumps(hand_made()), encoding="utf-8")
    result = runner.invoke(app, ["lag", str(saved)])
    assert result.exit_code == 0, result.output
    assert "Recording lag by agency" in result.output
    assert "worst first" in result.output
    assert "23" in result.output  # 1 May recorded 24 May
    quiet = runner.invoke(app, ["lag", str(saved), "--threshold", "30"])
    assert "more than 30 days" in quiet.output


def test_merge_prints_the_findings_summary(tmp_path: Path) -> None:
    police = write_xlsx(
        tmp_path / "Northbridge Police.xlsx",
        {
            "Log": [
                ["Date", "Details"],
                ["01/05/2012", "Strategy discussion by telephone with CSC."],
            ]
        },
    )
    csc = write_xlsx(
        tmp_path / "Northbridge Childrens Social Care.xlsx",
        {"IMR": [["Date", "Details"], ["23/05/2012", "Strategy discussion held with police."]]},
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["merge", str(police), str(csc), "--out", str(out), "--formats", "analysis"]
    )
    assert result.exit_code == 0, result.output
    assert "Discrepancies: 1 date conflict" in result.output
    assert (out / "analysis.xlsx").exists()
    document = json.loads((out / "chronology.json").read_text(encoding="utf-8"))
    assert document["discrepancies"][0]["days"] == 22
