"""Run independent pieces of work on every core the system gives us.

Pieces run in forked workers (and one here, meanwhile): a fork starts with a copy of this
process's memory, so the chronology is never pickled to reach it, and only each piece's
(small) result comes back. Where fork is unavailable (Windows, macOS) or fails, on one core,
or for one piece, the pieces run in turn here. A piece that fails in a worker is run again
here, so its exception (with its location and hint) is raised exactly as it would be without
workers.
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import IO, Any, Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")

# The pieces of the current ``run_all``: workers inherit them through the fork, by index.
_pieces: Sequence[Callable[[], Any]] = ()
# The next piece of the current ``run_all`` that no process has begun (shared by the fork).
_claims: Any = None
# Workers of the current ``run_all`` (1: none), and pieces started with ``start`` still
# running beside this process; workers inherit both, so every process knows the load.
_side_by_side = 1
_background = 0


def cores() -> int:
    """The cores this process may run on (an affinity mask or container limit may say
    fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def spare_cores() -> int:
    """Cores that no other process of this run is using: room for a helper thread."""
    return max(0, cores() - _side_by_side - _background)


def can_fork() -> bool:
    """Fork only on Linux, and only from a single thread. macOS offers fork but its system
    libraries are not safe across it (Python starts its workers another way there), and a
    fork beside a live thread can deadlock the child: so no second fork while a pool is
    alive (it keeps a thread here), nor from a worker."""
    return sys.platform == "linux" and _background == 0 and _side_by_side == 1


def run_all(
    pieces: Sequence[Callable[[], T]],
    *,
    workers: int | None = None,
    keep: Callable[[T], None] = lambda _result: None,
) -> list[T]:
    """Every piece's result, in the order given. Pieces must not depend on each other's
    side effects: a worker's changes to memory are not seen here. Worth it only where each
    piece is long and its result small (it comes back pickled): writing the output files
    side by side halves their time at 100,000 rows; the analyst checks, whose findings run
    to tens of MB there, gained nothing.

    ``keep`` sees every result as it arrives here, the workers' before any failed piece is
    run again, so the caller can take charge of what they made (files to put in place or
    remove) even when that re-run raises."""
    count = min(len(pieces), workers or cores())
    outcomes = _in_workers(pieces, count) if count > 1 and can_fork() else []
    results: dict[int, T] = {}
    for index, (ok, result) in enumerate(outcomes):
        if ok:
            keep(result)
            results[index] = result
    for index, piece in enumerate(pieces):
        if index not in results:
            results[index] = piece()
            keep(results[index])
    return [results[index] for index in range(len(pieces))]


def map_chunks(
    work: Callable[[Sequence[S]], list[T]], items: Sequence[S], *, smallest: int = 5_000
) -> list[T]:
    """``work(items)``, done on contiguous chunks side by side when there are at least
    ``smallest`` items (below that, forking costs more than it saves)."""
    count = cores() if len(items) >= max(1, smallest) and can_fork() else 1
    size = max(1, -(-len(items) // count))
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items]
    return [result for part in run_all([partial(work, c) for c in chunks]) for result in part]


def _in_workers(pieces: Sequence[Callable[[], T]], count: int) -> list[tuple[bool, Any]]:
    """Every piece's outcome: the first done here, meanwhile the rest by ``count - 1``
    workers and, once done with the first, this process, each taking the next piece no one
    has begun (so with the heaviest queued first, no process waits while another has a
    queue). A piece that failed, or whose worker died, comes back as (False, None), to be
    run again by the caller."""
    global _pieces, _side_by_side, _claims  # noqa: PLW0603 - handed to the workers by the fork
    context = multiprocessing.get_context("fork")
    _pieces, _side_by_side = pieces, count
    _claims = context.Value("i", 1)  # (the first piece is taken here)
    try:
        with ProcessPoolExecutor(count - 1, mp_context=context) as pool:
            try:
                futures = [pool.submit(_take_pieces) for _ in range(count - 1)]
            except OSError:  # the system would not fork (out of memory?): all of it here
                return []
            outcomes = {0: _run_piece(0)}
            outcomes.update(_take_pieces())
            for future in futures:
                outcomes.update(_taken_by(future))
            return [outcomes.get(i, (False, None)) for i in range(len(pieces))]
    finally:
        _pieces, _side_by_side, _claims = (), 1, None


def _take_pieces() -> list[tuple[int, tuple[bool, Any]]]:
    """Take and run the next piece no one has begun, until none is left."""
    done: list[tuple[int, tuple[bool, Any]]] = []
    while True:
        with _claims.get_lock():
            index = _claims.value
            _claims.value += 1
        if index >= len(_pieces):
            return done
        done.append((index, _run_piece(index)))


def _taken_by(future: Future[list[tuple[int, tuple[bool, Any]]]]) -> list[tuple[int, Any]]:
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - killed (out of memory?), or broken: its pieces run here
        return []


def _outcome_of(future: Future[tuple[bool, Any]]) -> tuple[bool, Any]:
    try:
        return future.result()
    except BrokenProcessPool:  # a worker was killed (out of memory?): run its piece here
        return False, None


class Started(Generic[T]):
    """A piece begun in a worker while this process carries on (see ``start``)."""

    def __init__(
        self,
        piece: Callable[[], T],
        pool: ProcessPoolExecutor | None = None,
        future: Future[tuple[bool, Any]] | None = None,
    ) -> None:
        self._piece = piece
        self._pool = pool
        self._future = future

    def _outcome(self) -> tuple[bool, Any]:
        global _background  # noqa: PLW0603 - the load this process knows of
        if self._pool is None or self._future is None:
            return True, self._piece()
        try:
            return self._future.result()
        except BrokenProcessPool:
            return False, None
        finally:
            self._pool.shutdown()
            self._pool = None
            _background -= 1

    def running(self) -> bool:
        """Whether a worker is still at it (False where the piece runs here when collected)."""
        return self._future is not None and not self._future.done()

    @contextlib.contextmanager
    def collected(self, keep: Callable[[T], None]) -> Iterator[None]:
        """Run the block, then hand the piece's result to ``keep``. If the block fails, wait
        for the worker and keep what it made (so it can be cleaned up), and re-raise."""
        try:
            yield
        except BaseException:
            if self._pool is not None:
                ok, result = self._outcome()
                if ok:
                    keep(result)
            raise
        ok, result = self._outcome()
        keep(result if ok else self._piece())


def start(piece: Callable[[], T]) -> Started[T]:
    """Begin ``piece`` in a worker now; collect it with ``Started.collected``. Where there
    is no second core or no fork, it runs when collected, here."""
    if cores() < 2 or not can_fork():
        return Started(piece)
    global _pieces, _background  # noqa: PLW0603 - handed to the worker through the fork
    _pieces, _background = [piece], _background + 1
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        return Started(piece, pool, pool.submit(_run_piece, 0))  # forks here
    except OSError:  # the system would not fork (out of memory?): run it when collected
        pool.shutdown()
        _background -= 1
        return Started(piece)
    finally:
        _pieces = ()


class InTurn(Generic[T]):
    """Pieces done one after another by one worker while this process carries on, taken
    in order, each as soon as it is done (see ``start_each``). Use it as a context manager:
    leaving it lets the worker go, unfinished pieces dropped."""

    def __init__(
        self,
        count: int,
        pool: ProcessPoolExecutor | None = None,
        futures: Sequence[Future[tuple[bool, Any]]] = (),
    ) -> None:
        self._count = count
        self._pool = pool
        self._futures = futures

    def outcomes(self) -> Iterator[tuple[bool, T | None]]:
        """(True, result) for each piece in turn, or (False, None) where it failed or no
        worker ran it: the caller does that one its own way."""
        for index in range(self._count):
            yield _outcome_of(self._futures[index]) if self._futures else (False, None)

    def __enter__(self) -> InTurn[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        global _background  # noqa: PLW0603 - the load this process knows of
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
            _background -= 1


def start_each(pieces: Sequence[Callable[[], T]]) -> InTurn[T]:
    """Begin ``pieces`` in one worker now, one after another (so a piece may continue
    where the one before it left off, in the worker's memory); take each outcome, in
    order, with ``InTurn.outcomes``. Where there is no second core or no fork, none is run:
    every outcome says so."""
    if not pieces or cores() < 2 or not can_fork():
        return InTurn(len(pieces))
    global _pieces, _background  # noqa: PLW0603 - handed to the worker through the fork
    _pieces, _background = pieces, _background + 1
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        futures = [pool.submit(_run_piece, 0)]  # forks here, the worker holding every piece
        futures += [pool.submit(_run_piece, i) for i in range(1, len(pieces))]
        return InTurn(len(pieces), pool, futures)
    except OSError:  # the system would not fork (out of memory?)
        pool.shutdown(cancel_futures=True)
        _background -= 1
        return InTurn(len(pieces))
    finally:
        _pieces = ()


def _run_piece(index: int) -> tuple[bool, Any]:
    try:
        return True, _pieces[index]()
    except Exception:  # noqa: BLE001 - re-run in the parent, which raises it properly
        return False, None


def shared_file() -> IO[bytes]:
    """A file in memory, never on disk where the system allows (Linux), and without a
    name: made before a fork, it carries a worker's bulky result back without the pipe
    (which this process would read a few kilobytes at a time, taking the interpreter lock
    for each, while it works on). The writer flushes before it returns."""
    if hasattr(os, "memfd_create"):
        return os.fdopen(os.memfd_create("chronology", os.MFD_CLOEXEC), "w+b")
    return tempfile.TemporaryFile()


class Carrier:
    """A shared file that carries one worker's bulky result back: the worker ``send``s it
    (marshalled: plain values only), the pipe carries only its length, and this process
    ``receive``s it, once."""

    def __init__(self) -> None:
        self._file = shared_file()

    def send(self, value: Any) -> int:  # plain values: marshal says which
        data = marshal.dumps(value)
        self._file.seek(0)  # (sent again here if the worker failed part-way: afresh)
        self._file.truncate()
        self._file.write(data)
        self._file.flush()
        return len(data)

    def receive(self, size: int) -> Any:  # what was sent
        self._file.seek(0)
        try:
            return marshal.loads(self._file.read(size))  # noqa: S302 - our worker's bytes
        finally:
            self._file.close()
