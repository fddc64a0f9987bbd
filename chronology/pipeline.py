"""The merge pipeline: load → merge → stages (episodes, analysis) → render.

Commands call these functions; nothing here prints. Later steps register themselves in
``STAGES`` (functions that enrich a ``Chronology`` in place) and in ``render.FORMATS``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from chronology import __version__
from chronology.loaders import load_file
from chronology.merge import merge
from chronology.schema import Chronology, LoadResult

# A stage enriches the chronology in place; ``settings`` is the parsed review file ({} if none).
Settings = Mapping[str, Any]
Stage = Callable[[Chronology, Settings], None]
# Stages run after the merge, in this order (dotted paths, imported only when used).
STAGES: tuple[str, ...] = ()
Writer = Callable[[Chronology, Path], list[Path]]


@dataclass(slots=True)
class AgencySpec:
    """What the review file says about the inputs of one agency."""

    name: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


def display_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each input's name as shown in provenance: the file name, or the path as given
    where two inputs share a name."""
    counts = Counter(p.name for p in paths)
    return {p: p.name if counts[p.name] == 1 else p.as_posix() for p in paths}


def load_all(
    paths: Sequence[Path],
    spec_for: Callable[[Path], AgencySpec] = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
) -> LoadResult:
    """Load every input, in a fixed order so that outputs never depend on the order given."""
    names = display_names(paths)
    loaded = LoadResult()
    for path in sorted(paths, key=lambda p: (names[p], p.as_posix())):
        spec = spec_for(path)
        loaded.extend(load_file(path, agency=spec.name, columns=spec.columns, display=names[path]))
        on_file(path)
    return loaded


def stages() -> list[Stage]:
    found: list[Stage] = []
    for dotted in STAGES:
        module, _, name = dotted.partition(":")
        found.append(getattr(import_module(module), name))
    return found


def integrate(loaded: LoadResult, settings: Settings | None = None) -> Chronology:
    chronology = Chronology(
        events=merge(loaded.sources),
        warnings=sorted(
            loaded.warnings, key=lambda n: (n.file, n.sheet or "", n.row or 0, n.message)
        ),
        rejected=sorted(loaded.rejected, key=lambda r: (r.file, r.sheet or "", r.row)),
        meta={"generator": f"chronology {__version__}", "inputs": _inputs(loaded)},
    )
    for stage in stages():
        stage(chronology, settings or {})
    return chronology


def _inputs(loaded: LoadResult) -> list[dict[str, object]]:
    rows = Counter(s.file for s in loaded.sources)
    agency = {s.file: s.agency for s in loaded.sources}
    return [
        {"file": name, "agency": agency.get(name), "rows": rows.get(name, 0)}
        for name in sorted(set(loaded.files))
    ]


def write_outputs(chronology: Chronology, out: Path, writers: Mapping[str, Writer]) -> list[Path]:
    written: list[Path] = []
    for name in sorted(writers):
        written.extend(writers[name](chronology, out))
    return written
