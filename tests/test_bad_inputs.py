"""Every case of the bad-input corpus through the CLI, as tests/bad_inputs/expected.toml says.

An error case must exit 2 with a located message that says how to fix it, show no traceback
and leave no output behind; a warnings case must load, with its located warnings recorded in
chronology.json and no row lost.
"""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.loaders import load_file
from chronology.loaders.cells import column_letter
from chronology.model.errors import TooLargeError
from tests.bad_inputs import make_bad_inputs

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES: list[dict[str, Any]] = tomllib.loads((CORPUS / "expected.toml").read_text("utf-8"))["case"]
runner = CliRunner()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_bad_inputs.build(tmp_path_factory.mktemp("generated"))[0].parent


def _input(case: dict[str, Any], generated: Path, tmp_path: Path) -> Path:
    """A private copy of the case's file (a folder stays where it is)."""
    source = CORPUS / "files" / case["file"]
    if not source.exists():
        source = generated / case["file"]
    assert source.exists(), f"{case['file']} is neither committed nor generated"
    if source.is_dir():
        return source
    target = tmp_path / "in" / case["file"]
    target.parent.mkdir(parents=True)
    shutil.copyfile(source, target)
    return target


def _make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000; root reads through permissions, so there the open is made to fail as the
    operating system would fail it for anyone else."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)


def test_the_corpus_has_at_least_25_cases_with_both_outcomes() -> None:
    assert len(CASES) >= 25
    assert {c["outcome"] for c in CASES} == {"error", "warnings"}
    assert len({c["file"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(
    case: dict[str, Any], generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _input(case, generated, tmp_path)
    if case.get("unreadable"):
        _make_unreadable(path, monkeypatch)
    out = tmp_path / "out"
    result = runner.invoke(app, ["merge", str(path), "--out", str(out), "--quiet"])
    assert "Traceback" not in result.output
    if case["outcome"] == "error":
        _check_error(case, path, out, result.exit_code, result.output)
    else:
        assert result.exit_code == 0, result.output
        _check_warnings(case, json.loads((out / "chronology.json").read_text("utf-8")))


def _check_error(case: dict[str, Any], path: Path, out: Path, code: int, output: str) -> None:
    assert code == 2, output
    message = " ".join(output.split())  # the message as one line, whatever the terminal width
    assert message.startswith(f"error: {path.name}"), message
    for words in [*case["words"], case.get("where", "")]:
        assert words in message, f"{words!r} not in {message!r}"
    assert not out.exists(), "an error must leave no partial output"


def _check_warnings(case: dict[str, Any], document: dict[str, Any]) -> None:
    name = Path(case["file"]).name
    warnings = [w for w in document["warnings"] if w["file"] == name]
    for expected in case["warnings"]:
        matches = [
            w
            for w in warnings
            if expected["text"] in w["message"]
            and w["row"] == expected.get("row")
            and ("sheet" not in expected or w["sheet"] == expected["sheet"])
        ]
        assert matches, f"no warning like {expected} in {warnings}"
    if not case["warnings"]:
        assert warnings == []
    rows = sum(len(e["sources"]) for e in document["events"]) + len(document["rejected"])
    assert rows == case["rows"]
    (report,) = document["meta"]["inputs"]
    assert (report["file"], report["rows"]) == (name, case["rows"])
    assert report["rows"] + report["rows_set_aside"] == report["rows_read"]
    flat = json.dumps(document, ensure_ascii=False)
    for text in case.get("contains", []):
        assert text in flat, f"{text!r} not in chronology.json"


# ---------------------------------------------------------------- sheet XML variants


def _sheet(cells: str, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    namespace = (
        f' xmlns:{prefix}="{make_bad_inputs.NS}"' if prefix else f' xmlns="{make_bad_inputs.NS}"'
    )
    rows = "".join(
        f'<{p}row r="{n}">'
        + "".join(
            f'<{p}c r="{column_letter(i)}{n}" t="inlineStr"><{p}is><{p}t>{v}</{p}t></{p}is></{p}c>'
            for i, v in enumerate(row)
        )
        + (cells if n == 2 else "")
        + f"</{p}row>"
        for n, row in enumerate(make_bad_inputs.ROWS, start=1)
    )
    return f"<{p}worksheet{namespace}><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"


def test_formulas_are_found_in_a_sheet_written_with_a_namespace_prefix(tmp_path: Path) -> None:
    path = tmp_path / "Prefixed.xlsx"
    formula = (
        '<x:c r="D2"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="E2" t="e"><x:v>#DIV/0!</x:v></x:c>'
    )
    path.write_bytes(make_bad_inputs.package({"Chronology": _sheet(formula, "x")}))
    result = load_file(path)
    messages = [(n.row, n.message) for n in result.warnings]
    assert (None, "1 cell holds a formula (D2); its last calculated value was used") in messages
    assert (2, "cell E2 holds the error value #DIV/0!; kept as that text") in messages
    assert "#DIV/0!" in result.sources[0].fields.values()


def _far_sheet(ref: str, quote: str = '"') -> str:
    """The corpus rows, then one cell at ``ref`` in a row of its own."""
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    far = f"<c r={quote}{ref}{quote} t={quote}inlineStr{quote}><is><t>x</t></is></c>"
    return _sheet("").replace("</sheetData>", f'<row r="{row}">{far}</row></sheetData>')


@pytest.mark.parametrize("ref", ["A1048576", "AB1048576", "XFD100000"])
@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_far_cell_is_refused_however_its_reference_is_quoted(
    tmp_path: Path, ref: str, quote: str
) -> None:
    path = tmp_path / "Far.xlsx"
    path.write_bytes(make_bad_inputs.package({"Chronology": _far_sheet(ref, quote)}))
    with pytest.raises(TooLargeError, match=f"as far out as {ref}"):
        load_file(path)


def test_a_far_right_cell_on_a_short_sheet_is_read(tmp_path: Path) -> None:
    path = tmp_path / "Wide.xlsx"
    path.write_bytes(make_bad_inputs.package({"Chronology": _far_sheet("XFD5")}))
    result = load_file(path)  # 5 rows x 16,384 columns is a small grid
    assert len(result.sources) == 4
    assert result.sources[-1].fields["Column XFD"] == "x"
