"""Output formats. Each module has ``write(chronology, out_dir) -> list[Path]``.

``chronology.json`` is always written; the rest are chosen with ``--formats``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronology.parallel import run_all, start
from chronology.safety import adopt, all_or_nothing, held
from chronology.schema import Chronology

if TYPE_CHECKING:
    from chronology.render import json
    from chronology.warm import Warm

Writer = Callable[[Chronology, Path], list[Path]]

# format name → module under chronology.render (imported lazily: keeps --help fast)
FORMATS: dict[str, str] = {
    "json": "json",
    "csv": "csv",
    "xlsx": "xlsx",
    "html": "html",  # report.html: the offline report with the swimlane timeline
    "timeline": "timeline",  # timeline.svg and timeline.png (for Word)
    "md": "facts_md",  # facts.md: the draft Facts section (templates/facts.md.j2)
    "docx": "facts_docx",  # facts.docx: the same draft in Word
    "analysis": "analysis_xlsx",  # analysis.xlsx: the analyst checks, one sheet per check
}
ALWAYS = ("json",)
# Heaviest first, as measured at 100,000 rows (the Word draft and the timeline 15 s together,
# the report 8 s, the analysis workbook and facts.md 2-3 s each; the json is mostly begun
# before this, and the csv and xlsx written earlier); formats that draw the same picture go
# together.
_COST = ("docx", "timeline", "html", "analysis", "md", "xlsx", "json", "csv")
_TOGETHER = (("timeline", "docx"),)
# Formats drawn only from what the merge and the scope stage make (events, sources, warnings,
# scope flags), so they are written while the later stages run: tests/test_render_early.py
# checks that the later stages change nothing in them.
EARLY = ("csv", "xlsx")
# Formats whose libraries are slow to load (matplotlib, python-docx): for a small review a
# worker forked at the start loads them while the inputs are read (``prepare_warm``), and
# writes these formats when the chronology is ready. Above ``WARM_EVENTS`` events, pickling
# the chronology to it and back costs more than loading the libraries does.
WARM = ("timeline", "docx")
WARM_EVENTS = 3_000
# What a piece of writing gives back: its formats, their paths, and the files to put in place.
Written = tuple[tuple[str, ...], list[list[Path]], list[tuple[Path, Path]]]


def writer(name: str) -> Writer:
    module = import_module(f"chronology.render.{FORMATS[name]}")
    write: Writer = module.write
    return write


def write_all(full: Chronology, shown: Chronology, out: Path, chosen: list[str]) -> list[Path]:
    """``chronology.json`` from the full chronology (never filtered); the chosen documents
    from ``shown`` (which may leave out-of-scope events out). Formats are written side by side
    on the available cores, and put in place together at the end: a failure part-way leaves
    the previous outputs as they were."""
    return write_while(lambda: shown, out, chosen, lambda: (full, shown))


def prepare_warm() -> None:
    """What a warm worker does while it waits: load the ``WARM`` formats' libraries, and
    compile the timeline's template."""
    import_module("chronology.render.timeline_png")
    import_module("chronology.render.facts_docx")
    from chronology.render.html import environment  # noqa: PLC0415 - as the formats

    environment().get_template("timeline.svg.j2")


def write_while(
    merged: Callable[[], Chronology],
    out: Path,
    chosen: list[str],
    finish: Callable[[], tuple[Chronology, Chronology]],
    warm: Warm | None = None,
) -> list[Path]:
    """Write the ``EARLY`` formats from the chronology ``merged()`` gives, in a worker, while
    ``finish`` (the later stages) runs here, then the rest from the (full, shown) pair it
    returns; as ``write_all`` otherwise. ``merged`` is called in the worker: making the view
    (an anonymised copy takes over a second at 100,000 rows) is then off this process's path.
    ``warm``, a worker readied by ``prepare_warm``, writes the ``WARM`` formats if given."""
    names = ["json", *sorted(set(chosen) - set(ALWAYS))]
    early = tuple(n for n in names if n in EARLY)
    done: dict[str, list[Path]] = {}

    def take(result: Written) -> None:
        piece, paths, finished = result
        adopt(finished)
        done.update(zip(piece, paths, strict=True))

    from chronology.render import json  # noqa: PLC0415 - imported when used: keeps --help fast
    from chronology.render.prepared import released  # noqa: PLC0415 - as json

    begun: json.Begun | None = None
    with all_or_nothing(), released():
        started = start(partial(_write_early, early, merged, out)) if early else None
        try:
            with started.collected(take) if started else contextlib.nullcontext():
                full, shown = finish()
                if started is not None:  # rather than wait for the worker, begin the json
                    begun = json.begin(full, out, meanwhile=started.running)
            # the early worker is done with: the rest may have every core
            pieces = _pieces([n for n in names if n not in early])
            write = partial(_write_held, full=full, shown=shown, out=out, begun=begun)
            sent = _send_warm(warm, pieces, full, shown, out)
            try:
                run_all([partial(write, p) for p in pieces if p != sent], keep=take)
            finally:  # what the warm worker made is taken even if a piece here failed
                warmed: tuple[bool, Any] = (
                    warm.outcome() if sent and warm is not None else (False, None)
                )
                if warmed[0]:
                    take(warmed[1])
            if sent and not warmed[0]:
                take(write(sent))  # (failed there: raised here, located)
        finally:
            if begun is not None:
                begun.path.unlink(missing_ok=True)
    return [path for name in names for path in done[name]]


def _send_warm(
    warm: Warm | None,
    pieces: list[tuple[str, ...]],
    full: Chronology,
    shown: Chronology,
    out: Path,
) -> tuple[str, ...]:
    """The piece handed to the warm worker, if one takes it; () otherwise."""
    piece = next((p for p in pieces if set(p) <= set(WARM)), ())
    if warm is None or not piece or len(full.events) > WARM_EVENTS:
        return ()
    return piece if warm.send(partial(_write_held, piece, full=full, shown=shown, out=out)) else ()


def _pieces(names: list[str]) -> list[tuple[str, ...]]:
    """The formats grouped as they share work, the heaviest first: each process takes the
    next piece no one has begun (``parallel.run_all``), so the heavy ones are shared out
    first and the light ones fill in."""
    pieces: list[tuple[str, ...]] = []
    for name in sorted(names, key=lambda n: (_COST.index(n) if n in _COST else len(_COST), n)):
        group = next((g for g in _TOGETHER if name in g), (name,))
        chosen = tuple(n for n in group if n in names)
        if chosen not in pieces:
            pieces.append(chosen)
    return pieces


def _write_early(piece: tuple[str, ...], merged: Callable[[], Chronology], out: Path) -> Written:
    shown = merged()
    return _write_held(piece, full=shown, shown=shown, out=out)


def _write_held(
    piece: tuple[str, ...],
    *,
    full: Chronology,
    shown: Chronology,
    out: Path,
    begun: json.Begun | None = None,
) -> Written:
    from chronology.render import json, shared  # noqa: PLC0415 - keeps --help fast

    with held() as finished, shared.sharing(shown):
        written = [
            json.write(full, out, begun) if name == "json" else writer(name)(shown, out)
            for name in piece
        ]
    return piece, written, finished
