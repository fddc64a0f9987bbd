"""The habits a command-line user expects: help and version flags, one spelling per option,
warnings listed and located, a machine-readable summary, diff's exit codes and standard
output, located errors for a wrong --out or a pattern matching nothing, and an author's
edited draft kept rather than overwritten. Each checks the exit code and the message."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import SAMPLES, write_xlsx

runner = CliRunner()
SAMPLE_FILES = [str(p) for p in sorted((SAMPLES / "imrs").iterdir())]
REVIEW = str(SAMPLES / "review.toml")


def _flat(text: str) -> str:
    """``text`` without white space: the console wraps long lines, even inside a path."""
    return "".join(text.split())


def run(*args: object) -> object:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("merged")
    result = runner.invoke(app, ["merge", *SAMPLE_FILES, "-r", REVIEW, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _police(folder: Path, name: str = "Northbridge Police IMR.xlsx") -> Path:
    return write_xlsx(
        folder / name,
        {
            "Chronology": [
                ["Date", "Details"],
                ["01/05/2012", "Strategy discussion with CSC"],
                ["31/04/2012", "Home visit"],  # no such day: a located warning
            ]
        },
    )


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_a_short_flag_on_every_level(flag: str) -> None:
    for args in ([flag], ["merge", flag], ["diff", flag]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, args
        assert "Usage:" in result.output


def test_version_and_shell_completion() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0
    assert version.output.startswith("chronology ")
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("merge", ["--out", "-o", "--review", "-r", "--formats", "--quiet", "--verbose", "--json"]),
        ("init", ["--out", "-o", "--quiet", "-q"]),
        ("analyse", ["--out", "-o", "--review", "-r", "--quiet", "-q"]),
        ("report", ["--out", "-o", "--review", "-r", "--quiet", "-q"]),
        ("lag", ["--review", "-r"]),
        ("facts", ["--out", "-o", "--reference-docx", "--quiet", "-q"]),
        ("diff", ["--out", "-o", "--formats"]),
    ],
)
def test_one_spelling_per_option(command: str, options: list[str]) -> None:
    text = runner.invoke(app, [command, "--help"]).output
    for option in options:
        assert f" {option}" in text, (command, option)
    assert "--output" not in text
    assert "--format " not in text


def test_warnings_are_listed_and_located_after_a_run(tmp_path: Path) -> None:
    police = _police(tmp_path)
    result = run("merge", police, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Warnings and rows set aside:" in result.output
    assert "Northbridge Police IMR.xlsx, sheet 'Chronology', row 3" in result.output


def test_the_first_warnings_then_where_the_rest_are(merged: Path, tmp_path: Path) -> None:
    result = run("merge", *SAMPLE_FILES, "-r", REVIEW, "-o", tmp_path / "out")
    assert result.exit_code == 0
    text = _flat(result.output)
    assert _flat("5 warnings, 2 rows set aside") in text
    assert _flat("… and 2 more (--verbose lists them)") in text
    assert _flat("chronology.json (warnings, rejected)") in text
    assert _flat(f"the Warnings sheet of {tmp_path / 'out' / 'integrated_chronology.xlsx'}") in text
    verbose = run("merge", *SAMPLE_FILES, "-r", REVIEW, "-o", tmp_path / "out", "--verbose")
    listed = " ".join(verbose.output.split())
    assert "more (--verbose" not in listed
    assert "row set aside (" in listed


def test_quiet_prints_nothing_and_json_prints_only_a_summary(tmp_path: Path) -> None:
    police = _police(tmp_path)
    quiet = run("merge", police, "-o", tmp_path / "q", "--quiet")
    assert quiet.exit_code == 0
    assert quiet.output == ""
    result = run("merge", police, "-o", tmp_path / "j", "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["events"] == 2
    assert summary["warnings"][0]["row"] == 3
    assert str(tmp_path / "j" / "chronology.json") in summary["written"]


def test_out_naming_an_existing_file_is_a_located_error(tmp_path: Path) -> None:
    police = _police(tmp_path)
    taken = tmp_path / "taken.txt"
    taken.write_text("not a folder", encoding="utf-8")
    for out in (taken, taken / "sub"):
        result = run("merge", police, "-o", out)
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.output
        assert _flat(f"{taken} is a file, not a folder") in _flat(result.output)


def test_a_pattern_matching_nothing_is_named(tmp_path: Path) -> None:
    result = run("merge", tmp_path / "imrs" / "*.xlsx", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert _flat(f"{tmp_path / 'imrs' / '*.xlsx'}: no file matches this pattern") in _flat(
        result.output
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("Police.xlsx", b"", "old Excel 97-2003 workbook (.xls) saved with a .xlsx name"),
        ("Police.docx", b"", "old Word 97-2003 document (.doc) saved with a .docx name"),
        ("Police.xlsx", "EncryptedPackage".encode("utf-16-le"), "password-protected"),
    ],
)
def test_an_old_office_file_with_a_new_name_gets_the_right_advice(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + content)
    result = run("merge", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    if "password" not in message:
        assert "password" not in result.output


def test_re_merging_keeps_an_edited_draft(tmp_path: Path) -> None:
    police, out = _police(tmp_path), tmp_path / "out"
    assert run("merge", police, "-o", out, "-q").exit_code == 0
    again = run("merge", police, "-o", out)
    assert "had been edited" not in again.output  # untouched: simply rewritten
    edited = (out / "facts.md").read_text(encoding="utf-8") + "\nThe panel's own paragraph.\n"
    (out / "facts.md").write_text(edited, encoding="utf-8")
    result = run("merge", police, "-o", out)
    assert result.exit_code == 0
    text = _flat(result.output)
    assert _flat(f"{out / 'facts.md'} had been edited since chronology wrote it") in text
    assert _flat("kept as facts.edited.md") in text
    assert (out / "facts.edited.md").read_text(encoding="utf-8") == edited
    assert "The panel's own paragraph." not in (out / "facts.md").read_text(encoding="utf-8")
    facts = run("facts", out / "chronology.json")
    assert "had been edited" not in facts.output  # the draft merge wrote is its own


def _diff_pair(tmp_path: Path) -> tuple[Path, Path]:
    old = _police(tmp_path, "Northbridge Police IMR v1.xlsx")
    new = write_xlsx(
        tmp_path / "Northbridge Police IMR v2.xlsx",
        {"Chronology": [["Date", "Details"], ["02/05/2012", "Strategy discussion with CSC"]]},
    )
    return old, new


def test_diff_exits_1_on_differences_and_0_without(tmp_path: Path) -> None:
    old, new = _diff_pair(tmp_path)
    assert run("diff", old, new).exit_code == 1
    assert run("diff", old, old).exit_code == 0


def test_diff_dash_is_stdout_and_out_takes_the_table_too(tmp_path: Path) -> None:
    old, new = _diff_pair(tmp_path)
    os.chdir(tmp_path)
    result = run("diff", old, new, "--formats", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["counts"]["changed"] >= 1
    assert not (tmp_path / "-").exists()
    table = run("diff", old, new, "-o", tmp_path / "changes.txt")
    assert table.exit_code == 1
    written = (tmp_path / "changes.txt").read_text(encoding="utf-8")
    assert "Status" in written
    assert "\x1b[" not in written


@pytest.mark.parametrize("no_color", [None, "1"])
def test_diff_piped_has_no_colour(tmp_path: Path, no_color: str | None) -> None:
    old, new = _diff_pair(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    if no_color:
        env["NO_COLOR"] = no_color
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "diff", str(old), str(new)],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Status" in done.stdout
    assert "\x1b[" not in done.stdout


def test_lag_reads_the_review_file_in_the_current_folder(merged: Path, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    default = run("lag", merged / "chronology.json")
    assert "Over 7" in default.output
    (tmp_path / "review.toml").write_text("[analysis]\nlag_threshold_days = 2\n", encoding="utf-8")
    result = run("lag", merged / "chronology.json")
    assert result.exit_code == 0, result.output
    assert "Over 2" in result.output
    assert "more than 2 days after the event" in " ".join(result.output.split())


def test_init_suggests_every_name_like_word_even_one_seen_once(tmp_path: Path) -> None:
    path = tmp_path / "Northbridge Police IMR.csv"
    path.write_text(
        "Date,Details\n"
        "01/05/2012,Attended with Lily and Zbigniew. Welfare check.\n"
        "02/05/2012,Attended again. Northbridge officers spoke to Quennell.\n",
        encoding="utf-8",
    )
    result = run("init", path, "-o", tmp_path / "review.toml")
    assert result.exit_code == 0, result.output
    proposed = re.findall(r'^# "([^"]+)" = ""   # seen (once|\d+ times)', (tmp_path / "review.toml")
                          .read_text(encoding="utf-8"), re.MULTILINE)  # fmt: skip
    names = {word for word, _seen in proposed}
    assert {"Zbigniew", "Quennell", "Lily"} <= names  # rare names; a name that is a word
    assert not names & {"Attended", "Welfare", "Northbridge"}  # words; an agency's own name
    assert ("Quennell", "once") in proposed


def test_merge_takes_a_reference_document_for_the_word_draft(tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    house = docx.Document()
    house.styles["Heading 1"].font.size = Pt(30)
    house.add_paragraph("House style: not to be copied.")
    house.save(str(tmp_path / "house.docx"))
    police, out = _police(tmp_path), tmp_path / "out"
    result = run("merge", police, "-o", out, "-q", "--reference-docx", tmp_path / "house.docx")
    assert result.exit_code == 0, result.output
    draft = docx.Document(str(out / "facts.docx"))
    assert draft.styles["Heading 1"].font.size == Pt(30)
    assert not any("House style" in p.text for p in draft.paragraphs)
    missing = run("merge", police, "-o", out, "--reference-docx", tmp_path / "none.docx")
    assert missing.exit_code == 2
    assert "none.docx" in missing.output
