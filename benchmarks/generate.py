"""Generate N agencies × M rows of synthetic chronologies (xlsx) for the benchmark.

Two kinds of text (``KINDS``): "everyday", a broad chronology vocabulary in which about 40 % of
rows name another agency, as in the samples; and "dense", a vocabulary of 60 words in which
most rows name a meeting kind and an agency, so that the work which looks for meetings and
agencies in the text finds them in nearly every row.

About 10 % of rows are multi-agency occurrences: the same meeting or call recorded by a second
agency in its own words. Each file runs in date order, as agency chronologies do, with about
1 % of rows out of place. Deterministic for a given seed and kind, to the byte.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

FIXED_TIME = dt.datetime(2020, 1, 1)

AGENCY_TYPES = [
    "Police", "Childrens Social Care", "Health Visiting", "GP Practice", "Housing", "Womens Aid",
    "Nursery", "Maternity Services", "Probation", "Mental Health Trust", "Ambulance Service",
    "School", "Adult Social Care", "Hospital Trust",
]  # fmt: skip
# Everyday chronology vocabulary; agency words are a small part of it, so that about 40 % of
# rows name another agency, as in the samples (37 %).
WORDS = (
    "mother child children father visit home concerns reported bruising attendance rent "
    "arrears appointment medication review sleep mood alcohol partner argument neighbour noise "
    "letter support plan discussed advised safety contact family grandmother weight feeding "
    "immunisation injury explanation consistent seen spoke telephone message left no answer "
    "address moved benefits money debt food bank clothing bedroom cot heating damp repairs "
    "cooker kitchen garden car friend sister brother aunt uncle cousin birthday christmas "
    "holiday weekend evening morning afternoon night shouting crying quiet tired unwell cough "
    "temperature rash fever vomiting asthma inhaler prescription pharmacy dentist eyes hearing "
    "speech language development milestones play toys books tv phone text messages upset "
    "angry calm cooperative engaged declined agreed refused cancelled rearranged attended "
    "waiting list outcome update records checked information shared consent confidential "
    "worried anxious low stress panic counselling course group parenting routine bedtime "
    "school nursery housing police cannabis"
).split()
SHARED = [
    (
        "Strategy discussion with {other} regarding the children",
        "Strategy discussion held with {other}",
    ),
    ("Initial child protection conference attended", "ICPC held, {other} present"),
    ("Core group meeting at the children's centre", "Attended core group with {other}"),
    (
        "Telephoned {other} to share concerns about the family",
        "Call received from {other} sharing concerns",
    ),
    ("Referral sent to {other}", "Referral received from {other}"),
]


# "dense": meeting kinds and agencies as the agencies write them, and the few words around them.
MEETINGS = [
    "strategy discussion", "ICPC", "RCPC", "core group", "MARAC", "s42 planning meeting",
    "MASH screening", "professionals meeting", "discharge planning meeting",
    "child in need meeting", "TAC meeting", "MAPPA meeting",
]  # fmt: skip
AGENCIES = [
    "police", "CSC", "GP", "HV", "school", "ambulance", "A&E", "housing", "probation",
    "midwife", "IDVA", "CAMHS", "nursery", "social worker",
]  # fmt: skip
DENSE_FILLER = (
    "attended held with by at for and to invited minutes shared agreed actions plan referral "
    "concerns mother father children risk consent discussed safety outcome update information"
).split()
DENSE_WORDS = sorted({*DENSE_FILLER, *(w for p in MEETINGS + AGENCIES for w in p.split())})
DENSE_FORMS = [
    "{meeting} held with {agency}",
    "{agency} attended {meeting}",
    "{meeting}, {agency} and {other} present",
    "Invited to {meeting} by {agency}",
    "{agency} shared information at {meeting}",
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."


def _dense_text(rng: random.Random) -> str:
    """Most rows (85 %) name a meeting kind and one or two agencies; the rest of every row
    comes from the same small vocabulary, so agency and meeting words are everywhere."""
    words = [rng.choice(DENSE_WORDS) for _ in range(rng.randint(6, 30))]
    if rng.random() < 0.85:
        agency, other = rng.sample(AGENCIES, 2)
        form = rng.choice(DENSE_FORMS)
        words.insert(0, form.format(meeting=rng.choice(MEETINGS), agency=agency, other=other))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


KINDS: dict[str, Callable[[random.Random], str]] = {"everyday": _text, "dense": _dense_text}


def _in_date_order(entries: list[tuple[dt.datetime, str, str]], rng: random.Random) -> None:
    """Agency chronologies run in date order; about 1 % of rows sit out of place (an entry
    added late, a pasted block), which the out-of-order check reports."""
    entries.sort(key=lambda entry: entry[0])
    for _ in range(len(entries) // 100):
        entries.insert(rng.randrange(len(entries)), entries.pop(rng.randrange(len(entries))))


def generate(
    folder: Path, agencies: int, rows: int, seed: int = 7, kind: str = "everyday"
) -> list[Path]:
    text = KINDS[kind]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = [
        f"Area {i // len(AGENCY_TYPES) + 1} {AGENCY_TYPES[i % len(AGENCY_TYPES)]}"
        for i in range(agencies)
    ]
    tables: dict[str, list[tuple[dt.datetime, str, str]]] = {n: [] for n in names}
    start = dt.datetime(2008, 1, 1)
    for name in names:
        for _ in range(rows):
            when = start + dt.timedelta(days=rng.randint(0, 3650), minutes=rng.randint(480, 1080))
            if rng.random() < 0.1 and len(names) > 1:
                other = rng.choice([n for n in names if n != name])
                mine, theirs = rng.choice(SHARED)
                tables[name].append((when, mine.format(other=other.split(" ", 2)[2]), "Shared"))
                # the other agency's record of the same occurrence replaces one of its own rows
                tables[other].append((when, theirs.format(other=name.split(" ", 2)[2]), "Shared"))
            else:
                tables[name].append(
                    (when, text(rng), rng.choice(["NFA", "Advice given", "Review"]))
                )
    paths = []
    for name, generated in tables.items():
        entries = generated[:rows]  # a second agency's records of shared occurrences may overflow
        _in_date_order(entries, rng)
        path = folder / f"{name} IMR chronology.xlsx"
        workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        workbook.set_properties({"created": FIXED_TIME})  # same seed, same bytes
        sheet = workbook.add_worksheet("Chronology")
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        sheet.write_row(0, 0, ["Date/Time", "Details", "Outcome", "Officer"])
        for row, (when, text, outcome) in enumerate(entries, start=1):
            sheet.write_datetime(row, 0, when, date_format)
            sheet.write_string(row, 1, text)
            sheet.write_string(row, 2, outcome)
            sheet.write_string(row, 3, f"Worker {row % 17}")
        workbook.close()
        paths.append(path)
    return paths
