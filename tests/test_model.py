"""The typed model of chronology.json: its published JSON Schema, the samples' file checked
against both, the reader's located errors, and the warning codes."""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any, get_args

import jsonschema
import msgspec
import orjson
import pytest
from typer.testing import CliRunner

from chronology import pipeline
from chronology.cli import app
from chronology.model import codec
from chronology.model.codes import REJECTED, WARNINGS, RejectedCode, WarningCode
from chronology.model.document import Document
from chronology.model.errors import ChronologyFileError
from chronology.model.schema import Chronology, LoadResult
from chronology.privacy.pseudonyms import Glossary, anonymise_chronology
from chronology.review.read import find_review
from scripts.model_files import SCHEMA, WARNINGS_DOC, render_schema, render_warnings
from tests.conftest import source

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@functools.cache
def _samples_json(folder: Path) -> bytes:
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    review = str(SAMPLES / "review.toml")
    args = ["merge", *files, "-r", review, "-o", str(folder), "-q", "--formats", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return (folder / "chronology.json").read_bytes()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The samples' chronology.json (merge samples/imrs/* -r samples/review.toml)."""
    return _samples_json(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    return jsonschema.Draft202012Validator(
        published, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# ---------------------------------------------------------------- generated files
def test_the_published_schema_is_the_models() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == render_schema(), (
        "schemas/chronology-1.json is stale: run `make schema` and commit it"
    )


def test_the_warnings_doc_is_the_code_table() -> None:
    assert WARNINGS_DOC.read_text(encoding="utf-8") == render_warnings(), (
        "docs/warnings.md is stale: run `make schema` and commit it"
    )


def test_the_code_types_and_the_table_name_the_same_codes() -> None:
    assert list(WARNINGS) == list(get_args(WarningCode))
    assert list(REJECTED) == list(get_args(RejectedCode))
    assert not set(WARNINGS) & set(REJECTED)
    for code in [*WARNINGS, *REJECTED]:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code), code


def test_every_code_is_given_somewhere_in_the_code() -> None:
    """A code in the table that no loader gives is documentation of nothing."""
    package = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "chronology").rglob("*.py"))
    package = package.replace((ROOT / "chronology/model/codes.py").read_text(), "")
    for code in [*WARNINGS, *REJECTED]:
        assert f'"{code}"' in package, code


# ---------------------------------------------------------------- the samples' file
def test_the_samples_file_is_valid_against_the_published_schema(
    written: bytes, validator: jsonschema.Draft202012Validator
) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(written))]
    assert errors == []


def test_the_model_describes_the_written_file_exactly(written: bytes) -> None:
    """Decoded into the model and written back, the file is the same byte for byte: the
    model has every member the writer writes, in its order, and no other."""
    document = msgspec.json.decode(written, type=Document)
    assert len(document.events) > 100
    assert {w.code for w in document.warnings} >= {"date-unreadable", "row-blank"}
    again = orjson.dumps(msgspec.to_builtins(document), option=orjson.OPT_INDENT_2) + b"\n"
    assert again == written


def test_read_and_written_again_the_file_is_unchanged(written: bytes, tmp_path: Path) -> None:
    saved = tmp_path / "chronology.json"
    saved.write_bytes(written)
    assert codec.dumps(codec.read_chronology(saved)).encode() == written


def test_a_file_written_before_warning_codes_still_reads(written: bytes, tmp_path: Path) -> None:
    document = json.loads(written)
    for entry in document["warnings"] + document["rejected"]:
        del entry["code"]
    saved = tmp_path / "chronology.json"
    saved.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    chronology = codec.read_chronology(saved)
    assert chronology.warnings
    assert {n.code for n in chronology.warnings} == {None}
    assert '"code"' not in json.dumps(codec.to_document(chronology)["warnings"])


# ---------------------------------------------------------------- damaged files
def _set(document: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = document
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value


_DELETE = object()

# (what is changed, new value, the JSON path the error must name)
DAMAGE = [
    ("events.0.sources.0.row", "five", "$.events[0].sources[0].row"),
    ("events.0.sources.0.start", "2012-13-01", "$.events[0].sources[0].start"),
    ("events.0.precision", "daily", "$.events[0].precision"),
    ("events.0.colour", "red", "$.events[0]"),
    ("events.1.agencies", "Police", "$.events[1].agencies"),
    ("events.2.id", _DELETE, "$.events[2]"),
    ("warnings.0.code", "date-wrong", "$.warnings[0].code"),
    ("discrepancies.0.kind", "date_clash", "$.discrepancies[0].kind"),
    ("lag.0.entries.0.days", 2.5, "$.lag[0].entries[0].days"),
    ("timescales.0.status", "late", "$.timescales[0].status"),
    ("indicators.0.first", [], "$.indicators[0].first"),
    ("episodes.0.start", None, "$.episodes[0].start"),
    ("meta.inputs.0.rows", "21", "$.meta.inputs[0].rows"),
    ("events", {}, "$.events"),
]


@pytest.mark.parametrize(("where", "value", "path"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_file_is_refused_with_its_json_path(
    written: bytes,
    validator: jsonschema.Draft202012Validator,
    tmp_path: Path,
    where: str,
    value: Any,
    path: str,
) -> None:
    document = copy.deepcopy(json.loads(written))
    _set(document, where, value)
    assert not validator.is_valid(document), "the published schema must refuse it too"
    saved = tmp_path / "chronology.json"
    saved.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ChronologyFileError) as caught:
        codec.read_chronology(saved)
    assert "damaged chronology file" in str(caught.value)
    assert f"at `{path}`" in str(caught.value)


def test_the_commands_refuse_a_damaged_file_with_exit_2(written: bytes, tmp_path: Path) -> None:
    document = json.loads(written)
    document["events"][3]["sources"][0]["row"] = "x"
    saved = tmp_path / "chronology.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(saved), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "damaged chronology file" in message
    assert "$.events[3].sources[0].row" in message
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{}", "not a chronology file"),
        ("[1, 2]", "not a chronology file"),
        ('{"schema": "chronology/2", "events": []}', "not a chronology file"),
        ('{"schema": "chronology/1", "events": [', "not a readable chronology.json"),
        ("", "not a readable chronology.json"),
    ],
)
def test_a_file_that_is_not_a_chronology_says_so(tmp_path: Path, text: str, words: str) -> None:
    saved = tmp_path / "chronology.json"
    saved.write_text(text, encoding="utf-8")
    with pytest.raises(ChronologyFileError, match=words):
        codec.read_chronology(saved)


# ---------------------------------------------------------------- what the samples lack
REVIEW = """\
[review]
title = "Test review"
start = 2012-01-01
end = 2012-12-31

[glossary]
ICPC = "initial child protection conference"
SW = { expansion = "social worker", agencies = ["police"] }

[[episodes]]
title = "Spring"
start = 2012-03-01
end = 2012-06-30

[pseudonyms]
"Alex Brook" = "the victim"
"""


def _every_kind_of_finding(tmp_path: Path) -> Chronology:
    """A table listed newest first, a row recorded before its event, timed and dated
    conflicts, the review file's own episodes and glossary, anonymised."""
    hv, police = "Test Health Visiting", "Test Police"
    sources = [
        source(hv, "10/07/2012", "Home visit to Alex Brook", row=2),
        source(hv, "01/06/2012", "Telephone call to Mum", row=3),
        source(hv, "15/05/2012", "Clinic appointment", row=4),
        source(hv, "01/08/2012", "Letter to GP", row=5),
        source(hv, "02/04/2012", "Home visit, no answer", row=6),
        source(police, "03/05/2012", "Call to victim", row=2, recorded="01/05/2012"),
        source(police, "14/03/2012", "Strategy discussion", row=3, time="09:00"),
        source(hv, "14/03/2012", "Strategy discussion", row=7, time="15:30"),
        source(police, "10/01/2012", "Domestic incident reported", row=4),
    ]
    review_file = tmp_path / "review.toml"
    review_file.write_text(REVIEW, encoding="utf-8")
    review = find_review(review_file)
    assert review is not None
    chronology = pipeline.integrate(LoadResult(sources=sources), review)
    return anonymise_chronology(chronology, Glossary(review.pseudonyms))


def test_the_model_holds_every_kind_of_finding(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    written = codec.dumps(_every_kind_of_finding(tmp_path)).encode()
    raw = json.loads(written)
    kinds = {f["kind"] for f in raw["discrepancies"]}
    assert {"reversed_order", "out_of_order", "time_conflict"} <= kinds
    assert {e["kind"] for s in raw["lag"] for e in s["entries"]} == {"recorded_before_event"}
    assert raw["meta"]["episode_detection"] == {"method": "review file"}
    assert raw["meta"]["facts"]["glossary"]["SW"]["agencies"] == ["police"]
    assert raw["meta"]["anonymised"] is True
    assert [e["kind"] for e in raw["episodes"]] == ["prior", "key"]
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(raw)] == []
    document = msgspec.json.decode(written, type=Document)
    again = orjson.dumps(msgspec.to_builtins(document), option=orjson.OPT_INDENT_2) + b"\n"
    assert again == written


def test_an_anonymised_coarsened_merge_writes_a_valid_file(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    files = sorted(str(p) for p in (SAMPLES / "imrs").iterdir())
    review = str(SAMPLES / "review.toml")
    args = ["merge", *files, "-r", review, "-o", str(tmp_path), "-q", "--formats", "json"]
    result = CliRunner().invoke(app, [*args, "--anonymise", "--coarsen-dates"])
    assert result.exit_code == 0, result.output
    saved = tmp_path / "chronology.json"
    raw = json.loads(saved.read_text(encoding="utf-8"))
    assert (raw["meta"]["anonymised"], raw["meta"]["dates_coarsened"]) == (True, "month")
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(raw)] == []
    assert codec.dumps(codec.read_chronology(saved)) == saved.read_text(encoding="utf-8")
