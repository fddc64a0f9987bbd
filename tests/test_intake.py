"""Loading every input: a fixed order, every file reported, a broken file located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronology.loaders import intake
from chronology.model.errors import ChronologyError, ManyInputsError

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


def test_every_broken_file_is_reported_in_one_run(tmp_path: Path) -> None:
    files = _copies(tmp_path)
    files[0].write_bytes(b"")
    files[-1].write_bytes(b"not,a\nchronology,table\n")
    with pytest.raises(ManyInputsError) as caught:
        intake.load_all(files)
    message = str(caught.value)
    assert message.startswith("2 input files cannot be read:")
    assert f"{files[0].name}: the file is empty" in message
    assert f"{files[-1].name}: no chronology table" in message
    assert [e.file for e in caught.value.errors] == [files[0].name, files[-1].name]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("~$Kingsmere Police.xlsx", "an Office lock file"),
        ("Thumbs.db", "operating system"),
        ("desktop.ini", "operating system"),
        (".DS_Store", "operating system"),
        ("._Kingsmere Police.xlsx", "operating system"),
        ("integrated_chronology.xlsx", "an output of chronology merge"),
        ("chronology.json", "an output of chronology merge"),
        ("facts.docx", "an output of chronology merge"),
    ],
)
def test_files_that_are_not_chronologies_are_skipped_with_a_note(
    tmp_path: Path, name: str, why: str
) -> None:
    files = _copies(tmp_path)
    (tmp_path / name).write_bytes(b"\x00junk that would not load")
    loaded = intake.load_all([*files, tmp_path / name])
    (note,) = [w for w in loaded.warnings if w.file == name]
    assert note.message.startswith("file skipped: ")
    assert why in note.message
    assert loaded.sources == intake.load_all(files).sources


def test_an_output_given_alone_is_read(tmp_path: Path) -> None:
    export = tmp_path / "integrated_chronology.csv"
    shutil.copy(SAMPLES / "Kingsmere Womens Aid.csv", export)
    assert len(intake.load_all([export]).sources) == 18


def test_the_same_content_under_two_names_is_merged_once(tmp_path: Path) -> None:
    files = _copies(tmp_path)
    copy = tmp_path / "Police copy.xlsx"
    police = next(p for p in files if "Police" in p.name)
    shutil.copy(police, copy)
    loaded = intake.load_all([*files, copy])
    assert loaded.sources == intake.load_all(files).sources
    (note,) = [w for w in loaded.warnings if w.file == copy.name]
    assert f"the same content as {police.name}" in note.message


def test_review_file_type_and_name_reach_the_report(tmp_path: Path) -> None:
    files = _copies(tmp_path)
    spec = intake.AgencySpec(name="Kingsmere Council Housing", type="housing")
    loaded = intake.load_all(files, lambda p: spec if "Homes" in p.name else intake.AgencySpec())
    (report,) = [i for i in loaded.inputs if "Homes" in i["file"]]
    assert (report["agency"], report["agency_type"]) == ("Kingsmere Council Housing", "housing")
