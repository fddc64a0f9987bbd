"""End to end on samples/: the designed truth in samples/design.toml, and golden outputs.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 pytest tests/test_samples.py`` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import SAMPLES

DESIGN = tomllib.loads((SAMPLES / "design.toml").read_text(encoding="utf-8"))
EXPECTED = SAMPLES / "expected"
GOLDEN_JSON = EXPECTED / "chronology.json"


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("samples-out")
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    result = CliRunner().invoke(
        app, ["merge", *files, "--review", str(SAMPLES / "review.toml"), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "chronology.json").read_text(encoding="utf-8"))


def _event_of(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["ref"]: e for e in document["events"] for s in e["sources"]}


def test_no_row_is_lost(merged: tuple[Path, dict[str, Any]]) -> None:
    _out, document = merged
    sources = sum(len(e["sources"]) for e in document["events"])
    assert sources == DESIGN["total_data_rows"]
    rejected = {(r["file"], r["row"]) for r in document["rejected"]}
    footers = sum(f.get("footer_rows", 0) for f in DESIGN["files"].values())
    assert len(rejected) >= footers


@pytest.mark.parametrize("group", DESIGN["merge"], ids=lambda g: g["id"])
def test_designed_multi_agency_occurrences_appear_once(
    merged: tuple[Path, dict[str, Any]], group: dict[str, Any]
) -> None:
    event_of = _event_of(merged[1])
    events = {event_of[ref]["id"] for ref in group["refs"]}
    assert len(events) == 1, f"{group['id']} split across {events}"
    (event,) = [event_of[group["refs"][0]]]
    assert sorted(s["ref"] for s in event["sources"]) == sorted(group["refs"])


@pytest.mark.parametrize("pair", DESIGN["separate"], ids=lambda g: g["id"])
def test_designed_separate_occurrences_stay_apart(
    merged: tuple[Path, dict[str, Any]], pair: dict[str, Any]
) -> None:
    event_of = _event_of(merged[1])
    ids = [event_of[ref]["id"] for ref in pair["refs"]]
    assert len(set(ids)) == len(ids), pair["reason"]


def test_the_conflicting_strategy_discussion_is_flagged(
    merged: tuple[Path, dict[str, Any]],
) -> None:
    event_of = _event_of(merged[1])
    for conflict in DESIGN["conflict"]:
        (event_id,) = {event_of[ref]["id"] for ref in conflict["refs"]}
        event = event_of[conflict["refs"][0]]
        assert "date_conflict" in event["flags"]
        assert (event["start"], event["end"]) == (
            str(min(conflict["dates"])),
            str(max(conflict["dates"])),
        )
    flagged = [e["id"] for e in merged[1]["events"] if "date_conflict" in e["flags"]]
    assert flagged == [event_id]


def test_impossible_dates_and_duplicates_are_kept_and_reported(
    merged: tuple[Path, dict[str, Any]],
) -> None:
    document = merged[1]
    event_of = _event_of(document)
    for ref in DESIGN["impossible_dates"]["refs"]:
        assert "undated" in event_of[ref]["flags"]
        row = int(ref.rsplit(":", 1)[1])
        assert any(
            w["row"] == row and "not a real date" in w["message"] for w in document["warnings"]
        )
    refs = DESIGN["duplicates"]["refs"]
    assert len({event_of[r]["id"] for r in refs}) == 1
    assert "duplicate_rows" in event_of[refs[0]]["flags"]


def test_police_history_before_2003_is_out_of_scope_and_kept(
    merged: tuple[Path, dict[str, Any]],
) -> None:
    events = merged[1]["events"]
    flagged = [e for e in events if "out_of_scope" in e["flags"]]
    assert flagged, "the police history from 2000 lies before the police's own 2003 start"
    assert all(
        e["end"] < "2003-01-01" or e["start"] > "2012-08-07"
        for e in flagged
        if "Kingsmere Police" in e["agencies"]
    )


def test_golden_chronology_json(merged: tuple[Path, dict[str, Any]]) -> None:
    out, _document = merged
    produced = (out / "chronology.json").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        EXPECTED.mkdir(exist_ok=True)
        GOLDEN_JSON.write_text(produced, encoding="utf-8")
    assert GOLDEN_JSON.exists(), "run UPDATE_GOLDEN=1 pytest tests/test_samples.py to create it"
    assert produced == GOLDEN_JSON.read_text(encoding="utf-8"), (
        "chronology.json differs from samples/expected/chronology.json; if the change is "
        "intended, regenerate with UPDATE_GOLDEN=1 and review the diff"
    )


def test_outputs_are_byte_identical_across_runs(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    outs = []
    for name, order in (("a", files), ("b", list(reversed(files)))):
        out = tmp_path / name
        result = CliRunner().invoke(
            app, ["merge", *order, "--out", str(out), "-q", "--formats", "json,csv,xlsx"]
        )
        assert result.exit_code == 0, result.output
        outs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outs[0] == outs[1]


def test_anonymised_samples_leak_no_real_name(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    review = str(SAMPLES / "review.toml")
    out = tmp_path / "published"
    runner = CliRunner()
    result = runner.invoke(
        app, ["merge", *files, "--review", review, "--anonymise", "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert {"facts.md", "facts.docx", "report.html", "integrated_chronology.xlsx"} <= {
        p.name for p in out.iterdir()
    }
    check = runner.invoke(app, ["check-names", str(out), "--review", review])
    assert check.exit_code == 0, check.output
    facts = (out / "facts.md").read_text(encoding="utf-8")
    assert "the victim" in facts
    assert "Dunmore" not in facts
