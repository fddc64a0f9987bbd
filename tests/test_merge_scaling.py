"""Crowds of alike rows merge in linear work: counted, not timed (the machine is shared).

20,000 identical rows used to build a merge decision per duplicate (each listing every
duplicate so far) and compare every pair of their dates; two agencies' thousands of
near-identical same-day contacts were scored pair by pair, millions of pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.dates import span as dates
from chronology.merge import candidates as matching
from chronology.merge import groups as merge

runner = CliRunner()


def _csv(path: Path, texts: list[str]) -> Path:
    path.write_text("Date,Details\n" + "".join(f"01/02/2010,{t}\n" for t in texts), "utf-8")
    return path


def _counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    calls = [0]
    real = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_identical_rows_make_one_decision_and_no_date_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = 20_000
    path = _csv(tmp_path / "Police chronology.csv", ["Home visit, all seen"] * rows)
    decisions = _counting(monkeypatch, merge, "MergeDecision")
    overlaps = _counting(monkeypatch, dates.DateSpan, "overlaps")
    result = runner.invoke(app, ["merge", str(path), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert decisions[0] <= 10  # was 19,999, each listing up to 20,000 refs
    assert overlaps[0] <= rows  # was about 200 million


@pytest.mark.parametrize("mode", ["alike wording", "naming each other"])
def test_a_crowded_day_is_not_scored_pair_by_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    rows = 1_000
    if mode == "alike wording":
        police = [f"Home visit number {n}, mother seen" for n in range(rows)]
        health = police
    else:
        police = [f"Referral sent to health visitor {n}" for n in range(rows)]
        health = [f"Police officer attended {n}" for n in range(rows)]
    inputs = [_csv(tmp_path / "Police log.csv", police), _csv(tmp_path / "Health log.csv", health)]
    scored = [0]
    real = matching.process.cpdist

    def counted(first: list[str], second: list[str], **kwargs: object) -> object:
        scored[0] += len(first)
        return real(first, second, **kwargs)

    monkeypatch.setattr(matching.process, "cpdist", counted)
    out = tmp_path / "out"
    result = runner.invoke(app, ["merge", *map(str, inputs), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert scored[0] <= 4 * rows  # was rows * rows: a million pairs here


def test_records_dated_to_a_month_naming_a_crowd_are_not_paired_with_all_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = 1_000
    vague = [f"Police officer attended visit {n}" for n in range(rows)]
    exact = [f"Referral to health visitor {n}" for n in range(rows)]
    health = tmp_path / "Health log.csv"
    health.write_text("Date,Details\n" + "".join(f"January 2010,{t}\n" for t in vague))
    police = tmp_path / "Police log.csv"
    police.write_text(
        "Date,Details\n" + "".join(f"{1 + n % 28:02d}/01/2010,{t}\n" for n, t in enumerate(exact))
    )
    paired = [0]
    real = matching.pairs_of

    def counted(found: list[object]) -> object:
        paired[0] += len(found)
        return real(found)  # type: ignore[arg-type]

    monkeypatch.setattr(matching, "pairs_of", counted)
    out = tmp_path / "out"
    result = runner.invoke(app, ["merge", str(health), str(police), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert paired[0] <= 4 * rows  # was rows * rows (3,000 each way: 2.7 GB, 40 s)
