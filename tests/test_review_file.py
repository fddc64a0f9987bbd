"""review.toml: what `chronology init` writes reads back, and every mistake in it is located
by its TOML path and its own line (exit 2 through the command line)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import tomlkit
from typer.testing import CliRunner

from chronology.cli import app

runner = CliRunner()
CSV_WITH_BROKEN_HEADINGS = (
    '"Date of\nContact","Summary of\nContact","Worker\nName","Notes\tinternal"\n'
    "23/05/2012,Home visit to Jade,SW Smith,keys left with neighbour\n"
)


def run(*args: object) -> object:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "Northbridge CSC [v2].csv"
    path.write_text(CSV_WITH_BROKEN_HEADINGS, encoding="utf-8")
    return path


def test_init_escapes_headings_with_line_breaks_and_merge_reads_them(
    table: Path, tmp_path: Path
) -> None:
    review = tmp_path / "review.toml"
    result = run("init", table, "-o", review)
    assert result.exit_code == 0, result.output
    written = tomllib.loads(review.read_text(encoding="utf-8"))
    (agency,) = written["agencies"]
    assert agency["columns"] == {"Date of\nContact": "date", "Summary of\nContact": "text"}
    assert agency["files"] == ["Northbridge CSC [[]v2[]].csv"]  # a glob matching the name
    # the unmapped headings are listed in a comment, each still on one line
    assert '"Worker\\nName", "Notes\\tinternal"' in review.read_text(encoding="utf-8")
    # the author maps the broken "Worker\nName" heading too; merge applies the mapping
    document = tomlkit.parse(review.read_text(encoding="utf-8"))
    document["agencies"][0]["columns"]["Worker\nName"] = "worker"  # type: ignore[index]
    review.write_text(tomlkit.dumps(document), encoding="utf-8")
    out = tmp_path / "out"
    merged = run("merge", table, "-o", out, "-r", review, "--formats", "json", "-q")
    assert merged.exit_code == 0, merged.output
    (source,) = [s for e in json.loads((out / "chronology.json").read_text())["events"]
                 for s in e["sources"]]  # fmt: skip
    assert (source["worker"], source["text"]) == ("SW Smith", "Home visit to Jade")
