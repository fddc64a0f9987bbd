"""Memory housekeeping for a batch run: the cyclic collector paused, and nothing freed on
the way out."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Objects held until the process ends (see ``keep_until_exit``).
_kept: list[object] = []
_ends_at_once = False


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """A merge builds hundreds of thousands of long-lived objects and almost no reference
    cycles: the cyclic collector would only rescan them, again and again (about a fifth of
    the time of a 100,000-row merge). Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # what the run built is long-lived: without the freeze, the first allocation after
            # enabling would set off a full collection over all of it (0.4 s at 100k rows)
            gc.freeze()
            gc.enable()


def ends_at_once() -> None:
    """Say that this process will end without tidying up (``os._exit``) once the command
    returns, as the console entry point does."""
    global _ends_at_once  # noqa: PLW0603 - one switch for the process
    _ends_at_once = True


def keep_until_exit(*objects: object) -> None:
    """Leave ``objects`` for the end of the process to reclaim, when it ends at once:
    otherwise a command's return frees a large merge object by object (0.2 s at 100,000
    rows), to no one's benefit. Where the process goes on (tests, a library caller), they
    are freed as usual."""
    if _ends_at_once:
        _kept.extend(objects)
