#!/usr/bin/env python3
"""Generate the sample agency chronologies in ``samples/imrs/`` and their designed truth.

Run from the repository root with the project venv::

    /work/venv/bin/python samples/make_samples.py

It writes eight agency chronologies (xlsx, csv, ods, docx) that model the facts of the
reference overview report (``reference/dhr-overview-report-2014.txt`` section 3) with
invented names, and ``samples/design.toml``, which records what the files were designed to
contain: which rows are one occurrence, which must stay apart, the date conflict, the key
episodes, the pasted duplicate, the impossible date, the late recordings and row counts.
Every reference in design.toml is computed here from the rows as they are written, so it is
correct by construction. ``samples/review.toml`` is written too.

The output is deterministic: no randomness, fixed document properties, and every zip
container is rewritten with fixed member timestamps, so a rerun gives identical bytes.

Every name of a person, place, organisation and worker in these files is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections import defaultdict
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from odf.number import DateStyle, Day, Month, Text as NumText, Year
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = Path(__file__).resolve().parent
OUT = HERE / "imrs"

# Fixed document timestamp: the date the panel administrator received the IMRs.
FIXED = dt.datetime(2012, 11, 14, 9, 0, 0)
FIXED_ZIP = (2012, 11, 14, 9, 0, 0)

# Terms of reference and the designed key episodes.
TOR_START = dt.date(2008, 4, 1)
TOR_END = dt.date(2012, 8, 7)
LATE_THRESHOLD_DAYS = 14

D = dt.date
DT = dt.datetime


def T(*tags: str) -> tuple[str, ...]:
    """Design tags of a row: merge:<id>, sep:<id>, conflict:<id>, dup, impossible, late, seq:<id>."""
    return tags


# --------------------------------------------------------------------------------------
# Registry of design refs, filled as rows are written.
# --------------------------------------------------------------------------------------


class Registry:
    def __init__(self) -> None:
        self.tags: dict[str, list[str]] = defaultdict(list)
        self.files: dict[str, dict[str, object]] = {}
        self.late: list[tuple[str, int]] = []
        self.event_dates: dict[str, dt.date | None] = {}

    def add(self, ref: str, tags: tuple[str, ...], event_date: dt.date | None) -> None:
        self.event_dates[ref] = event_date
        for tag in tags:
            self.tags[tag].append(ref)

    def recorded(self, ref: str, event_date: dt.date | None, recorded: dt.date | None) -> None:
        """Register a recording date and note it as late if the lag exceeds the threshold."""
        if event_date is None or recorded is None:
            return
        lag = (recorded - event_date).days
        if lag > LATE_THRESHOLD_DAYS:
            self.late.append((ref, lag))


REG = Registry()


def ref(file: str, sheet: str | None, row: int) -> str:
    return f"{file}:{row}" if sheet is None else f"{file}:{sheet}:{row}"


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


# --------------------------------------------------------------------------------------
# Zip normalisation: fixed member timestamps and fixed core-property dates.
# --------------------------------------------------------------------------------------


def normalise_zip(path: Path) -> None:
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                for tag in (rb"dcterms:created", rb"dcterms:modified"):
                    data = re.sub(rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)",
                                  rb"\g<1>" + stamp + rb"\g<2>", data)
            if info.filename == "meta.xml":
                data = re.sub(rb"(<meta:creation-date>)[^<]*(</meta:creation-date>)",
                              rb"\g<1>" + stamp[:-1] + rb"\g<2>", data)
                data = re.sub(rb"(<dc:date>)[^<]*(</dc:date>)", rb"\g<1>" + stamp[:-1] + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def fix_workbook_props(wb: openpyxl.Workbook, title: str, creator: str) -> None:
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.title = title


WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)

# ======================================================================================
# 1. Kingsmere Police IMR chronology.xlsx
# ======================================================================================

POLICE_FILE = "Kingsmere Police IMR chronology.xlsx"
POLICE_SHEET = "Police Chronology"
POLICE_HEAD = ["Date/Time", "Log No", "Details of Incident / Contact", "Officer", "Action Taken",
               "Date Recorded"]

BLANK = "BLANK"

# (date/time cell, log no, details, officer, action taken, date recorded, tags)
POLICE_ROWS: list[tuple] = [
    (DT(2000, 8, 14, 21, 35), "Log 1123 14/08/00",
     "Domestic incident at family home, 31 Hazel Road. Ryan SEDDON (16 yrs) involved in altercation "
     "with two siblings, both of whom sustained minor injuries (bruising, cut to lip). Father Tariq "
     "SEDDON present on police arrival.",
     "PC 1906 LANGFORD",
     "Neither injured party wished to make a complaint. Words of advice. Incident closed.",
     D(2000, 8, 14), T()),
    (DT(2003, 3, 22, 23, 10), "Crime KP/03/06115",
     "Report of assault on partner Gemma PRYCE at her flat, 4 Tanner's Yard. PRYCE had swelling to "
     "left eye and stated SEDDON had punched her during an argument about money. SEDDON arrested at "
     "scene, smelling strongly of cannabis.",
     "PC 2836 BEAUMONT",
     "SEDDON arrested for s.39 common assault (domestic). File to CPS for advice.",
     D(2003, 3, 23), T()),
    (DT(2003, 3, 24, 16, 0), "Crime KP/03/06115",
     "CPS advice received: caution appropriate. SEDDON admitted the assault in interview.",
     "DC 3318 ASHWORTH",
     "SEDDON cautioned for common assault (domestic). PRYCE given DV information leaflet.",
     D(2003, 3, 24), T()),
    (DT(2004, 2, 11, 19, 5), "Log 0877 11/02/04",
     "Gemma PRYCE (now 22 weeks pregnant) reported by phone that Ryan SEDDON had threatened to kill "
     "her if she 'took his kid away'. Threats made over the phone and by text message.",
     "PC 2836 BEAUMONT",
     "Officers attended, PRYCE declined to provide a statement. Assessed as unwilling to engage. "
     "No further action.",
     D(2004, 2, 11), T()),
    (DT(2004, 7, 30, 1, 20), "Crime KP/04/17730",
     "Cousin of Gemma PRYCE assaulted outside the Feathers PH, Kingsmere High Street. SEDDON "
     "arrested nearby; on search found to be carrying a lock knife (blade approx. 3 inches) in his "
     "jacket. SEDDON denied any assault.",
     "PC 4471 HOLLIS",
     "Assault: insufficient evidence, NFA. SEDDON formally cautioned for carrying an offensive "
     "weapon (knife) in a public place.",
     D(2004, 7, 30), T()),
    ("2005", "Crime KP/05/(various)",
     "Warrant executed at SEDDON's flat, 12b Mill Street: a quantity of cannabis resin and herbal "
     "cannabis found, with scales. SEDDON not present at time of search.",
     "DC 3318 ASHWORTH",
     "No charges brought (ownership could not be proved).",
     None, T()),
    (DT(2005, 4, 17, 22, 45), "Crime KP/05/09912",
     "Gemma PRYCE reported SEDDON had come to her address uninvited, grabbed her by the arms and "
     "pushed her into a door frame in front of their son (10 months). Bruising to both upper arms.",
     "PC 0412 NAYLOR",
     "Crime recorded - assault (domestic). SEDDON interviewed, denied. PRYCE later withdrew support.",
     D(2005, 4, 17), T()),
    (DT(2005, 6, 2, 3, 30), "Crime KP/05/13307",
     "PRYCE reported SEDDON kicked her front door in the early hours, shouting threats that he "
     "would 'finish her' and her family. Door panel broken (criminal damage).",
     "PC 4471 HOLLIS",
     "Crime recorded - criminal damage and threats. SEDDON not located that night; arrested "
     "03/06/05, no comment interview.",
     D(2005, 6, 2), T()),
    (DT(2005, 9, 19, 18, 20), "Crime KP/05/21448",
     "Assault on PRYCE: split lip and bruising to cheek. PRYCE states she has obtained a "
     "non-molestation injunction and SEDDON has given undertakings in the county court.",
     "PC 0412 NAYLOR",
     "SEDDON arrested, interviewed, bailed. File to CPS with full history including the "
     "undertakings.",
     D(2005, 9, 19), T()),
    (DT(2005, 12, 5, 10, 0), "Crime KP/05/21448",
     "CPS review of the 2005 incidents against Gemma PRYCE (four complaints, three involving "
     "injury, one threats and criminal damage).",
     "DS 1544 PRENTICE",
     "CPS decision: no prosecution - \"insufficient evidence to take the case any further\". "
     "Bail cancelled. PRYCE informed.",
     D(2005, 12, 5), T()),
    (DT(2006, 3, 8, 14, 0), "Crime KP/06/05520",
     "SEDDON arrested for threats to kill Gemma PRYCE and her family and for possession of a "
     "controlled drug (cannabis). Intelligence received that SEDDON had bought a gun in 2005 - "
     "address searched, no firearm found.",
     "DC 3318 ASHWORTH",
     "Threats to kill: NFA (victim would not support). Possession: charged. Released on police "
     "bail with conditions not to contact PRYCE or her family.",
     D(2006, 3, 8), T()),
    (DT(2006, 3, 8, 20, 15), "Crime KP/06/05541",
     "Six hours after release on bail SEDDON assaulted Gemma PRYCE's brother in the street "
     "(punched to the face). Found in possession of cannabis again on arrest. Breach of bail "
     "conditions.",
     "PC 4471 HOLLIS",
     "Arrested for common assault, possession of a controlled drug and breach of bail. Remanded "
     "overnight for court.",
     D(2006, 3, 8), T()),
    (DT(2006, 5, 26, 10, 0), "Court",
     "Kingsmere Magistrates' Court: SEDDON convicted of common assault and two counts of "
     "possession of a controlled drug (cannabis).",
     "Court result (PNC)",
     "Fined and costs. No DV marker added to the conviction.",
     D(2006, 6, 2), T()),
    ("Second half of 2006", "Various logs",
     "Family of Gemma PRYCE reported several incidents of threats and harassment by SEDDON "
     "(abusive calls, driving slowly past the house, threats to PRYCE's mother). Family stated "
     "they felt their complaints were not being taken seriously.",
     "Various",
     "Logs closed without full investigation. No harassment warning issued.",
     None, T()),
    (DT(2008, 4, 21, 17, 40), "Log 1560 21/04/08",
     "Gemma PRYCE, who had moved away from Kingsmere, reported renewed harassment and "
     "intimidation by SEDDON (texts, turning up at her new address). PRYCE said SEDDON now has a "
     "new girlfriend, Kayleigh DUNMORE (17 yrs), who is pregnant.",
     "PC 5083 OSEI",
     "Harassment recorded. SEDDON given verbal warning by phone. No PIN issued.",
     D(2008, 4, 21), T()),
    (DT(2008, 7, 3, 13, 25), "Crime KP/08/15902",
     "SEDDON stopped and searched in Kingsmere Park, found in possession of herbal cannabis "
     "(approx. 5g).",
     "PC 2836 BEAUMONT",
     "Charged with possession of cannabis; pleaded guilty at Magistrates' Court, fined.",
     D(2008, 7, 3), T()),
    ("late 2008", "Crime KP/08/27744",
     "Serious incident of harassment and criminal damage in Kingsmere Retail Park car park: "
     "SEDDON smashed the windscreen of Gemma PRYCE's car while she and her son (4) sat inside, "
     "shouting threats. Both described as terrified.",
     "DC 5120 MORLEY",
     "SEDDON not found. Warrant issued and circulated on PNC as wanted.",
     None, T()),
    BLANK,
    (DT(2010, 8, 9, 15, 12), "Crime KP/10/14772",
     "Kayleigh DUNMORE attended Kingsmere Central front counter reporting an assault by her "
     "ex-partner Ryan SEDDON the previous night at her home, 22 Fenwick Street. States SEDDON "
     "punched her to the head, grabbed her by the throat and banged her head against the bedroom "
     "window. Reddening to neck and 2cm cut to left cheek seen. States she was held in the "
     "bedroom against her will until the early hours. SEDDON has since taken the two children "
     "(Tia 21 months, Mason 3 months) to his father's address and is refusing to return them; "
     "he has threatened to run off with the children. Couple separated, SEDDON has weekend "
     "contact.",
     "PC 4471 HOLLIS",
     "Crime recorded - assault occasioning ABH (domestic). Injuries photographed. DASH to be "
     "completed.",
     D(2010, 8, 9), T("sep:aug2010_report_vs_arrest")),
    (DT(2010, 8, 9, 16, 40), "Crime KP/10/14772",
     "DASH risk assessment completed with DUNMORE: MEDIUM risk. DUNMORE states this is not the "
     "first incident - SEDDON has tried to strangle her before, has held her against her will "
     "and stops her contacting her family. States SEDDON is 'depressed' and smokes cannabis "
     "daily. No weapons mentioned. DUNMORE declined to make a formal statement.",
     "PC 4471 HOLLIS",
     "Not referred to MARAC (medium). DV leaflet and PPU contact details given. Child concern "
     "notification to be sent.",
     D(2010, 8, 9), T()),
    (DT(2010, 8, 9, 19, 35), "Log 1187 09/08/10",
     "PC HOLLIS telephoned Emergency Duty Team (EDT) for advice about Tia and Mason, who are "
     "asleep at paternal grandfather Tariq SEDDON's address, 6 Crossley Terrace. EDT social "
     "worker and manager advised the address was not suitable because of past history re other "
     "children and asked for the children to be returned to mother tonight. Officers reluctant "
     "to move sleeping children again given SEDDON's counter-allegations about DUNMORE's care.",
     "PC 4471 HOLLIS",
     "Disagreement with EDT. Agreed overnight: children to remain at 6 Crossley Terrace "
     "supervised by paternal aunt, SEDDON not to be left alone with them. To be returned to "
     "DUNMORE in the morning.",
     D(2010, 8, 9), T("merge:aug2010_police_edt_call")),
    (DT(2010, 8, 10, 10, 50), "Log 0611 10/08/10",
     "Officers attended 6 Crossley Terrace; Mr SEDDON senior handed Tia and Mason to DUNMORE in "
     "the presence of officers. Children appeared well.",
     "PC 6620 CARTWRIGHT",
     "Children returned to mother's care. Update to EDT by email.",
     D(2010, 8, 10), T()),
    (DT(2010, 8, 11, 8, 20), "Crime KP/10/14772",
     "Ryan SEDDON arrested at 6 Crossley Terrace on the outstanding PNC warrant (late 2008 "
     "criminal damage/harassment of Gemma PRYCE) and for the assault on DUNMORE. In interview "
     "denied assaulting DUNMORE, said they had 'an argument', and made counter-allegations "
     "about her parenting which he said his cousin had witnessed.",
     "DC 3318 ASHWORTH",
     "Background history noted. Released on bail pending enquiries (not to contact DUNMORE "
     "except via third party for child contact).",
     D(2010, 8, 11), T("sep:aug2010_report_vs_arrest")),
    (DT(2010, 8, 24, 14, 0), "Crime KP/10/14772",
     "SEDDON's cousin spoken to: does not confirm any of the alleged concerns about DUNMORE's "
     "care of the children.",
     "DC 3318 ASHWORTH",
     "Counter-allegations not substantiated.",
     D(2010, 8, 24), T()),
    (DT(2010, 8, 27, 11, 30), "Crime KP/10/14772",
     "Supervisory review of both matters (assault on DUNMORE; 2008 incident re PRYCE). "
     "Supervisor: \"no chance of a conviction\" without further evidence and the victim's "
     "co-operation.",
     "DS 2290 WHITLOCK",
     "Not referred to CPS. Both crimes filed as undetected. SEDDON's bail cancelled.",
     D(2010, 8, 27), T()),
    (DT(2012, 1, 14, 15, 30), "Crime KP/12/00918",
     "DUNMORE reported by 999 call that SEDDON had assaulted her today at 14 Aldwick Close, and "
     "described another assault on 10/01/12. Says they have been separated since August 2010 but "
     "SEDDON turned up five months ago and she has been too afraid to make him leave. Describes "
     "controlling behaviour: he takes her mobile phone, locks her and the children in the house, "
     "stops her seeing her family and is threatening to her relatives and friends. Assaults "
     "include strangulation and head-butting; she lost consciousness on one occasion. Says if "
     "she talks about separating he threatens to take the children or to 'blow up' the house. "
     "Was assaulted when pregnant with each of the children. All three children present in the "
     "house today.",
     "PC 7703 DRISCOLL",
     "Crime recorded - assault (domestic) x2. Officers attended, SEDDON had left. Injuries: "
     "red marks to neck.",
     D(2012, 1, 14), T()),
    (DT(2012, 1, 14, 17, 5), "Crime KP/12/00918",
     "DASH completed with DUNMORE: MEDIUM risk. Notes previous incident in August 2010. DUNMORE "
     "states SEDDON has mental health problems and is 'on tablets for depression'. No gun or "
     "knife seen. DUNMORE pregnant? - 'not sure'.",
     "PC 7703 DRISCOLL",
     "Local system checks only. PPU notified. Safety advice, panic alarm discussed.",
     D(2012, 1, 14), T()),
    (DT(2012, 1, 16, 10, 20), "Crime KP/12/00918",
     "Retraction statement taken from DUNMORE: does not wish to support a prosecution, is no "
     "longer fearful of SEDDON and says he has now left the address.",
     "PC 7703 DRISCOLL",
     "Standard medium-risk response: PPU contact number provided, referral to Women's Aid to "
     "follow.",
     D(2012, 1, 16), T()),
    (DT(2012, 1, 17, 9, 45), "PPU ref 12/0214",
     "PPU: domestic abuse referral sent to Kingsmere Women's Aid outreach service for "
     "Kayleigh DUNMORE (medium risk DASH, consent given 16/01/12).",
     "DC 5120 MORLEY",
     "Referral emailed to Women's Aid duty inbox.",
     D(2012, 1, 17), T("merge:jan2012_police_referral_wa")),
    (DT(2012, 1, 18, 11, 15), "PPU ref 12/0214",
     "PPU: child concern notification submitted to Children's Social Care re Tia, Mason and "
     "Lily - children present during domestic incidents on 10/01/12 and 14/01/12. Notification "
     "held for Multi-Agency Joint Screening.",
     "DC 5120 MORLEY",
     "Notification sent to CSC Referral and Advice Team.",
     D(2012, 1, 18), T("merge:jan2012_police_referral_csc")),
    (DT(2012, 1, 30, 14, 0), "Crime KP/12/00918",
     "SEDDON interviewed by appointment (voluntary attendance). Denied any assault, stated "
     "DUNMORE 'makes things up when she's angry'.",
     "PC 7703 DRISCOLL",
     "No further action - victim does not support, no independent evidence.",
     D(2012, 2, 27), T("late")),
    (DT(2012, 2, 2, 10, 0), "PPU ref 12/0214",
     "Multi-Agency Joint Screening (MAJS) meeting at PPU with CSC and health safeguarding nurse. "
     "Barnardo's Screening Tool completed. Background history of SEDDON noted including the "
     "offences against previous partner Gemma PRYCE.",
     "DC 5120 MORLEY",
     "Outcome: referral to CSC Area First Response Team. Police logs for both January "
     "incidents shared.",
     D(2012, 2, 2), T("merge:feb2012_joint_screening")),
    (DT(2012, 5, 1, 11, 15), "PPU ref 12/0214",
     "Strategy discussion by telephone between DS WHITLOCK and CSC team manager following new "
     "information from health (SEDDON at the home, cannabis, possible pregnancy).",
     "DS 2290 WHITLOCK",
     "Decision: S47 enquiry to be single agency (CSC) - not a joint investigation. No further "
     "police action.",
     D(2012, 5, 24), T("conflict:strategy_discussion", "late")),
    (DT(2012, 7, 10, 16, 25), "Log 1402 10/07/12",
     "Ryan SEDDON telephoned alleging DUNMORE is neglecting the children - drinking, leaving "
     "them alone at night at 14 Aldwick Close.",
     "Control Room",
     "Log created, passed to PC HOLLIS for attendance.",
     D(2012, 7, 10), T("sep:jul2012_police_same_day")),
    (DT(2012, 7, 10, 17, 10), "Log 1402 10/07/12",
     "PC HOLLIS telephoned CSC duty team re SEDDON's allegation. Informed by CSC that the "
     "children have been subject to child protection plans since an ICPC on 11/06/12. Police "
     "were not invited to the ICPC and have received no minutes or notification.",
     "PC 4471 HOLLIS",
     "CP plan information recorded on police systems. Will visit mother today.",
     D(2012, 7, 10), T("merge:jul2012_police_call_csc", "sep:jul2012_police_same_day")),
    (DT(2012, 7, 10, 19, 30), "Log 1402 10/07/12",
     "Officers visited DUNMORE and the children at her mother Carol DUNMORE's address. House "
     "clean, children well and appropriately supervised, no alcohol seen.",
     "PC 4471 HOLLIS",
     "Allegation unfounded - recorded as false/malicious. NFA. CSC updated.",
     D(2012, 7, 10), T()),
    (DT(2012, 7, 17, 10, 42), "Log 0733 17/07/12",
     "Call from Kingsmere Children's Centre: male shouting and refusing to leave a child "
     "protection core group meeting. Officers attended: Ryan SEDDON had demanded to tape record "
     "the meeting and said he was being harassed by DUNMORE's family.",
     "PC 6620 CARTWRIGHT",
     "SEDDON calmed down on police arrival, words of advice. Meeting continued. No offences.",
     D(2012, 7, 17), T("merge:jul2012_core_group")),
    (DT(2012, 7, 19, 20, 15), "Crime KP/12/16630",
     "Officers attended 14 Aldwick Close with DUNMORE after her mother reported damage. Cooker "
     "door and fridge damaged; DUNMORE believes SEDDON still has keys and has been in the "
     "property.",
     "PC 2836 BEAUMONT",
     "Criminal damage recorded, suspect SEDDON. DUNMORE advised to go to the housing office if "
     "she feels unsafe staying at the house.",
     D(2012, 7, 19), T("merge:jul2012_kitchen_damage")),
    (D(2012, 8, 6), "Op BRACKEN",
     "Evening of 06/08/12 (SEDDON's birthday): DUNMORE spent the evening with SEDDON at the "
     "home of his aunt, 19 Linnet Way. Per later witness statements her mother Carol DUNMORE had "
     "tried to persuade her not to go; a family member of SEDDON describes an argument about the "
     "termination of the pregnancy during the evening.",
     "DI 0655 FAIRBAIRN",
     "Information from murder investigation (Op BRACKEN) - witness statements.",
     D(2012, 8, 10), T("sep:aug2012_evening_vs_death")),
    (DT(2012, 8, 7, 6, 48), "Op BRACKEN",
     "999 call from taxi driver: female stabbed in the rear of his taxi on Brackley Road while "
     "travelling to Carol DUNMORE's address. Kayleigh DUNMORE pronounced dead at the scene at "
     "07:31. Ryan SEDDON detained at the scene with a knife.",
     "DI 0655 FAIRBAIRN",
     "SEDDON arrested for murder. Major Investigation Team. CSC EDT informed; children safe "
     "with maternal grandmother.",
     D(2012, 8, 7), T("merge:aug2012_death", "sep:aug2012_evening_vs_death")),
]


def write_police() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = POLICE_SHEET
    fix_workbook_props(wb, "Police IMR chronology", "KP Review Unit")
    ws["A1"] = "KINGSMERE POLICE"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws["A2"] = ("Individual Management Review - Chronology of police contacts: "
                "Domestic Homicide Review (Adult K)")
    ws.merge_cells("A2:F2")
    ws["A3"] = ("Period: 01/04/2008 - 07/08/2012; perpetrator history from 2003 as requested "
                "by the Panel (earlier entries included for context).   OFFICIAL - SENSITIVE")
    ws.merge_cells("A3:F3")
    header_row = 4
    for col, name in enumerate(POLICE_HEAD, start=1):
        cell = ws.cell(row=header_row, column=col, value=name)
        cell.font = BOLD
    row = header_row
    data = blanks = 0
    for item in POLICE_ROWS:
        row += 1
        if item == BLANK:
            blanks += 1
            continue
        when, log, details, officer, action, recorded, tags = item
        c = ws.cell(row=row, column=1, value=when)
        if isinstance(when, dt.datetime):
            c.number_format = "dd/mm/yyyy hh:mm"
        elif isinstance(when, dt.date):
            c.number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=2, value=log)
        ws.cell(row=row, column=3, value=details).alignment = WRAP
        ws.cell(row=row, column=4, value=officer)
        ws.cell(row=row, column=5, value=action).alignment = WRAP
        if recorded is not None:
            rc = ws.cell(row=row, column=6, value=recorded)
            rc.number_format = "dd/mm/yyyy"
        r = ref(POLICE_FILE, POLICE_SHEET, row)
        REG.add(r, tags, as_date(when))
        REG.recorded(r, as_date(when), recorded)
        data += 1
    row += 1
    ws.cell(row=row, column=1, value="End of chronology").font = Font(italic=True)
    for col, width in zip("ABCDEF", (17, 18, 80, 20, 50, 14)):
        ws.column_dimensions[col].width = width
    path = OUT / POLICE_FILE
    wb.save(path)
    normalise_zip(path)
    REG.files[POLICE_FILE] = {
        "format": "xlsx", "sheet": POLICE_SHEET, "title_rows": 3, "header_row": header_row,
        "first_data_row": header_row + 1, "last_data_row": row - 1, "data_rows": data,
        "blank_rows": blanks, "footer_rows": 1, "footer_row": row,
    }


# ======================================================================================
# 2. Kingsmere Childrens Social Care IMR.xlsx
# ======================================================================================

CSC_FILE = "Kingsmere Childrens Social Care IMR.xlsx"
CSC_SHEET = "IMR Chronology"
CSC_HEAD = ["Date of Contact", "Source of Information", "Summary of Contact", "Outcome / Action",
            "Comments/Analysis", "Date Entered"]

_HOME_VISIT_2307 = (
    "23/07/2012", D(2012, 7, 23), "SW R. Kowalczyk - home visit",
    "Home visit to MGM's address. Mum, MGM and all three children seen. Mum says a termination "
    "of pregnancy had been booked but the hospital has moved the appointment. Mum has discussed "
    "the termination with the HV, the midwife and her GP. Mum is now staying at her own house, "
    "14 Aldwick Close, during the day.",
    "Mum encouraged to keep to the working agreement. SW to confirm new TOP date.",
    "", "23/07/2012",
)

# (date text, event date or None, source, summary, outcome, comments, date entered, tags)
CSC_ROWS: list[tuple] = [
    ("9.8.10", D(2010, 8, 9), "EDT - telephone call from Kingsmere Police (PC Hollis)",
     "Police report DV incident: Mum (Kayleigh Dunmore) assaulted by ex-partner Ryan Seddon last "
     "night. Dad has taken Tia (1) and Mason (3 mths) to his father's address (Mr Seddon senior, "
     "6 Crossley Terrace). EDT aware of previous concerns re other children at that address - not "
     "a suitable place for the children. Police reluctant to move the children tonight as they "
     "are asleep and Dad has made allegations about Mum's care.",
     "EDT SW and EDT manager advised return to Mum. Police declined. Agreed: children to stay "
     "overnight supervised by paternal aunt; Dad not to be alone with them. Pass to RAT.",
     "Disagreement between EDT and police not escalated to senior managers.",
     "10/08/2010", T("merge:aug2010_police_edt_call", "ts:referral_2010")),
    ("10/08/2010", D(2010, 8, 10), "EDT handover to Referral and Advice Team (RAT)",
     "Referral logged. Internal checks: children not previously known. Paternal grandfather's "
     "address (Tariq Seddon) known to CSC. No checks made with HV or GP.",
     "Passed to Duty and Assessment Team (Area 3) for initial assessment.",
     "Health checks not done - see IMR section 4.", "10/08/2010", T()),
    ("12/08/2010", D(2010, 8, 12), "Duty and Assessment Team",
     "Referral awaiting allocation - team carrying 3 vacancies.",
     "Held on duty. TM to allocate when capacity allows.", "IA timescale (10 working days) "
     "at risk.", "12/08/2010", T()),
    ("w/c 23/08/2010", None, "Duty SW",
     "Attempts to contact Mum by telephone to arrange a visit - no reply. Letter sent to 22 "
     "Fenwick Street.",
     "Await response.", "", "27/08/2010", T()),
    ("06-Sep-10", D(2010, 9, 6), "TM M. Castellano",
     "Case allocated to SW A. Okafor for initial assessment.",
     "SW to visit within 5 working days.", "Allocated 19 working days after referral.",
     "06/09/2010", T()),
    ("14 Sep 2010", D(2010, 9, 14), "SW A. Okafor - home visit",
     "Initial assessment home visit at 22 Fenwick Street. Dad present throughout. Mum described "
     "the incident as 'an argument' that got out of hand. Children well presented, warm "
     "interaction with Mum, home clean. Mum wants to move out of the area, says her family and "
     "Dad's family are 'supportive'.",
     "IA to be completed. Mum's request for a move noted.",
     "DV not explored - Dad present. No contact with the police officers in the case.",
     "08/10/2010", T("late")),
    ("21/09/2010", D(2010, 9, 21), "SW A. Okafor / TM M. Castellano",
     "Initial assessment completed: recommendation child in need plan. TM tasks: (1) support "
     "letter to housing re move; (2) working agreement re Dad's contact with the children; "
     "(3) GP checks.",
     "CIN plan. Tasks allocated to SW.", "", "22/09/2010", T("ts:ia_done_2010")),
    ("28.10.10", D(2010, 10, 28), "TM M. Castellano",
     "Case closed by TM. Case note: 'no further role, family supported by extended family'.",
     "Case closed.", "No evidence that any of the three tasks were completed before closure.",
     "28/10/2010", T()),
    ("mid-January 2012", None, "Kingsmere Police - PPU notification",
     "Child concern notification re Tia, Mason and Lily: DV incidents 10/01/12 and 14/01/12, Mum "
     "assaulted by Dad (strangulation, head-butting), children present. DASH medium. Mum has "
     "retracted.",
     "Logged by RAT; held for Multi-Agency Joint Screening.", "", "19/01/2012",
     T("merge:jan2012_police_referral_csc")),
    ("02/02/2012", D(2012, 2, 2), "Multi-Agency Joint Screening (Police PPU, CSC, Safeguarding Nurse)",
     "MAJS meeting: BST completed. Police shared Dad's background history including offences "
     "against a previous partner and the August 2010 incident.",
     "Referral to Area First Response Team (AFRT) for initial assessment.", "",
     "02/02/2012", T("merge:feb2012_joint_screening")),
    ("3.2.12", D(2012, 2, 3), "AFRT - TM M. Castellano",
     "Referral received from MAJS. Allocated to SW A. Okafor. TM tasks: statutory checks; read "
     "background history; home visit to see Mum and children; assess \"mother's ability to take "
     "suitable action to protect the children and herself\"; determine whether a S47 enquiry is "
     "required.",
     "IA to be completed within 10 working days.", "Focus on Mum's protective capacity only; "
     "no task re Dad.", "03/02/2012", T("ts:referral_2012")),
    ("w/c 13/02/2012", None, "SW A. Okafor",
     "Three telephone calls to Mum to arrange IA visit - no reply, voicemail full. Letter "
     "hand-delivered to 14 Aldwick Close.",
     "Await contact.", "Workload pressures noted in supervision.", "17/02/2012", T()),
    ("23/02/2012", D(2012, 2, 23), "SW A. Okafor - home visit",
     "IA home visit: Mum seen alone, children seen. Mum says she and Dad have now separated and "
     "he is living with his father. Mum advised that if there are any further incidents of "
     "domestic violence the outcome would be a child protection conference.",
     "IA to be concluded.", "Based on one visit. No referral for early help.",
     "24/02/2012", T()),
    ("01/03/2012", D(2012, 3, 1), "SW A. Okafor",
     "IA concluded. Recommend closure \"as the perpetrator has now left and Mum will be "
     "undertaking preventative work\". Suggest HV could undertake a CAF.",
     "For TM decision.", "CAF not discussed with the HV or with Mum.", "01/03/2012",
     T("ts:ia_done_2012")),
    ("07/03/2012", D(2012, 3, 7), "Telephone call from HV Brennan",
     "HV reports Dad was at the home during her visit yesterday (06/03) - Mum had said they were "
     "separated.",
     "SW discussed with TM - SW to phone Mum.", "", "07/03/2012",
     T("merge:mar2012_hv_call_sw", "sep:mar2012_csc_same_day")),
    ("07/03/2012", D(2012, 3, 7), "SW A. Okafor - telephone call to Mum",
     "SW telephoned Mum re Dad's whereabouts. Mum says Dad had been 'doing some work in the "
     "house' and does not live there.",
     "Explanation accepted.", "", "07/03/2012", T("sep:mar2012_csc_same_day")),
    ("8/3/2012", D(2012, 3, 8), "SW A. Okafor - telephone call to Kingsmere Women's Aid",
     "Women's Aid confirm Mum is on the waiting list for an outreach worker. Due to staffing "
     "pressures no timescale can be given for when the service will start.",
     "Noted.", "Closure relies on a service that has not started.", "08/03/2012",
     T("merge:mar2012_csc_wa_call")),
    ("09/03/2012", D(2012, 3, 9), "TM M. Castellano",
     "TM closing summary: no role for CSC. Responsibility to manage the situation rests with Mum, "
     "supported by Women's Aid; HV to consider a CAF.",
     "Case closed. Closing letter to be sent, copy to HV.",
     "No consultation or strategy discussion with partner agencies before closure.",
     "09/03/2012", T()),
    ("12/03/2012", D(2012, 3, 12), "SWA L. Pemberton",
     "Closing letter sent to Mum (copy to HV): Mum \"advised to engage with all professionals to "
     "prevent further intrusion from Children Services and the Police\"; any further DV "
     "referral \"will be viewed as a matter of child protection\".",
     "Letter sent.", "Letter does not mention Dad's responsibilities.", "12/03/2012", T()),
    ("22/03/2012", D(2012, 3, 22), "Referral from HV Brennan (telephone and written)",
     "District Nursing visiting three times a day for Mason following hospital discharge. Dad "
     "present at every visit, strong smell of cannabis in the house, Mum reportedly pregnant "
     "again.",
     "Referral logged; for TM decision within 24hrs.", "Third referral in 20 months.", "22/03/2012",
     T("merge:mar2012_hv_referral")),
    ("26/03/2012", D(2012, 3, 26), "TM M. Castellano",
     "Case re-opened and returned to SW A. Okafor. TM: consider need for a strategy discussion.",
     "SW to review.", "", "28/03/2012", T()),
    ("31/04/2012", None, "SW A. Okafor - email to TM",
     "SW emailed TM requesting a strategy discussion to address the new information from "
     "health (Dad at the home, cannabis, pregnancy).",
     "Awaiting TM response.", "", "01/05/2012", T("impossible")),
    ("23/05/2012", D(2012, 5, 23), "Strategy discussion - TM M. Castellano (chair), DS Whitlock "
     "(Police), SW A. Okafor",
     "Strategy discussion: police shared information about Dad going back to 2005, including "
     "violence and threats to kill towards a previous partner (Gemma Pryce) and possession of "
     "cannabis. Ms Pryce had obtained an injunction in 2005.",
     "S47 enquiry to be undertaken by CSC as single agency. ICPC to be convened.",
     "Not a joint enquiry despite the history and the children's ages.", "23/05/2012",
     T("conflict:strategy_discussion")),
    ("25/05/2012", D(2012, 5, 25), "SW A. Okafor - S47 home visit",
     "S47 visit: Mum and children seen at 14 Aldwick Close. Mum says she and Dad are separated; "
     "she is pregnant again, early days.",
     "Proceed to ICPC.", "Dad not seen or assessed.", "28/05/2012", T()),
    ("end of May 2012", None, "SW A. Okafor",
     "ICPC invitations sent to HV, specialist DV midwife and nursery manager. Separate invitation "
     "letters for Mum and Dad both sent to 14 Aldwick Close.",
     "ICPC booked for 11/06/2012.", "No invitation to the police, GP or housing.",
     "31/05/2012", T()),
    ("08/06/2012", D(2012, 6, 8), "SW A. Okafor - telephone call to Mum",
     "Reminded Mum of the ICPC on Monday and asked her to remind Dad of the time.",
     "", "Inappropriate in the circumstances.", "08/06/2012", T()),
    ("11/06/2012", D(2012, 6, 11), "ICPC - chair P. Dacosta (IRO)",
     "Initial child protection conference. Present: Mum, Dad (both throughout), SW, TM, HV, "
     "specialist DV midwife, nursery manager. SW report signed off today and given to the chair "
     "and parents at the start of the meeting. Tia, Mason, Lily and the unborn child made "
     "subject to CP plans, category emotional abuse. 16 tasks (6 for Mum, 4 for Dad).",
     "CP plans. First core group 22/06/2012. Working agreement to be drawn up.",
     "Working Together: ICPC due within 15 working days of the last strategy discussion.",
     "11/06/2012", T("merge:jun2012_icpc", "sep:jun2012_icpc_vs_agreement", "ts:icpc")),
    ("12/06/2012", D(2012, 6, 12), "SW A. Okafor",
     "Working agreement meeting with Mum, Dad and MGM (Carol Dunmore): Dad not to reside in the "
     "family home; children not to be present when Dad attends antenatal appointments; Mum to "
     "consider an injunction if Dad is violent again and to report any DV to police; MGM to "
     "report any contact Dad has with Mum and the children; Mum and children may stay at MGM's. "
     "Courses: anger management (Dad), DV victims' course (Mum), 'Promoting Happier Parenting' "
     "(both).",
     "Working agreement signed.", "Availability of the courses not checked.", "13/06/2012",
     T("sep:jun2012_icpc_vs_agreement")),
    ("15/06/2012", D(2012, 6, 15), "TM M. Castellano",
     "Case transferred to Safeguarding and Support Team. Allocated SW R. Kowalczyk.",
     "Transfer.", "No transfer meeting or handover discussion recorded.", "15/06/2012", T()),
    ("21/06/2012", D(2012, 6, 21), "SW R. Kowalczyk and Senior Practitioner J. Amos",
     "Home visit to MGM's address: Mum, MGM and children seen. Advised Mum that supervised "
     "contact will be arranged for Dad to see the children.",
     "Arrange supervised contact.", "", "22/06/2012", T()),
    ("22.06.12", D(2012, 6, 22), "SW R. Kowalczyk",
     "First core group meeting (due today) cancelled by SW - required to cover duty. Members "
     "informed by telephone. Rearranged for 17/07/2012 at Kingsmere Children's Centre.",
     "Core group rearranged.", "17/07/2012 is 26 working days after the ICPC (timescale 10).",
     "22/06/2012", T("merge:jun2012_core_group_cancelled", "sep:core_group_cancelled_vs_held",
                     "ts:core_group_planned")),
    ("10/07/2012", D(2012, 7, 10), "Telephone call from Kingsmere Police (PC Hollis)",
     "Police report Dad has alleged that Mum is neglecting the children. PC Hollis unaware of "
     "the ICPC - SW informed him the children are subject to CP plans.",
     "Police to visit Mum today and update.", "Police not invited to ICPC; no minutes sent.",
     "10/07/2012", T("merge:jul2012_police_call_csc")),
    ("17/07/2012", D(2012, 7, 17), "Core group - SW R. Kowalczyk",
     "Core group at Kingsmere Children's Centre: Mum, Dad, MGM, SW, HV, nursery manager, "
     "housing officer. Dad demanded to tape record the meeting - refused. Dad said he is being "
     "harassed by Mum's family and became agitated; police were called and Dad calmed down.",
     "Agreed to continue the CP plan as it is.", "", "18/07/2012",
     T("merge:jul2012_core_group", "sep:core_group_cancelled_vs_held", "ts:core_group_held")),
    ("19/07/2012", D(2012, 7, 19), "Telephone call from MGM (Carol Dunmore)",
     "MGM says her house is now overcrowded and Mum is moving back to her own home. Family "
     "believe Dad still has keys to 14 Aldwick Close and has been in and damaged the kitchen "
     "(cooker, fridge).",
     "SW advised MGM that Mum should report the damage to police.", "", "19/07/2012",
     T("merge:jul2012_kitchen_damage")),
    _HOME_VISIT_2307 + (T("dup"),),
    _HOME_VISIT_2307 + (T("dup"),),
    ("25/07/2012", D(2012, 7, 25), "Telephone call from MGM",
     "MGM concerned about Mum and the children; says Dad is blocking her from seeing them.",
     "SW to visit.", "", "25/07/2012", T()),
    ("27/07/2012", D(2012, 7, 27), "Telephone call from Mum",
     "Mum says the termination took place yesterday and she is not feeling very well.",
     "Support offered.", "", "27/07/2012", T()),
    ("30/07/2012", D(2012, 7, 30), "Telephone calls - Mum; Dad",
     "Mum cancelled today's supervised contact session. Dad rang SW to complain and says he will "
     "seek legal advice.",
     "Noted.", "", "30/07/2012", T("sep:jul2012_csc_same_day")),
    ("30/07/2012", D(2012, 7, 30), "Telephone call from MGM",
     "MGM reports Mum and the children are somewhere unknown with Dad. MGM wants custody of the "
     "children for their safety.",
     "SW to try to locate family.", "", "30/07/2012",
     T("sep:jul2012_csc_same_day", "sep:jul2012_missing_vs_nursery")),
    ("03/08/2012", D(2012, 8, 3), "SW R. Kowalczyk and SW T. Barnes - visits",
     "Visited MGM, who had found out the family are at the Travelway Hotel. SWs went to the "
     "hotel: Dad on the premises and asked to leave; children present. Mum said Dad had found "
     "them by listening at doors for the children. SW asked Mum how she was feeling after the "
     "termination - Dad had come back into the hotel and overheard.",
     "After consultation with EDT manager the family were returned to MGM's address. MGM to "
     "supervise and report any attempt to remove the children.", "", "06/08/2012", T()),
    ("03/08/2012", D(2012, 8, 3), "SW R. Kowalczyk",
     "New working agreement signed by Mum, MGM and SW. SW explained there will be a consultation "
     "with a supervisor and legal advice re possible care proceedings.",
     "Legal advice to be sought.", "Core group not recalled; no early review conference "
     "considered.", "06/08/2012", T()),
    ("07/08/2012", D(2012, 8, 7), "Notification from Kingsmere Police",
     "Police informed EDT that Mum (Kayleigh Dunmore) died this morning following an assault in "
     "a taxi; Dad (Ryan Seddon) arrested. Children at MGM's address and safe.",
     "Strategy discussion convened. Children to remain with MGM.", "", "07/08/2012",
     T("merge:aug2012_death")),
]


def write_csc() -> None:
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    fix_workbook_props(wb, "CSC IMR chronology", "Kingsmere CSC QA Unit")
    cover["A1"] = "Kingsmere Children's Social Care"
    cover["A1"].font = Font(bold=True, size=14)
    cover["A3"] = "Individual Management Review - Chronology"
    cover["A4"] = "Review:"
    cover["B4"] = "Domestic Homicide Review - Adult K"
    cover["A5"] = "IMR author:"
    cover["B5"] = "S. Whitfield, Safeguarding Quality Assurance Unit"
    cover["A6"] = "Date:"
    cover["B6"] = "14 November 2012"
    cover["A8"] = "Notes:"
    cover["B8"] = (
        "This chronology is taken from the electronic case record. Dates are given as recorded "
        "by the practitioner at the time; where the record gives only an approximate date this "
        "has been kept. 'Date Entered' is the date the case note was entered on the system. "
        "Comments/Analysis are the IMR author's. The children are referred to by first name; "
        "'Mum' and 'Dad' refer to the victim and the perpetrator, 'MGM' to the maternal "
        "grandmother.")
    cover["B8"].alignment = WRAP
    cover.column_dimensions["A"].width = 14
    cover.column_dimensions["B"].width = 90
    ws = wb.create_sheet(CSC_SHEET)
    for col, name in enumerate(CSC_HEAD, start=1):
        ws.cell(row=1, column=col, value=name).font = BOLD
    row = 1
    data = 0
    for item in CSC_ROWS:
        row += 1
        text, when, source, summary, outcome, comments, entered, tags = item
        values = [text, source, summary, outcome, comments, entered]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value if value != "" else None)
            cell.number_format = "@"
            if col in (3, 4, 5):
                cell.alignment = WRAP
        r = ref(CSC_FILE, CSC_SHEET, row)
        REG.add(r, tags, when)
        REG.recorded(r, when, dt.datetime.strptime(entered, "%d/%m/%Y").date())
        data += 1
    for col, width in zip("ABCDEF", (18, 30, 80, 40, 40, 13)):
        ws.column_dimensions[col].width = width
    path = OUT / CSC_FILE
    wb.save(path)
    normalise_zip(path)
    REG.files[CSC_FILE] = {
        "format": "xlsx", "sheet": CSC_SHEET, "other_sheets": ["Cover"], "title_rows": 0,
        "header_row": 1, "first_data_row": 2, "last_data_row": row, "data_rows": data,
        "blank_rows": 0, "footer_rows": 0,
    }


# ======================================================================================
# 3. Kingsmere GP Practice chronology.csv  (cp1252, CRLF)
# ======================================================================================

GP_FILE = "Kingsmere GP Practice chronology.csv"
GP_HEAD = ["Consultation Date", "Clinician", "Patient", "Entry", "Outcome"]

# (date, clinician, patient, entry, outcome, tags)
GP_ROWS: list[tuple] = [
    (D(2003, 5, 14), "Dr Lindqvist", "Ryan Seddon",
     "Low mood and poor sleep for 2 months since split with girlfriend. Smokes cannabis most "
     "evenings – advised re effect on mood and sleep. PHQ-9 16. No thoughts of self-harm.",
     "Citalopram 20mg od. Review 4/52."),
    (D(2003, 6, 11), "Dr Lindqvist", "Ryan Seddon",
     "Depression review. Mood a little better, sleep still poor (“lying awake till 4”). "
     "Cannabis unchanged.", "Continue citalopram. Review 2/12."),
    (D(2005, 2, 9), "Dr Hargreaves", "Ryan Seddon",
     "Stress – says he has “problems with my ex’s family” and the police. Using cannabis daily. "
     "Denies alcohol excess. Low mood, irritable.", "Citalopram increased to 40mg. Sleep hygiene."),
    (D(2006, 3, 15), "Dr Lindqvist", "Ryan Seddon",
     "Requests sick note – “everything’s on top of me”, court case pending. Denies suicidal "
     "ideation. Cannabis ++.", "Med3 2/52. Switched to sertraline 50mg. Advised drug services – "
     "declined."),
    (D(2007, 10, 2), "Dr Hargreaves", "Ryan Seddon",
     "Insomnia. Requests zopiclone.", "Declined – sleep hygiene advice. Continue sertraline."),
    (D(2008, 3, 12), "Practice Nurse Gill", "Kayleigh Dunmore",
     "UPT +ve. LMP 28/01/08. Pt 17 yrs, living with great-grandmother. Partner Ryan (23).",
     "Referred to community midwife. Folic acid."),
    (D(2008, 5, 20), "Dr Lindqvist", "Ryan Seddon",
     "Depression review. New partner, baby due November. Says he is “cutting down” the "
     "cannabis. Sleep poor.", "Continue sertraline 50mg. Review 3/12."),
    (D(2008, 11, 12), "Admin – new registration", "Tia Dunmore",
     "New patient registration – born 02/11/2008. Mother Kayleigh Dunmore.", "Registered."),
    (D(2008, 12, 15), "Dr Hargreaves", "Kayleigh Dunmore",
     "Postnatal check 6/52. Mood OK. Contraception discussed – declined.", "No concerns."),
    (D(2009, 8, 22), "Practice Nurse Gill", "Kayleigh Dunmore",
     "UPT +ve. LMP 13/07/09.", "Referred to community midwife."),
    (D(2009, 9, 10), "Dr Lindqvist", "Ryan Seddon",
     "Depression review. Low, poor sleep, arguing with partner. Says he can’t afford the £7.20 "
     "prescription charge each month.", "Advised re pre-payment certificate (£104 a year). "
     "Continue sertraline."),
    (D(2010, 1, 26), "Dr Hargreaves", "Ryan Seddon",
     "Sleep poor, irritable, “gets wound up” with partner. Cannabis daily. Denies thoughts of "
     "harm to self or others.", "Restart citalopram 20mg. Referred to IAPT – pt declined."),
    (D(2010, 6, 8), "Dr Lindqvist", "Mason Dunmore",
     "6–8 week baby check (born 19/04/2010). Mum’s postnatal check done same appointment – mood "
     "fine.", "Normal check."),
    (D(2010, 7, 13), "Dr Lindqvist", "Ryan Seddon",
     "DNA depression review.", "Letter sent offering new appointment – not taken up."),
    (D(2010, 8, 23), "Admin – scanning (J. Platt)", "Kayleigh Dunmore",
     "Police notification of domestic incident (08–09/08/2010) received – scanned and filed to "
     "notes.", "Filed. No action."),
    (D(2010, 10, 12), "Practice Nurse Gill", "Kayleigh Dunmore",
     "UPT +ve. LMP approx 06/09/10.", "Referred to community midwife."),
    (D(2011, 2, 17), "Dr Hargreaves", "Tia Dunmore",
     "Temp 38.4, coryzal, pulling at R ear. R TM red and bulging.", "Acute otitis media – "
     "amoxicillin 5/7."),
    (D(2011, 8, 9), "Dr Lindqvist", "Lily Dunmore",
     "6–8 week baby check. Mum’s postnatal check – EPDS 8. Partner in waiting room.",
     "Normal. Imms due."),
    (D(2011, 11, 29), "Dr Hargreaves", "Mason Dunmore",
     "Cough and wheeze 3/7, no distress. Chest clear on review.", "Viral – safety-netted."),
    (D(2012, 1, 24), "Dr Lindqvist", "Ryan Seddon",
     "First attendance since 2010. “Stress”, says his ex is “making things up to the police”. Low "
     "mood, poor sleep. Cannabis daily. Denies thoughts of self-harm or harming others.",
     "Restart sertraline 50mg. Review 2/52 – not booked by pt."),
    (D(2012, 2, 3), "Dr Lindqvist", "Kayleigh Dunmore",
     "Telephone call from HV Brennan: multi-agency screening meeting yesterday re domestic "
     "incidents in January 2012; children referred to Children’s Social Care. For information.",
     "Alert added to family notes. No further liaison.", T("merge:feb2012_hv_gp_liaison")),
    (D(2012, 3, 21), "Admin – scanning (J. Platt)", "Mason Dunmore",
     "Discharge letter, Kingsmere General: admitted 13/03–19/03/2012, incision and drainage of "
     "buttock abscess. District nurses to pack wound TDS.", "Filed."),
    (D(2012, 3, 28), "Practice Nurse Gill", "Kayleigh Dunmore",
     "UPT +ve. LMP approx 15/02/12.", "Referred to community midwife."),
    (D(2012, 4, 10), "Admin – scanning (J. Platt)", "Kayleigh Dunmore",
     "EPAU letter: complete miscarriage at approx 6/40, scan 30/03/2012.", "Filed."),
    (D(2012, 7, 18), "Dr Lindqvist", "Kayleigh Dunmore",
     "Requests termination of pregnancy, approx 13/40. Says she “doesn’t want another baby with "
     "him”. Seen alone. Options discussed.", "Referred to Women’s Health Unit for TOP."),
]


def write_gp() -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GP_HEAD)
    line = 1
    for item in GP_ROWS:
        when, clin, patient, entry, outcome = item[:5]
        tags = item[5] if len(item) > 5 else T()
        line += 1
        writer.writerow([when.strftime("%d/%m/%Y"), clin, patient, entry, outcome])
        REG.add(ref(GP_FILE, None, line), tags, when)
    text = buf.getvalue()
    assert "\n" not in "".join(x for row in GP_ROWS for x in row[3:5])
    (OUT / GP_FILE).write_bytes(text.encode("cp1252"))
    REG.files[GP_FILE] = {
        "format": "csv", "encoding": "cp1252", "line_endings": "CRLF", "header_row": 1,
        "first_data_row": 2, "last_data_row": line, "data_rows": line - 1, "blank_rows": 0,
        "footer_rows": 0,
    }


# ======================================================================================
# 4. Kingsmere Health Visiting chronology.ods
# ======================================================================================

HV_FILE = "Kingsmere Health Visiting chronology.ods"
HV_SHEET = "HV Chronology"
HV_HEAD = ["Date", "Time", "Practitioner", "Child", "Details", "Plan"]

_HV_MGM_VISIT = (
    "Home visit at MGM's address. Mum, MGM and all three children present; Dad not present. "
    "Children clean and appropriately dressed, Lily feeding well. Mum says she is sticking to "
    "the working agreement and has had no contact with Dad apart from phone calls about the "
    "children. {extra}")

# (date, time, practitioner, child, details, plan, tags)
HV_ROWS: list[tuple] = [
    (D(2008, 11, 13), "10:30", "HV Brennan", "Tia",
     "New birth visit. Tia born 02/11/08 at 39+6, SVD, 3.05kg. Mum (Kayleigh, 17 yrs) and Dad "
     "(Ryan) living at Flat 3, 7 Quarry Lane. Bottle feeding. Mum tired but coping. Routine DV "
     "enquiry not asked - Dad present throughout.",
     "Universal Plus (young parent). Clinic at 6/52.", T()),
    (D(2008, 12, 15), "14:00", "HV Brennan", "Tia",
     "6-8 week check in clinic. Weight on 50th centile. Mum's EPDS 9.", "Imms as scheduled.", T()),
    (D(2009, 3, 11), "11:15", "HV Brennan", "Tia",
     "Home visit. Mum says there has been 'trouble' between her family and Dad's family - front "
     "window broken last week, housing aware. Dad not present. Mum did not want to say more.",
     "Offer support. Review at next contact.", T()),
    (D(2009, 11, 4), "09:45", "CN Patel", "Tia",
     "12 month review in clinic, attended with Dad. Development within normal limits. Mum "
     "pregnant, due April.", "Universal.", T()),
    (D(2010, 4, 30), "11:00", "HV Brennan", "Mason",
     "New birth visit, 22 Fenwick Street. Mason born 19/04/10 at 40+0. Dad present, says he is "
     "'on tablets for his nerves'. Home clean and well equipped. DV routine question not asked - "
     "partner present.", "Universal Plus. Clinic 6/52.", T()),
    (D(2010, 6, 16), "13:30", "CN Patel", "Mason",
     "6-8 week check in clinic and first imms. Weight 25th centile. No concerns.", "Universal.",
     T()),
    (D(2010, 9, 29), "10:00", "HV Brennan", "Tia, Mason",
     "Home visit, 22 Fenwick Street. Mum says Dad is 'around at weekends'. No disclosure. "
     "Children well.", "Routine. (HV not aware of police or CSC involvement in August.)", T()),
    (D(2010, 11, 16), "", "CN Patel", "Tia",
     "2 year review: some speech delay, frequent tantrums. Advice given on routines and "
     "language.", "Review in 3/12.", T()),
    (D(2011, 4, 20), "14:00", "HV Brennan", "Unborn",
     "Antenatal contact at 14 Aldwick Close (moved March). Dad present. Mum 32/40, well.",
     "New birth visit after delivery.", T()),
    (D(2011, 6, 14), "11:05", "HV admin / HV Brennan", "Lily",
     "Birth notification received from Kingsmere Maternity: Lily born 14/06/11 at 03:12, SVD, "
     "3.21kg, 40+1. Mum and baby well, discharge home expected 15/06.",
     "New birth visit day 10-14.", T("merge:jun2011_lily_birth", "sep:jun2011_birth_vs_nbv")),
    (D(2011, 6, 24), "10:30", "HV Brennan", "Lily",
     "New birth visit, 14 Aldwick Close. Mum, Dad, Tia and Mason present. Lily feeding well, "
     "cord separated. Home clean, toys and equipment suitable. DV routine question not asked - "
     "Dad present.", "Universal Plus. Clinic 6/52.",
     T("sep:jun2011_birth_vs_nbv", "sep:jun2011_maternity_birth_vs_nbv")),
    (D(2011, 8, 23), "11:30", "HV Brennan", "Lily",
     "Home visit, Lily 10 weeks, thriving. Mum's EPDS 7. Dad present.", "Universal.", T()),
    (D(2011, 10, 12), "10:15", "HV Brennan", "Mason",
     "18 month review at home. Mason walking, few words. Dad present.", "Universal.", T()),
    (D(2011, 12, 8), "11:00", "HV Brennan", "Tia",
     "Home visit. Both parents report Tia 'hitting out' and having tantrums. Agreed referral for "
     "a nursery place.", "Nursery application to Locality Resource Office.", T()),
    (D(2012, 1, 11), "09:50", "CN Patel", "Mason",
     "Imms clinic. Mum quiet, wearing a scarf throughout although the clinic was warm. Mason "
     "well.", "Next imms as scheduled.", T()),
    (D(2012, 2, 2), "10:00", "SN Ferris (Safeguarding Nurse)", "All",
     "Attended Multi-Agency Joint Screening at Police PPU with CSC. Two DV incidents in January "
     "(strangulation, head-butting), children present. Police history of Dad's violence to a "
     "previous partner shared.", "Referred to CSC AFRT. SN to inform HV.",
     T("merge:feb2012_joint_screening")),
    (D(2012, 2, 3), "09:15", "SN Ferris (Safeguarding Nurse)", "All",
     "SN informed HV Brennan of the MAJS outcome and CSC referral.", "HV to liaise with GP and "
     "visit.", T()),
    (D(2012, 2, 3), "11:00", "HV Brennan", "All",
     "Telephone liaison with GP (Dr Lindqvist) re MAJS outcome and CSC referral.",
     "GP to alert family notes.", T("merge:feb2012_hv_gp_liaison", "sep:feb2012_hv_same_day")),
    (D(2012, 2, 3), "15:30", "HV Brennan", "All",
     "Home visit - Mum seen alone. Care plan reviewed \"in respect of Mum's support needs as a "
     "victim of domestic abuse and in her role as a parent of three young children\". Mum says "
     "Dad has moved out to his father's.",
     "Nursery application updated with DV information and sent to Locality Resource Office.",
     T("sep:feb2012_hv_same_day")),
    (D(2012, 3, 6), "10:00", "HV Brennan", "Lily",
     "Home visit for Lily's review. Dad answered the door and stayed throughout; Mum said he was "
     "'just visiting'.", "Inform SW.", T()),
    (D(2012, 3, 7), "09:40", "HV Brennan", "All",
     "Telephoned SW A. Okafor to report Dad's presence at the home yesterday.",
     "SW to follow up with Mum.", T("merge:mar2012_hv_call_sw")),
    (D(2012, 3, 14), "13:00", "HV Brennan", "Tia",
     "Telephoned nursery manager at Kingsmere Children's Centre to inform of DV concerns and CSC "
     "involvement (case now closed).", "Nursery to monitor Tia.", T("merge:mar2012_hv_nursery")),
    (D(2012, 3, 20), "", "HV Brennan", "Mason",
     "Liaison with District Nurses: Mason discharged 19/03 after abscess drainage, DN visiting "
     "three times a day for packing. DN reports Dad present at every visit and a strong smell of "
     "cannabis in the house; Mum told DN she may be pregnant.",
     "Discussed with SN Ferris - refer to CSC.", T()),
    (D(2012, 3, 22), "10:20", "HV Brennan", "All",
     "Referral to CSC by phone, followed by written referral: Dad present at every DN visit, "
     "smell of cannabis, Mum possibly pregnant, case only just closed by CSC.",
     "Await CSC decision.", T("merge:mar2012_hv_referral")),
    (D(2012, 4, 2), "", "HV Brennan", "Mum",
     "Mum phoned: had a miscarriage last week, seen at EPAU.", "Support offered. Visit 2/52.", T()),
    (D(2012, 4, 25), "14:30", "CN Patel", "Lily",
     "Imms clinic - Lily brought by Dad. Mum not present.", "Next imms 13/12.", T()),
    (D(2012, 5, 9), "14:00", "HV Brennan", "All",
     "Home visit. Dad present; Mum says he is 'helping out with the kids'. Children well.",
     "Discuss with SW.", T()),
    (D(2012, 6, 7), "", "HV Brennan", "All",
     "Report for ICPC sent to SW A. Okafor.", "Attend ICPC 11/06.", T()),
    (D(2012, 6, 11), "13:30", "HV Brennan", "All",
     "Attended ICPC. SW report not received before the meeting. All three children and the "
     "unborn baby made subject to CP plans (emotional abuse). Mum and Dad both present "
     "throughout.", "HV tasks: fortnightly home visits, support Mum re DV, monitor children's "
     "development.", T("merge:jun2012_icpc")),
    (D(2012, 6, 26), "10:00", "HV Brennan", "All",
     _HV_MGM_VISIT.format(extra="Mum tearful about the ICPC."),
     "Visit again in 1/52.", T("sep:jun2012_hv_visits_week_apart")),
    (D(2012, 7, 3), "10:00", "HV Brennan", "All",
     _HV_MGM_VISIT.format(extra="Mum more settled this week."),
     "Core group 17/07.", T("sep:jun2012_hv_visits_week_apart", "sep:jul2012_hv_vs_midwife_visit")),
    (D(2012, 7, 17), "10:00", "HV Brennan", "All",
     "Core group at the Children's Centre. Dad asked to record the meeting, refused; Dad became "
     "agitated and police were called. Plan unchanged.", "Continue fortnightly visits.",
     T("merge:jul2012_core_group")),
    (D(2012, 7, 24), "", "HV Brennan", "Mum",
     "Mum phoned: termination booked, appointment moved by the hospital. Discussed support.",
     "Visit after TOP.", T()),
    (D(2012, 8, 6), "10:15", "HV Brennan", "All",
     "Chance meeting outside the Co-op on Kingsmere High Street with Mum, MGM, maternal aunt and "
     "the children. Mum said \"everything is back to normal\" and they are staying with MGM.",
     "Home visit to be booked.", T()),
]


def write_hv() -> None:
    doc = OpenDocumentSpreadsheet()
    date_style = DateStyle(name="N_DMY")
    date_style.addElement(Day(style="long"))
    date_style.addElement(NumText(text="/"))
    date_style.addElement(Month(style="long"))
    date_style.addElement(NumText(text="/"))
    date_style.addElement(Year(style="long"))
    doc.automaticstyles.addElement(date_style)
    date_cell = Style(name="ce_date", family="table-cell", datastylename="N_DMY")
    doc.automaticstyles.addElement(date_cell)
    head_cell = Style(name="ce_head", family="table-cell")
    head_cell.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(head_cell)
    wrap_cell = Style(name="ce_wrap", family="table-cell")
    wrap_cell.addElement(TableCellProperties(wrapoption="wrap"))
    doc.automaticstyles.addElement(wrap_cell)

    table = Table(name=HV_SHEET)
    table.addElement(TableColumn(numbercolumnsrepeated=len(HV_HEAD)))

    def text_cell(value: str, style: Style | None = None) -> TableCell:
        cell = TableCell(valuetype="string", stylename=style) if style else TableCell(
            valuetype="string")
        cell.addElement(P(text=value))
        return cell

    tr = TableRow()
    for name in HV_HEAD:
        tr.addElement(text_cell(name, head_cell))
    table.addElement(tr)
    row = 1
    for when, time, who, child, details, plan, tags in HV_ROWS:
        row += 1
        tr = TableRow()
        dc = TableCell(valuetype="date", datevalue=when.isoformat(), stylename=date_cell)
        dc.addElement(P(text=when.strftime("%d/%m/%Y")))
        tr.addElement(dc)
        tr.addElement(text_cell(time) if time else TableCell())
        tr.addElement(text_cell(who))
        tr.addElement(text_cell(child))
        tr.addElement(text_cell(details, wrap_cell))
        tr.addElement(text_cell(plan, wrap_cell))
        table.addElement(tr)
        REG.add(ref(HV_FILE, HV_SHEET, row), tags, when)
    doc.spreadsheet.addElement(table)
    path = OUT / HV_FILE
    doc.save(str(path))
    normalise_zip(path)
    REG.files[HV_FILE] = {
        "format": "ods", "sheet": HV_SHEET, "title_rows": 0, "header_row": 1,
        "first_data_row": 2, "last_data_row": row, "data_rows": row - 1, "blank_rows": 0,
        "footer_rows": 0,
    }


# ======================================================================================
# 5. Kingsmere Homes housing chronology.xlsx
# ======================================================================================

HOUSING_FILE = "Kingsmere Homes housing chronology.xlsx"
HOUSING_SHEET = "Sheet1"
HOUSING_HEAD = ["Event Date", "Officer", "Notes", "Event Ref"]

# (date text or date cell or None, event date, officer, notes, event ref, tags)
HOUSING_ROWS: list[tuple] = [
    ("14.04.08", D(2008, 4, 14), "Housing Options - K. Marsh",
     "Ms Dunmore (17, pregnant) and partner Mr Seddon presented as homeless from her "
     "great-grandmother's sheltered flat at Westholme Court - not permitted to stay. "
     "Homelessness application taken.", "HOP/08/1187", T()),
    ("22.04.08", D(2008, 4, 22), "Housing Options - K. Marsh",
     "MOVE 1: placed at Ashby House young parents' hostel, room 6.", "TA/08/0412", T()),
    ("18.08.08", D(2008, 8, 18), "Pre-Tenancy Service - D. Lyle",
     "MOVE 2: introductory tenancy signed, Flat 3, 7 Quarry Lane. Pre-tenancy support plan "
     "agreed (budgeting, bills).", "HPT/08/0938", T()),
    ("12.09.08", D(2008, 9, 12), "Pre-Tenancy Service - D. Lyle",
     "Support visit, Quarry Lane. RS present throughout and answered most questions for KD. "
     "Bills set up.", "HPT/08/0938", T()),
    ("03.03.09", D(2009, 3, 3), "ASB Officer - P. Quinn",
     "KD reports harassment: front door kicked, window broken, masonry round the door frame "
     "damaged. Says there is a 'feud' between her father and Mr Seddon senior over her "
     "relationship with RS. Requests a move.", "ASB/09/0332", T()),
    ("27.03.09", D(2009, 3, 27), "Housing Options - K. Marsh",
     "MOVE 3: emergency temporary accommodation, 9 Benning Road, following harassment and "
     "damage at Quarry Lane.", "TA/09/0207", T()),
    ("10.07.09", D(2009, 7, 10), "Housing Options - K. Marsh",
     "MOVE 4: 41 Pell Street (2 bed). RS stays 'most nights' per KD.", "HPT/09/0611", T()),
    ("04.01.10", D(2010, 1, 4), "Repairs / Housing Options",
     "MOVE 5: burst pipe at 41 Pell Street, property uninhabitable. Family moved to Flat 2, "
     "Carver House (TA).", "TA/10/0015", T()),
    ("15.02.10", D(2010, 2, 15), "Pre-Tenancy Service - D. Lyle",
     "MOVE 6: tenancy signed, 22 Fenwick Street.", "HPT/10/0144", T()),
    ("09.03.10", D(2010, 3, 9), "Pre-Tenancy Service - D. Lyle",
     "Household composition updated: Ryan Seddon living at the property since 01.03.10.",
     "HPT/10/0144", T()),
    ("22.09.10", D(2010, 9, 22), "Housing Options - K. Marsh",
     "KD requests a transfer out of the area - says she has had 'trouble' with her ex and wants "
     "a fresh start. Says a social worker will write in support.", "TRF/10/0871", T()),
    ("20.10.10", D(2010, 10, 20), "Housing Options - K. Marsh",
     "No supporting letter received from Children's Social Care. Transfer assessed on housing "
     "need only - management move approved to 2 Morrow Court.", "TRF/10/0871", T()),
    ("08.11.10", D(2010, 11, 8), "Pre-Tenancy Service - D. Lyle",
     "MOVE 7: 2 Morrow Court (flat). KD and two children. RS not on the tenancy.",
     "HPT/10/1032", T()),
    ("19.11.10", D(2010, 11, 19), "Pre-Tenancy Service - D. Lyle",
     "Support visit, 2 Morrow Court. KD says RS is 'not around much'. Flat sparse but clean.",
     "HPT/10/1032", T()),
    ("07.02.11", D(2011, 2, 7), "ASB Officer - P. Quinn",
     "KD reports eggs thrown at windows and abusive notes through the door, believes from RS's "
     "family. Pregnant, due June. Requests a house with a garden.", "ASB/11/0098", T()),
    (D(2011, 3, 21), D(2011, 3, 21), "Pre-Tenancy Service - D. Lyle",
     "MOVE 8: 3 bed house, 14 Aldwick Close. Tenancy signed by KD only.", "HPT/11/0260", T()),
    ("14.09.11", D(2011, 9, 14), "Income Officer - R. Dale",
     "Rent arrears £212.40 - KD says housing benefit stopped after the baby's birth. Repayment "
     "plan £5 per week agreed.", "INC/11/3321", T()),
    ("01.06.12", D(2012, 6, 1), "ASB Officer - P. Quinn",
     "Neighbour complaint: shouting and banging at 14 Aldwick Close after midnight, male and "
     "female voices, a child crying. Letter sent to tenant re noise.", "ASB/12/0419", T()),
    (None, None, "Housing Options",
     "Note on file (undated): KD has asked that no letters about the tenancy are sent to "
     "14 Aldwick Close addressed to RS.", "", T("undated")),
    ("09.07.12", D(2012, 7, 9), "Neighbourhood Officer - S. Ahmed",
     "Invitation received from SW R. Kowalczyk to a child protection core group on 17.07.12. "
     "First awareness that the children are subject to CP plans.", "NBH/12/0577", T()),
    ("17.07.12", D(2012, 7, 17), "Neighbourhood Officer - S. Ahmed",
     "Attended core group at Kingsmere Children's Centre. Mr Seddon wanted to record the meeting "
     "and became angry; police attended. Housing asked to support a move if needed.",
     "NBH/12/0577", T("merge:jul2012_core_group")),
    ("20.07.12", D(2012, 7, 20), "Neighbourhood Officer - S. Ahmed",
     "KD called in to the Neighbourhood Office: cooker door and fridge at 14 Aldwick Close "
     "damaged, she believes RS still has a key. Police attended last night.",
     # KD's own visit the next day is a separate contact, not the police's or CSC's record
     "NBH/12/0601", T()),
    ("20.07.12", D(2012, 7, 20), "Repairs",
     "Emergency lock change ordered for 14 Aldwick Close (recharge £65 waived).", "REP/12/8812",
     T()),
    ("31.07.12", D(2012, 7, 31), "Homeless Officer - T. Grieve",
     "Homelessness interview at length with KD (children present): fleeing violence from "
     "ex-partner RS, says he will not leave her alone and she is frightened at Aldwick Close. "
     "Offered referral to Women's Aid - KD says she has already met a Women's Aid worker twice "
     "this month.", "HOP/12/0940", T("sep:jul2012_housing_same_day")),
    ("31.07.12", D(2012, 7, 31), "Homeless Officer - T. Grieve",
     "MOVE 9: temporary accommodation booked - Travelway Hotel, Kingsmere Road, family room, "
     "minimum 7 nights.", "TA/12/0458", T("sep:jul2012_housing_same_day")),
    ("06.08.12", D(2012, 8, 6), "Homeless Officer - T. Grieve",
     "Hotel confirmed the family left on 03.08.12. Phoned Mrs Dunmore (KD's mother); spoke to "
     "KD, who says she wants to stay with her mother. Officer concerned about the arrangement.",
     "HOP/12/0940", T()),
]


def write_housing() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = HOUSING_SHEET
    fix_workbook_props(wb, "Housing chronology", "Kingsmere Homes")
    for col, name in enumerate(HOUSING_HEAD, start=1):
        ws.cell(row=1, column=col, value=name).font = BOLD
    row = 1
    for shown, when, officer, notes, eref, tags in HOUSING_ROWS:
        row += 1
        c = ws.cell(row=row, column=1, value=shown)
        if isinstance(shown, dt.date):
            c.number_format = "dd/mm/yyyy"
        elif shown is not None:
            c.number_format = "@"
        ws.cell(row=row, column=2, value=officer)
        ws.cell(row=row, column=3, value=notes).alignment = WRAP
        ws.cell(row=row, column=4, value=eref or None)
        REG.add(ref(HOUSING_FILE, HOUSING_SHEET, row), tags, when)
    for col, width in zip("ABCD", (12, 30, 90, 14)):
        ws.column_dimensions[col].width = width
    path = OUT / HOUSING_FILE
    wb.save(path)
    normalise_zip(path)
    REG.files[HOUSING_FILE] = {
        "format": "xlsx", "sheet": HOUSING_SHEET, "title_rows": 0, "header_row": 1,
        "first_data_row": 2, "last_data_row": row, "data_rows": row - 1, "blank_rows": 0,
        "footer_rows": 0, "moves": 9,
    }


# ======================================================================================
# 6. Kingsmere Womens Aid.csv  (UTF-8 with BOM, LF)
# ======================================================================================

WA_FILE = "Kingsmere Womens Aid.csv"
WA_HEAD = ["Date or Period of Event", "Worker", "What happened", "Impact"]

WA_ROWS: list[tuple] = [
    ("Jan 2012", "Duty worker (M. Ellison)",
     "Referral received from Kingsmere Police PPU for Kayleigh (21), medium risk DASH after "
     "assaults by ex-partner Ryan. Three children under 4.",
     "Placed on the outreach waiting list.", T("merge:jan2012_police_referral_wa")),
    ("end of January 2012", "Duty worker (M. Ellison)",
     "Referral triaged: medium risk, no children’s services involvement known to us. Current "
     "outreach waiting time 10–12 weeks.", "Priority: medium.", T()),
    ("23/01/2012", "Duty worker (M. Ellison)",
     "Safe-contact check: tried Kayleigh’s mobile twice – no answer. No voicemail left "
     "(not known if safe).", "Case remains on waiting list.", T()),
    ("Feb 2012", "Outreach co-ordinator (J. Noor)",
     "Several further attempts to make contact by phone. One text sent with agency name "
     "withheld.", "No response.", T()),
    ("w/c 06/02/2012", "Outreach co-ordinator (J. Noor)",
     "Information pack posted to Kayleigh in a plain envelope at her request via text.",
     "Awaiting contact.", T()),
    ("March 2012", "Outreach co-ordinator (J. Noor)",
     "Call from Children’s Social Care social worker asking when outreach support will start. "
     "Advised Kayleigh is on the waiting list; because of staffing pressures no timescale can "
     "be given.", "CSC informed of the position.",
     T("merge:mar2012_csc_wa_call", "sep:mar2012_wa_rows")),
    ("March 2012", "Outreach co-ordinator (J. Noor)",
     "Waiting list review: Kayleigh still waiting (9 weeks). Two outreach posts vacant.",
     "Remains on list – priority unchanged (medium).", T("sep:mar2012_wa_rows")),
    ("April/May 2012", "Outreach co-ordinator (J. Noor)",
     "Repeated attempts to contact Kayleigh by phone – no answer, phone often switched off.",
     "Case held open.", T()),
    ("c. 20/04/2012", "Outreach co-ordinator (J. Noor)",
     "Kayleigh answered briefly – said she “can’t talk now” and would ring back. Did not.",
     "Case held open.", T()),
    ("end of May 2012", "Outreach co-ordinator (J. Noor)",
     "Case allocated to outreach worker S. Hartley.", "Worker to make contact.", T()),
    ("June 2012", "Outreach worker S. Hartley",
     "Left three messages. Kayleigh texted back asking to meet at the Children’s Centre, not at "
     "home.", "First meeting arranged.", T()),
    ("early July 2012", "Outreach worker S. Hartley",
     "First meeting with Kayleigh at Kingsmere Children’s Centre. Kayleigh frightened of Ryan – "
     "says he goes through her phone and “always knows where I am”. Advice on a civil "
     "injunction (non-molestation order) and legal aid. Emotional support.",
     "Kayleigh to think about an injunction. Second meeting booked.",
     T("sep:jul2012_wa_meetings")),
    ("between 9 and 12 July 2012", "Outreach worker S. Hartley",
     "Second meeting. DASH risk assessment completed with Kayleigh: strangulation, threats to "
     "kill (“he said he’d kill me if I took the kids”), pregnancy, separation, stalking, "
     "controlling behaviour. Denies any weapons in the house. Score 13 – medium; not referred to "
     "MARAC.", "Safety plan agreed. Solicitor referral for non-molestation order.",
     T("sep:jul2012_wa_meetings")),
    ("13/07/2012", "Outreach worker S. Hartley",
     "Phoned Harbottle & Co solicitors to make the referral for a non-molestation order.",
     "Appointment to be offered to Kayleigh.", T()),
    ("?17/07/2012", "Outreach worker S. Hartley",
     "Kayleigh texted to cancel a third meeting: “he’s around, can’t come”.",
     "Worker replied with safety reminders. New date to be offered.", T()),
    ("late July 2012", "Outreach worker S. Hartley",
     "Unable to reach Kayleigh – two voicemails left. Solicitor says she has not responded.",
     "Continue to try.", T()),
    ("03/08/2012", "Outreach worker S. Hartley",
     "Solicitor confirmed Kayleigh did not attend the appointment for the non-molestation "
     "order. Worker texted Kayleigh – no reply.", "Case remains open.", T()),
    ("2012", "Outreach co-ordinator (J. Noor)",
     "File note: Kayleigh was offered a place on the Freedom Programme (date of offer not "
     "recorded).", "Not taken up.", T()),
]


def write_wa() -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(WA_HEAD)
    line = 1
    for when, worker, what, impact, tags in WA_ROWS:
        line += 1
        writer.writerow([when, worker, what, impact])
        REG.add(ref(WA_FILE, None, line), tags, None)
    (OUT / WA_FILE).write_bytes(buf.getvalue().encode("utf-8-sig"))
    REG.files[WA_FILE] = {
        "format": "csv", "encoding": "utf-8-sig", "line_endings": "LF", "header_row": 1,
        "first_data_row": 2, "last_data_row": line, "data_rows": line - 1, "blank_rows": 0,
        "footer_rows": 0,
    }


# ======================================================================================
# 7. Kingsmere Childrens Centre Nursery.xlsx  (1904 date system)
# ======================================================================================

NURSERY_FILE = "Kingsmere Childrens Centre Nursery.xlsx"
NURSERY_SHEET = "Chronology"
NURSERY_HEAD = ["DATE", "ENTRY", "STAFF"]

NURSERY_ROWS: list[tuple] = [
    (D(2011, 12, 12), "Application for a nursery place for Tia received from the Locality "
     "Resource Office (HV referral - behaviour: hitting, tantrums). No other information on the "
     "form passed to nursery.", "Admin - B. Cole", T()),
    (D(2012, 1, 9), "Welcome letter sent. Mum declined the offer of a home visit before the "
     "start.", "Admin - B. Cole", T()),
    (D(2012, 1, 24), "Free entitlement funding confirmed. Start date agreed with Mum by phone.",
     "Admin - B. Cole", T()),
    (D(2012, 2, 6), "Settling-in visit. Mum and Dad both came with Tia, Mason and Lily. Tia shy, "
     "stayed close to Mum.", "Key worker H. Rowe", T()),
    (D(2012, 2, 13), "Tia started nursery - 5 mornings a week. Brought by Mum.",
     "Key worker H. Rowe", T()),
    (D(2012, 2, 20), "Dad dropped Tia off today, Tia very clingy at the door and cried when he "
     "left.", "Key worker H. Rowe", T()),
    (D(2012, 2, 27), "Observation: Tia hits out at other children when frustrated and startles "
     "at loud voices. Learning journal started.", "Key worker H. Rowe", T()),
    (D(2012, 3, 14), "Phone call from HV Brennan: concerns about domestic abuse at home, "
     "Children's Social Care have been involved (case closed). Asked us to keep an eye on Tia.",
     "Nursery manager G. Fenn", T("merge:mar2012_hv_nursery")),
    (D(2012, 3, 15), "Manager briefed key worker. Agreed not to raise with Mum unless she raises "
     "it.", "Nursery manager G. Fenn", T()),
    (D(2012, 3, 19), "Tia absent 13-16/03 - Mum says Mason has been in hospital.",
     "Key worker H. Rowe", T()),
    (D(2012, 4, 30), "Attendance in April 62% - several absences unexplained. Mum says Tia "
     "'poorly'.", "Key worker H. Rowe", T()),
    (D(2012, 5, 21), "Tia's behaviour improving, playing alongside others. Dad collected today.",
     "Key worker H. Rowe", T()),
    (D(2012, 6, 11), "Manager attended the initial child protection conference. All three "
     "children and the unborn baby are now on child protection plans (emotional abuse). Nursery "
     "to monitor attendance, presentation and behaviour.", "Nursery manager G. Fenn",
     T("merge:jun2012_icpc")),
    (D(2012, 6, 22), "First core group meeting due today cancelled by the social worker at short "
     "notice - meeting room had been booked. Rearranged for 17/07/2012 here.",
     "Nursery manager G. Fenn", T("merge:jun2012_core_group_cancelled")),
    (D(2012, 6, 25), "Minutes of the child protection conference received. Nursery tasks: "
     "monitor attendance and behaviour, share concerns with SW.", "Nursery manager G. Fenn", T()),
    (D(2012, 6, 29), "Collection list updated per CP plan: Dad not to collect Tia unsupervised.",
     "Admin - B. Cole", T()),
    (D(2012, 7, 17), "Core group held in our meeting room. Dad very angry, wanted to tape the "
     "meeting. Staff called police and kept the children in the playrooms. Dad calmed when "
     "police arrived.", "Nursery manager G. Fenn", T("merge:jul2012_core_group")),
    (D(2012, 7, 18), "Dad came to collect Tia, not on the collection list. Manager phoned Mum, "
     "who said not to release her. Dad left without incident.", "Nursery manager G. Fenn", T()),
    (D(2012, 7, 23), "During role play Tia said \"Daddy shouted and broke the cooker\". Recorded "
     "in Tia's own words and passed to the manager.", "Key worker H. Rowe", T()),
    (D(2012, 7, 30), "Tia not brought to nursery. Mum's phone switched off.",
     "Key worker H. Rowe", T("sep:jul2012_missing_vs_nursery")),
    (D(2012, 8, 2), "Tia absent all week. No contact from family. Informed SW by email.",
     "Nursery manager G. Fenn", T()),
]


def write_nursery() -> None:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = NURSERY_SHEET
    fix_workbook_props(wb, "Nursery chronology", "Kingsmere Children's Centre")
    for col, name in enumerate(NURSERY_HEAD, start=1):
        ws.cell(row=1, column=col, value=name).font = BOLD
    row = 1
    for when, entry, staff, tags in NURSERY_ROWS:
        row += 1
        c = ws.cell(row=row, column=1, value=when)
        c.number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=2, value=entry).alignment = WRAP
        ws.cell(row=row, column=3, value=staff)
        REG.add(ref(NURSERY_FILE, NURSERY_SHEET, row), tags, when)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 24
    wb.create_sheet("Sheet2")
    path = OUT / NURSERY_FILE
    wb.save(path)
    normalise_zip(path)
    REG.files[NURSERY_FILE] = {
        "format": "xlsx", "sheet": NURSERY_SHEET, "empty_sheets": ["Sheet2"],
        "date_system": 1904, "title_rows": 0, "header_row": 1, "first_data_row": 2,
        "last_data_row": row, "data_rows": row - 1, "blank_rows": 0, "footer_rows": 0,
    }


# ======================================================================================
# 8. Kingsmere Maternity Services chronology.docx  (Chronolator columns)
# ======================================================================================

MAT_FILE = "Kingsmere Maternity Services chronology.docx"
MAT_SHEET = "Table 1"
MAT_HEAD = ["Event Ref", "Start Date", "Start Time", "End Date", "End Time",
            "Source of Information", "Details", "Sequence"]
REPEAT_HEADER = "REPEAT_HEADER"
MERGED = "merged"

# (start date, start time, end date, end time, source, details, sequence, tags[, MERGED])
MAT_ROWS: list[tuple] = [
    (D(2008, 3, 25), "10:00", None, "", "Community Midwife R. Adeyemi (teenage pregnancy)",
     "Booking appointment: Kayleigh Dunmore, 17 yrs, G1 P0, LMP 28/01/2008. Father of baby Ryan "
     "Seddon (23) attended. Routine enquiry re domestic abuse not asked - partner present.", "",
     T()),
    (D(2008, 6, 10), "14:20", None, "", "Ultrasound department",
     "20 week anomaly scan normal. Partner attended.", "", T()),
    (D(2008, 9, 2), "", None, "", "Community Midwife R. Adeyemi",
     "DNA young parents' antenatal group. Letter sent.", "", T()),
    (D(2008, 11, 2), "14:50", None, "", "Delivery Suite - MW Grant",
     "Normal delivery of a live female infant (Tia), 39+6, 3.05kg. Partner present.", "", T()),
    (D(2008, 11, 3), "11:00", None, "", "Postnatal ward",
     "Mother and baby discharged home (Flat 3, 7 Quarry Lane).", "", T()),
    (D(2008, 11, 12), "", None, "", "Community Midwife R. Adeyemi",
     "Day 10 - discharged from midwifery care to the health visitor.", "", T()),
    (D(2009, 9, 15), "09:30", None, "", "Community Midwife R. Adeyemi",
     "Booking appointment, second pregnancy, 9+1 weeks. Partner present. Routine enquiry re "
     "domestic abuse not asked.", "", T()),
    (D(2009, 12, 1), "11:10", None, "", "Community Midwife R. Adeyemi",
     "Antenatal check 20/40. Kayleigh says she is 'stressed' about housing. Partner present.",
     "", T()),
    (D(2010, 2, 16), "10:40", None, "", "Community Midwife R. Adeyemi",
     "Antenatal check 31/40. Bruise noted to left forearm - Kayleigh says she walked into a "
     "door. Partner in the room. Not explored further.", "", T(), MERGED),
    (D(2010, 4, 19), "06:05", None, "", "Delivery Suite - MW Grant",
     "Normal delivery of a live male infant (Mason), 40+0, 3.40kg.", "", T()),
    (D(2010, 4, 20), "16:00", None, "", "Postnatal ward",
     "Mother and baby discharged home to 22 Fenwick Street.", "", T()),
    (D(2011, 1, 6), "13:45", None, "", "Community Midwife R. Adeyemi",
     "Late booking, third pregnancy, 17+3 weeks. Partner present. Routine enquiry re domestic "
     "abuse not asked.", "", T()),
    REPEAT_HEADER,
    (D(2011, 3, 21), "22:40", D(2011, 3, 23), "11:00", "Antenatal ward",
     "Inpatient admission with abdominal pains at 28 weeks - threatened preterm labour, settled. "
     "Steroids given. Discharged home on 23/03.", "", T()),
    (D(2011, 4, 19), "10:00", None, "", "Community Midwife R. Adeyemi",
     "Antenatal check 32/40, all normal. New address 14 Aldwick Close.", "", T()),
    (D(2011, 6, 14), "03:12", None, "", "Delivery Suite - MW Okonjo",
     "Normal delivery of a live female infant (Lily) at 40+1, 3.21kg. Birth notification sent "
     "to the health visiting service.", "", T("merge:jun2011_lily_birth",
                                              "sep:jun2011_maternity_birth_vs_nbv")),
    (D(2011, 6, 15), "12:30", None, "", "Postnatal ward",
     "Mother and baby discharged home.", "", T()),
    (D(2011, 6, 21), "", None, "", "Community Midwife R. Adeyemi",
     "Day 7 visit; discharged from midwifery care to the health visitor.", "", T()),
    (D(2012, 3, 30), "15:00", None, "", "Early Pregnancy Assessment Unit",
     "Scan: complete miscarriage at approx. 6 weeks. Letter to GP.", "", T()),
    (D(2012, 6, 5), "09:30", None, "", "Community Midwife R. Adeyemi",
     "Booking appointment, approx. 7 weeks. Ryan Seddon present. Kayleigh says they are "
     "separated but he 'comes to appointments'. Routine enquiry re domestic abuse not asked.",
     "", T()),
    (D(2012, 6, 8), "", None, "", "Specialist DV Midwife C. Okonjo",
     "Safeguarding referral received following ICPC invitation from CSC. Case taken on to DV "
     "midwife caseload.", "", T()),
    (D(2012, 6, 11), "13:30", None, "", "Specialist DV Midwife C. Okonjo",
     "Attended initial child protection conference: unborn baby and siblings subject to child "
     "protection plans.", "", T("merge:jun2012_icpc")),
    (D(2012, 7, 3), "14:00", None, "", "Specialist DV Midwife C. Okonjo",
     "Visit at maternal grandmother's address, Kayleigh seen alone. Says she does not want to "
     "continue the pregnancy.", "", T("sep:jul2012_hv_vs_midwife_visit")),
    (D(2012, 7, 20), "11:00", None, "", "Women's Health Unit",
     "Pre-termination assessment, Kayleigh attended alone. Routine enquiry: discloses previous "
     "domestic abuse, says ex-partner 'doesn't know' about the termination. TOP booked "
     "24/07/2012.", "", T()),
    (D(2012, 7, 26), "", None, "", "Women's Health Unit",
     "Discharged home after the procedure, well. Contraception advice given.", "2",
     T("seq:jul2012_top_day", "sep:jul2012_top_day")),
    (D(2012, 7, 26), "", None, "", "Women's Health Unit",
     "Admitted to gynaecology day unit for termination of pregnancy (appointment moved from "
     "24/07 by the unit).", "1", T("seq:jul2012_top_day", "sep:jul2012_top_day")),
    (D(2012, 7, 30), "10:20", None, "", "Specialist DV Midwife C. Okonjo",
     "Telephone follow-up after TOP: Kayleigh 'sore' but bleeding settling.", "", T()),
]


def _mark_header(row) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def write_maternity() -> None:
    doc = Document()
    cp = doc.core_properties
    cp.author = "Kingsmere Maternity Safeguarding Team"
    cp.last_modified_by = "Kingsmere Maternity Safeguarding Team"
    cp.title = "Maternity chronology - DHR Adult K"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 3
    cp.comments = ""
    doc.add_heading("Kingsmere Maternity Services - Chronology for Domestic Homicide Review "
                    "(Adult K)", level=1)
    doc.add_paragraph("Prepared by the Named Midwife for Safeguarding from the maternity record "
                      "(Badger notes and paper records). Period: 01/04/2008 - 07/08/2012.")
    table = doc.add_table(rows=1, cols=len(MAT_HEAD))
    table.style = "Table Grid"
    for i, name in enumerate(MAT_HEAD):
        cell = table.rows[0].cells[i]
        cell.text = name
        cell.paragraphs[0].runs[0].font.bold = True
    _mark_header(table.rows[0])
    row = 1
    data = repeats = 0
    n = 0
    for item in MAT_ROWS:
        row += 1
        cells = table.add_row().cells
        if item == REPEAT_HEADER:
            repeats += 1
            for i, name in enumerate(MAT_HEAD):
                cells[i].text = name
                cells[i].paragraphs[0].runs[0].font.bold = True
            continue
        n += 1
        start, stime, end, etime, source, details, seq, tags = item[:8]
        merged = len(item) > 8 and item[8] == MERGED
        values = [f"MAT/{n:03d}", start.isoformat(), stime, end.isoformat() if end else "", etime,
                  source, details, seq]
        for i, value in enumerate(values):
            if value:
                cells[i].text = value
        if merged:
            cells[6].merge(cells[7])
        REG.add(ref(MAT_FILE, MAT_SHEET, row), tags, start)
        data += 1
    for r in table.rows:
        for c in r.cells:
            for p in c.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9)
    path = OUT / MAT_FILE
    doc.save(str(path))
    normalise_zip(path)
    REG.files[MAT_FILE] = {
        "format": "docx", "sheet": MAT_SHEET, "title_rows": 0, "header_row": 1,
        "first_data_row": 2, "last_data_row": row, "data_rows": data,
        "repeated_header_rows": repeats, "merged_cell_rows": 1, "blank_rows": 0,
        "footer_rows": 0,
    }


# ======================================================================================
# design.toml and review.toml
# ======================================================================================

MERGE_TITLES = {
    "aug2010_police_edt_call": "Police consult EDT by phone about the children (both ends of one call)",
    "jan2012_police_referral_wa": "Police PPU referral to Women's Aid (both ends)",
    "jan2012_police_referral_csc": "Police PPU child concern notification to CSC (both ends)",
    "feb2012_joint_screening": "Multi-Agency Joint Screening meeting",
    "feb2012_hv_gp_liaison": "HV informs GP after the joint screening (both ends of one call)",
    "mar2012_hv_call_sw": "HV telephones SW: perpetrator at the home (both ends)",
    "mar2012_csc_wa_call": "SW telephones Women's Aid about the waiting list (both ends)",
    "mar2012_hv_nursery": "HV informs the nursery of the concerns (both ends)",
    "mar2012_hv_referral": "HV referral to CSC after closure (both ends)",
    "jun2011_lily_birth": "Birth of Lily (maternity) and the HV's birth notification",
    "jun2012_icpc": "Initial child protection conference",
    "jun2012_core_group_cancelled": "First core group cancelled",
    "jul2012_police_call_csc": "Police call CSC about the father's allegation (both ends)",
    "jul2012_core_group": "Core group at the Children's Centre (police called during it)",
    "jul2012_kitchen_damage": "Damage to the kitchen at the victim's home reported to the police and CSC",
    "aug2012_death": "The death",
}

SEPARATE_REASONS = {
    "aug2010_report_vs_arrest": "the report of the assault and the arrest two days later",
    "jun2011_birth_vs_nbv": "birth notification and the new-birth visit ten days later",
    "jun2011_maternity_birth_vs_nbv": "the birth and the HV's new-birth visit ten days later",
    "jun2012_hv_visits_week_apart": "two HV home visits a week apart with near-identical text",
    "jul2012_wa_meetings": "two Women's Aid meetings whose vague dates overlap",
    "mar2012_wa_rows": "two different Women's Aid entries both dated 'March 2012'",
    "core_group_cancelled_vs_held": "the cancelled first core group and the one held in July",
    "mar2012_csc_same_day": "HV's call to the SW and the SW's call to the victim, same day",
    "feb2012_hv_same_day": "HV's call to the GP and HV's home visit, same day",
    "jul2012_police_same_day": "the father's allegation call and the police call to CSC",
    "jul2012_csc_same_day": "two different calls to CSC on 30/07/2012",
    "jul2012_housing_same_day": "homelessness interview and the hotel booking, same day",
    "jun2012_icpc_vs_agreement": "the ICPC and the working agreement meeting the next day",
    "jul2012_top_day": "admission and discharge on the termination day (ordered by Sequence)",
    "jul2012_missing_vs_nursery": "family reported missing to CSC vs child absent from nursery",
    "aug2012_evening_vs_death": "the evening of 06/08/2012 and the death the next morning",
    "jul2012_hv_vs_midwife_visit": "HV and DV midwife visits at the same address, same day",
}

EPISODES = [
    ("Key information from police and GP records prior to 2010", "2000-08-01", "2010-07-31",
     "prior"),
    ("The first key episode: August to October 2010", "2010-08-01", "2010-10-31", "key"),
    ("The second key episode: January to April 2012", "2012-01-01", "2012-04-30", "key"),
    ("The third key episode: May to August 2012", "2012-05-01", "2012-08-31", "key"),
]


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def qlist(values: list[str], indent: str = "  ") -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}{q(v)}" for v in values)
    return f"[\n{inner},\n]"


def tomlvalue(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(q(v) for v in value) + "]"
    return q(str(value))


TIMESCALES = [
    # (id, rule, from tag, to tag, limit in working days)
    ("ia_2010", "Referral to initial assessment (Working Together 2010)", "ts:referral_2010",
     "ts:ia_done_2010", 10),
    ("ia_2012", "Referral to initial assessment (Working Together 2010)", "ts:referral_2012",
     "ts:ia_done_2012", 10),
    ("icpc_from_police_strategy", "Last strategy discussion to ICPC (police date)",
     "conflict:strategy_discussion#0", "ts:icpc", 15),
    ("icpc_from_csc_strategy", "Last strategy discussion to ICPC (CSC date)",
     "conflict:strategy_discussion#1", "ts:icpc", 15),
    ("core_group_planned", "ICPC to first core group (as first set, then cancelled)", "ts:icpc",
     "ts:core_group_planned", 10),
    ("core_group_held", "ICPC to first core group (as held)", "ts:icpc", "ts:core_group_held", 10),
]


def working_days(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (England & Wales)."""
    import holidays

    bank = holidays.UK(subdiv="ENG", years=range(start.year, end.year + 1))
    n, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in bank:
            n += 1
    return n


def timescales() -> list[str]:
    def one(tag: str) -> str:
        name, _, index = tag.partition("#")
        refs = REG.tags[name]
        assert len(refs) == (2 if index else 1), (tag, refs)
        return refs[int(index or 0)]

    out = ["# Statutory timescales as designed. working_days counts the working days after the",
           "# 'from' date up to and including the 'to' date, excluding weekends and England and",
           "# Wales bank holidays (4 and 5 June 2012 were bank holidays)."]
    for tid, rule, a, b, limit in TIMESCALES:
        ra, rb = one(a), one(b)
        da, db = REG.event_dates[ra], REG.event_dates[rb]
        assert da is not None and db is not None
        days = working_days(da, db)
        out += ["[[timescales]]", f"id = {q(tid)}", f"rule = {q(rule)}", f"from_ref = {q(ra)}",
                f"to_ref = {q(rb)}", f"from = {da.isoformat()}", f"to = {db.isoformat()}",
                f"working_days = {days}", f"limit = {limit}",
                f"met = {'true' if days <= limit else 'false'}", ""]
    return out


def write_design() -> None:
    tags = REG.tags
    out: list[str] = [
        "# Designed truth of the sample chronologies in samples/imrs/.",
        "# GENERATED by samples/make_samples.py - do not edit by hand; change the generator.",
        "# A ref is FILE:SHEET:ROW (FILE:ROW for csv). ROW is the row a person sees: the Excel",
        "# or ODS row number (1-based, counting title rows), the csv line number (header = 1),",
        "# or the Word table row counting the header row as 1. Word tables use sheet 'Table 1'.",
        "",
        f"tor_start = {TOR_START.isoformat()}",
        f"tor_end = {TOR_END.isoformat()}",
        "",
    ]
    merge_ids = [t.split(":", 1)[1] for t in tags if t.startswith("merge:")]
    assert set(merge_ids) == set(MERGE_TITLES), set(merge_ids) ^ set(MERGE_TITLES)
    out.append("# Each group is ONE occurrence recorded by several agencies: the integrated")
    out.append("# chronology must show it once, keeping every agency's account.")
    for mid in MERGE_TITLES:
        refs = tags[f"merge:{mid}"]
        assert len(refs) >= 2, mid
        files = {r.split(":")[0] for r in refs}
        assert len(files) == len(refs), f"{mid}: one agency twice"
        out += ["[[merge]]", f"id = {q(mid)}", f"title = {q(MERGE_TITLES[mid])}",
                f"refs = {qlist(refs)}", ""]
    sep_ids = [t.split(":", 1)[1] for t in tags if t.startswith("sep:")]
    assert set(sep_ids) == set(SEPARATE_REASONS), set(sep_ids) ^ set(SEPARATE_REASONS)
    out.append("# Pairs of rows that are different occurrences and must never be merged.")
    for sid in SEPARATE_REASONS:
        refs = tags[f"sep:{sid}"]
        assert len(refs) == 2, (sid, refs)
        out += ["[[separate]]", f"id = {q(sid)}", f"reason = {q(SEPARATE_REASONS[sid])}",
                f"refs = {qlist(refs)}", ""]
    conflict = tags["conflict:strategy_discussion"]
    assert len(conflict) == 2
    dates = [REG.event_dates[r].isoformat() for r in conflict]  # type: ignore[union-attr]
    out += ["# One occurrence dated differently by two agencies: report it, keep both dates.",
            "[[conflict]]", 'id = "strategy_discussion"',
            'title = "Strategy discussion: police date it 1 May 2012, CSC 23 May 2012"',
            f"refs = {qlist(conflict)}", f"dates = {tomlvalue(dates)}", ""]
    for title, start, end, kind in EPISODES:
        out += ["[[episodes]]", f"title = {q(title)}", f"start = {start}", f"end = {end}",
                f"kind = {q(kind)}", ""]
    dups = tags["dup"]
    assert len(dups) == 2
    out += ["# The same row pasted twice (exact duplicate, adjacent rows).", "[duplicates]",
            f"refs = {qlist(dups)}", ""]
    imp = tags["impossible"]
    out += ["[impossible_dates]", f"refs = {qlist(imp)}", 'texts = ["31/04/2012"]', ""]
    late_tagged = sorted(tags["late"])
    late_found = sorted(r for r, _ in REG.late)
    assert late_tagged == late_found, (late_tagged, late_found)
    lags = {r: lag for r, lag in REG.late}
    out += [f"# Recording date more than {LATE_THRESHOLD_DAYS} days after the event date.",
            "[late_recordings]", f"threshold_days = {LATE_THRESHOLD_DAYS}",
            f"refs = {qlist(late_tagged)}",
            f"lag_days = [{', '.join(str(lags[r]) for r in late_tagged)}]", ""]
    out += ["# Rows with no date at all.", "[undated]", f"refs = {qlist(tags['undated'])}", ""]
    seq = tags["seq:jul2012_top_day"]
    out += ["# Same-day rows whose order is given only by the Sequence column (listed in",
            "# Sequence order; the table shows them in the opposite order).",
            "[[sequence_order]]", 'date = 2012-07-26']
    # order by the Sequence value written in the row
    seq_rows = [it for it in MAT_ROWS if it != REPEAT_HEADER and "seq:jul2012_top_day" in it[7]]
    order = sorted(range(len(seq)), key=lambda i: int(seq_rows[i][6]))
    out += [f"refs = {qlist([seq[i] for i in order])}", ""]
    out += timescales()
    out.append("# Row counts. data_rows counts every event row (duplicates and the impossible date")
    out.append("# included); blank, footer, title and repeated header rows are not data rows.")
    total = 0
    for name, info in REG.files.items():
        out.append(f"[files.{q(name)}]")
        for key, value in info.items():
            out.append(f"{key} = {tomlvalue(value)}")
        total += int(info["data_rows"])  # type: ignore[call-overload]
        out.append("")
    out.insert(8, f"total_data_rows = {total}")
    out.insert(9, f"file_count = {len(REG.files)}")
    (HERE / "design.toml").write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")


PSEUDONYMS: list[tuple[str, str]] = [
    ("Kayleigh Dunmore", "the victim"), ("Kayleigh DUNMORE", "the victim"),
    ("Ms Dunmore", "the victim"), ("Kayleigh", "the victim"), ("DUNMORE", "the victim"),
    ("Dunmore", "the victim"), ("KD", "the victim"), ("Mum", "the victim"),
    ("Mr Seddon senior", "the perpetrator's father"), ("Tariq Seddon", "the perpetrator's father"),
    ("Tariq SEDDON", "the perpetrator's father"), ("Tariq", "the perpetrator's father"),
    ("Ryan Seddon", "the perpetrator"), ("Ryan SEDDON", "the perpetrator"),
    ("Mr Seddon", "the perpetrator"), ("SEDDON", "the perpetrator"), ("Seddon", "the perpetrator"),
    ("Ryan", "the perpetrator"), ("RS", "the perpetrator"), ("Dad", "the perpetrator"),
    ("Tia Dunmore", "Child 1"), ("Tia", "Child 1"),
    ("Mason Dunmore", "Child 2"), ("Mason", "Child 2"),
    ("Lily Dunmore", "Child 3"), ("Lily", "Child 3"),
    ("Carol Dunmore", "the victim's mother"), ("Carol DUNMORE", "the victim's mother"),
    ("Mrs Dunmore", "the victim's mother"), ("Carol", "the victim's mother"),
    ("Gemma Pryce", "the perpetrator's ex-partner"), ("Gemma PRYCE", "the perpetrator's ex-partner"),
    ("Ms Pryce", "the perpetrator's ex-partner"), ("PRYCE", "the perpetrator's ex-partner"),
    ("Pryce", "the perpetrator's ex-partner"), ("Gemma", "the perpetrator's ex-partner"),
]


def write_review() -> None:
    ordered = sorted(PSEUDONYMS, key=lambda kv: -len(kv[0]))  # stable: longest forms first
    lines = [
        "# Review settings for the sample chronologies (samples/imrs/).",
        "# GENERATED by samples/make_samples.py.",
        "",
        "[review]",
        f"title = {q('Domestic Homicide Review – Adult K')}",
        f"start = {TOR_START.isoformat()}",
        f"end = {TOR_END.isoformat()}",
        "first_paragraph = 60",
        "",
        "# The police were asked to go back to 2003 for the perpetrator's history.",
        "[[agencies]]",
        'name = "Kingsmere Police"',
        'files = ["*Police*"]',
        "start = 2003-01-01",
        "",
        "# Every form of every real (invented) name, longest forms first. 'Mum' and 'Dad' are",
        "# role words the agencies use for the victim and the perpetrator. Match whole words:",
        "# 'Tia' is inside 'initial', 'Mason' inside 'masonry', 'Mum' inside 'minimum',",
        "# 'RS' inside '24hrs'.",
        "[pseudonyms]",
    ]
    for key, value in ordered:
        lines.append(f"{q(key)} = {q(value)}")
    (HERE / "review.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_police()
    write_csc()
    write_gp()
    write_hv()
    write_housing()
    write_wa()
    write_nursery()
    write_maternity()
    write_design()
    write_review()
    total = sum(int(i["data_rows"]) for i in REG.files.values())  # type: ignore[call-overload]
    print(f"wrote {len(REG.files)} files, {total} data rows, design.toml, review.toml")


if __name__ == "__main__":
    main()
