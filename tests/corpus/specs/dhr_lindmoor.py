"""DHR Lindmoor 02/2022 (Adult M): a mother killed by her adult son.

Habits and where they came from (all names invented):
- Police export "Date; Time; Crime Ref; Summary of Contact": single-agency chronology
  columns in Tees CPP "Single-Agency and Multi-Agency Child's Chronology"
  (https://www.teescpp.org.uk/procedures-and-guidance-on-specific-issues-that-affect-children/
  childs-chronology-policy-procedure-practice-guidance/), here semicolon-separated.
- Probation cover sheet with version and sign-off table, "Comments/Analysis": IMR request
  pack, Pan Dorset DHR Local Protocol DOC3 (pdfslide.us, see dhr_harrowfield).
- "Source of Information" and "Start Time" in adult social care's sheet: Chronolator help,
  Special Columns (https://chronolator.com/help/using-chronolator-documents/special-columns.htm).
- Vague forms "c. 2005", "2016 (uncertain)", "late 2021", "Q1 2022", "Spring 2021", ISO dates
  in the police export: the date forms listed in the project's domain brief and the
  Dumfries & Galloway Public Protection Committee "Multi agency chronologies guidance"
  (https://www.dgppp.org.uk/.../public-protection-committee-multi-agency-chronologies-guidance).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import Agency, Review, day, month, row, span, year

D = dt.date
DT = dt.datetime
POLICE_NAME = "Lindmoor Police"

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
POLICE = Agency(
    name=POLICE_NAME, type="police",
    file="Lindmoor Police - DHR 02-2022 chronology (extract) 05.10.2022.csv", fmt="csvsemi",
    source="Tees CPP single-agency chronology columns",
    headings=["Date", "Time", "Crime Ref", "Summary of Contact", "Officer", "Outcome"],
    date_cols=["Date", "Time"],
    rows=[
        row("c. 2005", "", "CR/05/3321", "Kerry VANCE, then partner of Darren HOLLIS, reported "
            "he had strangled her until she nearly passed out.", "PC 402 DOYLE",
            "HOLLIS charged; VANCE withdrew support.", t=year(2005), tags="find:prevpartner"),
        row("2016 (uncertain)", "", "", "Non-molestation order obtained by Kerry VANCE against "
            "Darren HOLLIS.", "PNC note", "", t=year(2016)),
        row("2021-02-14", "21:10", "CR/21/0877", "Margaret HOLLIS (68) rang 999: son Darren "
            "smashing up the kitchen and threatening to kill her. No weapon seen by officers.",
            "PC 1189 GALE", "Darren arrested for criminal damage and threats. Adult Coming to "
            "Notice form to ASC.", t=day("2021-02-14"),
            tags="find:noweapon occ:acn1"),
        row("15.02.21", "03:40", "CR/21/0877", "Darren interviewed and released on conditional "
            "bail not to attend his mother's address.", "DS 771 MOSS", "Bail to 15/03/21.",
            t=day("2021-02-15")),
        row("16/02/2021", "01:15", "CR/21/0902", "Darren found at his mother's address within "
            "hours of release, in breach of bail.", "PC 1189 GALE", "Arrested; remanded to "
            "court.", tags="find:bail"),
        row("11/05/2021", "10:00", "MARAC 21/05", "Margaret's case heard at MARAC. Police to "
            "treat any call from the address as priority.", "DC 55 OKAFOR", "Flag on address.",
            tags="occ:marac conflict:marac"),
        row("2022-06-20", "16:45", "", "Darren called in: he says the neighbours harass him and "
            "film him, and that he is the victim.", "Control room", "Words of advice given to "
            "neighbours.", t=day("2022-06-20"), tags="find:heharassed"),
        row("03/09/2022", "07:55", "Op ALDER", "Margaret HOLLIS found dead at home with head "
            "injuries. Darren HOLLIS arrested at the scene; a hammer was recovered.",
            "DCI F. Brandt", "Murder investigation.", tags="occ:death find:homicide"),
    ],
)

PROBATION = Agency(
    name="Lindmoor Probation Service", aliases=["Probation Service Lindmoor"], type="probation",
    file="Probation IMR - Chronology (DHR Lindmoor 02) v2.xlsx", fmt="xlsx",
    sheet="IMR Chronology", continuation_after=3,
    title=["DHR Lindmoor 02/2022", "Probation Service – Lindmoor Delivery Unit",
           "Individual Management Review: chronology"],
    cover=[["Version", "Date", "Author", "Sign-off"],
           ["0.1", "12/10/2022", "SPO H. Reyes", ""],
           ["2.0", "03/11/2022", "SPO H. Reyes", "Head of PDU, 04/11/2022"]],
    headings=["Event Date", "Entry", "Practitioner", "Comments/Analysis"],
    date_cols=["Event Date"],
    rows=[
        row(D(2021, 3, 1), "Darren sentenced: 12-month community order with RAR days for "
            "criminal damage at his mother's home.", "Court officer", "Mother is the victim."),
        row("Spring 2021", "Missed three supervision appointments.", "PO G. Tannock",
            "Enforcement considered, not taken.", t=span("2021-03-01", "2021-05-31", "season")),
        row(D(2021, 5, 18), "PO attended MARAC: risk to mother assessed as high.",
            "PO G. Tannock", "", tags="occ:marac conflict:marac"),
        row(D(2021, 8, 2), "Supervision: Darren says his mother 'winds him up'; denies any "
            "violence.", "PO G. Tannock", "Not challenged."),
        row("Q1 2022", "Order completed; case closed.", "PO G. Tannock", "",
            t=span("2022-01-01", "2022-03-31", "quarter")),
        row(44575, "Letter to Darren: final warning for a missed appointment (date typed as a "
            "number).", "PO G. Tannock", "", t=day("2022-01-14")),
    ],
)

CMHT = Agency(
    name="BELFT CMHT",
    aliases=["BELFT", "Brackenbury and East Lindmoor NHS Foundation Trust"],
    type="mental_health", file="BELFT CMHT chronology - DHR Lindmoor (appendix B).docx",
    fmt="docx", title=["Brackenbury and East Lindmoor NHS Foundation Trust (BELFT)",
                       "Community Mental Health Team – chronology for DHR Lindmoor 02/2022"],
    headings=["Date", "Clinical Entry", "Clinician", "Impact"],
    date_cols=["Date"],
    rows=[
        row("1990s", "First contact with mental health services as a teenager: psychotic "
            "episode linked to cannabis.", "Records summary", "",
            t=span("1990-01-01", "1999-12-31")),
        row("20/04/2021", "Referral received from GP (letter dated 12/04/21) about paranoid "
            "thoughts.", "Duty CPN", "Triage: routine.", tags="occ:gpref"),
        row("05/05/2021", "Assessment: paranoid about neighbours, daily cannabis. Denies "
            "thoughts of harming his mother.", "Dr E. Varga", "Care coordinator allocated."),
        row("30/08/2022", "Care coordinator phoned Margaret: Darren 'not himself', not "
            "sleeping. Asked for an earlier appointment.", "CC B. Ashworth",
            "Appointment brought forward to 06/09/22."),
        row("03/09/2022", "Informed by police that Margaret had died and Darren was in "
            "custody.", "Team manager", "Serious incident declared.", tags="occ:death"),
    ],
)

RECOVERY = Agency(
    name="Lindmoor Recovery Service", type="substance_misuse",
    file="Lindmoor Recovery (drug & alcohol) chronology.ods", fmt="ods", sheet="Chronology",
    headings=["Date", "Contact Summary", "Worker", "Plan"],
    date_cols=["Date"],
    rows=[
        row("Aug 2021", "Self-referral: daily cannabis and up to 10 cans of lager.",
            "Triage", "Offer assessment.", t=month(2021, 8), tags="find:substance"),
        row("between 6 and 10 September 2021", "Comprehensive assessment completed.",
            "RW N. Patel", "Fortnightly key-work.", t=span("2021-09-06", "2021-09-10")),
        row(D(2021, 10, 12), "Key-work session: cutting down on alcohol.", "RW N. Patel", "",
            tags="apart:keywork"),
        row(D(2021, 10, 19), "Key-work session: says mother nags him about money.",
            "RW N. Patel", "", tags="apart:keywork"),
        row("late 2021", "Disengaged; three appointments missed.", "RW N. Patel",
            "Discharged.", t=span("2021-09-01", "2021-12-31"),
            also=(span("2021-10-01", "2021-12-31"), span("2021-11-01", "2021-12-31"))),
    ],
)

HOUSING = Agency(
    name="Lindmoor Homes", type="housing",
    file="Lindmoor Homes housing chronology DHR (final).xls", fmt="xls", sheet="Sheet1",
    headings=["Date", "Log No", "Notes", "Officer", "Date Entered"],
    date_cols=["Date", "Date Entered"],
    rows=[
        row(D(2021, 2, 20), "R-55102", "Repair: kitchen door and cupboards damaged.",
            "Repairs desk", D(2021, 2, 22)),
        row(D(2021, 3, 4), "SG-114", "Housing officer attended s42 planning meeting with ASC.",
            "HO T. Quayle", D(2021, 3, 30), tags="occ:s42p"),
        row(D(2022, 3, 2), "ASB-2203", "Neighbours complain of shouting and Darren "
            "filming them.", "HO T. Quayle", D(2022, 3, 2)),
        row(D(2022, 9, 5), "", "Informed of tenant's death.", "HO T. Quayle", D(2022, 9, 5)),
    ],
)

ASC = Agency(
    name="Lindmoor Adult Social Care", aliases=["Lindmoor ASC"], type="adult_social_care",
    file="ASC chronology - Margaret (DHR) v1 draft 10-2022.xlsx", fmt="xlsx",
    sheet="Chronology", title=["Lindmoor Council – Adult Social Care", "Chronology: Margaret"],
    source="Chronolator special columns (Start Time, Source of Information)",
    headings=["Date", "Start Time", "Case Note", "Source of Information", "Outcome"],
    date_cols=["Date", "Start Time"],
    rows=[
        row(D(2021, 2, 17), "09:20", "Adult Coming to Notice form received from police "
            "(incident 14/02/21).", "Front door", "Safeguarding concern logged.",
            tags="occ:acn1"),
        row(D(2021, 2, 19), "", "Section 42 enquiry opened: risk from son.", "TM R. Castell",
            "Allocate SW."),
        row(D(2021, 3, 4), "14:00", "s42 planning meeting with housing; police sent apologies.",
            "SW D. Lomax", "Protection plan agreed.", tags="occ:s42p"),
        row(D(2021, 5, 11), "10:00", "MARAC attended by SW.", "SW D. Lomax", "",
            tags="occ:marac"),
        row("June 2021", "", "Margaret declined a carer's assessment.", "SW D. Lomax",
            "s42 closed.", t=month(2021, 6)),
        row(D(2022, 9, 3), "11:30", "EDT informed by police of Margaret's death.", "EDT",
            "", tags="occ:death"),
    ],
)

GP = Agency(
    name="Heathside Medical Practice", type="gp", file="Heathside Medical Practice.xlsx",
    fmt="xlsx", date1904=True, sheet="Sheet1",
    headings=["Date", "Consultation type", "Entry", "Clinician"],
    date_cols=["Date"],
    rows=[
        row(D(2021, 4, 12), "Face to face", "Darren: paranoid ideation, cannabis. Referral "
            "letter to CMHT.", "Dr O. Brennan", tags="occ:gpref"),
        row(D(2022, 8, 25), "Face to face", "Margaret: bruising to forearm, says she fell in "
            "the garden.", "Dr O. Brennan"),
    ],
)

REVIEW = Review(
    slug="dhr_lindmoor", kind="DHR", title="Domestic Homicide Review – Lindmoor 02/2022",
    start="2020-09-01", end="2022-09-03",
    agencies=[POLICE, PROBATION, CMHT, RECOVERY, HOUSING, ASC, GP],
    templates=[
        "Tees CPP Single-Agency and Multi-Agency Child's Chronology",
        "Pan Dorset DHR Local Protocol DOC3 (pdfslide.us)",
        "Chronolator help: Special Columns (chronolator.com)",
        "Dumfries & Galloway PPC multi agency chronologies guidance (dgppp.org.uk)",
    ],
    episodes=[
        ("2021-02-14", "2021-05-11", "Threats, bail breach, s42 and MARAC"),
        ("2022-08-25", "2022-09-05", "The final weeks and the homicide"),
    ],
    findings=[
        {"kind": "first_known", "indicator": "threats_to_kill", "agency": POLICE_NAME,
         "row": "noweapon", "why": "threats to kill first known to police on 14/02/2021"},
        {"kind": "indicator", "indicator": "previous_partner_victim", "agency": POLICE_NAME,
         "row": "prevpartner"},
        {"kind": "indicator", "indicator": "bail_injunction_breach", "agency": POLICE_NAME,
         "row": "bail"},
        {"kind": "indicator", "indicator": "threats_to_kill", "agency": POLICE_NAME,
         "row": "noweapon"},
        {"kind": "indicator", "indicator": "substance_misuse",
         "agency": "Lindmoor Recovery Service", "row": "substance"},
        {"kind": "not_indicator", "indicator": "weapon", "row": "noweapon"},
        {"kind": "not_indicator", "indicator": "stalking_harassment", "row": "heharassed"},
        {"kind": "not_indicator", "indicator": "weapon", "row": "homicide",
         "why": "the homicide itself is not prior knowledge of a weapon"},
    ],
)
# fmt: on
