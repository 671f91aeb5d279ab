"""Stopping on a signal: Ctrl-C (SIGINT) or SIGTERM ends a command at once, without leaving
a process behind.

The command's process turns either signal into ``Interrupted`` (a ``KeyboardInterrupt``, so
that every ``finally`` and ``except BaseException`` clean-up runs, and the worker pool kills
its workers) and exits with 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
Worker processes ignore SIGINT (a Ctrl-C reaches the whole process group; the parent stops
them) and die on SIGTERM, and on Linux the kernel kills them when their parent ends, even if
the parent was killed outright (SIGKILL, out of memory) and could not stop them itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread when SIGINT or SIGTERM arrives; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_code(error: KeyboardInterrupt) -> int:
    """The shell's convention for a process ended by a signal: 128 + its number (a plain
    ``KeyboardInterrupt`` counts as SIGINT)."""
    return 128 + int(getattr(error, "signum", signal.SIGINT))


def signal_name(error: KeyboardInterrupt) -> str:
    """SIGINT or SIGTERM, the signal that ``error`` stands for."""
    return signal.Signals(int(getattr(error, "signum", signal.SIGINT))).name


class _Handler:
    """Raises ``Interrupted`` once in the process that installed it; later signals are let
    pass while the first one's clean-up runs (a second Ctrl-C must not cut short the killing
    of the workers). In a process forked before it could install its own handling (a worker
    starting up), the signal ends that process at once."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.fired: int | None = None  # the signal that fired, once one has

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if os.getpid() != self.owner:
            os._exit(128 + signum)
        if self.fired is None:
            self.fired = signum
            raise Interrupted(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise ``Interrupted`` in the main thread; the
    previous handlers come back after it. A signal ignored by whoever started the program
    (``nohup``, a background job of a non-interactive shell) stays ignored, as Python does for
    SIGINT. Outside the main thread (where handlers cannot be set) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = _Handler()
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum, before in previous.items():
        if before is not signal.SIG_IGN:
            signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)


def raise_if_stopped() -> None:
    """Raise ``Interrupted`` again if a stop signal has arrived: for loops that call into a
    library which may swallow the first one (Dask's client, while a cluster starts)."""
    handler = signal.getsignal(signal.SIGINT)
    if isinstance(handler, _Handler) and handler.fired is not None:
        raise Interrupted(handler.fired)


def as_worker(parent: int) -> None:
    """Called first in a forked worker: ignore SIGINT, die on SIGTERM, and die with
    ``parent`` (the pid of the process that forked this one)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when the thread that forked it ends, so that a
    worker is never re-parented and left running; exit now if ``parent`` is already gone.
    Linux only (``prctl``); elsewhere it does nothing but the check."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        prctl = None
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(128 + signal.SIGKILL)
