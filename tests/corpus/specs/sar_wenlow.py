"""SAR Adult W (Wenlow): self-neglect by a man with a learning disability; death in a fire.

Habits and where they came from (all names invented):
- "Where there is no agency contact for periods ... make this clear", glossary of
  abbreviations, one chronology template for all agencies: SSASPB "SAR 3b: Chronology
  guidance and template" (https://www.ssaspb.org.uk/Guidance/SAR-3b-chronology-template.aspx).
- ASC cover sheet with version/sign-off table and continuation sheet; "Case Note": SAR
  chronology requests in Cambridgeshire and Peterborough SAB "Guidance for completing SAR
  chronologies" (https://www.safeguardingcambspeterborough.org.uk/adults-board/
  cpsabprocedures/guidance-for-completing-sar-chronologies/).
- s42 planning, MARM / self-neglect panel, best-interests meetings, safe and well visits,
  discharge planning: the project's domain brief (SAR vocabulary) and Care Inspectorate
  "Practice guide to chronologies" (https://www.iriss.org.uk/taxonomy/term/5363?page=11).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import UNDATED, Agency, Review, day, row, span, year

D = dt.date
DT = dt.datetime

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
ASC = Agency(
    name="Wenlow Adult Social Care", aliases=["Wenlow ASC"], type="adult_social_care",
    file="SAR Adult W - ASC chronology v2 (signed off).xlsx", fmt="xlsx", sheet="Chronology",
    continuation_after=4,
    title=["Wenlow Council – Adult Social Care", "SAR Adult W: single agency chronology"],
    cover=[["Version", "Date", "Author", "Signed off"],
           ["1.0", "05/01/2023", "P. Garside (SW)", ""],
           ["2.0", "20/01/2023", "P. Garside (SW)", "Principal SW, 23/01/2023"]],
    headings=["Date", "Case Note", "Worker", "Outcome", "Date Recorded"],
    date_cols=["Date", "Date Recorded"],
    rows=[
        row(D(2022, 2, 9), "Safeguarding concern received from Brightstar Home Care: hoarding, "
            "no heating, rotting food.", "Front door", "Section 42 enquiry.", D(2022, 2, 9),
            tags="occ:concern"),
        row(D(2022, 2, 21), "s42 planning meeting: LD team, fire service and housing "
            "present.", "SW P. Garside", "Fire safe and well visit; deep clean offered.",
            D(2022, 2, 22), tags="occ:s42p conflict:s42p"),
        row(D(2022, 4, 12), "MARM (self-neglect panel) held.", "SW P. Garside",
            "Lead: housing.", D(2022, 4, 12), tags="occ:marm"),
        row(D(2022, 6, 24), "Discharge planning meeting on Ward 9.", "Hospital SW",
            "Home with double-up care.", D(2022, 6, 24), tags="occ:discharge"),
        row(D(2022, 7, 5), "Best interests meeting about accepting a deep clean.",
            "SW P. Garside", "Clean in Gareth's best interests.", D(2022, 7, 6),
            tags="occ:bim apart:mca"),
        row(D(2022, 11, 21), "Informed by police of Gareth's death in a fire on 20/11.",
            "Team manager", "SAR referral.", D(2022, 11, 21)),
    ],
)

LD_TEAM = Agency(
    name="Wenlow Community Learning Disability Team", aliases=["Wenlow CLDT"],
    type="learning_disability", file="CLDT chronology (SAR Adult W) appendix 3.docx",
    fmt="docx",
    title=["Community Learning Disability Team", "SAR Adult W – appendix 3: chronology"],
    headings=["Date", "Narrative", "Practitioner"],
    date_cols=["Date"],
    rows=[
        row("1990s", "Moved from a long-stay hospital to supported living.", "Records",
            t=span("1990-01-01", "1999-12-31")),
        row("21/02/2022", "Attended s42 planning meeting.", "LD nurse O. Fry",
            tags="occ:s42p"),
        row("05/07/2022", "Mental capacity assessment before the meeting: lacks capacity to "
            "decide about the clean.", "LD nurse O. Fry", tags="apart:mca"),
        row("05/07/2022", "Best interests meeting attended.", "LD nurse O. Fry",
            tags="occ:bim"),
    ],
)

GP = Agency(
    name="Wenlow Health Centre", type="gp", file="Wenlow Health Centre GP records extract.csv",
    fmt="csv1252",
    headings=["Consultation Date", "Clinician", "Entry", "Outcome"],
    date_cols=["Consultation Date"],
    rows=[
        row("2003 or 2004", "Records", "Registered with practice when tenancy began.", "",
            t=year(2003, 2004)),
        row("14/01/2022", "Dr H. Mistry", "Annual LD health check: drinks about 8 cans a day; "
            "weight loss.", "Alcohol advice; bloods.", tags="find:alcohol"),
        row("12/04/2022", "Dr H. Mistry", "GP report sent to the self-neglect panel (MARM).",
            "", tags="occ:marm"),
    ],
)

FIRE = Agency(
    name="Wenlow Fire and Rescue Service", aliases=["WFRS"], type="fire_rescue",
    file="WFRS safe and well chronology.ods", fmt="ods", sheet="Safe and Well",
    headings=["Date", "Time", "Log No", "Details", "Crew / Advocate"],
    date_cols=["Date", "Time"],
    rows=[
        row(D(2022, 2, 12), "10:00", "", "Attended s42 planning meeting about Gareth.",
            "Advocate J. Penn", tags="occ:s42p conflict:s42p"),
        row(D(2022, 3, 3), "14:00", "SW-2203", "Safe and well visit: smoke alarm fitted; "
            "combustibles stacked against the heater.", "Advocate J. Penn",
            tags="apart:visits"),
        row(D(2022, 3, 10), "14:00", "SW-2211", "Follow-up safe and well visit: second alarm "
            "fitted; fire-retardant bedding left.", "Advocate J. Penn", tags="apart:visits"),
        row(D(2022, 11, 20), "02:14", "INC-9031", "Fire at 4 Lapwing Court. Male casualty "
            "recovered from bedroom, CPR by crew.", "Watch Manager C. Rudd",
            tags="occ:death"),
    ],
)

HOUSING = Agency(
    name="Wenlow Housing", aliases=["Wenlow Council Housing"], type="housing",
    file="Housing chronology - Gareth PIKE.csv", fmt="csvsemi",
    headings=["Date", "Officer", "Notes", "Action"],
    date_cols=["Date"],
    rows=[
        row("14/03/2022", "HO M. Crane", "Housing officer requested a MARM referral for "
            "self-neglect.", "Referral form sent.", tags="apart:request"),
        row("12/04/2022", "HO M. Crane", "MARM: housing agreed to lead.", "Fortnightly visits.",
            tags="occ:marm apart:request"),
        row("31/04/2022", "HO M. Crane", "Gas safety check refused at the door.", "Re-book.",
            t=UNDATED),
        row("2022-08-30", "HO M. Crane", "Tenancy visit: flat cluttered again.", "",
            t=day("2022-08-30")),
    ],
)

HOME_CARE = Agency(
    name="Brightstar Home Care", type="care_provider",
    file="Brightstar Home Care log (SAR extract).xls", fmt="xls", sheet="Log",
    headings=["Date", "Time", "Carer", "Log No", "Entry"],
    date_cols=["Date", "Time"],
    rows=[
        row(D(2022, 2, 7), "09:15", "Care coordinator", "BHC-771", "Raised safeguarding "
            "concern with ASC: hoarding, no heating, food rotting. No alcohol seen in the "
            "flat.", tags="occ:concern find:noalcohol"),
        row(D(2022, 6, 24), "", "Care coordinator", "BHC-802", "Attended discharge planning "
            "meeting at hospital; double-up calls agreed.", tags="occ:discharge"),
        row(D(2022, 9, 12), "08:00", "Carer", "BHC-844", "Gareth refused care; carer left "
            "after 5 minutes."),
    ],
)

AMBULANCE = Agency(
    name="HWAS", aliases=["Harrowfield and Wenlow Ambulance Service"], type="ambulance",
    file="HWAS ePCR extract - Adult W.xlsx", fmt="xlsx", date1904=True, sheet="Sheet1",
    headings=["DateTime", "Incident No", "Presenting issue", "Clinician", "Outcome"],
    date_cols=["DateTime"],
    rows=[
        row(DT(2022, 6, 18, 7, 45), "INC-6610", "Male found on floor by carer, long lie, "
            "confused.", "Paramedic R. Hale", "Conveyed to WRI.", tags="occ:admit"),
        row(DT(2022, 11, 20, 2, 31), "INC-9032", "Fire casualty, cardiac arrest; ROLE "
            "confirmed 02:55.", "Paramedic R. Hale", "Police informed.", tags="occ:death"),
    ],
)

HOSPITAL = Agency(
    name="Wenlow Royal Infirmary", aliases=["WRI"], type="acute_hospital",
    file="WRI chronology (SAR W).xlsx", fmt="xlsx", sheet="Sheet1",
    title=["Wenlow Royal Infirmary", "Inpatient chronology"],
    headings=["Start Date", "End Date", "Clinical Entry", "Clinician"],
    date_cols=["Start Date", "End Date"],
    rows=[
        row(D(2022, 6, 18), D(2022, 6, 27), "Admitted via ED after a long lie: dehydration, "
            "rhabdomyolysis. Discharged home 27/06.", "Dr L. Sato",
            t=span("2022-06-18", "2022-06-27"), also=(day("2022-06-18"),), tags="occ:admit"),
        row(D(2022, 6, 24), "", "Discharge planning meeting: ASC, home care.", "Ward sister",
            tags="occ:discharge"),
    ],
)

POLICE = Agency(
    name="Wenlow Police", type="police", file="Wenlow Police - SAR W chronology.docx",
    fmt="docx",
    headings=["Date/Time", "Log No", "Description", "Officer"],
    date_cols=["Date/Time"],
    rows=[
        row("20/11/2022 02:40", "Log 0212", "Attended fire at 4 Lapwing Court; male deceased, "
            "no suspicious circumstances.", "PS 44 CORBY", tags="occ:death"),
    ],
)

REVIEW = Review(
    slug="sar_wenlow", kind="SAR", title="Safeguarding Adults Review – Adult W",
    start="2022-01-01", end="2022-11-20",
    agencies=[ASC, LD_TEAM, GP, FIRE, HOUSING, HOME_CARE, AMBULANCE, HOSPITAL, POLICE],
    templates=[
        "SSASPB SAR 3b: Chronology guidance and template (ssaspb.org.uk)",
        "Cambridgeshire and Peterborough SAB: Guidance for completing SAR chronologies",
        "Care Inspectorate: Practice guide to chronologies (iriss.org.uk)",
    ],
    episodes=[
        ("2022-02-07", "2022-04-12", "Safeguarding concern, s42 and MARM"),
        ("2022-06-18", "2022-07-05", "Admission, discharge and best interests"),
        ("2022-11-20", "2022-11-21", "The fire"),
    ],
    findings=[
        {"kind": "indicator", "indicator": "substance_misuse", "agency": "Wenlow Health Centre",
         "row": "alcohol"},
        {"kind": "not_indicator", "indicator": "substance_misuse", "row": "noalcohol",
         "why": "negated: no alcohol seen"},
    ],
)
# fmt: on
