"""CSPR Child B (Brackenbury): an infant's non-accidental head injury and death.

Habits and where they came from (all names invented):
- Maternity Word table "Event Ref / Start Date / Start Time / End Date / End Time / Source of
  Information": Chronolator help, Special Columns
  (https://chronolator.com/help/using-chronolator-documents/special-columns.htm).
- Health visiting cover sheet and continuation sheet; early help one-word "Narrative": the
  single-agency template in Plymouth SCB "Chronologies" (https://plymouthscb.co.uk/chronologies)
  and Darlington DSP Multi-Agency Chronology template (Word).
- CSC "Analysis", "Impact", "Date of writing": Tayside "Chronology of Significant Events"
  (https://paperzz.com/doc/7159743/) and Gloucestershire "Safeguarding Chronology Guidance for
  Practitioners" (http://www.glosfamiliesdirectory.org.uk/kb5/gloucs/glosfamilies/advice.page?
  id=TlXnnsZF4u8).
- Rapid review request for chronologies: Cambridgeshire and Peterborough "Guidance for CSPRs"
  (https://safeguardingcambspeterborough.org.uk/children-board/professionals/procedures/
  csprguidance).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import Agency, Review, day, month, row, span

D = dt.date
DT = dt.datetime
CSC_NAME = "Brackenbury Children's Social Care"
POLICE_NAME = "Brackenbury Police"

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
MATERNITY = Agency(
    name="Brackenbury Hospitals Maternity Services", aliases=["BHT Maternity"],
    type="maternity", file="CSPR Child B - BHT Maternity (Chronolator) 2022.docx", fmt="docx",
    title=["Brackenbury Hospitals NHS Trust – Maternity", "CSPR Child B: agency chronology"],
    headings=["Event Ref", "Start Date", "Start Time", "End Date", "End Time",
              "Source of Information", "Details"],
    date_cols=["Start Date", "Start Time", "End Date", "End Time"],
    rows=[
        row("M1", "10.03.21", "10:00", "", "", "Community midwife notes", "Booking at 11 weeks. "
            "Chloe ASTON (19) discloses partner Jordan shoved her in January. Referral to CSC.",
            t=day("2021-03-10"), tags="occ:matref find:pregnancy"),
        row("M2", "22-jun-21", "", "", "", "Antenatal clinic", "Missed antenatal appointment; "
            "not contactable.", t=day("2021-06-22")),
        row("M3", "19/08/2021", "23:10", "22/08/2021", "11:00", "Labour ward / postnatal ward",
            "Admitted in labour; baby Noah born 20/08/21 by SVD, 3.1 kg. Discharged home 22/08.",
            t=span("2021-08-19", "2021-08-22"), tags="apart:birth"),
        row("M4", "?26/08/2021", "", "", "", "Community midwife notes", "Day 6 postnatal visit; "
            "weight loss 6%.", t=day("2021-08-26")),
    ],
)

HV = Agency(
    name="Brackenbury Health Visiting", aliases=["Brackenbury 0-19 Service"],
    type="health_visiting", file="HV IMR chronology Child B v3 FINAL.xlsx", fmt="xlsx",
    sheet="HV", continuation_after=4,
    title=["Child Safeguarding Practice Review – Child B", "Health Visiting chronology"],
    cover=[["Version", "Date", "Completed by", "Approved by"],
           ["1", "14/02/2022", "HV lead", ""],
           ["3", "02/03/2022", "HV lead", "Named Nurse, 03/03/2022"]],
    headings=["Date", "Contact type", "Details", "Outcome", "Date Entered"],
    date_cols=["Date", "Date Entered"],
    rows=[
        row(D(2021, 8, 30), "New birth visit", "New birth visit at home. Noah feeding well. "
            "Routine enquiry about DA: Chloe said 'things are fine now'.", "Universal plus.",
            D(2021, 8, 30), tags="apart:birth"),
        row(D(2021, 11, 2), "Clinic", "Bruise 1 cm on Noah's cheek; mother says his brother "
            "hit him with a toy. Non-mobile baby.", "Referral to CSC same day.", D(2021, 11, 2),
            tags="occ:hvref"),
        row(D(2021, 11, 25), "ICPC", "Attended ICPC; report submitted.", "CP plan: physical "
            "abuse.", D(2021, 11, 26), tags="occ:icpc"),
        row(D(2021, 12, 7), "Core group", "First core group; father did not attend.",
            "Weekly HV visits.", D(2021, 12, 7), tags="occ:cg1 apart:dna"),
        row(D(2021, 12, 7), "Clinic", "Father did not attend his booked clinic appointment "
            "with Noah.", "DNA letter.", D(2021, 12, 8), tags="apart:dna"),
        row(D(2021, 12, 14), "Home visit", "Home visit: Noah well, flat cold.", "", "",
            tags="apart:visits"),
        row(D(2021, 12, 21), "Home visit", "Home visit: Jordan present, hostile.", "", "",
            tags="apart:visits"),
        row(D(2022, 1, 11), "Core group", "Second core group.", "", D(2022, 1, 11),
            tags="occ:cg2"),
    ],
)

GP = Agency(
    name="Willowbank Surgery", type="gp", file="Willowbank Surgery GP chronology.csv",
    fmt="csv1252", source="GP system export; no template",
    headings=["Consultation Date", "Clinician", "Notes", "Outcome"],
    date_cols=["Consultation Date"],
    rows=[
        row("09/09/2021", "Dr C. Fairweather", "6-8 week baby check: normal; mother’s mood "
            "low.", "Review in 2 weeks."),
        row("Oct 2021", "Dr C. Fairweather", "Jordan PRICE: requests help with cannabis use "
            "and temper.", "Referred to recovery service.", t=month(2021, 10),
            tags="find:substance"),
        row("02/02/2022", "Admin", "Notified by hospital that Noah is in PICU.", ""),
    ],
)

CSC = Agency(
    name=CSC_NAME, aliases=["Brackenbury CSC"], type="childrens_social_care",
    file="CSC Child B chronology (CSPR extract) 02.22.xlsx", fmt="xlsx", sheet="Chronology",
    title=["Brackenbury Children's Services", "Child B – chronology for CSPR",
           "Period: 01/01/2021 to 10/02/2022"],
    headings=["Date", "Time", "Case Note", "Worker", "Analysis", "Impact", "Date of writing"],
    date_cols=["Date", "Time", "Date of writing"],
    rows=[
        row(D(2021, 3, 15), "", "Contact from midwife: DA disclosed at booking.", "MASH",
            "Below threshold.", "Signposted to early help.", D(2021, 3, 15), tags="occ:matref"),
        row(D(2021, 11, 2), "16:40", "HV referral: bruise on non-mobile baby.", "MASH SW",
            "Threshold met.", "", D(2021, 11, 2), tags="occ:hvref"),
        row(D(2021, 11, 3), "", "SW requests strategy discussion with police and paediatrics.",
            "SW A. Blythe", "", "", D(2021, 11, 3), tags="apart:request"),
        row(D(2021, 11, 14), "", "Strategy discussion: s47 enquiry, CP medical today.",
            "TM P. Dunne", "Date of the meeting disputed by police.", "", D(2021, 11, 16),
            tags="occ:strat1 conflict:strat1"),
        row(D(2021, 11, 25), "", "ICPC: Noah subject to CP plan, category physical abuse.",
            "Chair", "", "", D(2021, 11, 25), tags="occ:icpc"),
        row(D(2021, 12, 7), "", "Core group 1.", "SW A. Blythe", "", "", D(2021, 12, 7),
            tags="occ:cg1 apart:cgs"),
        row(D(2022, 1, 11), "", "Core group 2: mother reports father left.", "SW A. Blythe",
            "", "", D(2022, 1, 12), tags="occ:cg2 apart:cgs"),
        row(D(2022, 1, 28), "09:00", "Telephone strategy discussion with police and the "
            "consultant paediatrician.", "TM P. Dunne", "", "", D(2022, 1, 28),
            tags="occ:strat2"),
        row(D(2022, 2, 3), "", "Noah died in PICU.", "TM P. Dunne", "", "", D(2022, 2, 3),
            tags="occ:death"),
    ],
)

POLICE = Agency(
    name=POLICE_NAME, type="police", file="Brackenbury Police chronology - Child B.ods",
    fmt="ods", sheet="Police",
    headings=["Date", "Log No", "Description", "Officer", "Action"],
    date_cols=["Date"],
    rows=[
        row("Q3 2019", "PNC", "Jordan PRICE has a history of violence to previous partners: two "
            "ex-partners assaulted.", "PNC", "", t=span("2019-07-01", "2019-09-30", "quarter"),
            tags="find:prevpartner"),
        row(D(2021, 1, 16), "L-0192", "Domestic: Chloe pushed by Jordan during argument, no "
            "injury, no weapon involved.", "PC 88 REEVE", "Words of advice.",
            tags="find:noweapon"),
        row(D(2021, 11, 4), "L-2231", "Strategy meeting held, police DS attended; CP medical "
            "agreed.", "DS 19 HARTE", "Joint investigation.",
            tags="occ:strat1 conflict:strat1 apart:request apart:medical"),
        row(D(2022, 1, 28), "Op LARCH", "Strategy meeting re head injury, police DS attended.",
            "DS 19 HARTE", "Section 47 joint; arrest of father.", tags="occ:strat2"),
        row(D(2022, 2, 3), "Op LARCH", "Child B died; investigation becomes murder enquiry.",
            "DI V. Caine", "", tags="occ:death"),
    ],
)

AMBULANCE = Agency(
    name="BEAS", aliases=["Brackenbury and East Ambulance Service"], type="ambulance",
    file="BEAS call log extract.csv", fmt="csvsemi",
    headings=["Call DateTime", "Incident No", "Presenting complaint", "Crew", "Outcome"],
    date_cols=["Call DateTime"],
    rows=[
        row("27/01/2022 06:52", "INC-1187", "5-month-old, floppy and not feeding, father says "
            "he fell off the sofa.", "Paramedic L. Orr", "Conveyed to BGH children's ED.",
            tags="occ:admit"),
    ],
)

HOSPITAL = Agency(
    name="Brackenbury General Hospital", aliases=["BGH"], type="acute_hospital",
    file="BGH paediatrics and ED chronology.xls", fmt="xls", sheet="ED and paeds",
    headings=["Date of attendance", "Triage", "Clinical Entry", "Analysis"],
    date_cols=["Date of attendance"],
    rows=[
        row(D(2021, 11, 4), "Paeds", "Child protection medical: 1 cm bruise left cheek, "
            "unexplained in non-mobile infant.", "Consistent with non-accidental injury.",
            tags="apart:medical"),
        row(DT(2022, 1, 27, 7, 20), "Red", "Arrived by ambulance: drowsy infant; CT shows "
            "subdural haemorrhage.", "Safeguarding referral; PICU.", tags="occ:admit"),
        row(D(2022, 1, 28), "PICU", "Consultant paediatrician joined strategy discussion by "
            "phone.", "", tags="occ:strat2"),
        row(D(2022, 2, 3), "PICU", "Noah died on PICU at 14:10 after withdrawal of care.",
            "Child death notification.", tags="occ:death"),
    ],
)

EARLY_HELP = Agency(
    name="Brackenbury Early Help", type="early_help",
    file="Early Help chronology (CSPR Child B) draft.docx", fmt="docx",
    headings=["Date", "Narrative", "Worker"],
    date_cols=["Date"],
    rows=[
        row("April/May 2021", "Early help assessment started with Chloe; she did not want "
            "Jordan involved.", "FSW M. Idowu", t=span("2021-04-01", "2021-05-31")),
        row("mid-June 2021", "Case closed: Chloe declined further support.", "FSW M. Idowu",
            t=span("2021-06-11", "2021-06-20")),
    ],
)

REVIEW = Review(
    slug="cspr_brackenbury", kind="CSPR", title="Child Safeguarding Practice Review – Child B",
    start="2021-01-01", end="2022-02-10",
    agencies=[MATERNITY, HV, GP, CSC, POLICE, AMBULANCE, HOSPITAL, EARLY_HELP],
    templates=[
        "Chronolator help: Special Columns (chronolator.com)",
        "Plymouth SCB: Chronologies (plymouthscb.co.uk/chronologies)",
        "Tayside Template: Chronology of Significant Events (paperzz.com/doc/7159743)",
        "Gloucestershire Safeguarding Chronology Guidance for Practitioners",
        "Cambridgeshire and Peterborough Guidance for CSPRs",
    ],
    episodes=[
        ("2021-11-02", "2022-01-11", "Bruise, s47 enquiry and the child protection plan"),
        ("2022-01-27", "2022-02-03", "Head injury and death"),
    ],
    findings=[
        {"kind": "first_known", "indicator": "pregnancy",
         "agency": "Brackenbury Hospitals Maternity Services", "row": "pregnancy"},
        {"kind": "indicator", "indicator": "previous_partner_victim", "agency": POLICE_NAME,
         "row": "prevpartner"},
        {"kind": "indicator", "indicator": "pregnancy",
         "agency": "Brackenbury Hospitals Maternity Services", "row": "pregnancy"},
        {"kind": "indicator", "indicator": "substance_misuse", "agency": "Willowbank Surgery",
         "row": "substance"},
        {"kind": "not_indicator", "indicator": "weapon", "row": "noweapon"},
        {"kind": "timescale", "rule": "icpc_to_core_group_2013", "status": "met"},
        {"kind": "timescale", "rule": "strategy_to_icpc_2013", "status": "any"},
    ],
)
# fmt: on
