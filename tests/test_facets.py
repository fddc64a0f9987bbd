"""Issue 17: facets instead of one kind, evidence that generalises, conflicts, episodes and
findings. Each failure example of the issue is a row here, now right."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.merge.groups import merge
from chronology.merge.rules import TEXT_CONTACT, TEXT_ONE_NAMED
from chronology.merge.thresholds import thresholds
from chronology.model.schema import Chronology
from chronology.stages.analysis import run_checks
from chronology.stages.episode_rules import text_kinds
from chronology.text.facets import facets_of
from tests.conftest import SAMPLES, source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
HV = "Northbridge Health Visiting"
ED = "Northbridge General Hospital Emergency Department"
AMBULANCE = "Northbridge Ambulance Service"


@pytest.mark.parametrize(
    ("text", "what", "how", "status"),
    [
        # a meeting outranks the mode it was held by
        ("Telephone strategy discussion with CSC team manager and police.",
         "strategy_discussion", "phone", "held"),
        # ... and the enquiry it decided
        ("Section 47 strategy discussion held with police.", "strategy_discussion", None, "held"),
        # someone's absence does not make the conference a missed appointment
        ("ICPC: child made subject of a CP plan. Mother attended; father did not attend.",
         "icpc", "in_person", "held"),
        # a request for a meeting is the meeting requested, not held
        ("SW requests strategy discussion with police.", "strategy_discussion", None,
         "requested"),
        # ... and an email requesting one is the email
        ("SW emails TM requesting strategy discussion.", "correspondence", "email", "held"),
        # an invitation to a meeting, a referral to one: the invitation, the referral
        ("Invitation received from SW to a child protection core group on 17.07.12.",
         "correspondence", None, "held"),
        ("Referred to MARAC by the IDVA.", "referral", None, "held"),
        # with nothing else named, the meeting with its status
        ("ICPC to be held on Monday.", "icpc", None, "planned"),
        # a meeting only talked about is not what the record is
        ("Mum tearful about the ICPC.", "icpc", None, "mentioned"),
        ("Telephone call from HV: screening meeting yesterday; children referred to CSC.",
         "phone_call", "phone", "held"),
    ],
)  # fmt: skip
def test_facets_of_a_record(text: str, what: str, how: str | None, status: str) -> None:
    found = facets_of(text)
    assert (found.what, found.how, found.status) == (what, how, status)


@pytest.mark.parametrize(
    "text",
    [
        "A&E: laceration glued, discharged home.",  # a patient going home
        "Closure order granted on the flat by the magistrates.",  # a housing power
    ],
)
def test_words_are_read_in_their_sense_not_as_case_closure(text: str) -> None:
    assert facets_of(text).what != "closure"
    assert "closure" not in text_kinds(text)[0]


def test_direction_and_cited_days() -> None:
    received = facets_of("Police notification (PPN1) received about DV incident on 12/06/19.")
    assert (received.what, received.direction) == ("referral", "from")
    assert [str(__import__("datetime").date.fromordinal(d)) for d in received.cited] == [
        "2019-06-12"
    ]
    assert facets_of("Safeguarding concern raised with ASC.").direction == "to"


def test_the_thresholds_live_in_one_table() -> None:
    assert (
        thresholds().text_contact,
        thresholds().text_one_named,
    ) == (TEXT_CONTACT, TEXT_ONE_NAMED)


def _events(*sources):  # type: ignore[no-untyped-def]
    return merge(list(sources))


def _together(events, *rows: int) -> bool:  # type: ignore[no-untyped-def]
    return any({s.row for s in e.sources} >= set(rows) for e in events)


def test_one_meeting_in_three_agencies_words_is_one_event_with_its_conflict() -> None:
    events = _events(
        source(POLICE, "01/05/2020", "Strategy meeting held, police DS attended.", row=2),
        source(CSC, "30/04/2020", "SW requests strategy discussion with police.", row=3),
        source(CSC, "23/05/2020", "Telephone strategy discussion with CSC TM and police.",
               row=4),
    )  # fmt: skip
    assert _together(events, 2, 4)
    assert not _together(events, 2, 3)  # the request is not the meeting
    (meeting,) = [e for e in events if len(e.sources) == 2]
    assert "date_conflict" in meeting.flags
    assert meeting.kind == "strategy_discussion"


def test_the_two_ends_of_a_referral_days_apart_are_one_event_without_a_conflict() -> None:
    events = _events(
        source(POLICE, "12/06/2019", "Domestic incident at 9 Carder Close, child asleep "
               "upstairs.", action="PPN1 to CSC.", row=2),
        source(CSC, "14/06/2019", "Police notification (PPN1) received about DV incident on "
               "12/06/19, child in the house.", row=3),
    )  # fmt: skip
    (event,) = events
    assert "sent_received" in event.flags
    assert "date_conflict" not in event.flags
    assert str(event.date.start) == "2019-06-12"  # when it was sent
    chronology = Chronology(events=events)
    run_checks(chronology, {})
    assert not [d for d in chronology.discrepancies if d["kind"] == "date_conflict"]


def test_one_emergency_in_three_agencies_words_is_one_event() -> None:
    events = _events(
        source(POLICE, "14/03/2021", "999 call from neighbour. Victim found in the kitchen "
               "with stab wounds.", row=2),
        source(AMBULANCE, "14/03/2021", "Cat 1: female, multiple stab wounds to the chest.",
               action="Conveyed under blue lights to ED.", row=3),
        source(ED, "14/03/2021", "Resus: stab wounds to the chest, CPR. Life pronounced extinct.",
               row=4),
    )  # fmt: skip
    assert _together(events, 2, 3, 4)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (source(HV, "01/07/2020", "Home visit. Child playing.", row=2),
         source(CSC, "08/07/2020", "Home visit. Mother tearful.", row=3)),
        (source(CSC, "19/08/2021", "Baby born at 38 weeks.", row=2),
         source(HV, "30/08/2021", "New birth visit: baby feeding well.", row=3)),
        (source(CSC, "24/06/2020", "First core group. Plan reviewed.", row=2),
         source(HV, "22/07/2020", "Core group attended.", row=3)),
        (source(CSC, "14/11/2021", "Strategy discussion: s47 enquiry, CP medical today.", row=2),
         source(ED, "14/11/2021", "Child protection medical: 1 cm bruise left cheek.", row=3)),
    ],
)  # fmt: skip
def test_must_stay_apart(first, second) -> None:  # type: ignore[no-untyped-def]
    assert not _together(_events(first, second), 2, 3)


def test_meetings_beyond_their_window_are_reported_not_merged() -> None:
    chronology = Chronology(
        events=_events(
            source(POLICE, "01/03/2021", "MARAC: case heard, PC attended.", row=2),
            source(CSC, "22/03/2021", "MARAC held: SW presented.", row=3),
        )
    )
    assert not _together(chronology.events, 2, 3)  # a MARAC's records merge within 14 days
    assert all("unmerged_date_conflict" in e.flags for e in chronology.events)
    run_checks(chronology, {})
    (conflict,) = [d for d in chronology.discrepancies if d["kind"] == "date_conflict"]
    assert conflict["merged"] is False
    assert "21 days apart" in conflict["detail"]


def test_recurring_meetings_beyond_their_window_are_two_meetings() -> None:
    chronology = Chronology(
        events=_events(
            source(POLICE, "01/03/2021", "Core group attended by PC.", row=2),
            source(CSC, "12/03/2021", "Core group held: plan reviewed.", row=3),
        )
    )
    run_checks(chronology, {})
    assert not [d for d in chronology.discrepancies if d["kind"] == "date_conflict"]


def _indicator(chronology: Chronology, name: str) -> dict:  # type: ignore[type-arg]
    (found,) = [i for i in chronology.analysis["indicators"] if i["indicator"] == name]
    return found


def test_who_knew_what_history_who_it_is_about_and_the_death() -> None:
    chronology = Chronology(
        events=_events(
            source(POLICE, "2004", "Previous partner reported that he punched her and held "
                   "her against a wall.", row=2),
            source(POLICE, "13/06/2019", "He assaulted her again six hours after release on "
                   "police bail.", action="Arrested for breach of bail.", row=3),
            source(POLICE, "02/11/2020", "He states he is being harassed by her family.", row=4),
            source(POLICE, "14/03/2021", "Victim found with stab wounds; knife recovered. "
                   "Murder investigation.", row=5),
            source(ED, "14/03/2021", "Life pronounced extinct 23:58.", row=6),
        )
    )  # fmt: skip
    run_checks(chronology, {})
    assert [h["source"].rsplit(":", 1)[1] for h in _indicator(
        chronology, "previous_partner_victim")["hits"]] == ["2"]  # fmt: skip
    assert _indicator(chronology, "previous_partner_victim")["first"]
    assert _indicator(chronology, "bail_injunction_breach")["hits"]
    assert not _indicator(chronology, "stalking_harassment")["hits"]  # his own claim
    assert not _indicator(chronology, "weapon")["hits"]  # the homicide is not prior knowledge


def test_a_timescale_whose_start_is_in_conflict_depends_on_the_date() -> None:
    chronology = Chronology(
        events=_events(
            source(POLICE, "01/05/2012", "Telephone strategy discussion with CSC TM.", row=37),
            source(CSC, "23/05/2012", "Strategy discussion held with police.", row=24),
            source(CSC, "11/06/2012", "Initial child protection conference held.", row=28),
        )
    )
    run_checks(chronology, {})
    found = [t for t in chronology.analysis["timescales"] if t["rule"].startswith("strategy")]
    assert sorted(t["status"] for t in found) == ["met", "missed"]
    assert all(t["depends_on_date"] for t in found)


def test_samples_conflict_holds_when_the_police_write_telephone_strategy_discussion(
    tmp_path: Path,
) -> None:
    """The reference report's headline finding, with the police row edited in a copy."""
    imrs = tmp_path / "imrs"
    shutil.copytree(SAMPLES / "imrs", imrs)
    police = imrs / "Kingsmere Police IMR chronology.xlsx"
    book = openpyxl.load_workbook(police)
    cell = book["Police Chronology"].cell(row=37, column=3)
    assert str(cell.value).startswith("Strategy discussion by telephone")
    cell.value = "Telephone strategy discussion between DS WHITLOCK and CSC team manager."
    book.save(police)
    out = tmp_path / "out"
    files = sorted(str(p) for p in imrs.iterdir())
    args = ["merge", *files, "--review", str(SAMPLES / "review.toml"), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--formats", "json", "-q"])
    assert result.exit_code == 0, result.output
    document = json.loads((out / "chronology.json").read_text(encoding="utf-8"))
    (conflict,) = [d for d in document["discrepancies"] if d["kind"] == "date_conflict"]
    assert sorted(a["start"] for a in conflict["accounts"]) == ["2012-05-01", "2012-05-23"]
    police_ref = "Kingsmere Police IMR chronology.xlsx:Police Chronology:37"
    assert police_ref in conflict["sources"]


def test_wording_weighs_rare_words_and_expands_the_reviews_own_abbreviations() -> None:
    from chronology.merge.wording import Wording, expansions, tokens

    own = expansions({"LC": "Lapwing Court", "SNP": {"expansion": "self-neglect panel"}})
    assert tokens("Fire at 4 LC.", own) >= {"fire", "lapw", "court"}
    assert tokens("SNP held.", own) >= {"self", "neglect", "panel"}
    texts = [
        "Fire at 4 Lapwing Court; male casualty recovered.",
        "Attended fire at 4 Lapwing Court; male deceased.",
        "Home visit: male seen, home cold.",
        "Home visit: male seen, no food.",
        *(f"Home visit number {n}: male seen." for n in range(10)),
    ]
    wording = Wording(texts, expansions())
    # what the two fire records share is rare in this review, and pairs them; what the
    # visits share is not (a same-day pair is looked at only through a shared rare word)
    assert wording.rare_tokens(0) & wording.rare_tokens(1) >= {"lapw", "court", "fire"}
    assert not wording.rare_tokens(2) & wording.rare_tokens(3)
    assert wording.score(0, 1) >= thresholds().text_rare_same_day


def test_no_time_conflict_between_the_steps_of_one_emergency_and_flags_agree() -> None:
    chronology = Chronology(
        events=_events(
            source(POLICE, "14/03/2021", "999 call: victim found with stab wounds.", row=2,
                   time="23:05"),
            source(AMBULANCE, "14/03/2021", "Cat 1: stab wounds, CPR.", row=3, time="23:18",
                   action="Conveyed under blue lights to ED."),
            source(ED, "14/03/2021", "Resus: stab wounds, CPR. Life pronounced extinct.",
                   row=4, time="23:58"),
        )
    )  # fmt: skip
    run_checks(chronology, {})
    assert not [d for d in chronology.discrepancies if d["kind"] == "time_conflict"]
    assert not [e for e in chronology.events if "time_conflict" in e.flags]
