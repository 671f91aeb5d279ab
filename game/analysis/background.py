"""Batches played in the background for an interactive program: ``run_batches`` in a child
process that leads its own process group, so that its progress can be read at any time and
cancelling stops it and every worker it started at once (a thread could not be stopped, and
the pool would finish its chunks first). The child dies with the program, however the program
ends: cancelled at exit (``atexit``, which also runs when Ctrl-C or SIGTERM ends the program,
see ``game.stopping``) and, on Linux, killed by the kernel if the program is killed outright;
its workers die with it in turn. POSIX only, like the worker pool itself (fork)."""

from __future__ import annotations

import atexit
import os
import signal
from collections.abc import Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized

from game.analysis.batch import BatchResult, RunConfig, run_batches
from game.engine.spec import GameSpec
from game.stopping import as_worker

Arms = Sequence[tuple[GameSpec, RunConfig]]


class BatchFailed(RuntimeError):
    """The background batches raised an error; the message is the error's."""


def _child(
    parent: int, arms: Arms, jobs: int | None, games: Synchronized[float], out: Connection
) -> None:
    os.setpgrp()  # the pool's workers join this group, so one signal stops them all
    as_worker(parent)  # Ctrl-C is the program's to handle; SIGTERM or its end kills this

    def count(played: float) -> None:
        with games.get_lock():
            games.value += played

    try:
        out.send(run_batches(arms, jobs, count))
    except Exception as error:  # handed to the parent as a message
        out.send(f"{type(error).__name__}: {error}")


class BackgroundBatches:
    """Plays ``arms`` (as ``run_batches`` does) in a child process group."""

    def __init__(self, arms: Arms, jobs: int | None = None) -> None:
        context = get_context("fork")
        self._games = context.Value("d", 0.0)
        self._results, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child,
            args=(os.getpid(), arms, jobs, self._games, sender),
            name="heirs-batches",
        )
        self._process.start()
        sender.close()
        self.total = float(sum(config.runs for _, config in arms))
        self._value: list[BatchResult] | None = None
        atexit.register(self.cancel)  # else leaving the program would wait for the batches

    @property
    def fraction(self) -> float:
        """How much of the work is done, 0 to 1."""
        return min(1.0, self._games.value / self.total) if self.total else 1.0

    @property
    def running(self) -> bool:
        """Whether the child process is still alive."""
        return self._process.is_alive()

    def result(self) -> list[BatchResult] | None:
        """The results, once they have come; None while the batches still run. Raises
        ``BatchFailed`` if they failed or the child died."""
        if self._value is not None:
            return self._value
        alive = self._process.is_alive()  # before polling: a result may come in between
        if self._results.poll():
            try:
                got = self._results.recv()
            except EOFError:
                raise BatchFailed("the batch process ended without a result") from None
            if isinstance(got, str):
                raise BatchFailed(got)
            self._value = got
            self._process.join()
            atexit.unregister(self.cancel)
        elif not alive:
            raise BatchFailed(f"the batch process died (exit code {self._process.exitcode})")
        return self._value

    def cancel(self) -> None:
        """Stop the child and its workers now (nothing if they already finished)."""
        pid = self._process.pid
        if pid is not None and self._process.is_alive():
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:  # not yet its own group, so no workers yet either
                self._process.kill()
        self._process.join()
        self._results.close()
        atexit.unregister(self.cancel)
