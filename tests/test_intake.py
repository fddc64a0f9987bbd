"""Loading every input: a fixed order, every file reported, a broken file located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronology.loaders import intake
from chronology.model.errors import ChronologyError

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "imrs"


def _files() -> list[Path]:
    return sorted(SAMPLES.iterdir())


def _copies(tmp_path: Path) -> list[Path]:
    files = []
    for path in _files():
        files.append(tmp_path / path.name)
        shutil.copy(path, files[-1])
    return files


def test_every_file_is_reported_once_loaded() -> None:
    seen: list[Path] = []
    intake.load_all(_files(), on_file=seen.append)
    assert sorted(seen) == _files()


def test_the_order_given_does_not_change_what_is_loaded() -> None:
    forward = intake.load_all(_files())
    backward = intake.load_all(list(reversed(_files())))
    assert forward.sources == backward.sources
    assert forward.warnings == backward.warnings


@pytest.mark.parametrize("broken", [0, -1], ids=["first file", "last file"])
def test_a_broken_file_raises_its_own_located_error(tmp_path: Path, broken: int) -> None:
    files = _copies(tmp_path)
    files[broken].write_bytes(b"")
    with pytest.raises(ChronologyError) as caught:
        intake.load_all(files)
    assert files[broken].name in str(caught.value)
    assert "empty" in str(caught.value)


def test_inputs_sharing_a_name_are_shown_by_their_path(tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "Police.csv", tmp_path / "b" / "Police.csv"
    names = intake.display_names([one, two])
    assert names == {one: one.as_posix(), two: two.as_posix()}
    assert intake.display_names([one]) == {one: "Police.csv"}
