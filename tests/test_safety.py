"""Safe outputs: inert when a panel member opens them, written atomically, private (0600), and
made without any network access."""

from __future__ import annotations

import csv
import io
import os
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from chronology import pipeline, render
from chronology.cli import app
from chronology.model.schema import LoadResult
from chronology.privacy.safety import inert, inert_row, write_with
from tests.conftest import SAMPLES, source

runner = CliRunner()
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\0")
# Agency text that a spreadsheet would run (or mangle) as a formula. "knife" puts each one in
# the analysis workbook too (the weapon indicator quotes the text).
PLANTED = [
    '=HYPERLINK("http://x","click") knife',
    "+1 knife",
    "-2 knife",
    "@SUM(A1) knife",
    '=cmd|" /C calc"!A0 knife',
]
# Leading control characters: the loaders strip outer whitespace, so these reach the writers
# only from a library caller; the writers must still make them inert.
CONTROL = ["\t=1+1 knife", "\r=1+1 knife", "\0=1+1 knife"]


def _run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def planted_input(tmp_path: Path) -> Path:
    rows = [["Date", "Details", "Outcome"]]
    rows += [[f"0{i + 1}/02/2010", text, "=1+2"] for i, text in enumerate(PLANTED)]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "Police.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


# ---------------------------------------------------------------- formula injection


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


def _xlsx_cells(path: Path) -> Iterator[Any]:
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def _assert_inert_workbook(path: Path, planted: list[str]) -> None:
    """No formula anywhere (cells or XML); every risky-looking text is a string cell."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml, f"a formula in {name}"
                assert b"<f " not in xml, f"a formula in {name}"
    values = []
    for cell in _xlsx_cells(path):
        assert cell.data_type != "f", f"{path.name} {cell.coordinate} is a formula"
        if isinstance(cell.value, str) and cell.value.startswith(DANGEROUS):
            assert cell.data_type == "s", f"{path.name} {cell.coordinate}: {cell.value!r}"
        values.append(cell.value)
    for text in planted:
        assert any(isinstance(v, str) and text in v for v in values), f"{text!r} not in {path}"


def test_planted_formulas_come_out_inert_in_csv_and_excel(
    planted_input: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = _run("merge", planted_input, "--out", out, "--formats", "csv,xlsx,analysis", "-q")
    assert result.exit_code == 0, result.output
    cells = _csv_cells(out / "integrated_chronology.csv")
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    for text in PLANTED:
        assert "'" + text in cells  # shown as typed, with Excel's text marker
    assert "'=1+2" in cells
    _assert_inert_workbook(out / "integrated_chronology.xlsx", PLANTED)
    _assert_inert_workbook(out / "analysis.xlsx", [t for t in PLANTED if t.startswith("=H")])


def test_leading_tab_and_carriage_return_are_inert_in_every_writer(tmp_path: Path) -> None:
    sources = [
        source("Police", f"0{i + 1}/03/2010", text, row=i + 2) for i, text in enumerate(CONTROL)
    ]
    chronology = pipeline.integrate(LoadResult(sources=sources, files=["Police.xlsx"]))
    render.write_all(chronology, chronology, tmp_path, ["csv", "xlsx", "analysis"])
    cells = _csv_cells(tmp_path / "integrated_chronology.csv")
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    assert {"'" + text for text in CONTROL} <= set(cells)
    _assert_inert_workbook(tmp_path / "integrated_chronology.xlsx", ["=1+1 knife"])
    _assert_inert_workbook(tmp_path / "analysis.xlsx", ["=1+1 knife"])


@pytest.mark.parametrize("text", [*PLANTED, *CONTROL, "=", "-", "@", "\t", "\r", "\0"])
def test_inert_prefixes_every_formula_start(text: str) -> None:
    assert inert(text) == "'" + text


@pytest.mark.parametrize("text", ["Home visit", "", "'quoted", "1 - 2", " =not first", "£5"])
def test_inert_leaves_ordinary_text_alone(text: str) -> None:
    assert inert(text) == text


# ---------------------------------------------------------------- atomic, private writes


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_failed_write_leaves_every_previous_output_intact(
    planted_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _run("merge", planted_input, "--out", out, "--formats", "csv,xlsx", "-q").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    seen: list[Path] = []

    def fail_midway(path: Path, *_args: object) -> None:
        seen.append(path)
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    # the xlsx is written after chronology.json and the csv: those must not change either
    monkeypatch.setattr("chronology.render.xlsx.write_workbook", fail_midway)
    planted_input.write_text("Date,Details\n01/01/2011,A different chronology\n", "utf-8")
    result = _run("merge", planted_input, "--out", out, "--formats", "csv,xlsx", "-q")
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert [p.parent for p in seen] == [out]
    assert seen[0].name.endswith(".tmp")  # written beside the target, never over it
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_successful_run_replaces_every_output(planted_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("merge", planted_input, "--out", out, "--formats", "csv", "-q").exit_code == 0
    planted_input.write_text("Date,Details\n01/01/2011,A different chronology\n", "utf-8")
    assert _run("merge", planted_input, "--out", out, "--formats", "csv", "-q").exit_code == 0
    assert "A different chronology" in (out / "chronology.json").read_text("utf-8")
    assert "A different chronology" in (out / "integrated_chronology.csv").read_text("utf-8-sig")
    assert _leftovers(out) == []


def test_a_crash_inside_a_writer_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.docx"
    target.write_bytes(b"previous")
    modes: list[int] = []

    def crash(path: Path) -> None:
        modes.append(path.stat().st_mode & 0o777)
        path.write_bytes(b"partial")
        raise RuntimeError("writer bug")

    with pytest.raises(RuntimeError):
        write_with(target, crash)
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []
    assert modes == [0o600]  # private even while it is being written


def test_every_output_is_private_to_the_user(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    out = tmp_path / "out"
    old = os.umask(0)  # the most permissive umask: the tool must not rely on it
    try:
        result = _run("merge", *files, "--review", SAMPLES / "review.toml", "--out", out, "-q")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in out.iterdir()}
    assert len(modes) >= 8
    assert set(modes.values()) == {oct(0o600)}, modes


# ---------------------------------------------------------------- no network


def test_a_full_merge_makes_no_network_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def blocked(name: str) -> Any:
        def refuse(*args: object, **_kwargs: object) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError("network access is blocked in this test")

        return refuse

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, blocked(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", blocked("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", blocked("getaddrinfo"))
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    out = tmp_path / "out"
    result = _run(
        "merge", *files, "--review", SAMPLES / "review.toml", "--out", out,
        "--formats", ",".join(render.FORMATS), "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert attempts == []
    assert {p.suffix for p in out.iterdir()} >= {".json", ".csv", ".xlsx", ".html", ".docx"}


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab =+-@\t\r\0\n'"), max_size=5)
        | st.sampled_from(['=HYPERLINK("x")', "-1", "plain", "a\0=b", ""]),
        max_size=6,
    )
)
def test_a_row_made_inert_at_once_is_each_cell_made_inert(cells: list[str]) -> None:
    assert inert_row(cells) == [inert(cell) for cell in cells]
