"""A worker forked at the very start of a run, that readies itself (imports a slow library)
while this process reads the inputs, and then runs the one piece of work it is sent.

Made with a bare fork, a shared file for the piece and two pipes, not a pool: a pool keeps a
thread in this process, and no other worker could then be forked beside it (see
``parallel.can_fork``). The piece travels pickled; its result comes back pickled. A piece
that fails there, or a worker that dies, is reported as such, for the caller to run the
piece itself and raise its error, located, as it would without the worker.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from typing import IO, Any

from chronology import parallel


class Warm:
    """A worker forked early, that readies itself (imports a slow library) while this
    process works on, and then runs the one piece it is sent (see ``warmed``)."""

    def __init__(self, pid: int, job: IO[bytes], go: int, results: int) -> None:
        self._pid, self._job, self._go, self._results = pid, job, go, results
        self._sent = False

    def send(self, piece: Callable[[], Any]) -> bool:
        """Hand ``piece`` (pickled: it and what it holds must pickle) to the worker, without
        waiting for it to be ready; False if it cannot be sent, for the caller to run it its
        own way."""
        if self._go < 0:
            return False
        try:
            self._job.write(pickle.dumps(piece, protocol=pickle.HIGHEST_PROTOCOL))
            self._job.flush()
            os.write(self._go, b"1")  # (one byte: never waits on the pipe)
        except (OSError, pickle.PicklingError, AttributeError, TypeError):  # (will not pickle)
            return False
        finally:
            os.close(self._go)
            self._go = -1
        self._sent = True
        return True

    def outcome(self) -> tuple[bool, Any]:
        """(True, the piece's result), or (False, None) if it failed or the worker died."""
        if not self._sent or self._results < 0:
            return False, None
        with os.fdopen(self._results, "rb") as stream:
            data = stream.read()
        self._results = -1
        try:
            ok, result = pickle.loads(data) if data else (False, None)  # noqa: S301 - our worker's bytes
        except (pickle.UnpicklingError, EOFError, ValueError):
            return False, None
        return bool(ok), result

    def close(self) -> None:
        """Let the worker go and reap it: one sent nothing (the run failed, or had no piece
        for it) is stopped at once rather than left to finish readying itself."""
        if not self._sent:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        for fd in (self._go, self._results):
            if fd >= 0:
                os.close(fd)
        self._go = self._results = -1
        self._job.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


@contextlib.contextmanager
def warmed(prepare: Callable[[], None]) -> Iterator[Warm | None]:
    """Within the block, a worker that ran ``prepare`` as soon as it was forked and waits
    for one piece (``Warm.send``), or None where there is no second core or no fork. Made
    with a bare fork, a shared file for the piece and two pipes, not a pool: a pool keeps a
    thread here, and no other worker could be forked beside it."""
    warm = _fork_warm(prepare) if parallel.cores() >= 2 and parallel.can_fork() else None
    try:
        yield warm
    finally:
        if warm is not None:
            warm.close()


def _fork_warm(prepare: Callable[[], None]) -> Warm | None:
    job = parallel.shared_file()
    go_in, go_out = os.pipe()
    results_in, results_out = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # the system would not fork: no warm worker
        for fd in (go_in, go_out, results_in, results_out):
            os.close(fd)
        job.close()
        return None
    if pid == 0:  # the worker: never returns into the caller's code
        os.close(go_out)
        os.close(results_in)
        _serve_warm(prepare, job, go_in, results_out)
    os.close(go_in)
    os.close(results_out)
    return Warm(pid, job, go_out, results_in)


def _serve_warm(prepare: Callable[[], None], job: IO[bytes], go: int, results: int) -> None:
    code = 0
    try:
        prepare()
        outcome: tuple[bool, Any] = (False, None)
        if os.read(go, 1):  # (nothing: let go unsent)
            job.seek(0)
            outcome = True, pickle.load(job)()  # noqa: S301 - from the process that forked us
        with os.fdopen(results, "wb") as stream:
            stream.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 - the parent runs the piece again and raises there
        code = 1
    finally:
        os._exit(code)
