"""The command line through typer's CliRunner: exit codes, messages, outputs."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import ROOT, SAMPLES, write_xlsx

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    police = write_xlsx(
        tmp_path / "Northbridge Police IMR chronology.xlsx",
        {
            "Chronology": [
                ["Northbridge Police"],
                [],
                ["Date/Time", "Log No", "Details of Incident / Contact", "Date Recorded"],
                [
                    dt.datetime(2012, 5, 1, 10),
                    "L1",
                    "Strategy discussion with CSC re Jade WALSH",
                    "01/05/2012",
                ],
                [dt.datetime(2003, 3, 2), "L0", "Lee PARKER cautioned for assault", "02/03/2003"],
            ]
        },
    )
    csc = tmp_path / "Northbridge Childrens Social Care.csv"
    csc.write_text(
        "Date of Contact,Summary of Contact\n"
        "23/05/2012,Strategy discussion held with police about Jade's children\n"
        "31/04/2012,Home visit\n",
        encoding="cp1252",
    )
    return [police, csc]


def run(*args: str) -> object:
    return runner.invoke(app, [str(a) for a in args])


def test_merge_writes_outputs_and_summary(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out)
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {
        "chronology.json",
        "integrated_chronology.csv",
        "integrated_chronology.xlsx",
    }
    assert "4 rows → 3 events" in result.output
    document = json.loads((out / "chronology.json").read_text())
    assert document["schema"] == "chronology/1"
    conflict = [e for e in document["events"] if "date_conflict" in e["flags"]]
    assert len(conflict) == 1
    assert any("31/04/2012" in w["message"] and w["row"] == 3 for w in document["warnings"])


def test_formats_option_limits_outputs_but_json_is_always_written(
    inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out, "--formats", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["chronology.json", "integrated_chronology.csv"]


def test_unknown_format_is_a_usage_error(inputs: list[Path], tmp_path: Path) -> None:
    result = run("merge", *inputs, "--out", tmp_path / "o", "--formats", "pdf")
    assert result.exit_code == 2
    assert "unknown format pdf" in result.output


def test_bad_input_is_a_located_error_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "Housing.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    out = tmp_path / "out"
    result = run("merge", bad, "--out", out)
    assert result.exit_code == 2
    assert "Housing.xlsx" in result.output
    assert "save a fresh copy" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # no partial output


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    result = run("--debug", "merge", bad, "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert result.exception is not None
    assert "empty" in str(result.exception)


def test_anonymise_replaces_names_and_leak_check_passes(inputs: list[Path], tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text(
        '[review]\ntitle = "DHR – Adult J"\n\n[pseudonyms]\n"Jade Walsh" = "the victim"\n'
        '"Walsh" = "the victim"\n"Jade" = "the victim"\n"Lee Parker" = "the perpetrator"\n'
        '"Parker" = "the perpetrator"\n"Lee" = "the perpetrator"\n'
    )
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out, "--review", review, "--anonymise")
    assert result.exit_code == 0, result.output
    text = (out / "integrated_chronology.csv").read_text(encoding="utf-8-sig")
    assert "the victim's children" in text
    assert "The perpetrator cautioned" in text
    assert not re.search(r"jade|walsh|parker", text, re.IGNORECASE)
    check = run("check-names", out, "--review", review)
    assert check.exit_code == 0, check.output


def test_check_names_fails_on_a_planted_name(inputs: list[Path], tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text('[pseudonyms]\n"Jade Walsh" = "the victim"\n')
    out = tmp_path / "out"
    assert run("merge", *inputs, "--out", out).exit_code == 0
    result = run("check-names", out, "--review", review)
    assert result.exit_code == 2
    assert "chronology.json (line" in result.output
    assert "'WALSH'" in result.output


def test_scope_flags_out_of_period_events_and_in_scope_only(
    inputs: list[Path], tmp_path: Path
) -> None:
    review = tmp_path / "review.toml"
    review.write_text("[review]\nstart = 2008-04-01\nend = 2012-08-07\n")
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out, "--review", review, "--in-scope-only")
    assert result.exit_code == 0, result.output
    events = json.loads((out / "chronology.json").read_text())["events"]
    flagged = [e for e in events if "out_of_scope" in e["flags"]]
    assert [e["start"] for e in flagged] == ["2003-03-02"]
    assert "cautioned" not in (out / "integrated_chronology.csv").read_text(encoding="utf-8-sig")


def test_agency_exception_extends_its_own_period(inputs: list[Path], tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text(
        "[review]\nstart = 2008-04-01\nend = 2012-08-07\n\n[[agencies]]\n"
        'name = "Police"\nfiles = ["*Police*"]\nstart = 2003-01-01\n'
    )
    out = tmp_path / "out"
    assert run("merge", *inputs, "--out", out, "--review", review).exit_code == 0
    events = json.loads((out / "chronology.json").read_text())["events"]
    assert not [e for e in events if "out_of_scope" in e["flags"]]
    assert {s["agency"] for e in events for s in e["sources"]} >= {"Police"}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[review]\nstrat = 2008-04-01\n", "line 2: unknown key 'strat'"),
        ("[reveiw]\ntitle = 'x'\n", "line 1: unknown section 'reveiw'"),
        ("[review\n", "line 1: not valid TOML"),
        ("[review]\nstart = 'April 2008'\n", "must be a date like 2008-04-01"),
        (
            '[[merge.join]]\nsources = ["nope.xlsx:Sheet1:3", "x.csv:2"]\n',
            "line 2: override names a row that does not exist: 'nope.xlsx:Sheet1:3'",
        ),
    ],
)
def test_review_file_errors_are_located(
    inputs: list[Path], tmp_path: Path, content: str, words: str
) -> None:
    review = tmp_path / "review.toml"
    review.write_text(content)
    result = run("merge", *inputs, "--out", tmp_path / "out", "--review", review)
    assert result.exit_code == 2
    assert words in result.output


def test_author_join_and_split_override_automatic_matching(
    inputs: list[Path], tmp_path: Path
) -> None:
    review = tmp_path / "review.toml"
    review.write_text(
        "[[merge.split]]\nsources = ['Northbridge Police IMR chronology.xlsx:Chronology:4', "
        "'Northbridge Childrens Social Care.csv:2']\n"
        "[[merge.join]]\nsources = ['Northbridge Police IMR chronology.xlsx:Chronology:5', "
        "'Northbridge Childrens Social Care.csv:3']\n"
    )
    out = tmp_path / "out"
    result = run("merge", *inputs, "--out", out, "--review", review)
    assert result.exit_code == 0, result.output
    events = json.loads((out / "chronology.json").read_text())["events"]
    joined = [e for e in events if len(e["sources"]) == 2]
    assert len(joined) == 1
    assert {s["row"] for s in joined[0]["sources"]} == {5, 3}
    assert joined[0]["merge"][0]["method"] == "author"


def test_init_round_trip_gives_the_same_events(inputs: list[Path], tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    assert run("init", *inputs, "-o", review).exit_code == 0
    assert '"Walsh" = ""' in review.read_text() or '"Jade" = ""' in review.read_text()
    again = run("init", *inputs, "-o", review)
    assert again.exit_code == 2
    assert "--force" in again.output
    plain, with_file = tmp_path / "plain", tmp_path / "with"
    assert run("merge", *inputs, "--out", plain).exit_code == 0
    assert run("merge", *inputs, "--out", with_file, "--review", review).exit_code == 0
    events = [json.loads((d / "chronology.json").read_text())["events"] for d in (plain, with_file)]
    assert events[0] == events[1]


def test_personalise_round_trip(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text('[pseudonyms]\n"Jade Walsh" = "the victim"\n"Walsh" = "the victim"\n')
    draft = tmp_path / "draft.md"
    draft.write_text("Jade Walsh rang. WALSH's mother called.\n")
    anonymised, private = tmp_path / "anon.md", tmp_path / "private.md"
    assert run("anonymise", draft, anonymised, "--review", review).exit_code == 0
    assert anonymised.read_text() == "The victim rang. The victim's mother called.\n"
    assert run("personalise", anonymised, private, "--review", review).exit_code == 0
    assert private.read_text() == "Jade Walsh rang. Jade Walsh's mother called.\n"


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    names = [c.name for c in app.registered_commands]
    assert names
    for name in names:
        assert f"chronology {name}" in readme, f"README does not document 'chronology {name}'"


def test_the_installed_command_exits_with_its_code_and_flushes_its_output(tmp_path: Path) -> None:
    """``main`` ends the process at once: the exit code and every line must survive that."""
    command = [sys.executable, "-m", "chronology"]
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    done = subprocess.run(
        [*command, "merge", *files, "--out", str(tmp_path), "--formats", "csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout + done.stderr
    assert (tmp_path / "integrated_chronology.csv").exists()
    nope = str(tmp_path / "nope.xlsx")
    missing = subprocess.run([*command, "merge", nope], capture_output=True, text=True, check=False)
    assert missing.returncode == 2
    assert "nope.xlsx: file not found" in missing.stderr


@pytest.mark.parametrize("command", ["analyse", "facts", "lag", "report"])
def test_every_command_reading_a_chronology_explains_a_file_that_is_not_one(
    tmp_path: Path, command: str
) -> None:
    bogus = tmp_path / "chronology.json"
    bogus.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(bogus)])
    assert result.exit_code == 2
    assert "not a chronology file" in result.output
    assert "Pass the chronology.json written by 'chronology merge'" in result.output
    assert "Traceback" not in result.output


def test_a_bug_is_reported_by_kind_and_place_never_quoting_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronology.loaders import intake

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("Kayleigh Marsh, 07700 900123")  # what an exception may carry

    monkeypatch.setattr(intake, "load_file", broken)
    result = runner.invoke(app, ["merge", str(SAMPLES / "imrs"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "internal error: ValueError at test_cli.py line" in result.output
    assert "--debug" in result.output
    assert "Kayleigh" not in result.output
    assert "Traceback" not in result.output
