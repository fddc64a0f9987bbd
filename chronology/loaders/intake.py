"""Load every input, in a fixed order, into one ``LoadResult``.

Files that are not chronologies are skipped with a note: Office lock files (``~$…``), the
operating system's own files (Thumbs.db, desktop.ini, .DS_Store, ``._…``) and this tool's
outputs found among other inputs. A file with the same bytes as one already read is read once.
One bad file does not hide the others: every file is tried, and every one that cannot be
read is reported together.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronology.loaders import load_file
from chronology.model.codec import agency_types
from chronology.model.errors import InputError, ManyInputsError, Notice
from chronology.model.schema import LoadResult

_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"})
# what ``chronology merge`` writes: found among the inputs, it is last run's output
OWN_OUTPUTS = frozenset({
    "chronology.json", "integrated_chronology.csv", "integrated_chronology.xlsx",
    "analysis.xlsx", "facts.md", "facts.docx", "report.html", "timeline.svg", "timeline.png",
})  # fmt: skip


@dataclass(slots=True)
class AgencySpec:
    """What the review file says about the inputs of one agency."""

    name: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    type: str | None = None


Spec = Callable[[Path], AgencySpec]


def display_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each input's name as shown in provenance: the file name, or the path as given
    where two inputs share a name."""
    counts = Counter(p.name for p in paths)
    return {p: p.name if counts[p.name] == 1 else p.as_posix() for p in paths}


def not_an_input(path: Path, *, among_others: bool = True) -> str | None:
    """Why a file given as input is not an agency's chronology, or None. This tool's own
    output is skipped only among other inputs (last run's outputs in the inputs' folder):
    given alone, it is what the author means to read (an export merged again)."""
    name = path.name
    if name.startswith("~$"):
        return "an Office lock file (the document is open somewhere); the document is read"
    if name.lower() in _SYSTEM_FILES or name.startswith("._"):
        return "a file the operating system keeps, not a chronology"
    if among_others and name.lower() in OWN_OUTPUTS:
        return "an output of chronology merge, not an agency's chronology"
    return None


def load_all(
    paths: Sequence[Path],
    spec_for: Spec = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
) -> LoadResult:
    """Every input, in a fixed order so that outputs never depend on the order given.
    Raises ``ManyInputsError`` listing every file that could not be read."""
    names = display_names(paths)
    loaded = LoadResult()
    failed: list[InputError] = []
    seen: dict[str, str] = {}
    for path in sorted(paths, key=lambda p: (names[p], p.as_posix())):
        shown = names[path]
        why = not_an_input(path, among_others=len(paths) > 1) or _repeat(path, seen, shown)
        if why is not None:
            notice = Notice(shown, None, None, f"file skipped: {why}", code="file-skipped")
            loaded.warnings.append(notice)
        else:
            try:
                loaded.extend(_load_one(path, spec_for(path), shown))
            except InputError as exc:
                failed.append(exc)
        on_file(path)
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise ManyInputsError(failed)
    types = agency_types(loaded.inputs)  # one type an agency, whichever of its files says
    for source in loaded.sources:
        source.agency_type = types.get(source.agency)
    return loaded


def _load_one(path: Path, spec: AgencySpec, shown: str) -> LoadResult:
    return load_file(
        path, agency=spec.name, columns=spec.columns, display=shown, agency_kind=spec.type
    )


def _repeat(path: Path, seen: dict[str, str], shown: str) -> str | None:
    """The earlier input with exactly these bytes, as a reason to skip this one."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None  # reported, located, when it is loaded
    if digest is None:
        return None
    if digest in seen:
        return f"the same content as {seen[digest]}; its rows are merged once, from there"
    seen[digest] = shown
    return None
