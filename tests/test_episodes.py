"""Key episode detection on small hand-built chronologies, and on the samples."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import replace

import pytest

from chronology.merge.groups import merge
from chronology.model.errors import ReviewFileError
from chronology.model.schema import Chronology, Source
from chronology.pipeline import load_all
from chronology.stages.episode_rules import firm_trigger_kinds
from chronology.stages.episodes import assign_episodes, episode_title, month_range
from tests.conftest import SAMPLES, source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
HV = "Northbridge Health Visiting"
GP = "Northbridge GP Practice"
WA = "Northbridge Women's Aid"


def chronology_of(*sources: Source) -> Chronology:
    return Chronology(events=merge([replace(s, row=i + 2) for i, s in enumerate(sources)]))


def episodes_of(chronology: Chronology, settings: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    assign_episodes(chronology, settings or {})
    return {e["id"]: e for e in chronology.episodes}


def texts(chronology: Chronology, episode_id: str) -> list[str]:
    return [e.text for e in chronology.events if e.episode == episode_id]


FIRST_EPISODE = (
    source(GP, "10/03/2009", "Depression review. Sleep poor."),
    source(POLICE, "09/08/2010", "Victim reported assault by her partner last night."),
    source(CSC, "11/08/2010", "Referral received from police re the children."),
    source(HV, "20/08/2010", "Clinic: weight on 50th centile."),
    source(CSC, "14/09/2010", "Initial assessment home visit, both parents present."),
    source(CSC, "20/10/2010", "Case closed by TM, no further role."),
    source(HV, "20/11/2010", "Two year review, speech delay."),
    source(GP, "02/05/2011", "Chest infection, antibiotics."),
)


def test_an_episode_runs_from_trigger_to_closure_with_the_history_before_it() -> None:
    chronology = chronology_of(*FIRST_EPISODE)
    found = episodes_of(chronology)
    assert list(found) == ["K0", "K1"]
    assert found["K0"]["title"] == "Key information prior to August 2010"
    assert found["K0"]["kind"] == "prior"
    assert texts(chronology, "K0") == ["Depression review. Sleep poor."]
    first = found["K1"]
    assert first["title"] == "The first key episode: August to October 2010"
    assert (first["start"], first["end"], first["kind"]) == ("2010-08-09", "2010-10-20", "key")
    # the routine clinic contact between pieces of activity belongs to the episode…
    assert "Clinic: weight on 50th centile." in texts(chronology, "K1")
    assert len(first["events"]) == 5
    # …routine contacts after the closure do not
    after = [e for e in chronology.events if e.date.start and e.date.start.year == 2011]
    assert [e.episode for e in after] == [None]
    assert next(e for e in chronology.events if "Two year" in e.text).episode is None
    assert chronology.meta["episode_detection"]["method"] == "detected"


def test_a_trigger_after_a_closure_opens_a_new_episode_even_after_a_short_gap() -> None:
    chronology = chronology_of(
        source(POLICE, "14/01/2012", "Assault reported by 999 call."),
        source(CSC, "18/01/2012", "Referral received from police PPU."),
        source(CSC, "23/02/2012", "Initial assessment visit, mother seen alone."),
        source(CSC, "09/03/2012", "Case closed by TM."),
        source(CSC, "19/03/2012", "Strategy discussion held with police: S47 to follow."),
        source(CSC, "02/04/2012", "S47 visit, children seen."),
        source(HV, "10/04/2012", "Initial child protection conference attended."),
    )
    found = episodes_of(chronology)
    assert [e["title"] for e in found.values()] == [
        "The first key episode: January to March 2012",
        "The second key episode: March to April 2012",
    ]
    assert found["K1"]["end"] == "2012-03-09"
    assert found["K2"]["start"] == "2012-03-19"


def test_a_referral_straight_after_a_closure_continues_the_episode() -> None:
    chronology = chronology_of(
        source(POLICE, "14/01/2012", "Assault reported by 999 call."),
        source(CSC, "18/01/2012", "Referral received from police PPU."),
        source(CSC, "23/02/2012", "Initial assessment visit, mother seen alone."),
        source(CSC, "09/03/2012", "Case closed by TM."),
        source(CSC, "22/03/2012", "Referral received from HV: father at the home daily."),
        source(CSC, "26/03/2012", "Case re-opened. TM: consider need for a strategy discussion."),
    )
    found = episodes_of(chronology)
    assert list(found) == ["K1"]
    assert found["K1"]["title"] == "The first key episode: January to March 2012"
    assert len(found["K1"]["events"]) == 6


def test_a_long_quiet_gap_ends_an_episode_and_the_next_trigger_opens_another() -> None:
    chronology = chronology_of(
        source(POLICE, "05/01/2010", "Assault on partner reported."),
        source(CSC, "07/01/2010", "Referral received from police."),
        source(CSC, "15/01/2010", "Initial assessment completed."),
        source(POLICE, "20/06/2010", "Further assault reported."),
        source(CSC, "22/06/2010", "Referral received from police, second one this year."),
        source(CSC, "30/06/2010", "Initial assessment started."),
    )
    found = episodes_of(chronology)
    assert [(e["start"], e["end"]) for e in found.values()] == [
        ("2010-01-05", "2010-01-15"),
        ("2010-06-20", "2010-06-30"),
    ]
    assert found["K1"]["title"] == "The first key episode: January 2010"


def test_a_single_agency_incident_is_not_a_key_episode_unless_the_settings_say_so() -> None:
    police_only = (
        source(POLICE, "22/03/2003", "Report of assault on partner; arrested."),
        source(POLICE, "24/03/2003", "Cautioned for the assault on CPS advice."),
        source(POLICE, "30/03/2003", "Harassment reported by the partner's family."),
    )
    assert episodes_of(chronology_of(*police_only)) == {}
    assert all(e.episode is None for e in chronology_of(*police_only).events)
    widened = episodes_of(chronology_of(*police_only), {"episode_detection": {"min_agencies": 1}})
    assert list(widened) == ["K1"]
    stricter = {"episode_detection": {"min_agencies": 1, "min_events": 4}}
    assert episodes_of(chronology_of(*police_only), stricter) == {}


def test_quiet_days_setting_changes_where_episodes_split() -> None:
    events = (
        source(POLICE, "05/01/2010", "Assault on partner reported."),
        source(CSC, "07/01/2010", "Referral received from police."),
        source(CSC, "14/02/2010", "Initial assessment home visit."),
    )
    assert len(episodes_of(chronology_of(*events))["K1"]["events"]) == 3
    # (social care's open case bridges a longer quiet spell: both windows shortened)
    settings = {"episode_detection": {"quiet_days": 14, "quiet_days_open_case": 14}}
    short = episodes_of(chronology_of(*events), settings)
    assert short == {}  # split in two: neither half has three events


def test_bad_detection_settings_are_located_errors() -> None:
    with pytest.raises(ReviewFileError, match="quiet_days"):
        episodes_of(chronology_of(*FIRST_EPISODE), {"episode_detection": {"quiet_days": "six"}})
    with pytest.raises(ReviewFileError, match="first_paragraph"):
        episodes_of(chronology_of(*FIRST_EPISODE), {"review": {"first_paragraph": 0}})


def test_a_police_nfa_does_not_close_an_episode_social_care_is_still_working() -> None:
    chronology = chronology_of(
        source(POLICE, "01/02/2012", "Assault reported at the address."),
        source(CSC, "03/02/2012", "Referral received from police."),
        source(POLICE, "10/02/2012", "Perpetrator interviewed. NFA."),
        source(POLICE, "15/02/2012", "Second assault reported by the victim."),
        source(CSC, "20/02/2012", "Initial assessment visit."),
    )
    found = episodes_of(chronology)
    assert list(found) == ["K1"]
    assert len(found["K1"]["events"]) == 5


def test_vague_dates_reaching_the_trigger_are_drawn_into_the_episode() -> None:
    chronology = chronology_of(
        source(WA, "Jan 2012", "Referral received from police PPU, medium risk DASH."),
        source(POLICE, "14/01/2012", "Assault reported by 999 call."),
        source(CSC, "18/01/2012", "Referral received from police PPU."),
    )
    found = episodes_of(chronology)
    # drawn in, but a month-wide date does not stretch the episode: it starts on the 14th
    assert found["K1"]["start"] == "2012-01-14"
    assert len(found["K1"]["events"]) == 3


def test_tentative_and_negated_trigger_phrases_do_not_count() -> None:
    assert firm_trigger_kinds("SW emailed TM requesting a strategy discussion") == set()
    assert firm_trigger_kinds("ICPC invitations sent to HV and nursery") == set()
    assert firm_trigger_kinds("Not referred to MARAC (medium risk).") == set()
    assert firm_trigger_kinds("Strategy discussion held with police.") == {"strategy_discussion"}
    assert "icpc" in firm_trigger_kinds("ICPC held; children made subject of CP plans.")


def test_undated_events_belong_to_no_episode() -> None:
    chronology = chronology_of(*FIRST_EPISODE, source(CSC, "", "Note on file, undated."))
    episodes_of(chronology)
    undated = [e for e in chronology.events if e.date.start is None]
    assert len(undated) == 1
    assert undated[0].episode is None
    assert all(undated[0].id not in e["events"] for e in chronology.episodes)


def test_the_authors_episodes_replace_detection() -> None:
    chronology = chronology_of(*FIRST_EPISODE)
    settings = {
        "episodes": [
            {
                "title": "The period after the closure",
                "start": dt.date(2010, 11, 1),
                "end": "2011-06-30",
            },
            {"start": "2010-08-01", "end": "2010-08-31"},
        ]
    }
    found = episodes_of(chronology, settings)
    assert list(found) == ["K0", "K1", "K2"]
    assert found["K1"]["title"] == "The first key episode: August 2010"
    assert found["K2"]["title"] == "The period after the closure"
    assert texts(chronology, "K2") == [
        "Two year review, speech delay.",
        "Chest infection, antibiotics.",
    ]
    assert texts(chronology, "K0") == ["Depression review. Sleep poor."]
    assert next(e for e in chronology.events if "Initial assessment" in e.text).episode is None
    assert chronology.meta["episode_detection"] == {"method": "review file"}
    with pytest.raises(ReviewFileError, match="ends before it starts"):
        episodes_of(chronology, {"episodes": [{"start": "2010-08-01", "end": "2010-07-01"}]})


def test_titles_follow_the_reports_style() -> None:
    assert month_range(dt.date(2010, 8, 9), dt.date(2010, 10, 28)) == "August to October 2010"
    assert (
        month_range(dt.date(2011, 11, 2), dt.date(2012, 2, 1)) == "November 2011 to February 2012"
    )
    assert month_range(dt.date(2012, 5, 1), dt.date(2012, 5, 23)) == "May 2012"
    assert episode_title(3, dt.date(2012, 5, 1), dt.date(2012, 8, 7)) == (
        "The third key episode: May to August 2012"
    )
    assert episode_title(10, dt.date(2012, 5, 1), dt.date(2012, 8, 7)).startswith("The tenth ")


# ---------------------------------------------------------------- the samples
DESIGN = SAMPLES / "design.toml"


@pytest.fixture(scope="module")
def merged_samples() -> Chronology:
    from chronology import pipeline
    from chronology.review.read import load_review

    paths = sorted((SAMPLES / "imrs").iterdir())
    review = load_review(SAMPLES / "review.toml")
    loaded = pipeline.load_all(paths, pipeline.spec_from(review))
    return pipeline.integrate(loaded, review)


def _month(text: str) -> tuple[int, int]:
    day = dt.date.fromisoformat(str(text))
    return day.year, day.month


@pytest.mark.skipif(not DESIGN.exists(), reason="samples/design.toml not built yet")
def test_detection_on_the_samples_matches_the_designed_episodes(merged_samples: Chronology) -> None:
    designed = tomllib.loads(DESIGN.read_text(encoding="utf-8"))["episodes"]
    found = merged_samples.episodes
    assert merged_samples.meta["episode_detection"]["method"] == "detected"
    assert [e["kind"] for e in found] == [d["kind"] for d in designed]
    for detected, design in zip(found, designed, strict=True):
        assert _month(detected["start"]) == _month(design["start"]), design["title"]
        assert _month(detected["end"]) == _month(design["end"]), design["title"]
        if design["kind"] == "key":
            assert detected["title"] == design["title"]


def _samples() -> tuple[Chronology, list[Source]]:
    loaded = load_all(sorted((SAMPLES / "imrs").iterdir()))
    return Chronology(events=merge(loaded.sources)), loaded.sources


def _episodes(chronology: Chronology) -> list[tuple[str, list[str]]]:
    assign_episodes(chronology, {})
    return [(e["id"], list(e["events"])) for e in chronology.episodes]


def test_the_death_is_always_in_an_episode_with_its_run_up() -> None:
    """One record of the death and one of the news of it: too few for a key episode by
    the counts, but the death is never left outside one; the bruise nine days before is
    its run-up."""
    chronology = chronology_of(
        source(GP, "25/08/2022", "Bruising to forearm, says she fell in the garden."),
        source(POLICE, "03/09/2022", "Found dead at home with head injuries; son arrested."),
        source(CSC, "05/09/2022", "Informed of her death."),
    )
    found = episodes_of(chronology)
    assert [(e["start"], e["end"]) for e in found.values()] == [("2022-08-25", "2022-09-05")]


def test_a_serious_incident_after_a_quiet_fortnight_opens_its_own_episode() -> None:
    chronology = chronology_of(
        source(POLICE, "02/11/2021", "Assault reported by 999 call."),
        source(CSC, "04/11/2021", "Referral received from police."),
        source(CSC, "20/11/2021", "Strategy discussion held with police."),
        source(HV, "11/01/2022", "Core group attended."),
        source(CSC, "11/01/2022", "Core group held."),
        # sixteen days later: the head injury, its own crisis
        source(HV, "27/01/2022", "Arrived by ambulance: infant drowsy, head injury."),
        source(POLICE, "28/01/2022", "Strategy meeting re head injury, police DS attended."),
        source(CSC, "28/01/2022", "Strategy discussion with police and paediatrician."),
    )
    found = episodes_of(chronology)
    assert [e["start"] for e in found.values()] == ["2021-11-02", "2022-01-27"]
