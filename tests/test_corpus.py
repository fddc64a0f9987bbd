"""The corpus scorer on the six corpus reviews: today's floor, and the targets still ahead.

The floor asserts only what holds on current code (the scorer runs every review, no
merge raises, nothing that scores zero by accident). The targets are xfail(strict=False):
when a change makes one pass, pytest reports XPASS and the mark can be removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus import score

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return [score.score_folder(folder) for folder in score.review_folders()]


@pytest.fixture(scope="module")
def total(results: list[dict]) -> dict:
    return score.total(results)


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def test_six_reviews_two_of_each_kind(results: list[dict]) -> None:
    kinds = sorted(r["kind"] for r in results)
    assert kinds == ["CSPR", "CSPR", "DHR", "DHR", "SAR", "SAR"]


def test_truth_is_what_the_generator_writes() -> None:
    """Every truth row's file exists, and every agency has 5-10 rows' worth of peers."""
    for truth_file in CORPUS.glob("*/truth.json"):
        truth = json.loads(truth_file.read_text())
        files = {p.name for p in (truth_file.parent / "imrs").iterdir()}
        assert {r["file"] for r in truth["rows"]} == files
        assert 5 <= len(truth["agencies"]) <= 10


def test_every_review_is_scored_without_crashing(results: list[dict]) -> None:
    """The merge may abort on a file it cannot read (the scorer then leaves it out), but no
    review ends with nothing: each gives a chronology for most of its rows."""
    for r in results:
        assert share(r["rows"]) >= 0.8, (r["review"], r["errors"])
        for error in r["errors"]:  # located messages, never a traceback
            assert error.startswith("error: "), error


def test_the_table_has_a_row_per_review_and_a_total(results: list[dict]) -> None:
    lines = score.render(results).splitlines()
    assert len(lines) == len(results) + 2
    assert lines[-1].startswith("TOTAL")


def test_floor_measures_hold(total: dict) -> None:
    """Today's figures, as a floor that later work must not go below."""
    assert share(total["rows"]) >= 0.9
    assert share(total["text"]) >= 0.65
    assert share(total["dates"]) >= 0.8
    assert share(total["types"] or (0, 1)) >= 0.9
    assert total["apart"][0] == 0  # no must-stay-apart pair folded together


def test_no_file_aborts(total: dict) -> None:
    assert total["left_out"] == []


def test_rows_kept(total: dict) -> None:
    assert total["rows"][0] == total["rows"][1]
    assert total["junk"] == 0


def test_narrative_kept(total: dict) -> None:
    assert share(total["text"]) == 1.0


def test_dates(total: dict) -> None:
    assert share(total["dates"]) >= 0.99


@pytest.mark.xfail(strict=False, reason="target: agency names from file names and title blocks")
def test_agency_names(total: dict) -> None:
    assert share(total["names"]) >= 0.95


@pytest.mark.xfail(strict=False, reason="chronology.json exposes no agency type yet")
def test_agency_types(total: dict) -> None:
    assert total["types"] is not None
    assert share(total["types"]) >= 0.95


def test_dedup(total: dict) -> None:
    assert share((total["dedup_tp"], total["dedup_pred"])) >= 0.98
    assert share((total["dedup_tp"], total["dedup_true"])) >= 0.95


def test_dedup_precision_in_each_review(results: list[dict]) -> None:
    for r in results:
        assert share((r["dedup_tp"], r["dedup_pred"])) >= 0.98, (r["review"], r["false_pairs"])


@pytest.mark.xfail(
    strict=False,
    reason="sar_fenmarsh: the ambulance call log is untyped until agency typing lands "
    "(inputs branch), so its record of the admission is not the emergency department's",
)
def test_dedup_recall_in_each_review(results: list[dict]) -> None:
    for r in results:
        assert share((r["dedup_tp"], r["dedup_true"])) >= 0.95, (r["review"], r["missed_pairs"])


def test_conflicts(total: dict) -> None:
    assert total["conflicts"][0] == total["conflicts"][1]
    assert total["false_conflicts"] == 0


def test_episodes(total: dict) -> None:
    assert total["episodes"][0] == total["episodes"][1]


def test_findings(total: dict) -> None:
    assert total["findings"][0] == total["findings"][1]
