"""The merge pipeline: load → merge → stages (episodes, analysis) → render.

Commands call these functions; nothing here prints. Later steps register themselves in
``STAGES`` (functions that enrich a ``Chronology`` in place) and in ``render.FORMATS``.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Any

from chronology import __version__, intake, leaks, wordkeys
from chronology.errors import ChronologyError, NameLeakError
from chronology.intake import AgencySpec
from chronology.merge import Features, merge
from chronology.parallel import Carrier, can_fork, cores, start
from chronology.pseudonyms import Glossary
from chronology.review import Review, check_refs
from chronology.schema import Chronology, LoadResult, Source

# A stage enriches the chronology in place; ``settings`` is the parsed review file ({} if none).
Settings = Mapping[str, Any]
Stage = Callable[[Chronology, Settings], None]
# Stages run after the merge, in this order (dotted paths, imported only when used).
STAGES: tuple[str, ...] = (
    "chronology.scope:flag_scope",  # the last stage render.EARLY formats show
    "chronology.episodes:assign_episodes",  # key episodes (K0 prior, K1…), meta["facts"]
    "chronology.analysis:run_checks",  # discrepancies, lag, timescales, who knew what
)
# What a later stage can find in the records before they merge, in a worker beside the
# merge where there is a core free: a hook ``(sources, settings) -> (work, keep)``, where
# ``work()`` runs in the worker and ``keep(what_it_returned)`` here, before the stage.
Ahead = tuple[Callable[[], Any], Callable[[Any], None]]
# (a hook may return None: nothing to find for these settings).
AHEAD: tuple[str, ...] = ("chronology.episodes:read_ahead", "chronology.analysis:read_ahead")


def load_all(
    paths: Sequence[Path],
    spec_for: Callable[[Path], AgencySpec] = lambda _p: AgencySpec(),
    on_file: Callable[[Path], None] = lambda _p: None,
) -> LoadResult:
    """Load every input, in a fixed order so that outputs never depend on the order given."""
    return intake.load_all(paths, spec_for, on_file)[0]


# ``merged`` runs the stages before this index, ``enrich`` the rest.
EARLY_STAGES = 1
# Records worth reading in a worker during the merge (below it, forking costs more).
WARM_SOURCES = 20_000


def stages(which: slice = slice(None)) -> list[Stage]:
    return [_imported(dotted) for dotted in STAGES[which]]


def _imported(dotted: str) -> Any:  # a stage or a hook, as its table says
    module, _, name = dotted.partition(":")
    return getattr(import_module(module), name)


def spec_from(review: Review | None) -> Callable[[Path], AgencySpec]:
    """What the review file says about each input: its agency name and heading overrides."""

    def spec(path: Path) -> AgencySpec:
        rule = review.agency_for(path.name) if review else None
        return AgencySpec(rule.name, rule.columns) if rule else AgencySpec()

    return spec


def integrate(loaded: LoadResult, review: Review | None = None) -> Chronology:
    """Merge, apply the author's overrides, and run every stage."""
    chronology = merged(loaded, review)
    enrich(chronology, review)
    return chronology


def merged(
    loaded: LoadResult,
    review: Review | None = None,
    features: Sequence[Features] | None = None,
    formats: Sequence[str] = (),
) -> Chronology:
    """Merge and apply the author's overrides, then the early stages (scope): all that the
    ``render.EARLY`` formats show. ``features``, where loading found them, save the merge
    reading every record again; ``formats``, those to be written, may be begun meanwhile."""
    joins, splits = ([], []) if review is None else (review.joins, review.splits)
    if review is not None:
        check_refs(review, {s.ref for s in loaded.sources})
    settings = review.settings if review else {}
    with _read_ahead(loaded.sources, settings, prepare="xlsx" in formats):
        chronology = Chronology(
            events=merge(loaded.sources, joins, splits, features=features),
            warnings=sorted(
                loaded.warnings, key=lambda n: (n.file, n.sheet or "", n.row or 0, n.message)
            ),
            rejected=sorted(loaded.rejected, key=lambda r: (r.file, r.sheet or "", r.row)),
            meta={"generator": f"chronology {__version__}", "inputs": _inputs(loaded)},
        )
    for stage in stages(slice(EARLY_STAGES)):
        stage(chronology, settings)
    return chronology


@contextlib.contextmanager
def _read_ahead(sources: Sequence[Source], settings: Settings, *, prepare: bool) -> Iterator[None]:
    """Have a worker, while the block merges here on the other core, read every record for
    what comes after the merge: its words (``wordkeys``), what the stages' ``AHEAD`` hooks
    look for, and, with ``prepare``, its cells for the xlsx (``render.prepared``). Only
    where a core is free and there is enough to read."""
    if len(sources) < WARM_SOURCES or cores() < 2 or not can_fork():
        yield
        return
    from chronology.render.prepared import Preparing  # noqa: PLC0415 - only when used

    stages(slice(EARLY_STAGES, None))  # imported, so their keys are waiting to register
    pieces = [_words_ahead(sources)]
    pieces += filter(None, (_imported(dotted)(sources, settings) for dotted in AHEAD))
    if prepare:
        preparing = Preparing(sources)
        pieces.append((preparing.write, preparing.adopt))
    wordkeys.ready()  # registered here, before the fork: the masks there are valid here

    carrier = Carrier()  # (the masks and mentions are too many for the pipe, see there)

    def read() -> int:
        return carrier.send([work() for work, _keep in pieces])

    def keep(size: int) -> None:
        for (_work, kept), value in zip(pieces, carrier.receive(size), strict=True):
            kept(value)

    with start(read).collected(keep):
        yield


def _words_ahead(sources: Sequence[Source]) -> Ahead:
    texts = [text for source in sources for text in (source.text, source.action)]
    return partial(wordkeys.masks_of, texts), partial(wordkeys.remember, texts)


def enrich(chronology: Chronology, review: Review | None = None) -> None:
    """The later stages: key episodes and the analyst checks."""
    for stage in stages(slice(EARLY_STAGES, None)):
        stage(chronology, review.settings if review else {})


def _inputs(loaded: LoadResult) -> list[dict[str, object]]:
    rows = Counter(s.file for s in loaded.sources)
    agency = {s.file: s.agency for s in loaded.sources}
    return [
        {"file": name, "agency": agency.get(name), "rows": rows.get(name, 0)}
        for name in sorted(set(loaded.files))
    ]


def glossary_for(review: Review | None) -> Glossary:
    if review is None or not review.pseudonyms:
        raise ChronologyError(
            "--anonymise needs a review file with a [pseudonyms] glossary",
            hint="Pass --review review.toml (chronology init writes a starting one).",
        )
    return Glossary(review.pseudonyms)


def leak_check(paths: Sequence[Path], glossary: Glossary) -> None:
    """Raise, listing every hit, if any part of a real name remains in ``paths``."""
    found, _unscanned = leaks.scan(list(paths), glossary)
    if found:
        listed = "\n  ".join(str(leak) for leak in found[:50])
        more = f"\n  … and {len(found) - 50} more" if len(found) > 50 else ""
        raise NameLeakError(f"{len(found)} real-name leak(s) in the outputs:\n  {listed}{more}")
