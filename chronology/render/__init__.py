"""Output formats. Each module has ``write(chronology, out_dir) -> list[Path]``.

``chronology.json`` is always written; the rest are chosen with ``--formats``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import Path
from typing import Any

from chronology.model.schema import Chronology
from chronology.privacy.safety import all_or_nothing

# ``write(chronology, out_dir, **options) -> paths``: options only where a format has some
# (the Word draft's reference document).
Writer = Callable[..., list[Path]]

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
# The order formats are written in: the timeline before the Word draft, which embeds its
# picture (see ``facts_docx``).
_ORDER = tuple(FORMATS)


def writer(name: str) -> Writer:
    module = import_module(f"chronology.render.{FORMATS[name]}")
    write: Writer = module.write
    return write


def write_all(
    full: Chronology,
    shown: Chronology,
    out: Path,
    chosen: list[str],
    on_format: Callable[[str], None] = lambda _name: None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    check: Callable[[list[tuple[Path, Path]]], None] | None = None,
) -> list[Path]:
    """``chronology.json`` from the full chronology (never filtered); the chosen documents
    from ``shown`` (which may leave out-of-scope events out). All are put in place together
    at the end: a failure part-way leaves the previous outputs as they were.
    ``on_format(name)`` is called before each format is written (progress); ``options``
    gives a format its writer's keyword arguments; ``check``, given the (temporary, target)
    pairs, may refuse them (the leak check) before anything is put in place."""
    names = ["json", *sorted(set(chosen) - set(ALWAYS), key=_ORDER.index)]
    written: list[Path] = []
    with all_or_nothing() as staged:
        for name in names:
            on_format(name)
            extra = (options or {}).get(name, {})  # e.g. the Word draft's reference document
            written += writer(name)(full if name == "json" else shown, out, **extra)
        if check is not None:
            check(list(staged))
    return written
