"""Work on one chronology that several formats need, done once while they are written.

The pieces of writing that run together (``render._write_held``) share, within a
``sharing(chronology)`` block, what each would otherwise make again: the csv and the xlsx the
event rows, the timeline and the Word draft the timeline's layout, SVG and picture. Outside a
block (a library caller, a test) everything is made afresh, so a chronology changed between
calls is never shown stale.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from chronology.schema import Chronology

T = TypeVar("T")


@dataclass(slots=True)
class _Memo:
    chronology: Chronology
    made: dict[str, Any] = field(default_factory=dict)


_current: ContextVar[_Memo | None] = ContextVar("shared_work", default=None)


@contextlib.contextmanager
def sharing(chronology: Chronology) -> Iterator[None]:
    token = _current.set(_Memo(chronology))
    try:
        yield
    finally:
        _current.reset(token)


def memo(chronology: Chronology) -> dict[str, Any] | None:
    """What has been made for ``chronology`` in the current block; None outside one."""
    current = _current.get()
    return current.made if current is not None and current.chronology is chronology else None


def once(chronology: Chronology, name: str, make: Callable[[], T]) -> T:
    """``make()``, made once per block for ``chronology`` (every time outside one)."""
    made = memo(chronology)
    if made is None:
        return make()
    if name not in made:
        made[name] = make()
    return cast(T, made[name])
