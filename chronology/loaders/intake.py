"""Load every input, in a fixed order, into one ``LoadResult``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronology.loaders import load_file
from chronology.model.schema import LoadResult


@dataclass(slots=True)
class AgencySpec:
    """What the review file says about the inputs of one agency."""

    name: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


Spec = Callable[[Path], AgencySpec]


def display_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each input's name as shown in provenance: the file name, or the path as given
    where two inputs share a name."""
    counts = Counter(p.name for p in paths)
    return {p: p.name if counts[p.name] == 1 else p.as_posix() for p in paths}


def load_all(
    paths: Sequence[Path],
    spec_for: Spec = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
) -> LoadResult:
    """Every input, in a fixed order so that outputs never depend on the order given."""
    names = display_names(paths)
    loaded = LoadResult()
    for path in sorted(paths, key=lambda p: (names[p], p.as_posix())):
        spec = spec_for(path)
        loaded.extend(load_file(path, agency=spec.name, columns=spec.columns, display=names[path]))
        on_file(path)
    return loaded
