"""Who knew what: indicator hits by agency with first dates and sources, negation, and the
look-alikes that are not indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronology.merge.groups import merge
from chronology.model.errors import ReviewFileError
from chronology.model.schema import Chronology, Source
from chronology.pipeline import load_all
from chronology.stages.analysis import run_checks
from chronology.stages.analysis.indicators import (
    parse_lexicon,
    who_knew_what,
)
from chronology.text.classify import load_rules
from tests.conftest import SAMPLES, source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
GP = "Northbridge GP Practice"
HV = "Northbridge Health Visiting"
ISSUE_INDICATORS = {
    "strangulation", "threats_to_kill", "weapon", "pregnancy", "separation",
    "stalking_harassment", "controlling_behaviour", "substance_misuse", "mental_ill_health",
    "threats_about_children", "previous_partner_victim", "bail_injunction_breach",
}  # fmt: skip


def matrix(*sources):  # type: ignore[no-untyped-def]
    chronology = Chronology(events=merge(list(sources)))
    found = who_knew_what(chronology, parse_lexicon(load_rules("indicators.toml")))
    return {f["indicator"]: f for f in found}


def agencies(found, name):  # type: ignore[no-untyped-def]
    return found[name]["agencies"]


def test_the_lexicon_has_at_least_the_twelve_indicators_of_the_issue() -> None:
    lexicon = parse_lexicon(load_rules("indicators.toml"))
    assert {i.name for i in lexicon.indicators} >= ISSUE_INDICATORS


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("He grabbed her by the throat and banged her head on the wall.", "strangulation"),
        ("Victim states he tried to strangle her.", "strangulation"),
        ("He threatened to kill her if she left.", "threats_to_kill"),
        ("Found to be carrying a lock knife.", "weapon"),
        ("Mum is 20 weeks pregnant.", "pregnancy"),
        ("Mum says she and Dad have now separated.", "separation"),
        ("Reported harassment: repeated calls and texts.", "stalking_harassment"),
        ("He takes her mobile phone and locked her in the house.", "controlling_behaviour"),
        ("Smokes cannabis daily.", "substance_misuse"),
        ("States he is depressed and on tablets.", "mental_ill_health"),
        ("He threatens to take the children if she reports him.", "threats_about_children"),
        ("Police history of violence to a previous partner shared.", "previous_partner_victim"),
        ("Arrested for breach of bail conditions.", "bail_injunction_breach"),
        ("He breached the non-molestation order.", "bail_injunction_breach"),
    ],
)
def test_each_indicator_is_found(text: str, indicator: str) -> None:
    found = matrix(source(POLICE, "09/08/2010", text, row=23))
    assert agencies(found, indicator) == [POLICE]
    (hit,) = found[indicator]["hits"]
    assert hit["source"] == f"{POLICE}.xlsx:Sheet1:23"
    assert hit["phrase"].lower() in text.lower()


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("No weapons mentioned.", "weapon"),
        ("No gun or knife seen.", "weapon"),
        ("Denies drug use.", "substance_misuse"),
        ("Drug use denied.", "substance_misuse"),
        ("No evidence of drug use in the home.", "substance_misuse"),
        ("Pregnancy test negative.", "pregnancy"),
        ("Mum is not pregnant.", "pregnancy"),
        ("Denies suicidal ideation.", "mental_ill_health"),
        ("No mental health concerns raised.", "mental_ill_health"),
        ("He didn't threaten to kill her, she said.", "threats_to_kill"),
    ],
)
def test_negated_mentions_are_not_hits_but_are_kept(text: str, indicator: str) -> None:
    found = matrix(source(GP, "14/05/2012", text, row=4))
    assert agencies(found, indicator) == []
    assert {n["source"] for n in found[indicator]["negated"]} == {f"{GP}.xlsx:Sheet1:4"}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Lily feeding well, cord separated.", "separation"),
        ("Perpetrator threatened to kill himself.", "threats_to_kill"),
        ("Tia and Mason, children from a previous relationship, seen at home.",
         "previous_partner_victim"),
        ("Condition stable, discharged home.", "weapon"),
        ("Seen on two separate occasions.", "separation"),
    ],
)  # fmt: skip
def test_look_alikes_are_not_indicators(text: str, indicator: str) -> None:
    assert agencies(matrix(source(HV, "24/06/2011", text)), indicator) == []


def test_threat_to_kill_himself_is_mental_ill_health() -> None:
    found = matrix(source(POLICE, "20/04/2012", "Perpetrator threatened to kill himself."))
    assert agencies(found, "mental_ill_health") == [POLICE]


def test_negation_does_not_reach_across_clauses() -> None:
    found = matrix(source(POLICE, "14/01/2012", "No injuries seen, but she says he choked her."))
    assert agencies(found, "strangulation") == [POLICE]
    found = matrix(source(GP, "14/01/2012", "Denies drug use. Low mood for two months."))
    assert agencies(found, "mental_ill_health") == [GP]
    assert agencies(found, "substance_misuse") == []


def test_matrix_gives_each_agencys_first_date_and_source_and_single_agency_knowledge() -> None:
    found = matrix(
        source(GP, "14/05/2003", "Smokes cannabis most evenings.", row=2),
        source(POLICE, "22/03/2003", "Arrested at scene, smelling strongly of cannabis.", row=6),
        source(POLICE, "09/08/2010", "States SEDDON smokes cannabis daily.", row=24),
        source(HV, "20/03/2012", "Strong smell of cannabis in the house.", row=24),
        source(POLICE, "09/08/2010", "He tried to strangle her before.", row=25),
    )
    drugs = found["substance_misuse"]
    assert drugs["agencies"] == [GP, HV, POLICE]
    assert drugs["single_agency"] is False
    assert drugs["first"][POLICE]["start"] == "2003-03-22"
    assert drugs["first"][POLICE]["source"] == f"{POLICE}.xlsx:Sheet1:6"
    assert drugs["first"][GP]["date"] == "14 May 2003"
    assert len(drugs["hits"]) == 4
    assert [h["start"] for h in drugs["hits"]] == sorted(h["start"] for h in drugs["hits"])
    assert drugs["detail"].startswith("3 agencies recorded substance misuse, first: ")
    strangulation = found["strangulation"]
    assert strangulation["single_agency"] is True
    assert strangulation["detail"] == (
        f"Only {POLICE} recorded strangulation, choking or suffocation "
        f"(first: 9 August 2010, {POLICE}.xlsx:Sheet1:25)."
    )
    assert found["escalation"]["agencies"] == []
    assert found["escalation"]["detail"] == "No agency recorded escalation."


def test_action_column_is_searched_too() -> None:
    found = matrix(
        source(POLICE, "17/01/2012", "DASH completed.", action="Refer to MARAC: strangulation")
    )
    assert agencies(found, "strangulation") == [POLICE]


def test_an_authors_lexicon_replaces_the_packaged_one(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(
        '[indicators.pets]\nlabel = "Harm to pets"\nphrases = ["kicked the dog", "pet*"]\n',
        encoding="utf-8",
    )
    chronology = Chronology(events=merge([source(POLICE, "01/01/2012", "He kicked the dog.")]))
    run_checks(chronology, {"analysis": {"indicators": str(lexicon)}})
    (pets,) = chronology.analysis["indicators"]
    assert pets["agencies"] == [POLICE]


def test_a_lexicon_without_indicators_is_refused(tmp_path: Path) -> None:
    lexicon = tmp_path / "empty.toml"
    lexicon.write_text("[negation]\nbefore = ['no']\n", encoding="utf-8")
    chronology = Chronology(events=[])
    with pytest.raises(ReviewFileError, match=r"indicators\.NAME"):
        run_checks(chronology, {"analysis": {"indicators": str(lexicon)}})


def _sample_chronology() -> tuple[Chronology, list[Source]]:
    loaded = load_all(sorted((SAMPLES / "imrs").iterdir()))
    return Chronology(events=merge(loaded.sources)), loaded.sources
