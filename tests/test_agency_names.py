"""Agencies named as a reader would, and typed by scoring every type, not the first match."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronology.loaders.agency import agency_from_filename, agency_name, clean_agency_name
from chronology.text.classify import agency_type, best_agency_type, type_of


@pytest.mark.parametrize(
    ("file", "agency"),
    [
        ("Adult Social Care (Chronolator) v2.docx", "Adult Social Care"),
        ("Adult Social Care (Chronolator.docx", "Adult Social Care"),  # bracket left open
        ("SAR Appendix 3 - Kingsmere CSC extract 2021-03-04.xlsx",
         "Kingsmere Children's Social Care"),  # acronym from the packaged list
        ("DHR 12 Kingsmere Hospital NHS Trust FINAL.xlsx", "Kingsmere Hospital NHS Trust"),
        ("Kingsmere_ASC_Chronology_v1.2.xlsx", "Kingsmere Adult Social Care"),
        ("Chronology for Kingsmere Police.csv", "Kingsmere Police"),
        ("KINGSMERE POLICE.xlsx", "Kingsmere Police"),
        ("Kingsmere Police (2).xlsx", "Kingsmere Police"),  # a copy's number
        ("(Draft) Kingsmere GP.csv", "Kingsmere GP"),
        ("Kingsmere Health Visiting (0-19) chronology.ods", "Kingsmere Health Visiting (0-19)"),
        ("Kingsmere Homes housing chronology.xlsx", "Kingsmere Homes"),  # "housing" repeats
        ("Willowbank Surgery GP chronology.csv", "Willowbank Surgery"),
        ("ASC chronology - Margaret (DHR) v1 draft 10-2022.xlsx", "Adult Social Care"),
        ("GP chronology - Brackley Road Surgery (Adult H) 2021.ods", "Brackley Road Surgery"),
        ("FGH chronology SAR C.csv", "FGH"),
        ("CSPR IMR Kingsmere Early Help draft.xlsx", "Kingsmere Early Help"),
        ("IMR.xlsx", "IMR"),  # nothing else to go on: the file's name as it is
    ],
)  # fmt: skip
def test_agency_from_filename_drops_review_words(file: str, agency: str) -> None:
    assert agency_from_filename(file) == agency


@pytest.mark.parametrize(
    ("file", "title", "agency"),
    [
        ("x.xlsx", [["Agency:", "Kingsmere Adult Social Care"]], "Kingsmere Adult Social Care"),
        ("Police.xlsx", [["Organisation: Kingsmere Home Care Ltd"]], "Kingsmere Home Care Ltd"),
        # the file says what its acronym means
        ("WMP chronology.xlsx", [["Report from West Mercia Police (WMP)"]], "West Mercia Police"),
        # a file name naming no kind of agency: the title's first line, when it names one
        ("IMR 3.xlsx", [["Kingsmere Ambulance Service"], ["DHR Adult K"]],
         "Kingsmere Ambulance Service"),
        # a file name naming the agency is believed before a title line
        ("Kingsmere Police IMR chronology.xlsx", [["KINGSMERE POLICE"], ["IMR - Chronology"]],
         "Kingsmere Police"),
        # a title line that names no agency is not a name
        ("IMR 3.xlsx", [["Safeguarding Adults Review: Adult B"]], "IMR 3"),
    ],
)  # fmt: skip
def test_agency_name_from_title_block(file: str, title: list[list[object]], agency: str) -> None:
    assert agency_name(file, title) == agency


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kingsmere Adult Social Care", "adult_social_care"),
        ("Kingsmere Children's Social Care", "childrens_social_care"),
        ("Kingsmere Hospital NHS Trust", "acute_hospital"),
        ("Kingsmere Hospital Maternity Services", "maternity"),
        ("Kingsmere Mental Health NHS Foundation Trust", "mental_health"),
        ("Adult Social Care Learning Disability Team", "learning_disability"),
        ("Kingsmere Early Help Service", "early_help"),
        ("Kingsmere Home Care", "care_provider"),
        ("Fenmarsh Lodge Care Home", "care_provider"),
        ("Fenmarsh District Nursing", "community_nursing"),
        ("Wenlow Fire and Rescue Service", "fire_rescue"),
        ("Kingsmere Drug and Alcohol Service", "substance_misuse"),
        ("Kingsmere Community Rehabilitation Company", "probation"),
        ("School Nursing Service", "school_nursing"),
        ("St Anne's Primary School", "education"),
        ("North Kingsmere Ambulance Service", "ambulance"),
        ("Kingsmere Women's Aid", "domestic_abuse_service"),
        ("Kingsmere Police Domestic Abuse Unit", "police"),  # a tie: the type listed first
        ("Kingsmere Borough Council", None),
    ],
)
def test_agency_type_scores_every_type(name: str, kind: str | None) -> None:
    assert best_agency_type(name) == kind


def test_title_block_breaks_a_name_that_says_nothing() -> None:
    assert best_agency_type("Kingsmere Council", "Adult Social Care: safeguarding") == (
        "adult_social_care"
    )


def test_a_records_found_type_comes_before_its_agencys_name() -> None:
    from tests.conftest import source

    record = source("Kingsmere Council", "01/02/2012", "Tenancy visit")
    assert agency_type("Kingsmere Council") is None
    assert type_of(record) is None
    record.agency_type = "housing"  # as loading found it (a title block, the review file)
    assert type_of(record) == "housing"


def test_every_record_of_an_agency_carries_its_type_and_keeps_it_when_read_back(
    tmp_path: Path,
) -> None:
    from chronology import pipeline, render
    from chronology.model.codec import read_chronology

    samples = Path(__file__).resolve().parents[1] / "samples" / "imrs"
    loaded = pipeline.load_all(sorted(samples.iterdir()))
    police = [s for s in loaded.sources if s.agency == "Kingsmere Police"]
    assert police
    assert {s.agency_type for s in police} == {"police"}
    chronology = pipeline.integrate(loaded)
    render.write_all(chronology, chronology, tmp_path, [])
    again = read_chronology(tmp_path / "chronology.json")
    assert {s.agency_type for e in again.events for s in e.sources} == {
        s.agency_type for s in loaded.sources
    }


def test_clean_name_balances_brackets() -> None:
    assert clean_agency_name("Social Care (Chronolator") == "Social Care"
    assert clean_agency_name("Social Care) extract") == "Social Care"
