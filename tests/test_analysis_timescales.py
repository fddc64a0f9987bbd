"""Statutory timescales from the rules file: met, missed, not evidenced, reported under each
agency's date when the start is in conflict; and records that name a meeting without being it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from chronology.merge.groups import merge
from chronology.model.errors import ReviewFileError
from chronology.model.schema import Chronology
from chronology.stages.analysis import run_checks
from chronology.stages.analysis.common import read_rules_file
from chronology.stages.analysis.timescale_rules import parse_rules
from chronology.stages.analysis.timescales import check_timescales
from chronology.stages.episodes import assign_episodes
from chronology.text.classify import load_rules
from tests.conftest import source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
HV = "Northbridge Health Visiting"
HOUSING = "Northbridge Homes housing"


def timescales(*sources, settings=None):  # type: ignore[no-untyped-def]
    chronology = Chronology(events=merge(list(sources)))
    run_checks(chronology, settings or {})
    return chronology.analysis["timescales"]


def by_rule(found, prefix):  # type: ignore[no-untyped-def]
    return [f for f in found if f["rule"].startswith(prefix)]


STRATEGY = (
    source(POLICE, "01/05/2012", "Strategy discussion by telephone with CSC team manager. "
           "Decision: S47 enquiry to be single agency.", row=37),
    source(CSC, "23/05/2012", "Strategy discussion held with police. S47 enquiry to be "
           "undertaken by CSC as single agency.", row=24),
)  # fmt: skip


def icpc(day: str) -> tuple[object, ...]:
    return (
        source(CSC, day, "Initial child protection conference. Children made subject to CP "
               "plans.", row=28),
        source(HV, day, "Attended ICPC - children made subject of CP plans", row=30),
    )  # fmt: skip


def test_reference_case_is_reported_under_each_agencys_date() -> None:
    found = by_rule(timescales(*STRATEGY, *icpc("11/06/2012")), "strategy_to_icpc")
    assert [(f["start"]["agencies"], f["status"], f["working_days"]) for f in found] == [
        ([POLICE], "missed", 26),
        ([CSC], "met", 11),
    ]
    police, csc = found
    assert police["rule"] == "strategy_to_icpc_2010"
    assert "Working Together to Safeguard Children 2010" in police["edition"]
    assert (police["limit"], police["unit"], police["due"]) == (15, "working_days", "2012-05-23")
    assert police["date_conflict"] is True
    assert police["start"]["sources"] == [f"{POLICE}.xlsx:Sheet1:37"]
    assert csc["start"]["sources"] == [f"{CSC}.xlsx:Sheet1:24"]
    assert csc["end"]["label"] == "initial child protection conference"
    assert csc["end"]["start"] == "2012-06-11"
    assert police["events"] == [police["start"]["event"], police["end"]["event"]]
    assert "the date given by Northbridge Police" in police["detail"]
    assert "26 working days" in police["detail"]
    assert "due by 23 May 2012" in police["detail"]


def test_limit_reached_exactly_across_the_jubilee_bank_holidays_is_met() -> None:
    # 23 May -> 15 June 2012 is 15 working days only because 4 and 5 June were bank holidays
    found = by_rule(timescales(*STRATEGY, *icpc("15/06/2012")), "strategy_to_icpc")
    csc = next(f for f in found if f["start"]["agencies"] == [CSC])
    assert (csc["working_days"], csc["days"], csc["status"]) == (15, 23, "met")
    later = by_rule(timescales(*STRATEGY, *icpc("18/06/2012")), "strategy_to_icpc")
    assert next(f for f in later if f["start"]["agencies"] == [CSC])["status"] == "missed"


def test_requests_for_a_strategy_discussion_are_not_strategy_discussions() -> None:
    found = by_rule(
        timescales(
            STRATEGY[0],
            source(CSC, "20/05/2012", "SW emailed TM requesting a strategy discussion.", row=23),
            source(
                CSC, "25/05/2012", "TM: consider need for a further strategy discussion.", row=25
            ),
            *icpc("11/06/2012"),
        ),
        "strategy_to_icpc",
    )
    assert [(f["start"]["start"], f["status"]) for f in found] == [("2012-05-01", "missed")]


def test_core_group_cancelled_or_only_invited_to_does_not_count() -> None:
    found = by_rule(
        timescales(
            *icpc("11/06/2012"),
            source(CSC, "07/06/2012", "Reminded Mum of the ICPC on Monday.", row=27),
            source(CSC, "22/06/2012", "First core group meeting (due today) cancelled by SW - "
                   "required to cover duty. Rearranged for 17/07/2012.", row=32),
            source(HOUSING, "09/07/2012", "Invitation received from SW R. Kowalczyk to a child "
                   "protection core group on 17.07.12.", row=21),
            source(CSC, "17/07/2012", "Core group at Kingsmere Children's Centre: Mum, Dad, SW, "
                   "HV. Agreed to continue the CP plan.", row=34),
        ),
        "icpc_to_core_group",
    )  # fmt: skip
    (core,) = found
    assert (core["status"], core["working_days"], core["due"]) == ("missed", 26, "2012-06-25")
    assert core["end"]["sources"] == [f"{CSC}.xlsx:Sheet1:34"]
    assert core["start"]["start"] == "2012-06-11"


def test_no_review_conference_is_not_evidenced_with_its_due_date() -> None:
    later = source(HV, "01/10/2012", "Home visit, children seen.", row=50)  # past the due date
    found = by_rule(timescales(*icpc("11/06/2012"), later), "icpc_to_review")
    (review,) = found
    assert review["status"] == "not_evidenced"
    assert review["end"] is None
    assert review["due"] == "2012-09-11"
    assert "No first review conference is recorded" in review["detail"]


@pytest.mark.parametrize(
    ("settings", "status"),
    [
        ({}, "not_due"),  # the chronology ends on the ICPC's day
        ({"review": {"end": "2012-08-07"}}, "not_due"),  # the review period ends before
        ({"review": {"end": "2012-12-31"}}, "not_evidenced"),  # it ends after the due date
    ],
)
def test_a_step_not_yet_due_when_the_review_period_ends_is_not_due(
    settings: dict[str, object], status: str
) -> None:
    chronology = Chronology(events=merge(list(icpc("11/06/2012"))))
    assign_episodes(chronology, settings)  # sets the review period the analysis reads
    run_checks(chronology, settings)
    (review,) = by_rule(chronology.analysis["timescales"], "icpc_to_review")
    assert review["status"] == status


@pytest.mark.parametrize(("day", "status"), [("11/09/2012", "met"), ("12/09/2012", "missed")])
def test_review_conference_within_three_calendar_months(day: str, status: str) -> None:
    review = source(CSC, day, "Review child protection conference held. Plans continue.", row=40)
    (found,) = by_rule(timescales(*icpc("11/06/2012"), review), "icpc_to_review")
    assert found["status"] == status
    assert found["unit"] == "months"


def test_icpc_without_a_strategy_discussion_is_not_evidenced() -> None:
    (found,) = by_rule(timescales(*icpc("11/06/2012")), "strategy_to_icpc")
    assert found["status"] == "not_evidenced"
    assert found["start"] is None
    assert found["end"]["start"] == "2012-06-11"


def test_referral_counts_from_the_first_of_its_run_of_records() -> None:
    found = by_rule(
        timescales(
            source(CSC, "09/08/2010", "Police report DV incident: Mum assaulted last night.",
                   row=2),
            source(CSC, "10/08/2010", "Referral logged. Internal checks made.", row=3),
            source(CSC, "12/08/2010", "Referral awaiting allocation.", row=4),
            source(CSC, "14/09/2010", "Initial assessment home visit.", row=7,
                   action="IA to be completed."),
            source(CSC, "21/09/2010", "Initial assessment completed: child in need plan.",
                   row=8),
        ),
        "referral_to_initial_assessment",
    )  # fmt: skip
    (ia,) = found
    assert ia["rule"] == "referral_to_initial_assessment_2010"
    assert (ia["start"]["start"], ia["end"]["start"]) == ("2010-08-09", "2010-09-21")
    assert (ia["status"], ia["working_days"], ia["limit"]) == ("missed", 30, 10)


def test_single_assessment_from_2013_has_45_working_days() -> None:
    found = timescales(
        source(CSC, "01/05/2014", "Referral received from school re bruising.", row=2),
        source(CSC, "30/06/2014", "Child and family assessment completed: CIN plan.", row=3),
    )
    (single,) = by_rule(found, "referral_to_assessment_2013")
    assert "2013" in single["edition"]
    assert (single["status"], single["working_days"], single["limit"]) == ("met", 40, 45)
    assert by_rule(found, "referral_to_initial_assessment") == []


def test_edition_follows_the_start_date() -> None:
    found = by_rule(
        timescales(
            source(POLICE, "02/03/2009", "Strategy discussion with CSC.", row=2),
            source(CSC, "20/03/2009", "Initial child protection conference held.", row=3),
        ),
        "strategy_to_icpc",
    )
    assert [(f["rule"], f["status"], f["working_days"]) for f in found] == [
        ("strategy_to_icpc_2006", "met", 14)
    ]


def test_vague_dates_that_allow_both_answers_are_unclear() -> None:
    (found,) = by_rule(
        timescales(
            source(POLICE, "May 2012", "Strategy discussion with CSC.", row=2),
            source(CSC, "11/06/2012", "Initial child protection conference held.", row=3),
        ),
        "strategy_to_icpc",
    )
    assert found["status"] == "unclear"
    assert found["working_days"] is None
    assert found["working_days_range"] == [5, 26]  # from 31 May / from 1 May


def test_an_authors_rules_file_replaces_the_packaged_one(tmp_path: Path) -> None:
    rules = tmp_path / "local.toml"
    rules.write_text(
        "[[rules]]\n"
        'id = "local_icpc"\n'
        'title = "Strategy discussion to ICPC (local procedure)"\n'
        'edition = "Northbridge LSCB procedures 2011"\n'
        "applies_from = 2011-01-01\n"
        'pair = "last_start"\n'
        "limit = 10\n"
        'unit = "working_days"\n'
        'start = { kinds = ["strategy_discussion"] }\n'
        'end = { kinds = ["icpc"] }\n',
        encoding="utf-8",
    )
    found = timescales(
        *STRATEGY, *icpc("11/06/2012"), settings={"analysis": {"timescales": str(rules)}}
    )
    assert {f["rule"] for f in found} == {"local_icpc"}
    assert [f["status"] for f in found] == ["missed", "missed"]  # 26 and 11 > 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[rules]]\nid = "x"\nlimit = 5\nstart = { kinds = ["icpc"] }\n'
         'end = { kinds = ["nonsense"] }\n', "unknown kind nonsense"),
        ('[[rules]]\nid = "x"\nlimit = "five"\nstart = { kinds = ["icpc"] }\n'
         'end = { kinds = ["core_group"] }\n', "limit must be a whole number"),
        ('[[rules]]\nid = "x"\nlimit = 5\nunit = "weeks"\nstart = { kinds = ["icpc"] }\n'
         'end = { kinds = ["core_group"] }\n', "unit must be one of"),
        ('[[rules]]\nid = "x"\nlimit = 5\napplies_from = "May 2012"\n'
         'start = { kinds = ["icpc"] }\nend = { kinds = ["core_group"] }\n', "yyyy-mm-dd"),
        ("[[rules]\n", "not valid TOML"),
    ],
)  # fmt: skip
def test_mistakes_in_a_rules_file_are_located(tmp_path: Path, text: str, message: str) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewFileError, match=message) as caught:
        parse_rules(read_rules_file(rules), str(rules))
    assert str(rules) in str(caught.value)


def test_missing_rules_file_is_a_review_file_error(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="rules file not found"):
        timescales(*icpc("11/06/2012"), settings={"analysis": {"timescales": str(tmp_path / "x")}})


def test_packaged_rules_cover_every_edition_without_gaps() -> None:
    rules = parse_rules(load_rules("timescales.toml"))
    for title in {r.title for r in rules if r.id.startswith(("strategy", "icpc"))}:
        spans = sorted((r.applies_from, r.applies_to) for r in rules if r.title == title)
        for (_start, end), (next_start, _end) in itertools.pairwise(spans):
            assert end is not None
            assert next_start is not None
            assert (next_start - end).days == 1
    assert check_timescales(Chronology(events=[]), rules) == []
