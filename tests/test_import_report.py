"""The import report through the CLI: on the terminal, in chronology.json and the workbook;
every unreadable input reported in one run; the review file setting an agency's type."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from chronology.cli import app

runner = CliRunner()
NARRATIVE = "Home visit; the mother was seen with both children and said all was well."


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    asc = tmp_path / "SAR IMR Kingsmere ASC extract v2.csv"
    asc.write_text(
        "DateTime,Chronicle,Thoughts\n"
        f"01/03/2021 10:00,{NARRATIVE},Late\n02/03/2021,{NARRATIVE} Again.,\n",
        encoding="utf-8",
    )
    gp = tmp_path / "Kingsmere Surgery.csv"
    gp.write_text(f"Date,Entry\n03/03/2021,{NARRATIVE}\n", encoding="utf-8")
    return [asc, gp]


class Run:
    """A command's exit code and its output with the terminal's line wrapping undone."""

    def __init__(self, *args: object) -> None:
        result = runner.invoke(app, [str(a) for a in args])
        self.exit_code = result.exit_code
        self.output = " ".join(result.output.split())


run = Run


def test_report_on_the_terminal_in_json_and_in_the_workbook(
    inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out, "--formats", "xlsx", "--verbose")
    assert result.exit_code == 0, result.output
    assert (
        "SAR IMR Kingsmere ASC extract v2.csv: Kingsmere Adult Social Care (adult_social_care); "
        "rows read 2, kept 2, set aside 0"
    ) in result.output
    assert "date='DateTime', text='Chronicle'*" in result.output
    assert "'Thoughts': extra (no role" in result.output  # --verbose: every column
    document = json.loads((out / "chronology.json").read_text())
    (gp, asc) = document["meta"]["inputs"]  # in file-name order
    assert (asc["agency_type"], gp["agency_type"]) == ("adult_social_care", "gp")
    types = {s["agency"]: s["agency_type"] for e in document["events"] for s in e["sources"]}
    assert types == {"Kingsmere Adult Social Care": "adult_social_care", "Kingsmere Surgery": "gp"}
    sheet = openpyxl.load_workbook(out / "integrated_chronology.xlsx")["Import report"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert ["Chronicle", "text", "content"] in [row[6:9] for row in rows]
    assert len(rows) == 5  # a row per input column


def test_without_verbose_columns_are_summarised(inputs: list[Path], tmp_path: Path) -> None:
    result = run("merge", *inputs, "--out", tmp_path / "out", "--formats", "csv")
    assert result.exit_code == 0, result.output
    assert "kept in the account, labelled: Thoughts" in result.output
    assert "'Thoughts': extra" not in result.output


def test_every_unreadable_file_is_reported_before_exit_2(
    inputs: list[Path], tmp_path: Path
) -> None:
    empty = tmp_path / "Kingsmere Police.xlsx"
    empty.write_bytes(b"")
    wrong = tmp_path / "Kingsmere Housing.csv"
    wrong.write_text("Name,Address\nA,B\n", encoding="utf-8")
    result = run("merge", *inputs, empty, wrong, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "2 input files cannot be read" in result.output
    assert "Kingsmere Police.xlsx: the file is empty" in result.output
    assert "Kingsmere Housing.csv: no chronology table" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_review_file_sets_the_type_and_rejects_an_unknown_one(
    inputs: list[Path], tmp_path: Path
) -> None:
    review = tmp_path / "review.toml"
    review.write_text('[[agencies]]\nname = "Kingsmere Surgery"\ntype = "gp"\nfiles = ["*Surg*"]\n')
    out = tmp_path / "out"
    assert run("merge", *inputs, "--out", out, "--review", review).exit_code == 0
    review.write_text('[[agencies]]\nname = "X"\ntype = "polic"\nfiles = ["*Surg*"]\n')
    result = run("merge", *inputs, "--out", out, "--review", review)
    assert result.exit_code == 2
    assert "line 3: unknown agency type 'polic'" in result.output


def test_init_writes_each_agencys_name_and_type(inputs: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "review.toml"
    assert run("init", *inputs, "-o", target).exit_code == 0
    text = target.read_text()
    assert 'name = "Kingsmere Adult Social Care"' in text
    assert 'type = "adult_social_care"' in text
    assert '"Chronicle" = "text"' in text
    again = run("merge", *inputs, "--out", tmp_path / "out", "--review", target)
    assert again.exit_code == 0, again.output
