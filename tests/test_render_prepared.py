"""Sources-sheet cells made during the merge are exactly those the xlsx writer builds."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from chronology import parallel, pipeline, render
from chronology.render import prepared, xlsx
from chronology.schema import Chronology
from tests.conftest import SAMPLES, source

FILES = sorted((SAMPLES / "imrs").iterdir())


def _xlsx(chronology: Chronology, out: Path) -> bytes:
    return xlsx.write(chronology, out)[0].read_bytes()


def _prepare(chronology: Chronology) -> prepared.Preparing:
    """What the worker and then this process do, both here."""
    preparing = prepared.Preparing([s for e in chronology.events for s in e.sources])
    preparing.adopt(preparing.write())
    return preparing


def _awkward(chronology: Chronology) -> Chronology:
    """The samples plus sources whose cells need escaping, padding kept, or a cut."""
    odd = [
        source("Odd", "1/5/2012", '<b>&amp;</b> =HYPERLINK("x")', row=2, action="  padded "),
        dataclasses.replace(
            source("Odd", "May 2012", "bell\x07 and tab\tand\nline", row=3), reference="R&D"
        ),
        dataclasses.replace(
            source("Odd", "not known", "x" * 40_000, row=4, sheet=None), fields={"Extra": "é>"}
        ),
    ]
    events = [dataclasses.replace(chronology.events[0], sources=odd), *chronology.events]
    return dataclasses.replace(chronology, events=events)


def test_prepared_cells_make_the_same_workbook(tmp_path: Path) -> None:
    chronology = _awkward(pipeline.merged(pipeline.load_all(FILES)))
    plain = _xlsx(chronology, tmp_path / "plain")
    with prepared.released():
        _prepare(chronology)
        served = prepared.current()
        assert served is not None
        assert all(served.cells(s) is not None for e in chronology.events for s in e.sources)
        assert _xlsx(chronology, tmp_path / "prepared") == plain
    assert prepared.current() is None  # they serve one rendering


def test_a_copy_of_the_records_is_written_from_its_own_text(tmp_path: Path) -> None:
    chronology = pipeline.merged(pipeline.load_all(FILES))
    copy = dataclasses.replace(
        chronology,
        events=[
            dataclasses.replace(
                e, sources=[dataclasses.replace(s, text="[name]") for s in e.sources]
            )
            for e in chronology.events
        ],
    )
    plain = _xlsx(copy, tmp_path / "plain")
    with prepared.released():
        _prepare(chronology)  # the original records, not the copy's
        assert _xlsx(copy, tmp_path / "prepared") == plain
    with zipfile.ZipFile(tmp_path / "prepared" / xlsx.FILENAME) as book:
        assert "[name]" in book.read("xl/worksheets/sheet2.xml").decode()


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
def test_cells_prepared_in_a_worker_during_the_merge_give_the_same_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(out: Path) -> dict[str, bytes]:
        chronology = pipeline.merged(pipeline.load_all(FILES), formats=["xlsx"])
        render.write_while(lambda: chronology, out, ["csv", "xlsx"], lambda: (chronology,) * 2)
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}

    alone = run(tmp_path / "alone")
    monkeypatch.setattr(pipeline, "WARM_SOURCES", 0)
    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    adopted: list[int] = []
    adopt = prepared.Preparing.adopt
    monkeypatch.setattr(
        prepared.Preparing,
        "adopt",
        lambda self, ends: (adopted.append(len(ends or [])), adopt(self, ends))[1],
    )
    assert run(tmp_path / "worker") == alone
    assert adopted
    assert adopted[0] > 200  # every sample record was prepared there
    assert prepared.current() is None


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
@pytest.mark.parametrize("flags", [[], ["--anonymise"], ["--in-scope-only"]])
def test_a_merge_with_every_worker_writes_what_a_merge_without_any_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str]
) -> None:
    """Through the command, on the samples: loading split, words and cells read ahead,
    formats side by side, against all of it in one process (with the anonymised or
    in-scope view, which must not be served the real records' cells)."""
    from typer.testing import CliRunner

    from chronology import ahead, intake
    from chronology import warm as warm_module
    from chronology.cli import app

    def run(out: Path) -> dict[str, bytes]:
        args = ["merge", *map(str, FILES), "--review", str(SAMPLES / "review.toml")]
        result = CliRunner().invoke(app, [*args, "--out", str(out), "-q", *flags])
        assert result.exit_code == 0, result.output
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}

    monkeypatch.setattr(parallel, "cores", lambda: 1)
    alone = run(tmp_path / "alone")
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "WARM_SOURCES", 0)
    monkeypatch.setattr(intake, "SMALLEST", 0)
    ran: list[str] = []
    for owner, name in (
        (intake._Channel, "unpacked"),
        (prepared.Preparing, "adopt"),
        (ahead.Handoff, "remember"),
    ):
        real = getattr(owner, name)
        monkeypatch.setattr(owner, name, lambda *a, _r=real, _n=name: (ran.append(_n), _r(*a))[1])
    outcome = warm_module.Warm.outcome
    warm: list[bool] = []
    monkeypatch.setattr(
        warm_module.Warm, "outcome", lambda self: (r := outcome(self), warm.append(r[0]))[0]
    )
    assert run(tmp_path / "workers") == alone
    assert set(ran) == {"unpacked", "adopt", "remember"}  # the worker paths were taken
    assert ran.count("remember") == 2  # the episodes' kinds and the indicators' mentions
    assert warm == [True]  # the timeline and the Word draft were written by the warm worker


def test_cells_written_again_after_a_failed_try_start_afresh(tmp_path: Path) -> None:
    """A worker that dies part-way leaves bytes in the shared file; the try here must not
    be read at the wrong offsets because of them."""
    chronology = pipeline.merged(pipeline.load_all(FILES))
    plain = _xlsx(chronology, tmp_path / "plain")
    preparing = prepared.Preparing([s for e in chronology.events for s in e.sources])
    preparing._file.write(b"<half a record from a worker that died>")
    with prepared.released():
        preparing.adopt(preparing.write())
        assert _xlsx(chronology, tmp_path / "prepared") == plain
