"""The swimlane timeline: one geometry for the HTML report, ``timeline.svg`` and ``timeline.png``.

``layout(chronology)`` places everything in one coordinate space (SVG user units, y down): a lane
per agency; a mark per event and agency at its date, or a bar across the interval of a vague
date; a line joining the lanes of a multi-agency event; each agency's own date of an event whose
dates conflict, joined by a dashed red line; episodes shaded; out-of-scope periods greyed.
Every position is also kept as day offsets (``d0``/``d1``) so the report's script can zoom.
"""

from __future__ import annotations

import colorsys
import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology.dates.span import DateSpan, Precision
from chronology.model.schema import Chronology, Event
from chronology.privacy.safety import write_bytes, write_text
from chronology.render.colours import agency_colours
from chronology.render.rows import date_label
from chronology.render.templating import render_template
from chronology.render.ticks import ticks

SVG_NAME = "timeline.svg"
PNG_NAME = "timeline.png"
WIDTH = 1200.0
LABEL_X = 8.0
PLOT_LEFT = 236.0
PLOT_RIGHT = 1188.0
LANES_TOP = 30.0  # room for the episodes' numbers above the lanes
LANES_TOP_PLAIN = 8.0
LANE_HEIGHT = 24.0
AXIS_HEIGHT = 30.0
POINT_RADIUS = 4.5
BAR_HEIGHT = 10.0
MIN_BAR = 3.0
LABEL_CHARS = 34
TITLE_CHARS = 220
CONFLICT = "#C62828"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Lane:
    agency: str
    label: str
    top: float
    y: float
    fill: str
    ink: str


@dataclass(frozen=True, slots=True)
class Mark:
    event: str
    agency: str
    y: float
    d0: float
    d1: float
    x: float
    x2: float
    point: bool
    ink: str
    conflict: bool
    out_of_scope: bool
    title: str
    h: float = BAR_HEIGHT


@dataclass(frozen=True, slots=True)
class Link:
    event: str
    d0: float
    d1: float
    x: float
    x2: float
    y1: float
    y2: float
    conflict: bool


@dataclass(frozen=True, slots=True)
class Band:
    d0: float
    d1: float
    x: float
    x2: float
    label: str
    title: str
    ident: str = ""
    kind: str = ""  # an episode's kind: "key", or "prior" for the history before the first


@dataclass(frozen=True, slots=True)
class Tick:
    d: float
    x: float
    label: str


@dataclass(slots=True)
class Timeline:
    origin: dt.date
    days: int
    lanes: list[Lane]
    height: float
    marks: list[Mark] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    episodes: list[Band] = field(default_factory=list)
    out_of_scope: list[Band] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: int = 0
    period: Band | None = None
    width: float = WIDTH
    plot_left: float = PLOT_LEFT
    plot_right: float = PLOT_RIGHT
    lanes_top: float = LANES_TOP
    lanes_bottom: float = LANES_TOP
    lane_height: float = LANE_HEIGHT

    def x(self, day: float) -> float:
        return PLOT_LEFT + day / self.days * (PLOT_RIGHT - PLOT_LEFT)

    @property
    def end(self) -> dt.date:
        return self.origin + dt.timedelta(days=self.days - 1)


def clean(text: str, limit: int = TITLE_CHARS) -> str:
    """Text safe in XML (no control characters) and short enough for a tooltip or label."""
    text = _CONTROL.sub("", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ink(fill: str) -> str:
    """A dark shade of an agency's light fill, for marks drawn on that fill."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _light, sat = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, 0.34, min(1.0, sat * 0.75) if sat > 0.05 else 0.0)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b)))


def parse_day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------- layout
def layout(chronology: Chronology) -> Timeline:
    origin, days = _domain(chronology)
    timeline = Timeline(origin, days, [], 0.0)
    timeline.episodes = _episode_bands(timeline, chronology)
    top = LANES_TOP if timeline.episodes else LANES_TOP_PLAIN
    fills = agency_colours(chronology.agencies)
    timeline.lanes = [
        Lane(agency, clean(agency, LABEL_CHARS), top + i * LANE_HEIGHT,
             top + (i + 0.5) * LANE_HEIGHT, fill, ink(fill))
        for i, (agency, fill) in enumerate(fills.items())
    ]  # fmt: skip
    timeline.lanes_top = top
    timeline.lanes_bottom = top + len(timeline.lanes) * LANE_HEIGHT
    timeline.height = timeline.lanes_bottom + AXIS_HEIGHT
    by_agency = {lane.agency: lane for lane in timeline.lanes}
    for event in chronology.events:
        if event.date.start is None:
            timeline.undated += 1
            continue
        _place_event(timeline, event, by_agency)
    # widest bars first, points last: nothing long hides anything short
    timeline.marks.sort(key=lambda m: (m.point, -(m.d1 - m.d0)))
    timeline.out_of_scope = _scope_bands(timeline, chronology)
    start, end = review_period(chronology)
    if start and end:
        timeline.period = _band(timeline, start, end, "", "The review period")
    timeline.ticks = [Tick(d, timeline.x(d), label) for d, label in ticks(origin, 0, days)]
    return timeline


def _domain(chronology: Chronology) -> tuple[dt.date, int]:
    """Whole months around every known date (events, episodes, the review period)."""
    found = [
        day
        for event in chronology.events
        for span in (event.date, *(s.date for s in event.sources))
        for day in (span.start, span.end)
        if day is not None
    ]
    for episode in chronology.episodes:
        found += [d for d in (parse_day(episode.get("start")), parse_day(episode.get("end"))) if d]
    found += [d for d in review_period(chronology) if d]
    if not found:
        return dt.date(2000, 1, 1), 366
    first, last = min(found), max(found)
    margin = dt.timedelta(days=(last - first).days // 80)
    first, last = first - margin, last + margin
    start = first.replace(day=1)
    following = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return start, (following - start).days


def review_period(chronology: Chronology) -> tuple[dt.date | None, dt.date | None]:
    """The terms-of-reference period when the review file gave it (``meta`` start/end)."""
    meta = chronology.meta
    pick = [meta] + [meta[k] for k in ("review", "period") if isinstance(meta.get(k), dict)]
    start = next((d for m in pick if (d := parse_day(m.get("start")))), None)
    end = next((d for m in pick if (d := parse_day(m.get("end")))), None)
    return start, end


def bar_height(days: float) -> float:
    """Vaguer dates get thinner bars, so a year-long bar does not drown the lane."""
    if days <= 31:
        return BAR_HEIGHT
    return BAR_HEIGHT * 0.7 if days <= 183 else BAR_HEIGHT * 0.45


def _offsets(timeline: Timeline, span: DateSpan) -> tuple[float, float]:
    assert span.start is not None  # noqa: S101 - known spans only
    assert span.end is not None  # noqa: S101
    return float((span.start - timeline.origin).days), float((span.end - timeline.origin).days + 1)


def _place_event(timeline: Timeline, event: Event, lanes: dict[str, Lane]) -> None:
    conflict = "date_conflict" in event.flags
    out = "out_of_scope" in event.flags
    placed: list[Mark] = []
    for agency in event.agencies:
        lane = lanes.get(agency)
        own = [s for s in event.sources if s.agency == agency]
        if lane is None or not own:
            continue
        dated = [s for s in own if s.date.start is not None]
        span = dated[0].date if conflict and dated else event.date
        d0, d1 = _offsets(timeline, span)
        point = span.precision is Precision.DAY or d1 - d0 <= 1
        label = date_label(event) if not conflict else span.text
        title = clean(f"{event.id} · {label} · {agency}: {own[0].text}")
        x, x2 = timeline.x(d0), timeline.x(d1)
        h = bar_height(d1 - d0)
        mark = Mark(
            event.id, agency, lane.y, d0, d1, x, x2, point, lane.ink, conflict, out, title, h
        )
        placed.append(mark)
    timeline.marks.extend(placed)
    for a, b in itertools.pairwise(placed):
        ca, cb = (a.d0 + a.d1) / 2, (b.d0 + b.d1) / 2
        link = Link(event.id, ca, cb, timeline.x(ca), timeline.x(cb), a.y, b.y, conflict)
        timeline.links.append(link)


def _band(
    timeline: Timeline, start: dt.date, end: dt.date, label: str, title: str, ident: str = ""
) -> Band | None:
    d0 = max(0.0, float((start - timeline.origin).days))
    d1 = min(float(timeline.days), float((end - timeline.origin).days + 1))
    if d1 <= d0:
        return None
    return Band(d0, d1, timeline.x(d0), timeline.x(d1), label, clean(title), ident)


def _episode_bands(timeline: Timeline, chronology: Chronology) -> list[Band]:
    dates = {e.id: e.date for e in chronology.events if e.date.start is not None}
    bands: list[Band] = []
    for number, episode in enumerate(chronology.episodes, start=1):
        spans = [dates[i] for i in episode.get("events", []) if isinstance(i, str) and i in dates]
        start = parse_day(episode.get("start")) or min(
            (s.start for s in spans if s.start), default=None
        )
        end = parse_day(episode.get("end")) or max((s.end for s in spans if s.end), default=None)
        if start is None or end is None:
            continue
        title = str(episode.get("title") or f"Episode {number}")
        band = _band(timeline, start, end, str(number), title, str(episode.get("id", number)))
        if band:
            bands.append(dataclasses.replace(band, kind=str(episode.get("kind") or "key")))
    return bands


def _scope_bands(timeline: Timeline, chronology: Chronology) -> list[Band]:
    """Outside the review period; without one, the stretches holding only out-of-scope events."""
    start, end = review_period(chronology)
    if start is None and end is None:
        inside = [
            e.date
            for e in chronology.events
            if e.date.start is not None and "out_of_scope" not in e.flags
        ]
        outside = [
            e.date
            for e in chronology.events
            if e.date.start is not None and "out_of_scope" in e.flags
        ]
        if not outside:
            return []
        first = min((s.start for s in inside if s.start), default=None)
        last = max((s.end for s in inside if s.end), default=None)
        start = first if first and any(s.start and s.start < first for s in outside) else None
        end = last if last and any(s.end and s.end > last for s in outside) else None
        if first is None:
            start, end = timeline.end + dt.timedelta(days=1), None
    note = "Outside the review period"
    bands = []
    if start is not None:
        bands.append(_band(timeline, timeline.origin, start - dt.timedelta(days=1), "", note))
    if end is not None:
        bands.append(_band(timeline, end + dt.timedelta(days=1), timeline.end, "", note))
    return [b for b in bands if b]


# ---------------------------------------------------------------- outputs
def svg_text(chronology: Chronology, drawn: Timeline | None = None) -> str:
    """The standalone SVG (``drawn``: the chronology's layout, if already made)."""
    drawn = drawn or layout(chronology)
    return render_template("timeline.svg.j2", timeline=drawn, standalone=True)


def png_bytes(chronology: Chronology, drawn: Timeline | None = None) -> bytes:
    """The timeline as a PNG, e.g. for ``docx.add_picture(io.BytesIO(png_bytes(c)))``."""
    from chronology.render.timeline_png import draw  # noqa: PLC0415 - matplotlib is slow to load

    return draw(drawn or layout(chronology))


def write(chronology: Chronology, out: Path) -> list[Path]:
    svg, png = out / SVG_NAME, out / PNG_NAME
    drawn = layout(chronology)
    write_text(svg, svg_text(chronology, drawn))
    write_bytes(png, png_bytes(chronology, drawn))
    return [svg, png]


def describe(timeline: Timeline) -> dict[str, Any]:
    """What the report's script needs to redraw the axis and zoom."""
    return {
        "origin": timeline.origin.isoformat(),
        "days": timeline.days,
        "left": PLOT_LEFT,
        "right": PLOT_RIGHT,
        "minBar": MIN_BAR,
    }
