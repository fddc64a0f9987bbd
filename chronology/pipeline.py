"""The merge pipeline: load → merge → stages (scope, episodes, analysis) → render.

One process, one plain call per stage. Commands call these functions; nothing here prints.
Stages register themselves in ``STAGES`` (functions that enrich a ``Chronology`` in place)
and outputs in ``render.FORMATS``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from chronology import __version__
from chronology.loaders import intake
from chronology.loaders.intake import AgencySpec
from chronology.merge.groups import merge
from chronology.model.errors import ChronologyError, NameLeakError
from chronology.model.schema import Chronology, LoadResult
from chronology.privacy import leaks
from chronology.privacy.pseudonyms import Glossary
from chronology.review.read import Review, check_refs

# A stage enriches the chronology in place; ``settings`` is the parsed review file ({} if none).
Settings = Mapping[str, Any]
Stage = Callable[[Chronology, Settings], None]
# Stages run after the merge, in this order (dotted paths, imported only when used).
STAGES: tuple[str, ...] = (
    "chronology.stages.scope:flag_scope",  # in or out of the review period
    "chronology.stages.episodes:assign_episodes",  # key episodes (K0 prior, K1…), meta["facts"]
    "chronology.stages.analysis:run_checks",  # discrepancies, lag, timescales, who knew what
)


def load_all(
    paths: Sequence[Path],
    spec_for: Callable[[Path], AgencySpec] = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
) -> LoadResult:
    """Load every input, in a fixed order so that outputs never depend on the order given."""
    return intake.load_all(paths, spec_for, on_file)


def stages() -> list[Stage]:
    return [_imported(dotted) for dotted in STAGES]


def _imported(dotted: str) -> Any:  # a stage, as its table says
    module, _, name = dotted.partition(":")
    return getattr(import_module(module), name)


def spec_from(review: Review | None) -> Callable[[Path], AgencySpec]:
    """What the review file says about each input: its agency name and heading overrides."""

    def spec(path: Path) -> AgencySpec:
        rule = review.agency_for(path.name) if review else None
        return AgencySpec(rule.name, rule.columns, rule.type) if rule else AgencySpec()

    return spec


def integrate(
    loaded: LoadResult,
    review: Review | None = None,
    on_stage: Callable[[str], None] = lambda _name: None,
) -> Chronology:
    """Merge, apply the author's overrides, and run every stage (``on_stage(name)`` is
    called before each, for progress)."""
    joins, splits = ([], []) if review is None else (review.joins, review.splits)
    if review is not None:
        check_refs(review, {s.ref for s in loaded.sources})
    on_stage("merge")
    chronology = Chronology(
        events=merge(
            loaded.sources,
            joins,
            splits,
            glossary=(review.settings.get("glossary") if review else None) or {},
        ),
        warnings=sorted(
            loaded.warnings, key=lambda n: (n.file, n.sheet or "", n.row or 0, n.message)
        ),
        rejected=sorted(loaded.rejected, key=lambda r: (r.file, r.sheet or "", r.row)),
        meta={"generator": f"chronology {__version__}", "inputs": _inputs(loaded)},
    )
    settings = review.settings if review else {}
    for dotted, stage in zip(STAGES, stages(), strict=True):
        on_stage(dotted.rpartition(":")[2])
        stage(chronology, settings)
    return chronology


def _inputs(loaded: LoadResult) -> list[dict[str, Any]]:
    """The import report, file by file (a file loaded without one: its agency and rows)."""
    reported = {item["file"]: item for item in loaded.inputs}
    rows = Counter(s.file for s in loaded.sources)
    agency = {s.file: s.agency for s in loaded.sources}
    return [
        reported.get(name) or {"file": name, "agency": agency.get(name), "rows": rows[name]}
        for name in sorted(set(loaded.files))
    ]


def glossary_for(review: Review | None) -> Glossary:
    if review is None or not review.pseudonyms:
        raise ChronologyError(
            "--anonymise needs a review file with a [pseudonyms] glossary",
            hint="Pass --review review.toml (chronology init writes a starting one).",
        )
    return Glossary(review.pseudonyms)


def leak_check(
    paths: Sequence[Path], glossary: Glossary, staged: Sequence[tuple[Path, Path]] = ()
) -> None:
    """Raise, listing every hit, if any part of a real name remains in ``paths`` or in the
    ``staged`` (temporary, target) outputs not yet put in place."""
    found = leaks.scan(list(paths), glossary)[0] + leaks.scan_staged(staged, glossary)[0]
    if found:
        listed = "\n  ".join(str(leak) for leak in found[:50])
        more = f"\n  … and {len(found) - 50} more" if len(found) > 50 else ""
        raise NameLeakError(f"{len(found)} real-name leak(s) in the outputs:\n  {listed}{more}")
