"""DHR Adult H (Harrowfield): a homicide by a partner, with a child on a CP plan.

Habits and where they came from (all names invented):
- Police cover sheet, title block, "Log No", "Details of Incident / Contact": layout of the
  sample police IMR and of IMR requests in the Pan Dorset DHR Local Protocol, DOC3 "Letter
  requesting IMRs" (https://pdfslide.us/documents/pan-dorset-domestic-homicide-review-local-
  protocol-domestic-homicide-review-process.html).
- Domestic abuse service "Date or Period of Event / Significant Event / Source / Impact":
  Tayside Template "Chronology of Significant Events" (https://paperzz.com/doc/7159743/).
- "?" before an uncertain date, "22.05.16" and "22-may-16" forms: Chronolator help, Special
  Columns (https://chronolator.com/help/using-chronolator-documents/special-columns.htm).
- Clinical headings ("Clinical Entry", "Presenting issue", "DateTime"), "Case Note",
  "Date of writing": case-record extracts as described in Darlington DSP "Chronologies
  (Multi-Agency)" (https://www.darlington-safeguarding-partnership.co.uk/professionals/
  working-with-children/child-protection-procedures/chronologies-multi-agency).
"""

from __future__ import annotations

import datetime as dt

from tests.corpus.model import Agency, Review, day, month, row, span, year

DT = dt.datetime
D = dt.date

# The agencies' rows are tables: kept one row to a line or two, as written.
# fmt: off
POLICE = Agency(
    name="Harrowfield Constabulary", aliases=["Harrowfield Police"], type="police",
    file="DHR 04-21 Harrowfield Constabulary IMR chronology v2 FINAL.xlsx", fmt="xlsx",
    sheet="Police Chronology", continuation_after=6,
    title=["Domestic Homicide Review – Adult H", "Agency: Harrowfield Constabulary",
           "Chronology of agency contact, 1 April 2019 to 14 March 2021"],
    cover=[["Version", "Date", "Author", "Status"],
           ["v1", "02/05/2021", "DI R. Oduya", "Draft"],
           ["v2", "19/05/2021", "DI R. Oduya", "Final – signed off by Supt. Haines"]],
    headings=["Date/Time", "Log No", "Details of Incident / Contact", "Officer", "Action Taken",
              "Date Recorded"],
    date_cols=["Date/Time", "Date Recorded"],
    rows=[
        row("1990s", "PNC", "Lewis KEMBLE known to police since the 1990s as a juvenile: "
            "criminal damage and theft from cars.", "PNC review", "", "",
            t=span("1990-01-01", "1999-12-31")),
        row("2003 or 2004", "Crime HC/04/1187", "Previous partner Shona TREMAIN reported that "
            "KEMBLE punched her and held her against a wall at their flat in Mill Lane.",
            "PC 2211 FENWICK", "KEMBLE cautioned for common assault.", "",
            t=year(2003, 2004), tags="find:prevpartner"),
        row(DT(2019, 6, 12, 22, 40), "Log 0981", "Domestic incident at 9 Carder Close. Danielle "
            "ORCHARD states KEMBLE pushed her into the door frame. Cut above left eye. No weapon "
            "used or seen. Child H (4) asleep upstairs.", "PC 3130 AMIRI",
            "KEMBLE arrested for ABH. DASH completed: high risk. PPN1 to CSC.", D(2019, 6, 12),
            tags="find:noweapon occ:referral1"),
        row(DT(2019, 6, 13, 4, 10), "Custody HC/6621", "KEMBLE interviewed, denies assault. "
            "Released on police bail, conditions not to contact ORCHARD or attend Carder Close.",
            "DS 1410 WARD", "Bail to return 10/07/2019.", D(2019, 6, 13)),
        row(DT(2019, 6, 13, 10, 15), "Log 1044", "KEMBLE attended Carder Close and assaulted "
            "ORCHARD again six hours after release on bail. Neighbour called 999.",
            "PC 3130 AMIRI", "Arrested for breach of bail and assault. Remanded.",
            D(2019, 6, 13), tags="find:bail"),
        row(DT(2019, 7, 3, 10, 0), "MARAC 19/07", "Case heard at MARAC. PPU rep attended. "
            "Actions: marker on address, IDVA to keep contact, CSC to be informed.",
            "DC 877 PARRY", "Address flagged.", D(2019, 7, 4), tags="occ:marac1"),
        row(DT(2020, 5, 1, 11, 30), "Log 0450", "Strategy meeting held, police DS attended. "
            "Concerns about Child H witnessing violence; s47 enquiry agreed.", "DS 1410 WARD",
            "Joint visit to be arranged.", D(2020, 5, 1),
            tags="occ:strat1 conflict:strat1 apart:request1"),
        row(DT(2020, 6, 12, 10, 0), "CP 2020/88", "Initial child protection conference. Police "
            "information shared: 6 DV incidents in 12 months.", "DC 877 PARRY",
            "Child H subject to CP plan, category emotional abuse.", D(2020, 6, 15),
            tags="occ:icpc1"),
        row(DT(2020, 11, 2, 15, 20), "Log 1702", "KEMBLE attended front counter. States he is "
            "being harassed by ORCHARD and her family, who keep calling him. Wants it on record.",
            "PCSO 6002 BELL", "Advice given. No offences disclosed.", D(2020, 11, 2),
            tags="find:heharassed"),
        row(DT(2021, 3, 14, 23, 5), "Op KESTREL", "999 call from neighbour. ORCHARD found in the "
            "kitchen with stab wounds. KEMBLE arrested at scene; kitchen knife recovered.",
            "DI R. ODUYA", "Murder investigation opened.", D(2021, 3, 14),
            tags="occ:death find:homicide"),
    ],
)

AMBULANCE = Agency(
    name="HWAS", aliases=["Harrowfield and Wenlow Ambulance Service"], type="ambulance",
    file="HWAS ePCR extract (DHR Adult H).csv", fmt="csv1252",
    source="ambulance patient-record extract; no template",
    headings=["DateTime", "Incident No", "Presenting issue", "Clinician", "Outcome"],
    date_cols=["DateTime"],
    rows=[
        row("13/06/2019 10:32", "INC-55120", "Female, facial injury after assault by partner. "
            "Laceration 3 cm above left eye, bleeding controlled. Police on scene.",
            "Paramedic T. Nwosu", "Conveyed to Harrowfield General ED.",
            tags="occ:edadmit1"),
        row("2020-08-09", "INC-70233", "Male, 31, deliberate overdose of paracetamol, about 40 "
            "tablets. Said he could not live without her.", "Paramedic J. Carrow",
            "Conveyed to HGH ED.", t=day("2020-08-09"), tags="occ:od1"),
        row("14/03/2021 23:18", "INC-90411", "Cat 1: female, multiple stab wounds to the chest. "
            "CPR in progress on arrival of crew.", "Paramedic T. Nwosu",
            "Conveyed under blue lights to HGH ED, pre-alert given.", tags="occ:death"),
    ],
)

ED = Agency(
    name="Harrowfield General Hospital Emergency Department",
    aliases=["Harrowfield General Hospital", "HHT Emergency Department"], type="acute_hospital",
    file="Appendix 2 - HHT Emergency Department chronology (draft).docx", fmt="docx",
    source="Chronolator-style Word table, custom headings",
    title=["Harrowfield Hospitals NHS Trust – Emergency Department",
           "DHR Adult H – IMR appendix 2: chronology"],
    headings=["Date of Contact", "Clinical Entry", "Clinician", "Discharge Date"],
    date_cols=["Date of Contact", "Discharge Date"],
    rows=[
        row("13.06.19", "Arrived by ambulance. Laceration left eyebrow, glued. Says partner "
            "pushed her. Safeguarding questions asked; declined IDVA referral.",
            "Dr A. Lindqvist", "13.06.19", t=day("2019-06-13"), tags="occ:edadmit1"),
        row("09-aug-20", "Paracetamol overdose, staggered. NAC started. Seen by mental health "
            "liaison: low mood since separation, no ongoing plans.", "Dr M. Osei", "11-aug-20",
            t=span("2020-08-09", "2020-08-11"), also=(day("2020-08-09"),), tags="occ:od1"),
        row("?14/03/2021", "Resus: female with penetrating chest injuries, CPR ongoing. Life "
            "pronounced extinct 23:58.", "Dr A. Lindqvist", "", t=day("2021-03-14"),
            tags="occ:death"),
    ],
)

GP = Agency(
    name="Brackley Road Surgery", type="gp",
    file="GP chronology - Brackley Road Surgery (Adult H) 2021.ods", fmt="ods",
    sheet="GP records",
    headings=["Consultation Date", "Clinician", "Entry", "Plan"],
    date_cols=["Consultation Date"],
    rows=[
        row("maybe 2002", "Admin", "Danielle registered with the practice, records transferred "
            "from previous GP.", "", t=year(2002)),
        row(D(2019, 9, 17), "Dr P. Hanley", "Low mood, poor sleep. Discloses arguments with "
            "partner, denies physical abuse when asked.", "Sertraline 50 mg. Review 4 weeks."),
        row("14/08/2020", "Admin", "ED discharge letter received: Lewis KEMBLE attended "
            "09/08/20 after paracetamol overdose, discharged 11/08/20.", "Invite for review."),
        row("??/02/2021", "Dr P. Hanley", "Telephone consultation with Lewis. Requesting sleeping "
            "tablets; says relationship over and he is struggling.", "Declined. CMHT self-"
            "referral details given.", t=month(2021, 2)),
    ],
)

CSC = Agency(
    name="Harrowfield Children's Social Care", aliases=["Harrowfield CSC"],
    type="childrens_social_care", file="CSC_IMR_Chronology_AdultH_v3.xls", fmt="xls",
    sheet="Chronology",
    title=["Harrowfield Council – Children's Services", "IMR chronology: Child H"],
    headings=["Date", "Case Note", "Worker", "Outcome / Action", "Date of writing"],
    date_cols=["Date", "Date of writing"],
    rows=[
        row(D(2019, 6, 14), "Police notification (PPN1) received about DV incident on "
            "12/06/19, Child H in the house.", "MASH duty SW", "Single assessment opened.",
            D(2019, 6, 14), tags="occ:referral1"),
        row(D(2020, 4, 30), "SW requests strategy discussion with police following new "
            "disclosure at nursery.", "SW K. Amadi", "Request emailed to MASH police.",
            D(2020, 4, 30), tags="apart:request1"),
        row(D(2020, 5, 23), "Telephone strategy discussion with CSC team manager and police. "
            "Threshold for s47 met.", "TM L. Greer", "S47 enquiry; joint visit.",
            D(2020, 5, 26), tags="occ:strat1 conflict:strat1"),
        row(D(2020, 6, 12), "ICPC: Child H made subject of a child protection plan (emotional "
            "abuse). Mother attended; father did not attend.", "SW K. Amadi",
            "Core group within 10 working days.", D(2020, 6, 12), tags="occ:icpc1"),
        row(D(2020, 6, 24), "First core group. Plan reviewed; mother engaging with IDVA.",
            "SW K. Amadi", "Next core group 22/07/20.", D(2020, 6, 25),
            tags="occ:cg1 apart:cgs"),
        row(D(2020, 7, 22), "Core group two. Mother reports Lewis has moved out.",
            "SW K. Amadi", "Continue plan.", D(2020, 7, 22),
            tags="occ:cg2 apart:cgs apart:dna"),
        row("w/c 06/07/2020", "Unannounced visit attempted; no answer.", "SW K. Amadi", "", "",
            t=span("2020-07-06", "2020-07-12", "week")),
    ],
)

HV = Agency(
    name="Harrowfield 0-19 Health Visiting Service", aliases=["Harrowfield Health Visiting"],
    type="health_visiting", file="HV chronology Child H - extract 2021.csv", fmt="csvsemi",
    headings=["Date-Time", "Contact Summary", "Practitioner", "Analysis"],
    date_cols=["Date-Time"],
    rows=[
        row("12/06/2020 10:00", "Attended initial child protection conference for Child H. "
            "HV report shared.", "HV S. Pellow", "Child H now on CP plan.", tags="occ:icpc1"),
        row("24/06/2020 14:00", "Core group attended at children's centre.", "HV S. Pellow",
            "", tags="occ:cg1"),
        row("01/07/2020 09:30", "Home visit. Child H playing, speech delay noted.",
            "HV S. Pellow", "Refer to SALT.", tags="apart:visits"),
        row("08/07/2020 09:30", "Home visit. Mother tearful, says Lewis calls her constantly.",
            "HV S. Pellow", "Discuss at core group.", tags="apart:visits"),
        row("22/07/2020 11:00", "Joint visit with father arranged for this morning: father did "
            "not attend.", "HV S. Pellow", "Rebook.", tags="apart:dna"),
        row("22/07/2020 14:00", "Core group: Lewis reported to have left the home.",
            "HV S. Pellow", "", tags="occ:cg2"),
    ],
)

IDVA = Agency(
    name="Harrowfield Domestic Abuse Service", aliases=["HDAS"], type="domestic_abuse_service",
    file="HDAS IDVA chronology (DHR Adult H) final.xlsx", fmt="xlsx", date1904=True,
    sheet="Sheet1", title=["HDAS – chronology of involvement", "Client: Danielle ORCHARD"],
    source="Tayside Template: Chronology of Significant Events",
    headings=["Date or Period of Event", "Significant Event", "Source", "Impact"],
    date_cols=["Date or Period of Event"],
    rows=[
        row("early July 2019", "Referral from police after MARAC listing. Contact made by phone.",
            "IDVA case notes", "Danielle agreed to safety planning.",
            t=span("2019-07-01", "2019-07-10")),
        row(D(2019, 7, 3), "MARAC: IDVA presented Danielle's views; she wants Lewis kept away.",
            "MARAC minutes", "Safety plan updated.", tags="occ:marac1"),
        row("2019/20", "Outreach support offered throughout the year; engagement sporadic.",
            "IDVA case notes", "Case closed and reopened twice.",
            t=span("2019-04-01", "2020-03-31")),
        row("Christmas 2020", "Danielle disclosed Lewis took her phone and locked her in the flat "
            "over Christmas.", "Outreach worker", "Risk raised to high; MARAC re-referral.",
            tags="find:controlling",
            t=span("2020-12-24", "2020-12-26"), also=(day("2020-12-25"),
                                                    span("2020-12-20", "2020-12-31"))),
        row(D(2021, 3, 15), "Informed by police of Danielle's death.", "Service manager",
            "Case closed."),
    ],
)

REVIEW = Review(
    slug="dhr_harrowfield", kind="DHR", title="Domestic Homicide Review – Adult H",
    start="2019-04-01", end="2021-03-14",
    agencies=[POLICE, AMBULANCE, ED, GP, CSC, HV, IDVA],
    templates=[
        "Pan Dorset DHR Local Protocol, DOC3 Letter requesting IMRs (pdfslide.us)",
        "Tayside Template: Chronology of Significant Events (paperzz.com/doc/7159743)",
        "Chronolator help: Special Columns (chronolator.com)",
        "Darlington DSP: Chronologies (Multi-Agency)",
    ],
    episodes=[
        ("2019-06-12", "2019-07-03", "Assault, bail breach and MARAC"),
        ("2020-04-30", "2020-07-22", "Child protection enquiry and plan"),
        ("2021-03-14", "2021-03-15", "The homicide"),
    ],
    findings=[
        {"kind": "first_known", "indicator": "previous_partner_victim",
         "agency": "Harrowfield Constabulary", "row": "prevpartner",
         "why": "police history: first known in 2003 or 2004"},
        {"kind": "first_known", "indicator": "controlling_behaviour",
         "agency": "Harrowfield Domestic Abuse Service", "row": "controlling",
         "why": "phone taken, locked in: known to the IDVA service first, at Christmas 2020"},
        {"kind": "indicator", "indicator": "previous_partner_victim",
         "agency": "Harrowfield Constabulary", "row": "prevpartner"},
        {"kind": "indicator", "indicator": "bail_injunction_breach",
         "agency": "Harrowfield Constabulary", "row": "bail"},
        {"kind": "not_indicator", "indicator": "weapon", "row": "noweapon"},
        {"kind": "not_indicator", "indicator": "stalking_harassment", "row": "heharassed"},
        {"kind": "not_indicator", "indicator": "weapon", "row": "homicide",
         "why": "the homicide itself is not prior knowledge of a weapon"},
        {"kind": "timescale", "rule": "icpc_to_core_group_2013", "status": "met"},
    ],
)
# fmt: on
