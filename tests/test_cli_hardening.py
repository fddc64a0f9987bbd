"""Failures of the surroundings, not of the inputs' contents, end as success or as one
located line with exit code 2 (130/143 when stopped), never as an internal error."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app

runner = CliRunner()
ROWS = b"Date,Details\n01/02/2010,Home visit\n"


def _merge(*args: str | Path) -> object:
    return runner.invoke(app, ["merge", *map(str, args), "--quiet"])


def test_a_file_name_that_is_not_utf8_is_read_and_shown(tmp_path: Path) -> None:
    name = os.fsdecode(b"Police \xff\xfe chronology.csv")
    (tmp_path / name).write_bytes(ROWS)
    result = _merge(tmp_path / name, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "out" / "chronology.json").read_text("utf-8"))
    assert document["meta"]["inputs"][0]["file"] == "Police \ufffd\ufffd chronology.csv"


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "Line\nbreak.xlsx"
    path.write_bytes(b"not a workbook")
    result = _merge(path, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.startswith("error: Line\\nbreak.xlsx: this is not a real .xlsx file")
    assert "\n" not in result.output.rstrip("\n").split(". ")[0]


@pytest.mark.parametrize("where", ["an existing file", "a name too long", "under a file"])
def test_an_unusable_out_folder_is_a_located_error(tmp_path: Path, where: str) -> None:
    source = tmp_path / "Police.csv"
    source.write_bytes(ROWS)
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    out = {
        "an existing file": blocker,
        "a name too long": tmp_path / ("x" * 300),
        "under a file": blocker / "out",
    }[where]
    result = _merge(source, "--out", out)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ")  # one located line, naming the path
    assert out.name[:40] in result.output
    assert "Traceback" not in result.output
    assert "internal error" not in result.output


@pytest.mark.parametrize("command", ["report", "facts"])
def test_a_deeply_nested_chronology_json_is_a_located_error(tmp_path: Path, command: str) -> None:
    path = tmp_path / "chronology.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code == 2, result.output
    assert "not a readable chronology.json" in result.output or (
        "not a chronology file" in result.output
    )
    assert "Traceback" not in result.output


def _stopped_run(folder: Path, sent: signal.Signals) -> tuple[int, str]:
    """A merge big enough to be stopped part-way, stopped with ``sent``."""
    source = folder / "Police.csv"
    source.write_text(
        "Date,Details\n"
        + "".join(f"{1 + n % 28:02d}/02/2010,Home visit {n} seen\n" for n in range(40_000))
    )
    run = subprocess.Popen(
        [sys.executable, "-m", "chronology", "merge", str(source), "--out", str(folder / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)  # well into the run (start-up takes under a second)
    run.send_signal(sent)
    _, err = run.communicate(timeout=60)
    if run.returncode == 0:
        pytest.skip("the run finished before the signal (a fast machine)")
    return run.returncode, err


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_run_says_so_without_a_traceback(
    tmp_path: Path, sent: signal.Signals, code: int
) -> None:
    returncode, err = _stopped_run(tmp_path, sent)
    assert returncode == code, err
    assert "Traceback" not in err
    assert "stopped; no output was changed" in err


def test_the_output_folder_is_not_world_writable_under_umask_000(tmp_path: Path) -> None:
    source = tmp_path / "Police.csv"
    source.write_bytes(ROWS)
    previous = os.umask(0)
    try:
        result = _merge(source, "--out", tmp_path / "new" / "out", "--formats", "json")
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    for folder in (tmp_path / "new", tmp_path / "new" / "out"):
        assert folder.stat().st_mode & 0o022 == 0, oct(folder.stat().st_mode)
