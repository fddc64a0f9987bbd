"""What changed between two chronologies: entries added, removed, changed or moved.

Inputs are two ``chronology.json`` or two versions of one agency's file (panels receive
amended IMRs). Entries (one per source row) are matched robustly:

1. identical entries (agency, date, time, text, action) pair off first, in row order;
2. then, within each agency, the best remaining pairs by text similarity (edit-tolerant and
   word-order-tolerant) plus a bonus for nearby dates, so edited text and corrected dates
   still match, and a moved row is found wherever it went;
3. then near-identical text across agencies (an entry re-attributed to another agency).

``diff_chronologies`` returns::

    {"kind": "chronology_diff", "old", "new",
     "counts": {"added", "removed", "changed", "moved", "unchanged"},
     "entries": [{"status": "added"|"removed"|"changed"|"moved", "changes": [...],
                  "agency", "old": side|None, "new": side|None, "similarity",
                  "date_change_days", "text_diff": [[op, words], ...],
                  "action_diff": [...], "detail"}]}

``changes`` names what differs: ``date``, ``time``, ``text``, ``action``, ``agency`` and
``moved`` (the row's place relative to the other rows changed). ``op`` is ``=``, ``-`` or ``+``.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from chronology.dates.span import DateSpan
from chronology.loaders import load_file
from chronology.merge.groups import merge
from chronology.merge.units import normalise_text
from chronology.model.codec import read_chronology
from chronology.model.schema import Chronology, Source
from chronology.stages.analysis.common import Finding, plural, when

MIN_TEXT = 55  # below this text similarity two entries are never one
MIN_SCORE = 70  # text similarity plus date bonus needed to pair
CROSS_AGENCY_TEXT = 90
_CHUNK = 512
_TOKEN = re.compile(r"(\s*)(\w+|[^\w\s])")


@dataclass(slots=True)
class _Entry:
    source: Source
    event: str
    text: str  # normalised text and action, for matching


def load_for_diff(path: Path, agency: str | None = None) -> Chronology:
    """A saved ``chronology.json``, or one agency file merged on its own."""
    if path.suffix.lower() == ".json":
        return read_chronology(path)
    loaded = load_file(path, agency=agency)
    return Chronology(events=merge(loaded.sources), warnings=loaded.warnings)


def _entries(chronology: Chronology) -> list[_Entry]:
    return [
        _Entry(s, e.id, normalise_text(f"{s.text} {s.action}"))
        for e in chronology.events
        for s in e.sources
    ]


def _exact_key(entry: _Entry) -> tuple[object, ...]:
    s = entry.source
    return (s.agency, s.date.text, s.date.to_iso(), s.time, entry.text)


def _exact_pairs(old: Sequence[_Entry], new: Sequence[_Entry]) -> list[tuple[int, int]]:
    waiting: dict[tuple[object, ...], deque[int]] = defaultdict(deque)
    for j in sorted(range(len(new)), key=lambda k: _place(new[k])):
        waiting[_exact_key(new[j])].append(j)
    pairs = []
    for i in sorted(range(len(old)), key=lambda k: _place(old[k])):
        queue = waiting.get(_exact_key(old[i]))
        if queue:
            pairs.append((i, queue.popleft()))
    return pairs


def _date_bonus(a: DateSpan, b: DateSpan) -> int:
    gap = a.gap_days(b)
    if gap is None:
        return 5 if a.text == b.text else 0
    return 15 if gap == 0 else 10 if gap <= 3 else 5 if gap <= 31 else 0 if gap <= 366 else -10


def _scored(
    old: Sequence[_Entry], new: Sequence[_Entry], left: list[int], right: list[int], cut: int
) -> Iterator[tuple[float, int, int, int]]:
    """(score, text similarity, old index, new index) for plausible pairs."""
    targets = [new[j].text for j in right]
    for at in range(0, len(left), _CHUNK):
        chunk = left[at : at + _CHUNK]
        queries = [old[i].text for i in chunk]
        ratio = process.cdist(queries, targets, scorer=fuzz.ratio, dtype=np.uint8)
        tokens = process.cdist(queries, targets, scorer=fuzz.token_set_ratio, dtype=np.uint8)
        text = (ratio.astype(np.uint16) + tokens) // 2
        rows, cols = np.nonzero(text >= cut)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = chunk[r], right[c]
            similarity = int(text[r, c])
            bonus = _date_bonus(old[i].source.date, new[j].source.date)
            yield similarity + bonus, similarity, i, j


def _greedy(
    candidates: Iterator[tuple[float, int, int, int]], minimum: float
) -> list[tuple[int, int, int]]:
    ranked = sorted(
        (c for c in candidates if c[0] >= minimum), key=lambda c: (-c[0], -c[1], c[2], c[3])
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    chosen = []
    for _score, similarity, i, j in ranked:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            chosen.append((i, j, similarity))
    return chosen


def _fuzzy_pairs(
    old: Sequence[_Entry], new: Sequence[_Entry], free_old: set[int], free_new: set[int]
) -> list[tuple[int, int, int]]:
    """Pairs by similarity; what they pair is taken out of ``free_old`` and ``free_new``."""
    by_agency: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in sorted(free_old):
        by_agency[old[i].source.agency][0].append(i)
    for j in sorted(free_new):
        by_agency[new[j].source.agency][1].append(j)
    pairs = []
    for agency in sorted(by_agency):
        left, right = by_agency[agency]
        if left and right:
            pairs += _greedy(_scored(old, new, left, right, MIN_TEXT), MIN_SCORE)
    free_old -= {i for i, _j, _s in pairs}
    free_new -= {j for _i, j, _s in pairs}
    if free_old and free_new:
        across = _scored(old, new, sorted(free_old), sorted(free_new), CROSS_AGENCY_TEXT)
        moved = _greedy(across, CROSS_AGENCY_TEXT)
        free_old -= {i for i, _j, _s in moved}
        free_new -= {j for _i, j, _s in moved}
        pairs += moved
    return pairs


def _place(entry: _Entry) -> tuple[str, int]:
    return (entry.source.sheet or "", entry.source.row)


def _moved(
    pairs: Sequence[tuple[int, int]], old: Sequence[_Entry], new: Sequence[_Entry]
) -> set[int]:
    """Old indices of entries whose place among the same agency's rows changed: those outside
    the longest run of matched rows kept in the same order."""
    by_agency: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j in pairs:
        if old[i].source.agency == new[j].source.agency:
            by_agency[old[i].source.agency].append((i, j))
    moved: set[int] = set()
    for group in by_agency.values():
        ordered = sorted(group, key=lambda p: _place(old[p[0]]))
        kept = _longest_run([_place(new[j]) for _i, j in ordered])
        moved |= {ordered[k][0] for k in range(len(ordered)) if k not in kept}
    return moved


def _longest_run(places: Sequence[tuple[str, int]]) -> set[int]:
    """Indices of a longest increasing subsequence of ``places``."""
    tails: list[tuple[str, int]] = []
    tail_at: list[int] = []
    previous = [-1] * len(places)
    for k, place in enumerate(places):
        at = bisect.bisect_left(tails, place)
        if at == len(tails):
            tails.append(place)
            tail_at.append(k)
        else:
            tails[at], tail_at[at] = place, k
        previous[k] = tail_at[at - 1] if at else -1
    kept: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        kept.add(k)
        k = previous[k]
    return kept


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Words and punctuation marks, each with the white space before it."""
    found = list(_TOKEN.finditer(text))
    return [m.group(2) for m in found], [m.group(0) for m in found]


def word_diff(old: str, new: str) -> list[list[str]]:
    """The change from ``old`` to ``new`` word by word: ``[["=", "Home visit,"], ["-", " no
    answer"], ["+", " Mum seen"]]``. The ``=`` and ``-`` pieces joined give ``old`` (and the
    ``=`` and ``+`` pieces ``new``), up to white space at the ends."""
    (a, a_text), (b, b_text) = _tokens(old), _tokens(new)
    ops: list[list[str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(["=", "".join(b_text[j1:j2])])
            continue
        if i2 > i1:
            ops.append(["-", "".join(a_text[i1:i2])])
        if j2 > j1:
            ops.append(["+", "".join(b_text[j1:j2])])
    if ops:
        ops[0][1] = ops[0][1].lstrip()
        if len(ops) > 1 and ops[0][0] != "=" and ops[1][0] != "=":
            ops[1][1] = ops[1][1].lstrip()
    return ops


def _side(entry: _Entry) -> Finding:
    s = entry.source
    return {
        "agency": s.agency, "ref": s.ref, "file": s.file, "sheet": s.sheet, "row": s.row,
        "event": entry.event, "date": when(s.date), "date_text": s.date.text,
        "time": s.time, "text": s.text, "action": s.action,
    }  # fmt: skip


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def _changed(a: _Entry, b: _Entry, similarity: int, moved: bool) -> Finding | None:
    sa, sb = a.source, b.source
    changes = []
    if sa.date.text != sb.date.text or sa.date.to_iso() != sb.date.to_iso():
        changes.append("date")
    if (sa.time or "") != (sb.time or ""):
        changes.append("time")
    if not _same_words(sa.text, sb.text):
        changes.append("text")
    if not _same_words(sa.action, sb.action):
        changes.append("action")
    if sa.agency != sb.agency:
        changes.append("agency")
    if moved:
        changes.append("moved")
    if not changes:
        return None
    shift = None
    if "date" in changes and sa.date.start and sb.date.start:
        shift = (sb.date.start - sa.date.start).days
    return {
        "status": "moved" if changes == ["moved"] else "changed",
        "changes": changes,
        "agency": sb.agency,
        "old": _side(a),
        "new": _side(b),
        "similarity": similarity,
        "date_change_days": shift,
        "text_diff": word_diff(sa.text, sb.text) if "text" in changes else [],
        "action_diff": word_diff(sa.action, sb.action) if "action" in changes else [],
        "detail": _change_detail(sa, sb, changes, shift),
    }


def _change_detail(a: Source, b: Source, changes: Sequence[str], shift: int | None) -> str:
    parts = []
    if "date" in changes:
        moved_by = f", {'+' if shift > 0 else '-'}{plural(abs(shift), 'day')}" if shift else ""
        parts.append(f"date {a.date.text or 'blank'} → {b.date.text or 'blank'}{moved_by}")
    if "time" in changes:
        parts.append(f"time {a.time or 'blank'} → {b.time or 'blank'}")
    parts += [f"{what} edited" for what in ("text", "action") if what in changes]
    if "agency" in changes:
        parts.append(f"agency {a.agency} → {b.agency}")
    if "moved" in changes:
        parts.append(f"moved from row {a.row} to row {b.row}")
    return f"{b.agency}, row {b.row}: " + "; ".join(parts) + "."


def _alone(entry: _Entry, status: str) -> Finding:
    s = entry.source
    verb = "added" if status == "added" else "removed"
    return {
        "status": status, "changes": [], "agency": s.agency,
        "old": _side(entry) if status == "removed" else None,
        "new": _side(entry) if status == "added" else None,
        "similarity": None, "date_change_days": None, "text_diff": [], "action_diff": [],
        "detail": f"{s.agency}, row {s.row} ({when(s.date)}): entry {verb}.",
    }  # fmt: skip


def diff_chronologies(
    old: Chronology, new: Chronology, old_label: str = "old", new_label: str = "new"
) -> Finding:
    """Every added, removed, changed and moved entry between two chronologies."""
    a, b = _entries(old), _entries(new)
    exact = _exact_pairs(a, b)
    free_old = set(range(len(a))) - {i for i, _j in exact}
    free_new = set(range(len(b))) - {j for _i, j in exact}
    fuzzy = _fuzzy_pairs(a, b, free_old, free_new)
    pairs = [(i, j, 100) for i, j in exact] + fuzzy
    moved = _moved([(i, j) for i, j, _s in pairs], a, b)
    found: list[tuple[tuple[object, ...], Finding]] = []
    for i, j, similarity in pairs:
        change = _changed(a[i], b[j], similarity, i in moved)
        if change:
            found.append((_order(b[j]), change))
    found += [(_order(a[i]), _alone(a[i], "removed")) for i in sorted(free_old)]
    found += [(_order(b[j]), _alone(b[j], "added")) for j in sorted(free_new)]
    entries = [f for _key, f in sorted(found, key=lambda pair: pair[0])]
    counts = {
        s: sum(1 for e in entries if e["status"] == s)
        for s in ("added", "removed", "changed", "moved")
    }
    counts["unchanged"] = len(pairs) - counts["changed"] - counts["moved"]
    return {"kind": "chronology_diff", "old": old_label, "new": new_label, "counts": counts,
            "entries": entries}  # fmt: skip


def _order(entry: _Entry) -> tuple[object, ...]:
    s = entry.source
    return (s.date.sort_key, s.agency, s.sheet or "", s.row, s.file)
