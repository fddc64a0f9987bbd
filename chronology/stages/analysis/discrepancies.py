"""Date discrepancies: agencies that dated one occurrence differently, rows submitted out of
date order, and different times of day given for one contact.

Findings (``chronology.discrepancies``), each with ``kind``, ``events``, ``sources``, ``detail``:

- ``date_conflict``: an event whose agencies' dates do not overlap, even allowing the
  tolerance (default 1 day). ``accounts`` lists each
  agency's date; ``days`` / ``working_days`` are the widest gap between two accounts. A vague
  date that contains the other's exact date ("May 2012" and 23/05/2012) is not a conflict.
- ``time_conflict``: one day's contact timed differently by two agencies' records of the
  same kind, more than ``time_tolerance_minutes`` (default 60) apart; ``minutes`` is the
  difference. (A birth at 03:12 and the health visitor's note of its notification at 11:05
  are different kinds of record and do not conflict.)
- ``out_of_order``: a dated row of one agency's table that is earlier than the dated row
  above it by more than the tolerance (as Chronolator's Check Tables reports); ``days`` /
  ``working_days`` say by how much, ``file``/``sheet``/``row``/``previous_row`` where.
- ``reversed_order``: a table listed newest first; its rows are then checked the other way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from chronology.dates.span import DateSpan, Precision
from chronology.dates.workdays import working_days_between
from chronology.model.schema import Chronology, Event, Source
from chronology.stages.analysis.common import Finding, bounds, days_phrase, iso, plural, when

DATE_TOLERANCE_DAYS = 1
TIME_TOLERANCE_MINUTES = 60


def find_discrepancies(
    chronology: Chronology,
    *,
    tolerance_days: int = DATE_TOLERANCE_DAYS,
    time_tolerance_minutes: int = TIME_TOLERANCE_MINUTES,
) -> list[Finding]:
    """Every date conflict, time conflict and out-of-order row, in chronology order."""
    findings: list[Finding] = []
    seen: set[tuple[str, ...]] = set()
    tables: dict[tuple[str, str], list[tuple[Source, str]]] = defaultdict(list)
    for event in chronology.events:
        # one source agrees with itself; a contact's two ends are hours or days apart by
        # nature (sent, then received), as are the steps of one process on one day
        times: list[Finding] = []
        if len(event.sources) > 1 and "sent_received" not in event.flags:
            conflict = _date_conflict(event, tolerance_days)
            if conflict:
                findings.append(conflict)
                _flag(event, "date_conflict", present=True)
            times = list(_time_conflicts(event, time_tolerance_minutes))
            findings.extend(times)
        # the event's flag says what the findings say: one answer, worked out here
        _flag(event, "time_conflict", present=bool(times))
        findings.extend(_unmerged_conflicts(event, seen))
        for source in event.sources:
            if source.date.start is not None:
                tables[(source.file, source.sheet or "")].append((source, event.id))
    findings.extend(_order_findings(tables, tolerance_days))
    return findings


def _flag(event: Event, flag: str, *, present: bool) -> None:
    if present and flag not in event.flags:
        event.flags.append(flag)
    elif not present and flag in event.flags:
        event.flags.remove(flag)


# ---------------------------------------------------------------- date conflicts
def _what(event: Event) -> str:
    return f"this {event.kind.replace('_', ' ')}" if event.kind else "this event"


def _accounts(sources: Sequence[Source]) -> list[tuple[DateSpan, Finding]]:
    """One account per agency and date, in the order of the event's sources."""
    accounts: dict[tuple[str, str, str | None, str | None], tuple[DateSpan, Finding]] = {}
    for source in sources:
        if not source.date.is_known:
            continue
        start, end = source.date.to_iso()
        key = (source.agency, source.date.text, start, end)
        account: Finding = {
            "agency": source.agency,
            "date": when(source.date),
            "date_text": source.date.text,
            "start": start,
            "end": end,
            "sources": [],
        }
        accounts.setdefault(key, (source.date, account))[1]["sources"].append(source.ref)
    return list(accounts.values())


def _widest_gap(spans: Sequence[DateSpan]) -> tuple[int, int]:
    """The largest gap in days between two spans, with the working days across it."""
    best = (0, 0)
    for a, b in combinations(spans, 2):
        gap = a.gap_days(b) or 0
        if gap > best[0]:
            earlier, later = sorted((a, b), key=lambda s: s.sort_key)
            best = (gap, working_days_between(bounds(earlier)[1], bounds(later)[0]))
    return best


def _spread(sources: Sequence[Source]) -> int:
    """The widest gap in days between two sources' dates (0 for fewer than two)."""
    spans = [(s.date.start, s.date.end) for s in sources if s.date.start and s.date.end]
    if len(spans) < 2:
        return 0
    return max(0, (max(start for start, _e in spans) - min(end for _s, end in spans)).days)


def _date_conflict(event: Event, tolerance: int) -> Finding | None:
    if _spread(event.sources) <= tolerance:
        return None  # (the accounts' widest gap, worked out quickly)
    found = _accounts(event.sources)
    days, working = _widest_gap([span for span, _account in found])
    if days <= tolerance:
        return None
    accounts = [account for _span, account in found]
    if len(accounts) == 2:
        first, second = accounts
        lead = (
            f"{first['agency']} dated {_what(event)} {first['date']} and "
            f"{second['agency']} {second['date']}"
        )
    else:
        parts = "; ".join(f"{a['agency']} {a['date']}" for a in accounts)
        lead = f"The agencies dated {_what(event)} differently: {parts}"
    return {
        "kind": "date_conflict",
        "events": [event.id],
        "sources": [s.ref for s in event.sources],
        "agencies": sorted({str(a["agency"]) for a in accounts}),
        "accounts": accounts,
        "days": days,
        "working_days": working,
        "detail": f"{lead}: {days_phrase(days, working)} apart.",
    }


def _unmerged_conflicts(event: Event, seen: set[tuple[str, ...]]) -> Iterator[Finding]:
    """Two agencies' records that are very probably one occurrence, dated too far apart
    to be merged: the merge keeps them apart and records why (``method = "candidate"``)."""
    for decision in event.merge:
        key = tuple(sorted(decision.sources))
        if decision.method != "candidate" or key in seen:
            continue
        seen.add(key)
        yield {
            "kind": "date_conflict",
            "merged": False,
            "events": [event.id],
            "sources": list(key),
            "agencies": [],
            "accounts": [],
            "days": None,
            "working_days": None,
            "detail": decision.reason,
        }


# ---------------------------------------------------------------- time conflicts
def _minutes(time: str) -> int | None:
    hours, _, minutes = time.partition(":")
    if not (hours.isdigit() and minutes[:2].isdigit()):
        return None
    return int(hours) * 60 + int(minutes[:2])


def _time_conflicts(event: Event, tolerance: int) -> Iterator[Finding]:
    by_day: dict[str, list[tuple[int, Source]]] = defaultdict(list)
    for source in event.sources:
        span = source.date
        minutes = _minutes(source.time) if source.time else None
        if minutes is None or span.precision != Precision.DAY or span.start != span.end:
            continue
        by_day[str(iso(span.start))].append((minutes, source))
    for day, timed in sorted(by_day.items()):
        kinds = {s.kind for _m, s in timed if s.kind}
        if len({s.agency for _m, s in timed}) < 2 or len(kinds) > 1:
            continue  # a birth at 03:12 and its notification at 11:05 do not conflict
        timed.sort(key=lambda pair: (pair[0], pair[1].ref))
        spread = timed[-1][0] - timed[0][0]
        if spread <= tolerance:
            continue
        parts = [f"{s.agency} {s.time}" for _m, s in timed]
        yield {
            "kind": "time_conflict",
            "events": [event.id],
            "sources": [s.ref for _m, s in timed],
            "agencies": sorted({s.agency for _m, s in timed}),
            "date": day,
            "accounts": [{"agency": s.agency, "time": s.time, "source": s.ref} for _m, s in timed],
            "minutes": spread,
            "detail": (
                f"The agencies timed {_what(event)} on {when(timed[0][1].date)} differently: "
                f"{'; '.join(parts)} ({plural(spread, 'minute')} apart)."
            ),
        }


# ---------------------------------------------------------------- row order
def _steps(rows: Sequence[tuple[Source, str]]) -> tuple[list[int], list[int]]:
    """For each pair of neighbouring rows, the days by which the lower row lies wholly
    before the upper one (``back``) and wholly after it (``ahead``), or 0."""
    starts = [s.date.start.toordinal() if s.date.start else None for s, _id in rows]
    ends = [s.date.end.toordinal() if s.date.end else None for s, _id in rows]
    back, ahead = [], []
    for index in range(len(rows) - 1):
        s1, e1, s2, e2 = starts[index], ends[index], starts[index + 1], ends[index + 1]
        back.append(0 if s1 is None or e2 is None else max(0, s1 - e2))
        ahead.append(0 if s2 is None or e1 is None else max(0, s2 - e1))
    return back, ahead


def _order_findings(
    tables: dict[tuple[str, str], list[tuple[Source, str]]], tolerance: int
) -> Iterator[Finding]:
    """Each agency table's dated rows (by file and sheet, in chronology order) checked in
    row order."""
    for (_file, _sheet), rows in sorted(tables.items()):
        rows.sort(key=lambda pair: pair[0].row)
        back, ahead = _steps(rows)
        reversed_order = len(back) >= 2 and sum(d > tolerance for d in back) > sum(
            d > tolerance for d in ahead
        )
        if reversed_order:
            yield _reversed(rows)
        where = _where(rows[0][0])  # the same for every row of the table
        for index, days in enumerate(ahead if reversed_order else back):
            if days > tolerance:
                yield _out_of_order(rows[index], rows[index + 1], where, days, reversed_order)


def _where(source: Source) -> str:
    return f"{source.file}" + (f" (sheet {source.sheet})" if source.sheet else "")


def _reversed(rows: Sequence[tuple[Source, str]]) -> Finding:
    first, last = rows[0][0], rows[-1][0]
    return {
        "kind": "reversed_order",
        "events": [],
        "sources": [first.ref, last.ref],
        "agency": first.agency,
        "file": first.file,
        "sheet": first.sheet,
        "detail": (
            f"{first.agency}'s table in {_where(first)} is in reverse date order (newest "
            f"first, row {first.row} dated {when(first.date)}, row {last.row} dated "
            f"{when(last.date)}); its rows were checked in that order."
        ),
    }


def _out_of_order(
    upper: tuple[Source, str],
    lower: tuple[Source, str],
    where: str,
    days: int,
    reversed_order: bool,
) -> Finding:
    """A row (``lower``, with its event's id) against the row above it."""
    (above, above_id), (row, row_id) = upper, lower
    earlier, later = (above, row) if reversed_order else (row, above)
    working = working_days_between(bounds(earlier.date)[1], bounds(later.date)[0])
    relation = "later" if reversed_order else "earlier"
    return {
        "kind": "out_of_order",
        "events": [row_id] if row_id == above_id else [row_id, above_id],
        "sources": [row.ref, above.ref],
        "agency": row.agency,
        "file": row.file,
        "sheet": row.sheet,
        "row": row.row,
        "previous_row": above.row,
        "days": days,
        "working_days": working,
        "detail": (
            f"Row {row.row} of {where}, dated {when(row.date)}, comes after row "
            f"{above.row}, dated {when(above.date)}, but is {days_phrase(days, working)} "
            f"{relation}: check the date or the row order."
        ),
    }
