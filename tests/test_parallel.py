"""Pieces of work run side by side give the answers, and raise the errors, of a serial run."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial

import pytest

from chronology import parallel
from chronology.errors import InputError
from chronology.warm import warmed

forking = pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")


def pid() -> int:
    return os.getpid()


def test_results_come_back_in_the_order_given() -> None:
    pieces: list[Callable[[], int]] = [lambda n=n: n * n for n in range(7)]
    assert parallel.run_all(pieces, workers=2) == [n * n for n in range(7)]


@forking
def test_the_first_piece_runs_here_and_the_rest_in_a_worker() -> None:
    here, there = parallel.run_all([_slow_pid, pid], workers=2)
    assert here == os.getpid()
    assert there != os.getpid()  # begun by the worker while this was busy


def _slow_pid() -> int:
    time.sleep(0.2)
    return os.getpid()


@forking
def test_every_process_takes_the_next_piece_no_one_has_begun() -> None:
    """Once done with its own, this process takes the next piece not yet begun, as the
    worker does: with the heaviest queued first, neither waits while the other has work."""
    found = parallel.run_all([_slow_pid] * 7, workers=2)
    assert found[0] == os.getpid()
    assert found[1] != os.getpid()  # the worker's, begun while this was busy with the first
    assert found.count(os.getpid()) >= 2  # this process went on to take more
    assert len(set(found)) == 2


@forking
def test_a_long_piece_does_not_hold_back_the_rest() -> None:
    """A worker busy with a long piece leaves the rest to this process (no piece is held
    in a queue for a worker that is busy)."""
    found = parallel.run_all([_slow_pid, _slower_pid, pid, pid, pid], workers=2)
    assert found[1] != os.getpid()
    assert found[2:] == [os.getpid()] * 3


def _slower_pid() -> int:
    time.sleep(0.5)
    return os.getpid()


@forking
def test_no_fork_from_inside_a_piece() -> None:
    """A worker, or this process while its pool is alive, must not fork again."""
    assert parallel.run_all([parallel.can_fork, parallel.can_fork], workers=2) == [False, False]


def test_one_worker_runs_everything_here() -> None:
    assert parallel.run_all([pid, pid], workers=1) == [os.getpid()] * 2


@forking
def test_a_failing_piece_raises_its_own_typed_error_here() -> None:
    def bad() -> int:
        raise InputError("no date column", file="Police.xlsx", sheet="IMR", row=3, hint="Add one.")

    with pytest.raises(InputError) as caught:
        parallel.run_all([lambda: 1, bad], workers=2)
    assert str(caught.value) == "Police.xlsx, sheet 'IMR', row 3: no date column. Add one."


@forking
def test_workers_results_are_kept_before_a_failed_piece_is_run_again() -> None:
    kept: list[int] = []

    def bad() -> int:
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        parallel.run_all([lambda: 1, bad, lambda: 3], workers=2, keep=kept.append)
    assert sorted(kept) == [1, 3]


def test_cores_is_at_least_one() -> None:
    assert parallel.cores() >= 1


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_map_chunks_is_the_work_on_the_whole(workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: workers)
    items = list(range(11))
    assert parallel.map_chunks(lambda xs: [x * 2 for x in xs], items, smallest=1) == [
        x * 2 for x in items
    ]
    assert parallel.map_chunks(list, [], smallest=1) == []


@forking
def test_a_worker_that_dies_has_its_piece_done_here() -> None:
    """A worker killed outright (out of memory, say) breaks its pool: the work is not lost."""
    parent = os.getpid()

    def dies_in_a_worker() -> int:
        if os.getpid() != parent:
            os._exit(1)
        return 7

    assert parallel.run_all([lambda: 1, dies_in_a_worker], workers=2) == [1, 7]
    kept: list[int] = []
    started = parallel.start(dies_in_a_worker)
    with started.collected(kept.append):
        pass
    assert kept == [7]


@forking
def test_when_the_system_will_not_fork_everything_runs_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(parallel.ProcessPoolExecutor, "submit", refuse)
    assert parallel.run_all([pid, pid], workers=2) == [os.getpid()] * 2
    kept: list[int] = []
    with parallel.start(pid).collected(kept.append):
        assert parallel.can_fork()  # nothing is left running in the background
    assert kept == [os.getpid()]


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
def test_a_carried_result_comes_back_whole_from_a_worker() -> None:
    carrier = parallel.Carrier()
    value = {"masks": list(range(50_000)), "found": {3: [(1, True, ("a", None, "é"))]}}
    with parallel.start(lambda: carrier.send(value)).collected(
        lambda size: received.append(carrier.receive(size))
    ):
        received: list[object] = []
    assert received == [value]


def test_a_result_sent_again_replaces_a_part_sent_before() -> None:
    """A worker that died part-way leaves bytes behind: the try here starts afresh."""
    carrier = parallel.Carrier()
    carrier.send(["a much longer value than the one that follows it"] * 100)
    size = carrier.send([1, 2])
    assert carrier.receive(size) == [1, 2]


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
def test_pieces_in_turn_run_in_one_worker_one_after_another() -> None:
    """Each comes back in order; a piece sees what the pieces before it left in the
    worker's memory (and nothing here changes)."""
    count = [0]

    def piece(expected: int) -> tuple[int, int]:
        assert count[0] == expected
        count[0] += 1
        return os.getpid(), count[0]

    with parallel.start_each([partial(piece, i) for i in range(4)]) as turn:
        outcomes = list(turn.outcomes())
    assert [found for _ok, (_pid, found) in outcomes] == [1, 2, 3, 4]
    assert {pid for _ok, (pid, _n) in outcomes} != {os.getpid()}
    assert len({pid for _ok, (pid, _n) in outcomes}) == 1
    assert count == [0]
    assert parallel._background == 0  # the worker was let go


@pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
def test_a_piece_that_fails_in_turn_says_so_and_the_rest_go_on() -> None:
    def piece(index: int) -> int:
        if index == 1:
            raise InputError("broken", file="b.csv")
        return index

    with parallel.start_each([partial(piece, i) for i in range(3)]) as turn:
        assert list(turn.outcomes()) == [(True, 0), (False, None), (True, 2)]


def test_without_a_worker_no_piece_in_turn_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    ran: list[int] = []
    with parallel.start_each([lambda: ran.append(1)]) as turn:
        assert list(turn.outcomes()) == [(False, None)]
    assert ran == []


def _prepared_marker(path: str) -> None:
    with open(path, "w") as stream:  # noqa: PTH123 - in the worker, before any piece
        stream.write(str(os.getpid()))


def _read_marker(path: str) -> tuple[int, str]:
    with open(path) as stream:  # noqa: PTH123
        return os.getpid(), stream.read()


def _fails() -> None:
    raise InputError("broken")


@forking
def test_a_warm_worker_readies_itself_then_runs_the_piece_it_is_sent(tmp_path: object) -> None:
    marker = str(tmp_path) + "/ready"
    with warmed(partial(_prepared_marker, marker)) as warm:
        assert warm is not None
        assert warm.send(partial(_read_marker, marker))
        ok, (there, prepared_in) = warm.outcome()
    assert ok
    assert there != os.getpid()
    assert prepared_in == str(there)  # readied in the same worker, before the piece ran


@forking
def test_a_piece_that_fails_in_the_warm_worker_comes_back_as_failed() -> None:
    with warmed(lambda: None) as warm:
        assert warm is not None
        assert warm.send(_fails)
        assert warm.outcome() == (False, None)


@forking
def test_a_warm_worker_sent_nothing_is_let_go() -> None:
    with warmed(lambda: None) as warm:
        assert warm is not None
        child = warm._pid
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # reaped: no zombie left behind
    assert warm.outcome() == (False, None)  # nothing was sent


@forking
def test_a_piece_that_will_not_pickle_is_not_sent() -> None:
    with warmed(lambda: None) as warm:
        assert warm is not None

        def local() -> int:
            return os.getpid()

        assert not warm.send(local)  # a function made here does not pickle
        assert warm.outcome() == (False, None)


def test_no_warm_worker_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    with warmed(lambda: None) as warm:
        assert warm is None


@forking
def test_a_warm_worker_sent_nothing_is_stopped_at_once() -> None:
    """A run that fails before it has anything to send (bad input, say) does not wait for
    the worker to finish readying itself."""
    began = time.perf_counter()
    with warmed(partial(time.sleep, 10)) as worker:
        assert worker is not None
    assert time.perf_counter() - began < 5
