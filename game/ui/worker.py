"""Running the AI in a thread, so the window keeps drawing while the factions think."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Worker(Generic[T]):
    """Runs ``job`` once in a daemon thread; ``done`` says when it finished, ``result``
    gives its value or raises its exception."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job = job
        self._value: T | None = None
        self._error: BaseException | None = None
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heirs-ai", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._job()
        except BaseException as error:  # handed to the window's thread by result()
            self._error = error
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    def result(self) -> T:
        if not self.done:
            raise RuntimeError("the job has not finished")
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value
