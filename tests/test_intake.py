"""Loading half of the files in a worker gives exactly what loading them here gives."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from chronology import intake, parallel
from chronology.dates import DateSpan, Precision
from chronology.errors import ChronologyError
from chronology.merge import features_of
from chronology.schema import LoadResult, Source

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "imrs"
forking = pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")


def _files() -> list[Path]:
    return sorted(SAMPLES.iterdir())


@pytest.fixture
def split_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use a worker however small the inputs (the samples are far below the bar)."""
    monkeypatch.setattr(intake, "SMALLEST", 0)
    monkeypatch.setattr(intake, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)


def test_small_inputs_are_all_loaded_here() -> None:
    here, there = intake._split(_files())
    assert (here, there) == (_files(), [])


@forking
@pytest.mark.usefixtures("split_always")
def test_the_worker_takes_the_later_files() -> None:
    here, there = intake._split(_files())
    assert here
    assert there
    assert here + there == _files()


@forking
def test_a_worker_gives_the_same_sources_warnings_and_features(
    split_always: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as serial:
        serial.setattr(intake, "SMALLEST", 1 << 60)
        alone, alone_features = intake.load_all(_files(), features=True)
    loaded, features = intake.load_all(list(reversed(_files())), features=True)
    assert loaded == alone
    assert features == alone_features == features_of(loaded.sources)
    assert [s.date for s in loaded.sources] == [s.date for s in alone.sources]


@forking
@pytest.mark.usefixtures("split_always")
def test_every_file_is_reported_once_loaded() -> None:
    seen: list[Path] = []
    intake.load_all(_files(), on_file=seen.append)
    assert sorted(seen) == _files()


@forking
@pytest.mark.usefixtures("split_always")
@pytest.mark.parametrize("broken", [0, -1], ids=["first file (here)", "last file (worker)"])
def test_a_broken_file_raises_its_own_located_error(tmp_path: Path, broken: int) -> None:
    files = []
    for path in _files():
        files.append(tmp_path / path.name)
        shutil.copy(path, files[-1])
    files[broken].write_bytes(b"")
    with pytest.raises(ChronologyError) as caught:
        intake.load_all(files)
    assert files[broken].name in str(caught.value)
    assert "empty" in str(caught.value)


@forking
@pytest.mark.usefixtures("split_always")
def test_of_two_broken_files_the_first_in_order_is_reported(tmp_path: Path) -> None:
    """Whichever process finds its broken file first, the error is the serial run's."""
    files = []
    for path in _files():
        files.append(tmp_path / path.name)
        shutil.copy(path, files[-1])
    files[1].write_bytes(b"")
    files[-1].write_bytes(b"")
    with pytest.raises(ChronologyError) as caught:
        intake.load_all(files)
    assert files[1].name in str(caught.value)


def test_a_record_sent_back_as_plain_values_is_the_same_record() -> None:
    """Every field of a source survives the trip from a worker (a field added to Source
    and not to the packing fails here)."""
    every = Source(
        agency="Police", file="p.xlsx", sheet="IMR", row=7,
        date=DateSpan(dt.date(2012, 5, 1), dt.date(2012, 5, 1), Precision.DAY, "1/5/12 09:30",
                      "09:30", approximate=True),
        text="Strategy discussion", time="09:30",
        recorded_on=DateSpan(dt.date(2012, 5, 3), dt.date(2012, 5, 3), Precision.DAY, "3/5/12"),
        action="NFA", worker="PC 12", subject="Child A", reference="CR/1", sequence=3.0,
        fields={"Date": "1/5/12 09:30"}, kind="strategy_discussion",
    )  # fmt: skip
    undated = Source("Police", "p.xlsx", None, 8, DateSpan.unknown("n/k"), "Seen")
    assert len(intake._source_values(every)) == len(fields(Source))
    features = [("meeting", frozenset({"police"}), ("strategy discussion", "nfa"))] * 2
    with intake._Channel() as channel:
        channel.send(LoadResult([undated]), None)  # a file before: read from where it is
        sent = channel.send(LoadResult([every, undated]), features)
        outcome = channel.unpacked(sent)
    assert outcome is not None
    back, its_features = outcome
    assert back.sources == [every, undated]
    assert its_features == features


@forking
@pytest.mark.usefixtures("split_always")
def test_a_progress_thread_may_start_only_once_the_worker_is_forked() -> None:
    seen: list[str] = []

    def started() -> None:
        seen.append(f"start, {parallel._background} worker running")

    intake.load_all(_files(), on_file=lambda _p: seen.append("file"), on_start=started)
    assert seen[0] == "start, 1 worker running"
    assert seen.count("file") == len(_files())
