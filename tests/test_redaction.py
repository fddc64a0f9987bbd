"""Redaction for publication beyond the glossary: addresses, postcodes, telephone numbers,
emails, NHS numbers, dates of birth and staff names, with a report; optional coarse dates.
And the findings: made on the real records, carried by the anonymised chronology, and kept
by ``analyse``; flags and the summary from one check."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.model.codec import read_chronology
from chronology.privacy.redact import Redactor
from chronology.stages.analysis import summary_lines
from tests.conftest import SAMPLES

runner = CliRunner()
FILES = [str(p) for p in sorted((SAMPLES / "imrs").iterdir())]
REVIEW = str(SAMPLES / "review.toml")
STAFF = {"okafor": "[staff 1]", "hollis": "[staff 2]", "marsh": "[staff 3]", "ward": "[staff 4]"}


@pytest.mark.parametrize(
    ("text", "redacted", "kind"),
    [
        ("Home visit to 14 Aldwick Close.", "Home visit to [address].", "address"),
        ("Moved to Flat 3, 7 Quarry Lane today", "Moved to [address] today", "address"),
        ("12b Mill Street searched", "[address] searched", "address"),
        ("Postcode KM4 7QT on file", "Postcode [postcode] on file", "postcode"),
        ("Mobile 07700 900123, landline 01632 960001.", "Mobile [telephone], landline [telephone].",
         "telephone number"),
        ("Call +44 7700 900123", "Call [telephone]", "telephone number"),
        ("Email k.d@example.org re visit", "Email [email] re visit", "email address"),
        ("NHS no 943 476 5919 checked", "NHS no [NHS number] checked", "NHS number"),
        ("DOB: 03/04/1990.", "DOB: [date of birth].", "date of birth"),
        ("Tia born 02/11/08 at 39+6", "Tia born [date of birth] at 39+6", "date of birth"),
        ("date of birth 3 March 1990", "date of birth [date of birth]", "date of birth"),
        ("SW A. Okafor visited", "SW [staff 1] visited", "staff name"),
        ("PC 4471 HOLLIS attended; PC Hollis's notes",
         "PC [staff 2] attended; PC [staff 2]'s notes", "staff name"),
        ("Housing Options - K. Marsh", "Housing Options - [staff 3]", "staff name"),
    ],
)  # fmt: skip
def test_each_kind_is_replaced_and_counted(text: str, redacted: str, kind: str) -> None:
    redactor = Redactor(staff=STAFF)
    assert redactor.text(text) == redacted
    assert redactor.counts[kind] >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Crime KP/03/06115 recorded",  # a crime reference, not a telephone number
        "NHS no 943 476 5918",  # the check digit is wrong: not an NHS number
        "Seen on the postnatal ward; grant application",  # lower case: words, not surnames
        "Marsh land; Ward 4 moved",  # a surname that is a word, alone: left (the report lists)
        "Review in 2 weeks at 10:30",
        "Court date 14/06/2012",  # a date, but not of a birth
    ],
)
def test_look_alikes_are_left_alone(text: str) -> None:
    assert Redactor(staff=STAFF).text(text) == text


def test_coarse_dates_keep_the_month_and_drop_the_day_and_time() -> None:
    from chronology.dates.span import Precision, parse_date

    redactor = Redactor(coarsen=True)
    span = redactor.span(parse_date("14/08/2000 21:35"))
    assert (span.start, span.end, span.precision) == (
        parse_date("Aug 2000").start, parse_date("Aug 2000").end, Precision.MONTH,
    )  # fmt: skip
    assert span.time is None
    assert redactor.time("21:35") is None
    assert redactor.text("Arrested 03/06/2005, bailed 2005-06-04") == (
        "Arrested June 2005, bailed 2005-06"
    )


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    real, published = tmp_path_factory.mktemp("real"), tmp_path_factory.mktemp("published")
    for out, extra in ((real, []), (published, ["--anonymise"])):
        result = runner.invoke(app, ["merge", *FILES, "-r", REVIEW, "-o", str(out), "-q", *extra])
        assert result.exit_code == 0, result.output
    return real, published


def _published_text(folder: Path) -> str:
    kinds = (".json", ".csv", ".md", ".html", ".svg")
    texts = [
        p.read_text(encoding="utf-8-sig")
        for p in folder.iterdir()
        if p.suffix in kinds and p.name != "redaction_report.md"
    ]
    return "\n".join(texts)


def test_anonymised_samples_hold_no_address_postcode_phone_staff_or_birth_date(
    merged: tuple[Path, Path],
) -> None:
    real, published = merged
    text = _published_text(published)
    chronology = read_chronology(real / "chronology.json")
    redactor = Redactor.for_chronology(chronology)
    assert len(redactor.staff) > 20, "the samples' staff were found"
    streets = "|".join(re.escape(s) for s in redactor.streets)
    for pattern in (
        rf"\b\d+[a-z]?,? (?:{streets})\b",  # the samples' addresses, as written
        r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b",  # postcodes
        r"(?<![\w/])0\d{3,4} ?\d{6}\b",  # telephone numbers
        r"(?i)\bborn (?:on )?\d{1,2}/\d{1,2}/\d{2,4}",  # dates of birth
    ):
        assert not re.search(pattern, text), pattern
    for surname in redactor.staff:
        assert not re.search(rf"\b{surname}\b", text, re.IGNORECASE | re.ASCII) or (
            surname in ("grant", "ward", "bell", "gill", "marsh")  # also words, lower case
            and not re.search(rf"\b{surname.title()}\b|\b{surname.upper()}\b", text)
        ), surname
    assert "Aldwick Close" in (real / "facts.md").read_text(encoding="utf-8")  # was there


def test_a_redaction_report_is_written_with_kinds_counts_and_what_to_check(
    merged: tuple[Path, Path],
) -> None:
    _real, published = merged
    report = (published / "redaction_report.md").read_text(encoding="utf-8")
    counts = dict(re.findall(r"^\| ([a-zA-Z ]+) \| (\d+) \|$", report, re.MULTILINE))
    assert int(counts["address"]) > 10
    assert int(counts["staff name"]) > 20
    assert int(counts["date of birth"]) >= 3
    assert "## Left for a person to check" in report
    assert "Westholme Court" in report  # a building named without a number: for a person
    assert "Okafor" not in report  # nothing redacted is ever listed


def test_coarsened_dates_give_no_day(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["merge", *FILES, "-r", REVIEW, "-o", str(tmp_path), "-q", "--anonymise",
         "--coarsen-dates", "--formats", "csv,md,html"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "chronology.json").read_text(encoding="utf-8"))
    assert data["meta"]["dates_coarsened"] == "month"
    assert not [e["id"] for e in data["events"] if e["precision"] == "day" or e["time"]]
    for name in ("integrated_chronology.csv", "facts.md", "report.html", "chronology.json"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text), name
    episodes = [(e["start"], e["end"]) for e in data["episodes"]]
    assert all(s.endswith("-01") for s, _e in episodes)  # widened to whole months
    assert all(e[-2:] in ("28", "29", "30", "31") for _s, e in episodes)
    alone = runner.invoke(app, ["merge", *FILES, "-o", str(tmp_path / "x"), "--coarsen-dates"])
    assert alone.exit_code == 2
    assert "goes with --anonymise" in alone.output


def test_analyse_after_anonymise_reports_the_same_findings(merged: tuple[Path, Path]) -> None:
    real, published = merged
    before = summary_lines(read_chronology(real / "chronology.json"))
    saved = (published / "chronology.json").read_bytes()
    result = runner.invoke(app, ["analyse", str(published / "chronology.json"), "-r", REVIEW])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "is anonymised: its findings were made on the real records" in text
    for line in before:
        assert " ".join(line.split()) in text
    assert (published / "chronology.json").read_bytes() == saved  # kept as it was
    assert summary_lines(read_chronology(published / "chronology.json")) == before


def test_analyse_says_which_files_it_replaced(merged: tuple[Path, Path], tmp_path: Path) -> None:
    real, _published = merged
    result = runner.invoke(app, ["analyse", str(real / "chronology.json"), "-r", REVIEW])
    assert result.exit_code == 0, result.output
    text = "".join(result.output.split())
    assert "".join(f"Replaced {real / 'chronology.json'} (its findings replaced".split()) in text
    elsewhere = runner.invoke(
        app, ["analyse", str(real / "chronology.json"), "-r", REVIEW, "-o", str(tmp_path)]
    )
    assert "".join(f"Wrote {tmp_path / 'analysis.xlsx'}".split()) in "".join(
        elsewhere.output.split()
    )


def test_time_conflict_flags_and_findings_agree(merged: tuple[Path, Path]) -> None:
    real, _published = merged
    chronology = read_chronology(real / "chronology.json")
    flagged = {e.id for e in chronology.events if "time_conflict" in e.flags}
    found = {
        e for f in chronology.discrepancies if f["kind"] == "time_conflict" for e in f["events"]
    }
    assert flagged == found
    count = len([f for f in chronology.discrepancies if f["kind"] == "time_conflict"])
    assert f"{count} time conflict" in " ".join(summary_lines(chronology))
