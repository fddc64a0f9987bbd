"""Column roles by heading and by content, the tables that are not chronologies, every cell
reaching the account, and the import report."""

from __future__ import annotations

import pytest

from chronology.facts.events import _account
from chronology.loaders import load_file
from chronology.loaders.headings import field_for
from chronology.loaders.report import summary_lines
from chronology.loaders.roles import assign_roles
from chronology.model.schema import Event, Source

LONG = "Home visit by the duty worker; the mother was seen with both children and said {}."


def _rows(n: int, date: object = "0{}/03/2021") -> list[list[object]]:
    return [[str(date).format(i % 9 + 1), LONG.format(i), f"PC {i}"] for i in range(n)]


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("DateTime", "date"),
        ("Date-Time", "date"),
        ("Date of Discharge", "end_date"),
        ("Discharge Date", "end_date"),
        ("Departure date", "end_date"),
        ("Date of writing", "recorded_on"),
        ("Case Notes", "text"),
        ("Clinical notes", "text"),
    ],
)
def test_new_headings(heading: str, field: str) -> None:
    assert field_for(heading) == field


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        # a one-word narrative heading no synonym knows: the longest free text is the narrative
        (["Date", "Chronicle", "Officer"], ["date", "text", "worker"]),
        # no heading names the date: the column of dates is the date
        (["When it was", "Entry", "Officer"], ["date", "text", "worker"]),
        # the narrative's heading is known: content does not overrule it
        (["Date", "Record", "Officer"], ["date", "text", "worker"]),
    ],
)
def test_roles_by_heading_then_content(header: list[str], roles: list[str]) -> None:
    columns = assign_roles(header, _rows(6))
    assert [c.role for c in columns] == roles
    evidence = {c.heading: c.evidence for c in columns}
    assert evidence[header[0]] == ("heading" if header[0] == "Date" else "content")


def test_review_file_override_is_the_evidence() -> None:
    columns = assign_roles(["Date", "Chronicle", "By"], _rows(3), {"by": "extra"})
    assert [c.role for c in columns] == ["date", "text", None]
    columns = assign_roles(["Date", "Chronicle", "By"], _rows(3), {"chronicle": "action"})
    assert (columns[1].role, columns[1].evidence) == ("action", "review file")


def test_a_table_naming_only_its_date_loads_with_its_narrative(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Kingsmere Adult Social Care.xlsx",
        {
            "Sheet1": [
                ["DateTime", "Chronicle", "Thoughts"],
                *[[*r[:2], "Noted."] for r in _rows(4)],
            ]
        },
    )
    result = load_file(path)
    assert len(result.sources) == 4
    assert all(s.text.startswith("Home visit") for s in result.sources)
    (report,) = result.inputs
    assert report["agency"] == "Kingsmere Adult Social Care"
    assert report["agency_type"] == "adult_social_care"
    roles = {c["heading"]: (c["role"], c["evidence"]) for c in report["tables"][0]["columns"]}
    assert roles == {
        "DateTime": ("date", "heading"),
        "Chronicle": ("text", "content"),
        "Thoughts": ("extra", ""),
    }
    assert report["tables"][0]["unmapped"] == ["Thoughts"]
    assert (report["rows_read"], report["rows"], report["rows_set_aside"]) == (4, 4, 0)


def test_version_table_on_a_cover_sheet_is_skipped(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Kingsmere Police.xlsx",
        {
            "Cover": [
                ["Version", "Date", "Author", "Changes"],
                ["0.1", "01/02/2021", "A. Author", "First draft for the panel"],
                ["1.0", "01/03/2021", "A. Author", "Final after panel comments"],
            ],
            "Chronology": [["Date", "Details"], *[r[:2] for r in _rows(3)]],
        },
    )
    result = load_file(path)
    assert {s.sheet for s in result.sources} == {"Chronology"}
    assert any(
        w.sheet == "Cover" and "version or sign-off table" in w.message for w in result.warnings
    )
    assert result.inputs[0]["skipped"][0]["sheet"] == "Cover"


def test_no_narrative_column_is_warned_with_the_fix(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Kingsmere GP.xlsx", {"S": [["Date", "Code"], ["01/03/2021", "A1"], ["02/03/2021", "B2"]]}
    )
    result = load_file(path)
    (note,) = [w for w in result.warnings if "narrative" in w.message]
    assert note.file == "Kingsmere GP.xlsx"
    assert 'columns = { "<heading>" = "text" }' in note.message


def test_date_from_content_is_warned(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    rows = [["When", "Narrative"]] + [[r[0], r[1]] for r in _rows(3)]
    rows[0][0] = "Occurred"
    path = xlsx_factory("Kingsmere GP.xlsx", {"S": rows})
    result = load_file(path)
    assert [s.date.start is not None for s in result.sources] == [True] * 3
    assert any("no heading names the date" in w.message for w in result.warnings)


def test_every_other_column_is_told_labelled_and_no_text_only_when_empty(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Kingsmere GP.xlsx",
        {
            "S": [
                ["Date", "Entry", "Analysis", "Date Entered", "Outcome"],
                ["01/03/2021", "Seen at home.", "Late.", "05/03/2021", "Review"],
                ["02/03/2021", "", "Not taken up.", "", ""],
                ["03/03/2021", "", "", "", ""],
            ]
        },
    )
    told, only_other, empty = load_file(path).sources
    assert (told.text, told.others) == ("Seen at home.", "Analysis: Late.")
    assert told.account == "Seen at home.\nAnalysis: Late."

    class Plain:
        def expand(self, text: str, _agency: str) -> str:
            return text

    def account(source: Source) -> str:
        event = Event("E1", source.date, [source.agency], source.account, [source])
        return _account(event, source.agency, Plain())  # type: ignore[arg-type]

    assert account(told) == "Seen at home. Outcome: Review Analysis: Late."
    assert account(only_other) == "Analysis: Not taken up."
    assert account(empty) == "(no text recorded)"


def test_summary_lines_name_roles_and_evidence(xlsx_factory) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_factory(
        "Kingsmere Early Help.xlsx", {"S": [["Date", "Chronicle"], *[r[:2] for r in _rows(2)]]}
    )
    lines = summary_lines(load_file(path).inputs, verbose=True)
    assert lines[0] == (
        "Kingsmere Early Help.xlsx: Kingsmere Early Help (early_help); "
        "rows read 2, kept 2, set aside 0"
    )
    assert "date='Date', text='Chronicle'*" in lines[1]
    assert any("'Chronicle': text (content" in line for line in lines)
