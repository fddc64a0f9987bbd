"""End to end: the merged samples produce the designed conflict, late recordings and
timescales (samples/design.toml), and indicator hits that each point at their row."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.model.codec import read_chronology
from chronology.stages.analysis.lag import recording_lag
from tests.conftest import SAMPLES

DESIGN_FILE = SAMPLES / "design.toml"
pytestmark = pytest.mark.skipif(not DESIGN_FILE.exists(), reason="samples not generated")
DESIGN: dict[str, Any] = (
    tomllib.loads(DESIGN_FILE.read_text(encoding="utf-8")) if DESIGN_FILE.exists() else {}
)


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    out = tmp_path_factory.mktemp("analysis-samples")
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    result = CliRunner().invoke(
        app,
        ["merge", *files, "--review", str(SAMPLES / "review.toml"), "--out", str(out),
         "--formats", "analysis"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads((out / "chronology.json").read_text(encoding="utf-8"))
    return out, document, result.output


def test_the_designed_conflict_is_found_with_its_gap(
    merged: tuple[Path, dict[str, Any], str],
) -> None:
    _out, document, _output = merged
    conflicts = [f for f in document["discrepancies"] if f["kind"] == "date_conflict"]
    for designed in DESIGN["conflict"]:
        (found,) = [f for f in conflicts if set(designed["refs"]) <= set(f["sources"])]
        starts = sorted(a["start"] for a in found["accounts"])
        assert starts == sorted(str(d) for d in designed["dates"])
        first, last = sorted(dt.date.fromisoformat(str(d)) for d in designed["dates"])
        assert found["days"] == (last - first).days


def test_the_designed_late_recordings_are_found(merged: tuple[Path, dict[str, Any], str]) -> None:
    out, _document, _output = merged
    late = DESIGN["late_recordings"]
    lag = recording_lag(read_chronology(out / "chronology.json"), late["threshold_days"])
    entries = {e["sources"][0]: e for s in lag for e in s["entries"] if e["days"] > 0}
    assert set(entries) == set(late["refs"])
    assert [entries[ref]["days"] for ref in late["refs"]] == late["lag_days"]


def test_the_designed_timescales_are_found(merged: tuple[Path, dict[str, Any], str]) -> None:
    _out, document, _output = merged
    found = document["timescales"]
    for designed in DESIGN["timescales"]:
        if "cancelled" in designed["rule"]:
            # a meeting that was cancelled is not the first core group: no result ends there
            assert not [f for f in found if f["end"] and designed["to_ref"] in f["end"]["sources"]]
            continue
        (result,) = [
            f for f in found
            if f["start"] and designed["from_ref"] in f["start"]["sources"]
            and f["end"] and designed["to_ref"] in f["end"]["sources"]
        ]  # fmt: skip
        assert result["working_days"] == designed["working_days"], designed["id"]
        assert result["limit"] == designed["limit"], designed["id"]
        assert result["status"] == ("met" if designed["met"] else "missed"), designed["id"]
    assert any(f["status"] == "missed" for f in found)


def test_indicator_hits_point_at_rows_that_say_so(merged: tuple[Path, dict[str, Any], str]) -> None:
    _out, document, _output = merged
    text_of = {s["ref"]: f"{s['text']}\n{s['action']}" for e in document["events"]
               for s in e["sources"]}  # fmt: skip
    recorded = [f for f in document["indicators"] if f["agencies"]]
    assert len(recorded) >= 6
    for finding in recorded:
        for hit in finding["hits"]:
            assert hit["phrase"].lower() in text_of[hit["source"]].lower()
        for agency, first in finding["first"].items():
            assert first["agency"] == agency
            assert first["source"] in text_of
    assert any(f["single_agency"] for f in recorded)
    assert any(f["negated"] for f in document["indicators"])


def test_terminal_summary_and_workbook(merged: tuple[Path, dict[str, Any], str]) -> None:
    out, _document, output = merged
    for start in ("Discrepancies:", "Recording lag:", "Timescales:", "Who knew what:"):
        assert start in output
    book = openpyxl.load_workbook(out / "analysis.xlsx")
    assert book["Discrepancies"].max_row >= 2
    assert book["Timescales"].max_row >= 2
    assert book["Who knew what"].max_row >= 13
