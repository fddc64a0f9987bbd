"""CSPR Child O (Oakhurst): neglect, then a toddler's methadone ingestion.

Habits and where they came from (all names invented):
- School "Date or Period of Event / Significant Event / Source / Impact (Either Positive or
  Negative) / Action Taken": Tayside Template "Chronology of Significant Events"
  (https://paperzz.com/doc/7159743/).
- Academic-year and term dates ("2019/20", "Autumn term 2020"), nursery observations:
  Scotland "National Guidance for Child Protection 2021", chronologies 3.172-3.177
  (https://scotgov.theapsgroup.scot/national-guidance-for-child-protection-in-scotland/129/).
- Police cover sheet with a version table: IMR packs as in the Pan Dorset DHR protocol
  (pdfslide.us) and Cambridgeshire and Peterborough "Guidance for CSPRs" templates.
- Multi-agency screening, CIN meeting, discharge planning: the meetings named in Tees CPP
  "Single-Agency and Multi-Agency Child's Chronology" (teescpp.org.uk).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import UNDATED, Agency, Review, day, month, row, span

D = dt.date
DT = dt.datetime
ODAS = "Oakhurst Drug and Alcohol Service"

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
CSC = Agency(
    name="Oakhurst Children's Social Care", aliases=["Oakhurst CSC"],
    type="childrens_social_care", file="CSC chronology CSPR Child O v1.xls", fmt="xls",
    sheet="CSC",
    headings=["Date", "Case Note", "Author", "Outcome", "Recorded on"],
    date_cols=["Date", "Recorded on"],
    rows=[
        row(D(2020, 3, 16), "Contact from school: Child P says mum sleeps all day and there is "
            "no food.", "MASH", "Multi-agency screening.", D(2020, 3, 16), tags="occ:schref"),
        row(D(2020, 3, 17), "Multi-agency joint screening with police and school nursing.",
            "MASH TM", "Child and family assessment.", D(2020, 3, 18), tags="occ:mash"),
        row(D(2020, 5, 20), "Child in need meeting (virtual).", "SW J. Kerr", "CIN plan.",
            D(2020, 5, 21), tags="occ:cin apart:meetings"),
        row(D(2020, 9, 15), "Professionals' meeting: nursery and school worried about "
            "hygiene.", "SW J. Kerr", "Consider strategy discussion.", D(2020, 9, 15),
            tags="apart:meetings"),
        row(D(2020, 10, 29), "Strategy discussion: neglect, s47 enquiry.", "TM S. Boyle",
            "ICPC.", D(2020, 10, 29), tags="occ:strat1"),
        row(D(2020, 11, 19), "ICPC: both children on CP plans (neglect).", "IRO", "",
            D(2020, 11, 19), tags="occ:icpc"),
        row(D(2020, 12, 3), "First core group.", "SW J. Kerr", "", D(2020, 12, 7),
            tags="occ:cg1"),
        row(D(2021, 6, 2), "Strategy discussion after Child O's methadone ingestion.",
            "TM S. Boyle", "S47; children placed with MGM.", D(2021, 6, 2),
            tags="occ:strat2 conflict:strat2"),
        row(D(2021, 6, 4), "Discharge planning meeting at hospital: Child O to MGM's care.",
            "SW J. Kerr", "", D(2021, 6, 4), tags="occ:discharge"),
    ],
)

POLICE = Agency(
    name="Oakhurst Police", type="police",
    file="Oakhurst Police IMR chronology (CSPR Child O) FINAL.xlsx", fmt="xlsx",
    sheet="Chronology",
    cover=[["Version", "Date", "Author", "Status"],
           ["v0.3", "20/07/2021", "DS E. Mallory", "draft"],
           ["v1", "02/08/2021", "DS E. Mallory", "final"]],
    title=["Oakhurst Police – Public Protection Unit", "CSPR Child O: chronology"],
    headings=["Date/Time", "Log No", "Event", "Officer", "Action Taken"],
    date_cols=["Date/Time"],
    rows=[
        row(DT(2020, 3, 17, 11, 0), "MASH-441", "MASH screening: police checks shared; father "
            "Callum REID known for supply of cannabis.", "DC H. Sowerby", "",
            tags="occ:mash"),
        row(DT(2020, 8, 14, 22, 30), "Log 3301", "Welfare check at home. Children asleep. No "
            "evidence of drug use in the home.", "PC 610 LOWRY", "Notification to CSC.",
            tags="find:nodrugs"),
        row(DT(2020, 10, 29, 14, 0), "CP-2020-77", "Strategy meeting held, police DS attended.",
            "DS E. Mallory", "Joint s47 not required.", tags="occ:strat1"),
        row(DT(2021, 5, 29, 20, 30), "Log 5120", "Informed by hospital: Child O (2) has "
            "swallowed methadone at home.", "PC 702 BRAY", "Officers to address; methadone "
            "bottle seized."),
        row(DT(2021, 5, 30, 10, 0), "CP-2021-31", "Strategy meeting held, police DS "
            "attended; parents to be interviewed.", "DS E. Mallory", "",
            tags="occ:strat2 conflict:strat2"),
    ],
)

SCHOOL = Agency(
    name="Oakhurst Primary Academy", type="education",
    file="Oakhurst Primary Academy - chronology (Child P).docx", fmt="docx",
    title=["Oakhurst Primary Academy", "Safeguarding chronology – Child P (sibling of Child O)"],
    source="Tayside Template: Chronology of Significant Events",
    headings=["Date or Period of Event", "Significant Event", "Source",
              "Impact (Either Positive or Negative)", "Action Taken"],
    date_cols=["Date or Period of Event"],
    rows=[
        row("2019/20", "Attendance 87%; frequent lateness.", "Attendance officer", "Negative",
            "Letters home.", t=span("2019-09-01", "2020-07-31"),
            also=(span("2019-04-01", "2020-03-31"),)),
        row("12/03/2020", "Child P told teacher mum 'sleeps all day' and there is no food at "
            "home.", "Class teacher", "Negative", "DSL referral to CSC.", tags="occ:schref"),
        row("20/05/2020", "DSL attended CIN meeting by video.", "DSL", "", "",
            tags="occ:cin"),
        row("Autumn term 2020", "Uniform dirty, Child P hungry most mornings.", "DSL",
            "Negative", "Breakfast club.", t=span("2020-09-01", "2020-12-18"),
            also=(span("2020-09-01", "2020-12-31"),)),
        row("19/11/2020", "DSL attended ICPC.", "DSL", "", "", tags="occ:icpc"),
    ],
)

SCHOOL_NURSING = Agency(
    name="Oakhurst School Nursing Service", type="school_nursing",
    file="School Nursing - Child P - extract.csv", fmt="csvsemi",
    headings=["Date", "Contact Summary", "Practitioner", "Analysis"],
    date_cols=["Date"],
    rows=[
        row("17/03/2020", "Took part in multi-agency screening by phone.", "SN R. Quist", "",
            tags="occ:mash"),
        row("20/05/2020", "CIN meeting: height and weight low for age.", "SN R. Quist",
            "Growth concern.", tags="occ:cin"),
        row("03/12/2020", "Core group attended.", "SN R. Quist", "", tags="occ:cg1"),
        row("04/06/2021", "Discharge planning meeting on the children's ward.", "SN R. Quist",
            "", tags="occ:discharge"),
    ],
)

NURSERY = Agency(
    name="Little Acorns Nursery", type="education", file="Little Acorns Nursery.ods",
    fmt="ods", sheet="Sheet1",
    headings=["Date", "Observation", "Staff", "Action"],
    date_cols=["Date"],
    rows=[
        row("Jan 2020", "Child O often arrives hungry; nappy not changed overnight.", "Key "
            "person", "Spoke to mother.", t=month(2020, 1)),
        row("Second half of 2020", "Attendance dropped to two days a week.", "Manager", "",
            t=span("2020-07-01", "2020-12-31", "half")),
        row("30/02/2021", "Child O collected late by an unknown man; mother confirmed by phone.",
            "Manager", "Reminded of the password system.", t=UNDATED),
        row(D(2021, 3, 2), "Child O had a bruise on the shin; mother says fell on stairs.",
            "Key person", "Body map; told SW."),
    ],
)

DRUG = Agency(
    name=ODAS, aliases=["ODAS"], type="substance_misuse",
    file="ODAS - substance misuse chronology (mother).csv", fmt="csv1252",
    headings=["Date", "Worker", "Details", "Plan"],
    date_cols=["Date"],
    rows=[
        row("2018 or 2019", "Records", "Mother started on methadone script after heroin "
            "relapse.", "", t=span("2018-01-01", "2019-12-31"), tags="find:substance"),
        row("10/03/2021", "RW T. Ojo", "Home visit: methadone kept in a locked box; two "
            "children at home.", "Safe storage reminder."),
        row("w/c 11/01/2021", "RW T. Ojo", "Missed two pick-ups at the chemist.", "Review.",
            t=span("2021-01-11", "2021-01-17", "week")),
        row("31/05/2021", "Team leader", "Informed by CSC that Child O swallowed methadone on "
            "29/05.", "Script suspended."),
    ],
)

AMBULANCE = Agency(
    name="Oakhurst and Wolds Ambulance Service", aliases=["OWAS"], type="ambulance",
    file="OWAS ePCR - Child O.xlsx", fmt="xlsx", date1904=True, sheet="ePCR",
    headings=["DateTime", "Incident No", "Presenting issue", "Clinician", "Outcome"],
    date_cols=["DateTime"],
    rows=[
        row(DT(2021, 5, 29, 19, 41), "INC-3321", "2-year-old, drowsy, pinpoint pupils; mother "
            "found an open methadone bottle.", "Paramedic K. Dale", "Naloxone given; conveyed "
            "to OGH.", tags="occ:admit"),
    ],
)

HOSPITAL = Agency(
    name="Oakhurst General Hospital", aliases=["OGH"], type="acute_hospital",
    file="OGH ED and childrens ward chronology (appendix).docx", fmt="docx",
    headings=["Date-Time", "Clinical Entry", "Clinician", "Discharge Date"],
    date_cols=["Date-Time", "Discharge Date"],
    rows=[
        row("29/05/2021 20:05", "Arrived by ambulance: suspected opiate ingestion, naloxone "
            "infusion, admitted to children's ward.", "Dr F. Amin", "05/06/2021",
            t=span("2021-05-29", "2021-06-05"), also=(day("2021-05-29"),), tags="occ:admit"),
        row("04/06/2021 11:00", "Discharge planning meeting with CSC and school nurse.",
            "Ward sister", "", tags="occ:discharge"),
    ],
)

REVIEW = Review(
    slug="cspr_oakhurst", kind="CSPR", title="Child Safeguarding Practice Review – Child O",
    start="2019-09-01", end="2021-06-30",
    agencies=[CSC, POLICE, SCHOOL, SCHOOL_NURSING, NURSERY, DRUG, AMBULANCE, HOSPITAL],
    templates=[
        "Tayside Template: Chronology of Significant Events (paperzz.com/doc/7159743)",
        "National Guidance for Child Protection in Scotland 2021, chronologies",
        "Pan Dorset DHR protocol DOC3; Cambridgeshire and Peterborough Guidance for CSPRs",
        "Tees CPP Single-Agency and Multi-Agency Child's Chronology",
    ],
    episodes=[
        ("2020-03-12", "2020-05-20", "School disclosure, screening and child in need"),
        ("2020-10-29", "2020-12-03", "Strategy discussion to child protection plan"),
        ("2021-05-29", "2021-06-05", "Methadone ingestion and discharge"),
    ],
    findings=[
        {"kind": "indicator", "indicator": "substance_misuse", "agency": ODAS,
         "row": "substance"},
        {"kind": "not_indicator", "indicator": "substance_misuse", "row": "nodrugs",
         "why": "negated: no evidence of drug use"},
        {"kind": "timescale", "rule": "strategy_to_icpc_2013", "status": "met"},
        {"kind": "timescale", "rule": "icpc_to_core_group_2013", "status": "met"},
    ],
)
# fmt: on
