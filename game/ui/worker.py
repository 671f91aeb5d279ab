"""Running the AI (and a report, a replay) in a thread, so the window keeps drawing while the
factions think; and stopping every such thread before the program ends.

The program must never end while one of these threads runs: at exit, Python 3.11 ends a
daemon thread with ``pthread_exit`` as soon as it takes the interpreter's lock again, even
inside numpy. Inside numpy's C++ code (``np.unique``) the forced unwinding calls
``std::terminate`` ("terminate called without an active exception", SIGABRT); inside
OpenBLAS it leaves the library's thread pool waiting for a thread that is gone, and the exit
hangs in OpenBLAS's own clean-up (``gotoblas_quit``). So the threads are not daemons, and the
window calls ``stop_all`` when it closes: long jobs stop at their next ``checkpoint``, the
others are finished."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_live: set[Worker[Any]] = set()  # the workers whose job has not finished
_live_lock = threading.Lock()
_stopping = threading.Event()  # set while ``stop_all`` waits for the jobs


class Stopped(Exception):
    """Raised by ``checkpoint`` in a job once the window is closing."""


def checkpoint() -> None:
    """Called by a long job between two steps: raises ``Stopped`` once the window is closing,
    so the job ends within one step."""
    if _stopping.is_set():
        raise Stopped("the window is closing")


def stop_all() -> None:
    """Ask every running job to stop at its next ``checkpoint`` (a job without one runs to
    its end) and wait until each has: called when the window closes, before the autosave
    (which then holds a quarter being played) and before the program ends."""
    _stopping.set()
    try:
        with _live_lock:
            running = list(_live)
        for worker in running:
            worker.join()
    finally:
        _stopping.clear()


class Worker(Generic[T]):
    """Runs ``job`` once in a thread; ``done`` says when it finished, ``result`` gives its
    value or raises its exception."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job = job
        self._value: T | None = None
        self._error: BaseException | None = None
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heirs-ai")
        with _live_lock:
            _live.add(self)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._job()
        except BaseException as error:  # handed to the window's thread by result()
            self._error = error
        finally:
            with _live_lock:
                _live.discard(self)
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    def join(self) -> None:
        """Wait until the thread has ended."""
        self._thread.join()

    def result(self) -> T:
        if not self.done:
            raise RuntimeError("the job has not finished")
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value
