"""The formats written while the later stages run show nothing those stages make."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology import pipeline, render
from chronology.cli import app
from chronology.errors import InputError
from chronology.review import load_review
from chronology.scope import in_scope_only
from tests.conftest import SAMPLES

FILES = sorted((SAMPLES / "imrs").iterdir())


def _write_early(chronology: object, out: Path) -> dict[str, bytes]:
    for name in render.EARLY:
        render.writer(name)(chronology, out)  # type: ignore[arg-type]
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("scoped", [False, True])
def test_early_formats_are_the_same_before_and_after_the_later_stages(
    tmp_path: Path, scoped: bool
) -> None:
    review = load_review(SAMPLES / "review.toml")
    chronology = pipeline.merged(pipeline.load_all(FILES, pipeline.spec_from(review)), review)
    view = in_scope_only if scoped else (lambda c: c)
    before = _write_early(view(chronology), tmp_path / "before")
    pipeline.enrich(chronology, review)
    assert chronology.episodes, "the later stages ran"
    assert before == _write_early(view(chronology), tmp_path / "after")


def _fails_leaving_the_previous_outputs(
    out: Path, monkeypatch: pytest.MonkeyPatch, broken_at: str, message: str
) -> None:
    """A merge, then the same merge with ``broken_at`` raising ``message``: exit 2 with the
    message, and the first merge's outputs exactly as they were, with no file beside them."""
    args = ["merge", *map(str, FILES), "--out", str(out), "--formats", "csv,xlsx,md", "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*_args: object) -> None:
        raise InputError(message, file="review.toml", hint="Fix it.")

    monkeypatch.setattr(broken_at, broken)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_later_stage_failing_leaves_the_previous_outputs_and_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the csv and xlsx are finished by then, in a worker: they must not be put in place
    _fails_leaving_the_previous_outputs(
        tmp_path / "out", monkeypatch, "chronology.episodes.assign_episodes", "a rule is broken"
    )


def test_the_csv_and_xlsx_written_together_make_each_event_row_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronology.render import rows

    chronology = pipeline.integrate(pipeline.load_all(FILES))
    made: list[str] = []
    event_row = rows.event_row
    monkeypatch.setattr(rows, "event_row", lambda e: (made.append(e.id), event_row(e))[1])
    alone = _write_early(chronology, tmp_path / "alone")
    assert len(made) == 2 * len(chronology.events)
    made.clear()
    _piece, _paths, finished = render._write_held(
        ("csv", "xlsx"), full=chronology, shown=chronology, out=tmp_path / "together"
    )
    assert len(made) == len(chronology.events)
    assert {target.name: held.read_bytes() for held, target in finished} == alone


def test_a_json_begun_while_waiting_is_removed_when_a_later_format_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronology.render import json as json_render

    begin = json_render.begin
    begun: list[object] = []

    def always(*args: object, meanwhile: object) -> object:
        monkeypatch.setattr(json_render, "SPLIT_EVENTS", 1)
        begun.append(begin(*args, meanwhile=_twice()))  # type: ignore[arg-type]
        return begun[-1]

    monkeypatch.setattr(json_render, "begin", always)
    _fails_leaving_the_previous_outputs(
        tmp_path / "out", monkeypatch, "chronology.render.facts_md.write", "a template is broken"
    )
    assert begun[-1] is not None  # the json was begun in the failed run


def _twice() -> object:
    asked = iter([True, True])
    return lambda: next(asked, False)
