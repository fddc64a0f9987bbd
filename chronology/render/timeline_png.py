"""``timeline.png``: the timeline's geometry drawn with matplotlib, for pasting into Word.

matplotlib installs from wheels with its own fonts (DejaVu Sans) and needs no system library,
so the picture is the same on any machine. One SVG user unit is 1/100 inch, so the layout's
sizes carry over unchanged; PNG metadata is dropped, so the bytes depend only on the input.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import EllipseCollection, LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from chronology.render.timeline import CONFLICT, MIN_BAR, Timeline

DPI = 200
UNITS_PER_INCH = 100.0
PT_PER_UNIT = 72 / UNITS_PER_INCH
FONT_SIZE = 11 * PT_PER_UNIT
PNG_METADATA = {"Software": None}


def draw(timeline: Timeline) -> bytes:
    figure = Figure(
        figsize=(timeline.width / UNITS_PER_INCH, timeline.height / UNITS_PER_INCH), dpi=DPI
    )
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, timeline.width)
    axes.set_ylim(timeline.height, 0)
    axes.set_axis_off()
    _lanes(axes, timeline)
    _bands(axes, timeline)
    _axis(axes, timeline)
    _links(axes, timeline)
    _marks(axes, timeline)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata=PNG_METADATA, facecolor="white")
    return buffer.getvalue()


def _text(axes: Axes, x: float, y: float, text: str, **style: Any) -> None:
    # parse_math off: a "$" in an agency or file name is a dollar sign, not mathtext ("$$"
    # made matplotlib raise)
    base = {
        "fontsize": FONT_SIZE,
        "color": "#1A1A1A",
        "family": "DejaVu Sans",
        "clip_on": False,
        "parse_math": False,
    }
    axes.text(x, y, text, **{**base, **style})


def _lanes(axes: Axes, t: Timeline) -> None:
    plot_width = t.plot_right - t.plot_left
    for number, lane in enumerate(t.lanes, start=1):
        height = t.lane_height - 2
        axes.add_patch(Rectangle((0, lane.top), t.plot_left - 4, height, color=lane.fill, lw=0))
        shade = "#F7F7F7" if number % 2 else "#FFFFFF"
        axes.add_patch(Rectangle((t.plot_left, lane.top), plot_width, height, color=shade, lw=0))
        _text(axes, 8, lane.y, lane.label, va="center")


def _bands(axes: Axes, t: Timeline) -> None:
    for band in t.out_of_scope:
        axes.add_patch(
            Rectangle(
                (band.x, t.lanes_top - 2),
                band.x2 - band.x,
                t.lanes_bottom - t.lanes_top + 2,
                facecolor="#D9D9D9",
                edgecolor="#B0B0B0",
                hatch="///",
                lw=0,
                alpha=0.75,
            )
        )
    for number, band in enumerate(t.episodes, start=1):
        prior = band.kind == "prior"
        face = "#8C8C8C" if prior else ("#F5B400" if number % 2 else "#E08A00")
        edge = "#8C8C8C" if prior else "#B07800"
        height = t.lanes_bottom - 4
        fill = _alpha(face, 0.07 if prior else 0.16)
        axes.add_patch(Rectangle((band.x, 4), band.x2 - band.x, height, facecolor=fill, lw=0))
        outline = Rectangle((band.x, 4), band.x2 - band.x, height, fill=False,
                            edgecolor=_alpha(edge, 0.5), lw=0.8 * PT_PER_UNIT)  # fmt: skip
        axes.add_patch(outline)
        _text(axes, band.x + 3, 19, band.label, color="#5C3D00", weight="bold", va="baseline")


def _axis(axes: Axes, t: Timeline) -> None:
    bottom = t.lanes_bottom + 1
    grid = [((k.x, t.lanes_top), (k.x, t.lanes_bottom)) for k in t.ticks]
    axes.add_collection(LineCollection(grid, colors="#CCCCCC", linewidths=0.6 * PT_PER_UNIT))
    marks = [((k.x, bottom), (k.x, bottom + 5)) for k in t.ticks]
    marks.append(((t.plot_left, bottom), (t.plot_right, bottom)))
    axes.add_collection(LineCollection(marks, colors="#595959", linewidths=PT_PER_UNIT))
    for tick in t.ticks:
        _text(axes, tick.x, bottom + 18, tick.label, ha="center", va="baseline")


def _links(axes: Axes, t: Timeline) -> None:
    plain = [((k.x, k.y1), (k.x2, k.y2)) for k in t.links if not k.conflict]
    dashed = [((k.x, k.y1), (k.x2, k.y2)) for k in t.links if k.conflict]
    axes.add_collection(LineCollection(plain, colors="#6B6B6B", linewidths=1.1 * PT_PER_UNIT))
    dashes = (0, (2.5, 1.9))
    width = 1.6 * PT_PER_UNIT
    axes.add_collection(
        LineCollection(dashed, colors=CONFLICT, linewidths=width, linestyles=dashes)
    )


def _marks(axes: Axes, t: Timeline) -> None:
    bars, bar_faces, bar_edges, dots, dot_faces, dot_edges, widths = [], [], [], [], [], [], []
    sizes = []
    for m in t.marks:
        face = "#FFFFFF" if m.out_of_scope else m.ink
        edge = CONFLICT if m.conflict else ("#8A8A8A" if m.out_of_scope else "#FFFFFF")
        if m.point:
            dots.append(((m.x + m.x2) / 2, m.y))
            sizes.append(11.0 if m.conflict else 9.0)  # diameters
            dot_faces.append(face)
            dot_edges.append(edge)
            widths.append((2 if m.conflict else 1) * PT_PER_UNIT)
        else:
            width = max(m.x2 - m.x, MIN_BAR)
            left = (m.x + m.x2 - width) / 2
            box = f"round,pad=0,rounding_size={min(2.0, m.h / 2)}"
            bars.append(FancyBboxPatch((left, m.y - m.h / 2), width, m.h, boxstyle=box))
            bar_faces.append(face if m.out_of_scope else _alpha(face, 0.45))
            bar_edges.append(edge if m.conflict or m.out_of_scope else m.ink)
    axes.add_collection(
        PatchCollection(bars, facecolors=bar_faces, edgecolors=bar_edges, linewidths=PT_PER_UNIT)
    )
    # one collection of circles, sized in data units: a patch per dot took seconds at
    # 100,000 rows
    axes.add_collection(
        EllipseCollection(
            sizes, sizes, np.zeros(len(sizes)), units="x", offsets=dots or np.zeros((0, 2)),
            offset_transform=axes.transData, facecolors=dot_faces, edgecolors=dot_edges,
            linewidths=widths,
        )
    )  # fmt: skip


def _alpha(colour: str, alpha: float) -> tuple[float, float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (r, g, b, alpha)
