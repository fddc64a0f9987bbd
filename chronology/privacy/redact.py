"""Redaction for publication, beyond the glossary's names: what identifies a person or a
place whoever they are.

- addresses (a house number and a street: "14 Aldwick Close", "Flat 3, 7 Quarry Lane"),
  postcodes, telephone numbers, email addresses, NHS numbers (the check digit confirms them)
  and dates of birth ("born 02/11/2008", "DOB: 3 March 1990") each become a placeholder;
- staff names: found in the worker columns (a role or an initial before a surname: "SW A.
  Okafor", "PC 4471 HOLLIS", "Housing Options - K. Marsh") and after a role anywhere ("PC
  Hollis"), each person becomes a designation ("[staff 3]") everywhere, the role kept and the
  collar number and initials dropped;
- with ``coarsen``, every date is given to the month only, and times of day are dropped.

``Redactor.report()`` counts each kind and lists what is left for a person to check: street
names without a house number and capitalised words that may be names. Nothing redacted is
ever listed, only counted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from chronology.dates.span import DateError, DateSpan, Precision, format_span, parse_date
from chronology.model.schema import Chronology
from chronology.review.write import is_english_word, name_candidates

STREET_WORDS = (
    "Road|Street|Close|Lane|Avenue|Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|Yard|"
    "Walk|Square|Mews|Row|Hill|Park|View|Rise|Parade|Green|Gate|Wharf|Villas|Cottages|Estate"
)
_WORD = r"[A-Z][\w'’-]*"
_ADDRESS = re.compile(
    rf"(?:\b(?:Flat|Apartment|Unit|Room)[ ]\d+[A-Za-z]?,?[ ])?"
    rf"\b\d{{1,4}}[A-Za-z]?,?[ ](?:{_WORD}[ ]){{1,3}}(?:{STREET_WORDS})\b"
)
_LEADING_NUMBER = re.compile(r"^(?:\w+[ ]\d+[A-Za-z]?,?[ ])?\d{1,4}[A-Za-z]?,?[ ]")
_STREET = re.compile(rf"\b(?:{_WORD}[ ]){{1,2}}(?:{STREET_WORDS})\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_NHS = re.compile(r"(?<![\w/])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/])")
_PHONE = re.compile(r"(?<![\w/+])(?:\+44[ ]?(?:\(0\)[ ]?)?|0)\d(?:[ -]?\d){8,9}(?![\w/])")
_DATE = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?[ ](?:[A-Z][a-z]{2,8})\.?,?[ ]\d{4}"
)
_BIRTH = re.compile(
    rf"(?i:\b(?:d\.?o\.?b\.?|date[ ]of[ ]birth|born(?:[ ]on)?)\b[ :\-–(]*)(?P<date>{_DATE})"
)
# Roles written before a staff member's name: the abbreviations (and titles) that, in any
# text, mark the next capitalised word as a name; and the wordier ones that do so in a
# worker column.
TITLES = "PC|PCSO|DC|DS|DI|DCI|Sgt|Insp|SW|SWA|TM|HV|MW|SN|CN|Dr|Nurse|Midwife|Paramedic|IRO"
ROLES = TITLES + "|Officer|Worker|Manager|Chair|Practitioner|Coordinator|Co-ordinator"
_SURNAME = r"[A-Z][A-Za-z'’-]+"
_STAFF_IN_WORKER = re.compile(
    rf"(?:\b(?:{ROLES})\.?[ ]+(?:\d{{2,5}}[ ]+)?(?:[A-Z]\.[ ]?)*|\b[A-Z]\.[ ]?)(?P<name>{_SURNAME})"
)
_STAFF_IN_TEXT = re.compile(
    rf"\b(?:{TITLES})[ ]+(?:\d{{2,5}}[ ]+)?(?:[A-Z]\.[ ]?)?(?P<name>{_SURNAME})"
)
_NOT_SURNAMES = frozenset(
    {
        "admin", "duty", "team", "the", "and", "of", "police", "case", "home", "call", "visit",
        "telephone", "from", "to", "with", "referral", "safeguarding", "notes", "minutes",
        "review", "record",
    }
)  # fmt: skip
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-\d{2}\b")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day held as a value
_NUMERIC_DAY = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_TIME = re.compile(r"\b(?:at[ ])?\d{1,2}[:.]\d{2}(?:[ ]?(?:hrs|am|pm))?\b")


def _nhs_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    return (0 if check == 11 else check) == int(digits[9]) and check != 10


@dataclass(slots=True)
class Redactor:
    """The text and date changes for one publication, with their counts."""

    staff: dict[str, str] = field(default_factory=dict)  # surname (lower) -> designation
    coarsen: bool = False
    streets: Sequence[str] = ()  # streets of the addresses found, redacted wherever named
    active: bool = True  # False: names only (the glossary's), nothing else changed
    known: Sequence[str] = ()  # agency names: their words are not names to check
    counts: Counter[str] = field(default_factory=Counter)
    _pattern: re.Pattern[str] | None = None
    _streets: re.Pattern[str] | None = None

    @classmethod
    def for_chronology(cls, chronology: Chronology, *, coarsen: bool = False) -> Redactor:
        """Staff found in the real chronology's worker columns and after roles in its text,
        numbered in the order they first appear."""
        found: dict[str, str] = {}
        streets: set[str] = set()
        for event in chronology.events:
            for source in event.sources:
                for value in source.fields.values():
                    streets.update(
                        _LEADING_NUMBER.sub("", m.group(0)) for m in _ADDRESS.finditer(value)
                    )
                texts = [(source.worker, _STAFF_IN_WORKER)]
                texts += [(t, _STAFF_IN_TEXT) for t in (source.text, source.action)]
                for text, pattern in texts:
                    for match in pattern.finditer(text or ""):
                        name = re.sub(r"['’]s?$", "", match.group("name"))
                        if len(name) > 1 and name.lower() not in _NOT_SURNAMES:
                            found.setdefault(name.lower(), f"[staff {len(found) + 1}]")
        return cls(staff=found, coarsen=coarsen, streets=sorted(streets), known=chronology.agencies)

    def __post_init__(self) -> None:
        if self.streets:
            body = "|".join(sorted(map(re.escape, self.streets), key=lambda n: (-len(n), n)))
            self._streets = re.compile(rf"\b(?:{body})\b")
        if self.staff:
            names = "|".join(sorted(map(re.escape, self.staff), key=lambda n: (-len(n), n)))
            self._pattern = re.compile(
                rf"(?P<role>\b(?:{ROLES})\.?[ ]+)?(?:\d{{2,5}}[ ]+)?"
                rf"(?P<initials>(?:\b[A-Z]\.[ ]?)*)\b(?P<name>{names})(?P<poss>['’]s)?\b",
                re.IGNORECASE,
            )

    def text(self, text: str) -> str:
        """``text`` with every redaction applied."""
        if not text or not self.active:
            return text
        text = self._sub(_EMAIL, text, "email address", "[email]")
        text = _BIRTH.sub(self._birth, text)
        text = self._sub(_POSTCODE, text, "postcode", "[postcode]")
        text = _NHS.sub(self._nhs, text)
        text = self._sub(_PHONE, text, "telephone number", "[telephone]")
        text = self._sub(_ADDRESS, text, "address", "[address]")
        if self._streets is not None:  # the street of an address, named without its number
            text = self._sub(self._streets, text, "address", "[address]")
        if self._pattern is not None:
            text = self._pattern.sub(self._staff, text)
        if self.coarsen:
            text = _ISO_DAY.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text)
            text = _NUMERIC_DAY.sub(self._month_of, text)
        return text

    def _sub(self, pattern: re.Pattern[str], text: str, kind: str, placeholder: str) -> str:
        found, count = pattern.subn(placeholder, text)
        self.counts[kind] += count
        return found

    def _birth(self, match: re.Match[str]) -> str:
        self.counts["date of birth"] += 1
        return match.group(0)[: match.start("date") - match.start()] + "[date of birth]"

    def _nhs(self, match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        if not _nhs_valid(digits):
            return match.group(0)
        self.counts["NHS number"] += 1
        return "[NHS number]"

    def _staff(self, match: re.Match[str]) -> str:
        name = match.group("name")
        marked = match.group("role") or match.group("initials")
        if not (name[0].isupper() or marked):
            return match.group(0)  # "ward", "grant": a surname only when written as one
        if not marked and is_english_word(name.lower()):
            return match.group(0)  # "Clinic", "Marsh" alone: a word as likely as a name
        self.counts["staff name"] += 1
        role = match.group("role") or ""
        return f"{role}{self.staff[name.lower()]}{match.group('poss') or ''}"

    def _month_of(self, match: re.Match[str]) -> str:
        """A written day as its month ("03/06/2005": "June 2005"); a day that is no real
        date ("31/04/2012") as its month and year as written."""
        self.counts["date given to the month"] += 1
        try:
            span = parse_date(match.group(0))
        except DateError:
            span = DateSpan.unknown()
        if span.start is None:
            _day, month, year = re.split(r"[/.]", match.group(0))
            return f"{month}/{year}"
        return f"{span.start:%B %Y}"

    def span(self, span: DateSpan) -> DateSpan:
        """The date to the month (``coarsen``), else as it is."""
        if not self.coarsen:
            return span
        if span.start is None or span.end is None:  # kept as written: its day, if any, goes
            return replace(span, text=_NUMERIC_DAY.sub(self._month_of, span.text), time=None)
        start = span.start.replace(day=1)
        end = span.end.replace(day=calendar.monthrange(span.end.year, span.end.month)[1])
        precision = span.precision
        if precision in (Precision.DAY, Precision.WEEK) or (start, end) != (span.start, span.end):
            precision = Precision.MONTH if start.month == end.month else Precision.RANGE
        coarse = DateSpan(start, end, precision, "", None, span.approximate)
        return DateSpan(start, end, precision, format_span(coarse), None, span.approximate)

    def day(self, key: str, iso: str) -> str:
        """A day held as a value, widened to its month: the month's last day for an end
        ("end", "due"), its first otherwise, so the interval still holds the real day."""
        day = dt.date.fromisoformat(iso)
        self.counts["date given to the month"] += 1
        if "end" in key or key in ("due", "to"):
            return day.replace(day=calendar.monthrange(day.year, day.month)[1]).isoformat()
        return day.replace(day=1).isoformat()

    def time(self, time: str | None) -> str | None:
        return None if self.coarsen else time

    def report(self, texts: Iterable[str]) -> str:
        """The redaction report (Markdown): each kind and its count, then what a person
        should check in the published text (``texts``)."""
        lines = ["# Redaction report", "", "| Kind | Redacted |", "|---|---|"]
        kinds = ["address", "postcode", "telephone number", "email address", "NHS number",
                 "date of birth", "staff name", "date given to the month"]  # fmt: skip
        lines += [f"| {kind} | {self.counts[kind]} |" for kind in kinds]
        lines += ["", f"Staff members given a designation: {len(self.staff)}.", ""]
        published = list(texts)
        streets = Counter(m.group(0) for t in published for m in _STREET.finditer(t))
        lines += ["## Left for a person to check", ""]
        lines += ["Street or building names without a house number (not redacted):", ""]
        lines += [f"- {name} ({count})" for name, count in sorted(streets.items())] or ["- none"]
        candidates = name_candidates(published, known=self.known)
        lines += ["", "Capitalised words that may be names (not redacted):", ""]
        lines += [f"- {word} ({count})" for word, count in candidates] or ["- none"]
        return "\n".join(lines) + "\n"


def published_texts(chronology: Chronology) -> Sequence[str]:
    """Every free text of the chronology, as it would be published."""
    return [
        text
        for event in chronology.events
        for source in event.sources
        for text in source.fields.values()  # every cell the agency wrote, once
        if text
    ]
