"""Per-record results found in a worker while the records merge, handed to the stage that
reads them (see ``pipeline.AHEAD``).

A stage's search that reads one record at a time (which indicators it mentions, which
kinds of contact it names) need not wait for the merge: a worker runs it on every record
beside the merge, and the stage then takes each record's result instead of searching.
Results are served by record identity, so only the very records searched are served (an
anonymised copy, or records loaded again, are searched as usual), and only for the same
rules (``key``), once.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from chronology.schema import Source

T = TypeVar("T")


class Found(Generic[T]):
    """Each record's result, by ``id``; the records are held, so while this lives no other
    object can take one of their ids."""

    def __init__(self, sources: Sequence[Source], found: Mapping[int, T], default: T) -> None:
        self._sources = sources
        self.by_id = {id(source): found.get(at, default) for at, source in enumerate(sources)}

    def get(self, source: Source) -> T | None:
        """``source``'s result, or None where it was not searched ahead."""
        return self.by_id.get(id(source))


class Handoff(Generic[T]):
    """One stage's results found ahead: kept by ``remember``, served once by ``taken``."""

    def __init__(self, default: T) -> None:
        self._default = default
        self._held: tuple[Hashable, Found[T]] | None = None

    def remember(self, sources: Sequence[Source], key: Hashable, found: Mapping[int, T]) -> None:
        """Keep ``found`` (results by position in ``sources``; a missing one is the
        default) for the next ``taken(key)``."""
        self._held = (key, Found(sources, found, self._default))

    def taken(self, key: Hashable) -> Found[T] | None:
        """What was remembered for ``key`` (None: search every record)."""
        held, self._held = self._held, None
        return held[1] if held is not None and held[0] == key else None
