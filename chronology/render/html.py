"""``report.html``: one self-contained file that opens offline in any browser.

Built from ``templates/report.html.j2`` with autoescaping on: every piece of agency text is
untrusted and is only ever output escaped. CSS and script are inline; the data the filters
need sits in a ``<script type="application/json">`` block written by Jinja's ``tojson`` (which
escapes ``<``, ``>``, ``&`` and ``'``). A Content-Security-Policy allows no network at all and
runs only the report's own script, by its hash, so even a planted script could not run.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any

from markupsafe import Markup

from chronology.model.schema import Chronology, Event, Source
from chronology.privacy.safety import write_text
from chronology.render import html_findings, timeline
from chronology.render.colours import MULTI_AGENCY, TEXT, agency_colours
from chronology.render.rows import date_label
from chronology.render.templating import FLAG_LABELS, render_template, template_source

FILENAME = "report.html"
_SUBJECT_SPLIT = re.compile(r"\s*(?:[;,/&+\n]|\band\b)\s*")


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    write_text(target, render(chronology))
    return [target]


def render(chronology: Chronology) -> str:
    script = template_source("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return render_template(
        "report.html.j2",
        **context(chronology),
        css=Markup(template_source("report.css")),  # noqa: S704 - our own stylesheet
        script=Markup(script),  # noqa: S704 - our own script, allowed by its hash below
        script_hash=f"sha256-{digest}",
    )


def context(chronology: Chronology) -> dict[str, Any]:
    events = chronology.events
    fills = agency_colours(chronology.agencies)
    layout = timeline.layout(chronology)
    episodes = _episodes(chronology, layout)
    flags = sorted({f for e in events for f in e.flags} | _multi(events), key=_flag_order)
    subjects = sorted({s for e in events for s in subjects_of(e)}, key=str.lower)
    return {
        "title": str(chronology.meta.get("title") or "Integrated chronology"),
        "period": period(chronology),
        "meta": chronology.meta,
        "agencies": _agency_rows(chronology, fills),
        "fills": fills,
        "multi_fill": MULTI_AGENCY,
        "text_colour": TEXT,
        "counts": _counts(chronology),
        "timeline": layout,
        "standalone": False,
        "events": events,
        "episodes": episodes,
        "episode_titles": {e["id"]: e["title"] for e in episodes},
        "flags": flags,
        "subjects": subjects,
        "row_fill": functools.partial(row_fill, fills=fills),
        "date_label": date_label,
        "other_fields": other_fields,
        "findings": html_findings.sections(chronology),
        "warnings": chronology.warnings,
        "rejected": chronology.rejected,
        "data": _filter_data(chronology, layout, flags, subjects),
    }


def period(chronology: Chronology) -> str:
    start, end = timeline.review_period(chronology)
    if start is None or end is None:
        known = [e.date for e in chronology.events if e.date.start and e.date.end]
        start = start or min((d.start for d in known if d.start), default=None)
        end = end or max((d.end for d in known if d.end), default=None)
    if start is None or end is None:
        return "no dated events"
    return f"{_day(start)} to {_day(end)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _multi(events: list[Event]) -> set[str]:
    return {"multi_agency"} if any(len(e.agencies) > 1 for e in events) else set()


def _flag_order(flag: str) -> tuple[int, str]:
    order = list(FLAG_LABELS)
    return (order.index(flag) if flag in order else len(order), flag)


def subjects_of(event: Event) -> list[str]:
    found = [p for s in event.sources for p in _SUBJECT_SPLIT.split(s.subject) if p.strip()]
    return list(dict.fromkeys(p.strip() for p in found))


def row_fill(event: Event, fills: dict[str, str]) -> str:
    """The Excel output's row colour: the agency's fill, grey for several agencies."""
    if len(event.agencies) == 1:
        return fills.get(event.agencies[0], "#FFFFFF")
    return MULTI_AGENCY if event.agencies else "#FFFFFF"


def other_fields(source: Source) -> list[tuple[str, str]]:
    """Cells the agency wrote that are not shown elsewhere in the account."""
    shown = {
        source.date.text,
        source.text,
        source.action,
        source.worker,
        source.subject,
        source.reference,
        source.time or "",
    }
    return [(k, v) for k, v in source.fields.items() if v and v.strip() and v not in shown]


def _episodes(chronology: Chronology, layout: timeline.Timeline) -> list[dict[str, Any]]:
    bands = {band.ident: band for band in layout.episodes}
    result = []
    for number, episode in enumerate(chronology.episodes, start=1):
        ident = str(episode.get("id", number))
        band = bands.get(ident)
        result.append(
            {
                "id": ident,
                "number": number,
                "title": str(episode.get("title") or f"Episode {number}"),
                "events": len(episode.get("events", [])),
                "d0": band.d0 if band else None,
                "d1": band.d1 if band else None,
            }
        )
    return result


def _agency_rows(chronology: Chronology, fills: dict[str, str]) -> list[dict[str, Any]]:
    events: Counter[str] = Counter(a for e in chronology.events for a in e.agencies)
    rows: Counter[str] = Counter(s.agency for s in chronology.sources)
    return [
        {"name": a, "fill": fill, "ink": timeline.ink(fill), "events": events[a], "rows": rows[a]}
        for a, fill in fills.items()
    ]


def _counts(chronology: Chronology) -> dict[str, int]:
    events = chronology.events
    return {
        "events": len(events),
        "rows": sum(len(e.sources) for e in events),
        "agencies": len(chronology.agencies),
        "multi": sum(1 for e in events if len(e.agencies) > 1),
        "conflicts": sum(1 for e in events if "date_conflict" in e.flags),
        "out_of_scope": sum(1 for e in events if "out_of_scope" in e.flags),
        "undated": sum(1 for e in events if e.date.start is None),
        "episodes": len(chronology.episodes),
        "warnings": len(chronology.warnings),
        "rejected": len(chronology.rejected),
    }


def _filter_data(
    chronology: Chronology, layout: timeline.Timeline, flags: list[str], subjects: list[str]
) -> dict[str, Any]:
    """What the client-side filters need per event; indexes keep 5,000 events small."""
    agency_index = {a: i for i, a in enumerate(chronology.agencies)}
    subject_index = {s: i for i, s in enumerate(subjects)}
    flag_index = {f: i for i, f in enumerate(flags)}
    rows = []
    for event in chronology.events:
        own = list(event.flags) + (["multi_agency"] if len(event.agencies) > 1 else [])
        rows.append(
            {
                "id": event.id,
                "a": [agency_index[a] for a in event.agencies if a in agency_index],
                "e": event.episode or "",
                "s": [subject_index[s] for s in subjects_of(event)],
                "f": sorted(flag_index[f] for f in own if f in flag_index),
            }
        )
    return {
        "agencies": chronology.agencies,
        "subjects": subjects,
        "flags": flags,
        "events": rows,
        "timeline": timeline.describe(layout),
    }
