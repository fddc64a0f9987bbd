"""SAR Mrs C (Fenmarsh): neglect and an alleged assault in a care home; death in hospital.

Habits and where they came from (all names invented):
- One template for all agencies, sent with a glossary request and "no contact" periods
  stated: SSASPB "SAR 3b: Chronology guidance and template"
  (https://www.ssaspb.org.uk/Guidance/SAR-3b-chronology-template.aspx).
- Care-home "Log No / Date of writing", community nursing "DN" entries, respite stay split
  across Start Date and End Date: Cambridgeshire and Peterborough SAB "Guidance for completing
  SAR chronologies" (safeguardingcambspeterborough.org.uk).
- "Date/Time" police log and ISO "DateTime" exports; s42 planning and review meetings,
  strategy meeting: Teeswide SAB "Safeguarding Adult Review (SAR) Policy & Procedures"
  (https://www.tsab.org.uk/professionals/safeguarding-adult-review-sar-policy-procedures/).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import Agency, Review, day, month, row, span

D = dt.date
DT = dt.datetime

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
CARE_HOME = Agency(
    name="Fenmarsh Lodge Care Home", type="care_provider",
    file="Fenmarsh Lodge - SAR chronology (Mrs C) final v2.xlsx", fmt="xlsx",
    sheet="Chronology", continuation_after=3,
    title=["Fenmarsh Lodge Care Home", "Chronology for the Safeguarding Adults Review"],
    cover=[["Version", "Date", "Prepared by", "Signed off"],
           ["1", "10/05/2023", "Home manager", ""],
           ["2", "26/05/2023", "Home manager", "Regional director 30/05/2023"]],
    headings=["Start Date", "End Date", "Log No", "Entry", "Staff", "Date of writing"],
    date_cols=["Start Date", "End Date", "Date of writing"],
    rows=[
        row(D(2022, 10, 3), D(2022, 10, 31), "FL-001", "Respite stay; Irene settled well.",
            "Manager", D(2022, 11, 1), t=span("2022-10-03", "2022-10-31")),
        row(D(2022, 11, 14), "", "FL-019", "Admitted as a permanent resident.", "Manager",
            D(2022, 11, 14)),
        row(D(2023, 1, 10), "", "FL-061", "DN visited: grade 3 pressure ulcer to sacrum.",
            "Senior carer", D(2023, 1, 24)),
        row(D(2023, 2, 1), "", "FL-077", "Irene told her daughter a carer slapped her. "
            "Manager informed police and ASC.", "Manager", D(2023, 2, 2), tags="occ:slap"),
        row(D(2023, 3, 8), "", "FL-101", "Attended discharge planning meeting at FGH.",
            "Deputy manager", D(2023, 3, 8), tags="occ:discharge"),
        row(D(2023, 3, 15), "", "FL-105", "Informed by FGH that Irene died this morning.",
            "Manager", D(2023, 3, 15), tags="occ:death"),
    ],
)

ASC = Agency(
    name="Fenmarsh Adult Social Care", aliases=["Fenmarsh ASC"], type="adult_social_care",
    file="ASC - SAR Mrs C chronology (draft) 04.2023.docx", fmt="docx",
    title=["Fenmarsh County Council – Adult Social Care", "SAR Mrs C: agency chronology"],
    headings=["Date", "Contact Summary", "Worker", "Outcome / Action"],
    date_cols=["Date"],
    rows=[
        row("12/01/2023", "Safeguarding concern received from district nursing: grade 3 "
            "pressure ulcer.", "Safeguarding hub", "s42 enquiry.", tags="occ:concern"),
        row("19/01/2023", "s42 planning meeting with care home and DN.", "SW N. Harker",
            "Repositioning chart; tissue viability.", tags="occ:s42p"),
        row("16/02/2023", "Strategy meeting with police about the alleged slap.",
            "SW N. Harker", "Police to lead.", tags="occ:strat conflict:strat"),
        row("02/03/2023", "s42 review meeting.", "SW N. Harker", "", tags="apart:s42s"),
        row("08/03/2023", "Discharge planning meeting at FGH.", "Hospital SW", "Nursing "
            "bed required.", tags="occ:discharge apart:s42s"),
        row("15/03/2023", "Informed of Irene's death in hospital.", "SW N. Harker",
            "SAR referral.", tags="occ:death"),
    ],
)

DN = Agency(
    name="Fenmarsh Community Nursing", aliases=["Fenmarsh District Nursing"],
    type="community_nursing", file="DN chronology - Irene C.ods", fmt="ods", sheet="DN",
    headings=["Date", "Time", "Details", "Clinician", "Plan"],
    date_cols=["Date", "Time"],
    rows=[
        row(D(2023, 1, 3), "11:00", "Grade 2 pressure ulcer, sacrum.", "DN A. Lowe",
            "Dressings twice weekly.", tags="apart:visits"),
        row(D(2023, 1, 10), "11:20", "Now grade 3. Safeguarding concern raised with ASC.",
            "DN A. Lowe", "Tissue viability referral.", tags="apart:visits occ:concern"),
        row(D(2023, 1, 19), "", "s42 planning meeting attended.", "DN A. Lowe", "",
            tags="occ:s42p"),
    ],
)

GP = Agency(
    name="Marshgate Surgery", type="gp", file="Marshgate Surgery - GP chronology.xls",
    fmt="xls", sheet="GP",
    headings=["Date", "Clinician", "Entry"],
    date_cols=["Date"],
    rows=[
        row("2019/20", "Records", "Diagnosed with vascular dementia during the year.",
            t=span("2019-04-01", "2020-03-31")),
        row(D(2022, 12, 6), "Dr T. Greaves", "Care home review: low mood, tearful, eating "
            "little.", tags="find:mood"),
        row("early March 2023", "Dr T. Greaves", "Not seen; no contact with the practice "
            "this period.", t=span("2023-03-01", "2023-03-10")),
    ],
)

HOSPITAL = Agency(
    name="Fenmarsh General Hospital", aliases=["FGH"], type="acute_hospital",
    file="FGH chronology SAR C.csv", fmt="csv1252",
    headings=["DateTime", "Ward", "Clinical Entry", "Clinician"],
    date_cols=["DateTime"],
    rows=[
        row("2023-03-01T10:05", "ED", "Brought in by ambulance: sepsis from infected sacral "
            "ulcer; admitted.", "Dr P. Oyelaran", t=day("2023-03-01"), tags="occ:admit"),
        row("08/03/2023", "Ward 4", "Discharge planning meeting: ASC, care home.",
            "Discharge coordinator", tags="occ:discharge"),
        row("15/03/2023", "Ward 4", "Irene died at 06:20.", "Dr P. Oyelaran",
            tags="occ:death"),
    ],
)

AMBULANCE = Agency(
    name="Fenmarsh Ambulance Service", aliases=["FAS"], type="ambulance",
    file="FAS call log - Mrs C.csv", fmt="csvsemi",
    headings=["Date-Time", "Incident No", "Presenting issue", "Crew"],
    date_cols=["Date-Time"],
    rows=[
        row("01/03/2023 09:22", "INC-551", "Care home reports resident hot, confused, foul "
            "smelling wound.", "Paramedic S. Wynn", tags="occ:admit"),
    ],
)

POLICE = Agency(
    name="Fenmarsh Police", type="police", file="Fenmarsh Police chronology.xlsx", fmt="xlsx",
    date1904=True, sheet="Sheet1",
    headings=["Date/Time", "Log No", "Details of Incident / Contact", "Officer"],
    date_cols=["Date/Time"],
    rows=[
        row(DT(2023, 2, 1, 16, 0), "Log 771", "Report from care home manager: resident says "
            "a carer slapped her.", "PC 9 HOLT", tags="occ:slap"),
        row(DT(2023, 2, 6, 10, 0), "CR-23-118", "Strategy meeting held with ASC, police DS "
            "attended; carer suspended.", "DS 3 VICKERS", tags="occ:strat conflict:strat"),
        row("end of May 2023", "CR-23-118", "NFA: insufficient evidence.", "DS 3 VICKERS",
            t=span("2023-05-21", "2023-05-31")),
    ],
)

OA_CMHT = Agency(
    name="Fenmarsh Older Adults CMHT", aliases=["Fenmarsh OA CMHT"], type="mental_health",
    file="OA CMHT extract (SAR).docx", fmt="docx",
    headings=["Date of Contact", "Case Note", "Clinician", "Analysis"],
    date_cols=["Date of Contact"],
    rows=[
        row("Dec 2022", "Referral from GP: depression in dementia.", "Duty", "Waiting list.",
            t=month(2022, 12)),
        row("?14/02/2023", "Assessment at the home: depressed mood, says she is frightened of "
            "one carer.", "CPN D. Yates", "Sertraline suggested.", t=day("2023-02-14"),
            tags="find:depressed"),
    ],
)

REVIEW = Review(
    slug="sar_fenmarsh", kind="SAR", title="Safeguarding Adults Review – Mrs C",
    start="2022-10-01", end="2023-03-15",
    agencies=[CARE_HOME, ASC, DN, GP, HOSPITAL, AMBULANCE, POLICE, OA_CMHT],
    templates=[
        "SSASPB SAR 3b: Chronology guidance and template (ssaspb.org.uk)",
        "Cambridgeshire and Peterborough SAB: Guidance for completing SAR chronologies",
        "Teeswide SAB: SAR Policy & Procedures (tsab.org.uk)",
    ],
    episodes=[
        ("2023-01-03", "2023-02-16", "Pressure ulcer, s42 and the alleged assault"),
        ("2023-03-01", "2023-03-15", "Admission, discharge planning and death"),
    ],
    findings=[
        {"kind": "indicator", "indicator": "mental_ill_health",
         "agency": "Fenmarsh Older Adults CMHT", "row": "depressed"},
        {"kind": "indicator", "indicator": "mental_ill_health", "agency": "Marshgate Surgery",
         "row": "mood"},
    ],
)
# fmt: on
