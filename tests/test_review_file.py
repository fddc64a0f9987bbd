"""review.toml: what `chronology init` writes reads back, and every mistake in it is located
by its TOML path and its own line (exit 2 through the command line)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chronology.cli import app
from chronology.review.locate import key_lines, path_text

runner = CliRunner()
CSV_WITH_BROKEN_HEADINGS = (
    '"Date of\nContact","Summary of\nContact","Worker\nName","Notes\tinternal"\n'
    "23/05/2012,Home visit to Jade,SW Smith,keys left with neighbour\n"
)


def run(*args: object) -> object:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "Northbridge CSC [v2].csv"
    path.write_text(CSV_WITH_BROKEN_HEADINGS, encoding="utf-8")
    return path


def test_init_escapes_headings_with_line_breaks_and_merge_reads_them(
    table: Path, tmp_path: Path
) -> None:
    review = tmp_path / "review.toml"
    result = run("init", table, "-o", review)
    assert result.exit_code == 0, result.output
    written = tomllib.loads(review.read_text(encoding="utf-8"))
    (agency,) = written["agencies"]
    assert agency["columns"] == {"Date of\nContact": "date", "Summary of\nContact": "text"}
    assert agency["files"] == ["Northbridge CSC [[]v2[]].csv"]  # a glob matching the name
    # the unmapped headings are listed in a comment, each still on one line
    assert '"Worker\\nName", "Notes\\tinternal"' in review.read_text(encoding="utf-8")
    # the author maps the broken "Worker\nName" heading too; merge applies the mapping
    document = tomlkit.parse(review.read_text(encoding="utf-8"))
    document["agencies"][0]["columns"]["Worker\nName"] = "worker"  # type: ignore[index]
    review.write_text(tomlkit.dumps(document), encoding="utf-8")
    out = tmp_path / "out"
    merged = run("merge", table, "-o", out, "-r", review, "--formats", "json", "-q")
    assert merged.exit_code == 0, merged.output
    (source,) = [s for e in json.loads((out / "chronology.json").read_text())["events"]
                 for s in e["sources"]]  # fmt: skip
    assert (source["worker"], source["text"]) == ("SW Smith", "Home visit to Jade")


TWO_AGENCIES = """\
[review]
title = "DHR – Adult J"
start = 2008-04-01

[[agencies]]
name = "Police"
files = ["*Police*"]
columns = { "Date/Time" = "date" }

[[agencies]]
name = "Childrens Social Care"
{second}
"""


@pytest.mark.parametrize(
    ("second", "line", "words"),
    [
        # the same key is fine in the first table: the mistake is found on the second's line
        ('files = ["*CSC*"]\nnmae = "CSC"', 13, "unknown key 'nmae' (at agencies[2].nmae)"),
        ("files = 3", 12, "'files' must be text or a list of texts"),
        ('files = ["*CSC*"]\nstart = "April 2008"', 13, "'start' must be a date like 2008-04-01"),
        ('files = ["*CSC*"]\ncolumns = "date"', 13, "'columns' must be an inline table"),
        (
            'files = ["*CSC*"]\ncolumns = { "Date of Contact" = "dte" }',
            13,
            "column 'Date of Contact' maps to unknown field 'dte' "
            '(at agencies[2].columns."Date of Contact")',
        ),
        (  # the same heading in both tables: the second one's is wrong
            'files = ["*CSC*"]\ncolumns = { "Date/Time" = "dtae" }',
            13,
            "column 'Date/Time' maps to unknown field 'dtae' "
            '(at agencies[2].columns."Date/Time")',
        ),
        (
            'files = ["*CSC*"]\n[agencies.columns]\n"Date of\\nContact" = "date"\nNotes = "txt"',
            15,
            "column 'Notes' maps to unknown field 'txt' (at agencies[2].columns.Notes)",
        ),
        ("", 10, "each [[agencies]] needs name and files; 'files' is missing (at agencies[2])"),
    ],
)
def test_a_mistake_in_the_second_agency_table_is_reported_on_its_own_line(
    tmp_path: Path, second: str, line: int, words: str
) -> None:
    review = tmp_path / "review.toml"
    review.write_text(TWO_AGENCIES.replace("{second}", second), encoding="utf-8")
    result = run("merge", tmp_path / "missing.csv", "-o", tmp_path / "out", "-r", review)
    assert result.exit_code == 2
    assert f"review.toml line {line}: {words}" in " ".join(result.output.split())
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("[review]\nfirst_paragraph = 0\n", 2, "at least 1, not 0 (at review.first_paragraph)"),
        ("[[review]]\ntitle = 'x'\n", 1, "'review' should be a table written [review]"),
        ("[agencies]\nname = 'x'\n", 1, "'agencies' should be tables written [[agencies]]"),
        (
            "[[episodes]]\nstart = 2010-01-01\nend = 2010-02-01\n\n"
            "[[episodes]]\nstart = 2010-03-01\n",
            5,
            "'end' is missing (at episodes[2])",
        ),
        ("[analysis]\nlag_threshold_days = -1\n", 2, "(at analysis.lag_threshold_days)"),
        ("[analysis]\nlag_threshold_days = '7'\n", 2, "whole number of at least 0, not '7'"),
        ("[episode_detection]\nquiet_days = 1.5\n", 2, "(at episode_detection.quiet_days)"),
        ("[pseudonyms]\n'Jade Walsh' = 1\n", 2, '(at pseudonyms."Jade Walsh")'),
        (
            "[glossary]\nIMR = { expansion = 'x', agencies = ['police', 'polce'] }\n",
            2,
            "unknown agency type 'polce' (at glossary.IMR.agencies[2])",
        ),
        (
            "[[merge.join]]\nsources = ['a.csv:2', 'b.csv:3']\n"
            "[[merge.join]]\nsources = ['a.csv:4']\n",
            4,
            "needs sources = [at least two refs, in quotes] (at merge.join[2].sources)",
        ),
        ("[[merge.split]]\nsource = ['a.csv:2', 'b.csv:3']\n", 2, "(at merge.split[1].source)"),
    ],
)
def test_mistakes_in_every_section_are_located_by_path_and_line(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    review = tmp_path / "review.toml"
    review.write_text(content, encoding="utf-8")
    result = run("merge", tmp_path / "missing.csv", "-o", tmp_path / "out", "-r", review)
    assert result.exit_code == 2
    assert f"review.toml line {line}: " in result.output
    assert words in " ".join(result.output.split())


def test_an_unknown_ref_is_reported_on_the_line_of_that_ref(tmp_path: Path) -> None:
    rows = tmp_path / "Northbridge CSC.csv"
    rows.write_text("Date,Entry\n01/05/2012,Visit\n02/05/2012,Call\n", encoding="utf-8")
    review = tmp_path / "review.toml"
    review.write_text(
        "[[merge.join]]\nsources = ['Northbridge CSC.csv:2', 'Northbridge CSC.csv:3']\n\n"
        "[[merge.split]]\nsources = [\n  'Northbridge CSC.csv:2',\n  'Northbridge CSC.csv:9',\n]\n",
        encoding="utf-8",
    )
    result = run("merge", rows, "-o", tmp_path / "out", "-r", review)
    assert result.exit_code == 2
    assert (
        "review.toml line 7: override names a row that does not exist: "
        "'Northbridge CSC.csv:9' (at merge.split[1].sources[2])"
    ) in " ".join(result.output.split())


_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8)
_SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.dates(),
    st.lists(st.integers(), max_size=3),
)
_TABLES = st.dictionaries(_KEYS, _SCALARS, max_size=4)
_DOCUMENTS = st.dictionaries(
    _KEYS,
    st.one_of(_SCALARS, _TABLES, st.lists(_TABLES, min_size=1, max_size=3)),
    max_size=5,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


@settings(max_examples=200, deadline=None)
@given(_DOCUMENTS)
def test_the_locator_finds_every_path_of_any_document(document: dict[str, object]) -> None:
    text = tomlkit.dumps(document)
    parsed = tomllib.loads(text)
    lines = key_lines(text)
    written = text.split("\n")
    for path in _paths(parsed):
        assert path in lines, (path, text)
        if isinstance(path[-1], str):  # the key is written on the line found for it
            assert tomlkit.key(path[-1]).as_string() in written[lines[path] - 1], (path, text)


def test_the_locator_follows_headers_strings_and_arrays() -> None:
    text = (
        'note = """\n[fake]\nnot = "a key"\n"""\n'  # 1-4: a header-like line in a string
        "[[a]]\n"  # 5
        "x = [\n  1,\n  { y = 'z]' },\n]\n"  # 6-9
        "[[a]]\n"  # 10
        "[a.b]\n"  # 11
        '"q.k" = 1979-05-27 07:32:00  # a comment = 1\n'  # 12
    )
    lines = key_lines(text)
    assert ("fake",) not in lines
    assert ("not",) not in lines
    assert lines[("a", 0, "x", 1, "y")] == 8
    assert lines[("a", 1)] == 10
    assert lines[("a", 1, "b", "q.k")] == 12
    assert path_text(("a", 1, "b", "q.k")) == 'a[2].b."q.k"'


_HEADING_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_HEADING_TEXT, min_size=1, max_size=6, unique=True),
    _HEADING_TEXT,
    _HEADING_TEXT.filter(str.strip),
)
def test_init_writes_toml_that_reads_back_for_any_headings_and_names(
    extra: list[str], agency: str, file: str
) -> None:
    from chronology.loaders.headings import map_headings
    from chronology.model.schema import LoadResult
    from chronology.review.write import FileSummary, render_review

    headings = list(dict.fromkeys(["Date\nof contact", "Details\t(summary)", *extra]))
    text = render_review(LoadResult(), [FileSummary(file, agency, headings)])
    (written,) = tomllib.loads(text)["agencies"]
    mapped = {headings[i]: name for i, name in map_headings(headings).items()}
    assert written["columns"] == mapped
    assert written["name"] == agency
