"""Work spread over forked worker processes that never outlive it.

``ProcessPoolExecutor`` leaving its ``with`` block on an exception waits until every queued
task has run (a Ctrl-C during a 100,000-run batch waited three minutes for it), and a parent
killed by SIGTERM left its workers running. Here the parent hands out task numbers one at a
time over a pipe per worker and waits for the answers in its own thread, so that an exception
there (an error, or ``Interrupted`` by a signal, see ``game.stopping``) kills the workers at
once and reaps them; every worker also dies with its parent (``game.stopping.as_worker``).
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable, Iterator
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from game.stopping import as_worker

R = TypeVar("R")

POLL_SECONDS = 0.2


class WorkerDied(ChildProcessError):
    """A worker process ended without giving its answer (killed from outside, out of
    memory); reported as an operating-system failure."""


def run_in_workers(
    jobs: int,
    work: Callable[[int], R],
    count: int,
    poll: Callable[[], None] | None = None,
) -> list[R]:
    """``[work(0), ..., work(count - 1)]`` computed over ``min(jobs, count)`` forked processes.
    The workers inherit ``work`` and everything it refers to, so only task numbers and results
    cross the pipes. ``poll`` is called about every ``POLL_SECONDS`` while they work. An error
    in ``work`` is raised here with the worker's traceback as a note; on any exception the
    workers are killed (SIGKILL) and reaped before it goes on."""
    context = get_context("fork")
    todo = iter(range(count))
    workers: dict[Connection, BaseProcess] = {}  # our end of each worker's pipe
    busy: dict[Connection, int] = {}  # the task each busy worker is playing
    results: dict[int, R] = {}
    try:
        for _ in range(min(jobs, count)):
            ours, theirs = context.Pipe()
            process: BaseProcess = context.Process(
                target=_serve, args=(work, (theirs, ours), os.getpid()), daemon=True
            )
            process.start()
            theirs.close()
            workers[ours] = process
            _hand_out(ours, process, todo, busy)
        while busy:
            for link in wait(list(busy), timeout=POLL_SECONDS):
                assert isinstance(link, Connection)
                results[busy.pop(link)] = _answer(link, workers[link])
                _hand_out(link, workers[link], todo, busy)
            if poll is not None:
                poll()
    except BaseException:
        for worker in workers.values():
            if worker.is_alive():
                worker.kill()
        raise
    finally:
        for link, worker in workers.items():
            worker.join()
            link.close()
    return [results[index] for index in range(count)]


def _hand_out(
    link: Connection, process: BaseProcess, todo: Iterator[int], busy: dict[Connection, int]
) -> None:
    """Give the worker the next task, or None (stop) when there is none left."""
    index = next(todo, None)
    try:
        link.send(index)
    except OSError:  # its end of the pipe is gone
        raise _died(process) from None
    if index is not None:
        busy[link] = index


def _answer(link: Connection, process: BaseProcess) -> Any:
    """The worker's result, or its error raised here."""
    try:
        ok, value = link.recv()
    except (EOFError, OSError):
        raise _died(process) from None
    if not ok:
        raise value
    return value


def _died(process: BaseProcess) -> WorkerDied:
    process.join(1.0)
    return WorkerDied(f"a worker process ended without its result (exit code {process.exitcode})")


def _serve(work: Callable[[int], Any], pipe: tuple[Connection, Connection], parent: int) -> None:
    """A worker's life: answer task numbers from its end of ``pipe`` with ``(True, result)``
    or ``(False, error)`` until told to stop, or until the parent is gone."""
    as_worker(parent)
    link, parents_end = pipe
    parents_end.close()  # so that the parent's death reads as the end of the pipe
    try:
        while (index := link.recv()) is not None:
            try:
                answer = (True, work(index))
            except Exception as error:
                answer = (False, _portable(error))
            link.send(answer)
    except (EOFError, BrokenPipeError):
        return


def _portable(error: Exception) -> Exception:
    """``error`` with the worker's traceback as a note, made picklable if it is not."""
    note = "in a worker process:\n" + "".join(traceback.format_exception(error))
    try:
        pickle.dumps(error)
    except Exception:
        error = RuntimeError(f"{type(error).__name__}: {error}")
    error.add_note(note)
    return error
