"""``chronology diff``: two versions of one agency file, and two chronology.json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from chronology.cli import app
from chronology.merge.groups import merge
from chronology.model.codec import dumps
from chronology.model.schema import Chronology
from chronology.stages.analysis.diff import diff_chronologies, load_for_diff, word_diff
from chronology.stages.analysis.diff_output import to_csv, to_json, to_markdown, to_table
from tests.conftest import source, write_xlsx

HEADER = ["Date", "Time", "Details", "Action Taken"]
FIRST = [
    HEADER,
    ["14/01/2012", "15:30", "DUNMORE attended the station to report assaults on 10 and 14 January.",
     "DASH completed: medium risk."],
    ["17/01/2012", "09:45", "PPU referral sent to Women's Aid outreach service.", "Emailed."],
    ["30/01/2012", "", "SEDDON interviewed by appointment. Denied any assault.", "NFA."],
    ["02/02/2012", "", "Multi-agency joint screening meeting attended by DS Whitlock.",
     "Referral to CSC for initial assessment."],
    ["22/05/2012", "11:15", "Strategy discussion by telephone with CSC team manager.",
     "S47 to be single agency."],
    ["10/07/2012", "17:10", "PC Hollis telephoned CSC duty team re the allegation.",
     "Will visit Mum."],
    ["17/07/2012", "10:42", "Call from the Children's Centre: male shouting at a core group.",
     "Words of advice."],
]  # fmt: skip


def second() -> list[list[str]]:
    rows = [list(r) for r in FIRST]
    rows[3][2] = "SEDDON interviewed by appointment (voluntary attendance). Denied any assault."
    rows[5][0] = "01/05/2012"  # the corrected strategy discussion date
    del rows[6]  # the 10 July call is withdrawn
    rows.insert(2, rows.pop(4))  # the joint screening row moved up
    rows.append(["06/08/2012", "23:30", "Call from a family member reporting an argument.", ""])
    return rows


def make(tmp_path: Path) -> tuple[Path, Path]:
    old = write_xlsx(tmp_path / "Northbridge Police IMR v1.xlsx", {"Chronology": FIRST})
    new = write_xlsx(tmp_path / "Northbridge Police IMR v2 amended.xlsx", {"Chronology": second()})
    return old, new


def test_two_versions_of_an_agency_file(tmp_path: Path) -> None:
    old, new = make(tmp_path)
    result = diff_chronologies(load_for_diff(old, "Police"), load_for_diff(new, "Police"))
    assert result["counts"] == {
        "added": 1, "removed": 1, "changed": 2, "moved": 1, "unchanged": 3,
    }  # fmt: skip
    by_status = {}
    for entry in result["entries"]:
        by_status.setdefault(entry["status"], []).append(entry)
    (added,) = by_status["added"]
    assert added["new"]["date_text"] == "06/08/2012"
    assert added["old"] is None
    (removed,) = by_status["removed"]
    assert removed["old"]["text"].startswith("PC Hollis")
    assert removed["new"] is None
    text_edit, date_edit = sorted(by_status["changed"], key=lambda e: e["new"]["row"])
    assert text_edit["changes"] == ["text"]
    assert text_edit["text_diff"] == [
        ["=", "SEDDON interviewed by appointment"],
        ["+", " (voluntary attendance)"],
        ["=", ". Denied any assault."],
    ]
    assert date_edit["changes"] == ["date"]
    assert (date_edit["old"]["date_text"], date_edit["new"]["date_text"]) == (
        "22/05/2012", "01/05/2012",
    )  # fmt: skip
    assert date_edit["date_change_days"] == -21
    assert "22/05/2012 → 01/05/2012, -21 days" in date_edit["detail"]
    (moved,) = by_status["moved"]
    assert (moved["old"]["row"], moved["new"]["row"]) == (5, 3)
    assert moved["old"]["text"].startswith("Multi-agency joint screening")


def test_the_cli_reads_agency_files_as_one_agency_whatever_their_names(tmp_path: Path) -> None:
    old, new = make(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new), "--formats", "json"])
    assert result.exit_code == 1, result.output  # as diff(1): 1 means they differ
    data = json.loads(result.stdout)
    assert data["counts"]["changed"] == 2
    assert all("agency" not in e["changes"] for e in data["entries"])
    assert {e["agency"] for e in data["entries"]} == {"Northbridge Police"}


def test_cli_writes_csv_and_markdown_to_a_file(tmp_path: Path) -> None:
    old, new = make(tmp_path)
    runner = CliRunner()
    target = tmp_path / "changes.csv"
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "csv", "--out", str(target)])
    assert result.exit_code == 1, result.output
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Status", "Changes", "Agency"]
    assert any("appointment {+(voluntary attendance)+}. Denied" in r[8] for r in rows[1:])
    md = runner.invoke(app, ["diff", str(old), str(new), "--formats", "md"])
    assert md.exit_code == 1
    assert "~~22/05/2012~~ **01/05/2012**" in md.stdout
    table = runner.invoke(app, ["diff", str(old), str(new)])
    assert table.exit_code == 1
    bad = runner.invoke(app, ["diff", str(old), str(new), "--formats", "pdf"])
    assert bad.exit_code == 2


def chronology(*sources) -> Chronology:  # type: ignore[no-untyped-def]
    return Chronology(events=merge(list(sources)))


def test_two_chronology_json_with_an_entry_moved_to_another_agency(tmp_path: Path) -> None:
    text = "Strategy discussion held with police; S47 enquiry to be single agency."
    old = chronology(
        source("Northbridge Police", "23/05/2012", text, row=7),
        source("Northbridge GP", "01/03/2012", "Appointment: low mood", row=3),
    )
    new = chronology(
        source("Northbridge Children's Social Care", "23/05/2012", text, row=7),
        source("Northbridge GP", "01/03/2012", "Appointment: low mood", row=3),
    )
    (tmp_path / "old.json").write_text(dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(dumps(new), encoding="utf-8")
    result = diff_chronologies(
        load_for_diff(tmp_path / "old.json"), load_for_diff(tmp_path / "new.json")
    )
    (entry,) = result["entries"]
    assert entry["changes"] == ["agency"]
    assert "agency Northbridge Police → Northbridge Children's Social Care" in entry["detail"]
    assert result["counts"]["unchanged"] == 1


def test_different_entries_on_one_day_are_not_paired() -> None:
    old = chronology(source("Northbridge HV", "06/03/2012", "Home visit: Dad present", row=2))
    new = chronology(source("Northbridge HV", "06/03/2012", "Telephone call to GP re weight",
                            row=2))  # fmt: skip
    result = diff_chronologies(old, new)
    assert sorted(e["status"] for e in result["entries"]) == ["added", "removed"]


def test_identical_chronologies_have_no_differences() -> None:
    same = chronology(source("Northbridge HV", "06/03/2012", "Home visit", row=2))
    result = diff_chronologies(same, same)
    assert result["entries"] == []
    assert "No differences." in to_markdown(result)
    assert json.loads(to_json(result))["counts"]["unchanged"] == 1
    assert to_table(result).row_count == 0


def test_word_diff_and_formula_safe_csv() -> None:
    assert word_diff("Home visit, no answer", "Home visit, Mum seen") == [
        ["=", "Home visit,"], ["-", " no answer"], ["+", " Mum seen"],
    ]  # fmt: skip
    old = chronology(source("Northbridge HV", "06/03/2012", "=HYPERLINK(1) visit", row=2))
    new = chronology(source("Northbridge HV", "06/03/2012", "=HYPERLINK(1) visit today", row=2))
    rows = list(csv.reader(io.StringIO(to_csv(diff_chronologies(old, new)))))
    assert rows[1][8].startswith("'=")
