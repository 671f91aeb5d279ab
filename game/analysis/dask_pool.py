"""Work spread over a Dask ``distributed`` cluster instead of this machine's processes.

``--dask ADDRESS`` names a running scheduler (``tcp://host:8786``), ``--dask local`` starts a
``LocalCluster`` here. Each task is a number; the data every task needs (the compiled
scenarios, the run settings) is pickled once and sent to every worker and each task answers with its
part. Since every game's chances come from (seed, run index), the answers are the same as
the local pool's, and so are the files written from them.

Every task first checks that its worker runs the same program as the client (the package
version, the rules version and a digest of the package's source files) and that the shared
data arrived unchanged (its digest); a worker that differs refuses the work with
``DaskError``, named in one line. Ctrl-C or SIGTERM cancels the futures and closes the
client (and a local cluster) before the command exits.

The answers are collected with ``as_completed``, not by polling the pending futures with
``wait``: that grew the client with every poll by the number of futures still pending.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, TypeVar

from game import __version__
from game.engine.record import RULES_VERSION
from game.stopping import raise_if_stopped

R = TypeVar("R")

POLL_SECONDS = 0.2
CONNECT_SECONDS = 10
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|inproc|ucx)://[^\s/]+(:\d+)?$|^[\w.-]+:\d+$")


class DaskError(RuntimeError):
    """A scheduler that cannot be reached, a bad address, a missing ``dask`` installation or
    a worker that runs another program: one line for the user, exit 2."""


@dataclass(frozen=True)
class Dask:
    """Where to send the work: a scheduler's address, or ``local`` for a cluster of one
    worker process per core started on this machine."""

    address: str

    def __post_init__(self) -> None:
        if self.address != "local" and not _ADDRESS.match(self.address):
            raise DaskError(
                f"--dask {self.address!r}: give a scheduler address such as "
                "tcp://10.0.0.5:8786, or 'local'"
            )


Workers = int | Dask | None  # a number of local processes (None: all cores), or a Dask cluster


@cache
def program_digest() -> str:
    """A digest of what decides the results: the package version, the rules version and the
    text of every Python file of the package (as installed or checked out)."""
    digest = hashlib.sha256(f"{__version__}|{RULES_VERSION}".encode())
    root = files("game")
    for path in sorted(_python_files(root), key=str):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _python_files(folder: Any, prefix: str = "") -> Iterator[Any]:
    """Every ``.py`` file under ``folder`` (an importlib.resources Traversable)."""
    for item in folder.iterdir():
        if item.is_dir() and item.name != "__pycache__":
            yield from _python_files(item, prefix + item.name + "/")
        elif item.name.endswith(".py"):
            yield item


def _checked_task(
    task: Callable[[Any, int], R], payload: bytes, expected: tuple[str, str], index: int
) -> R:
    """On a worker: refuse to work for a client that runs another program or whose data
    arrived changed; otherwise ``task(shared, index)``, ``shared`` unpickled from
    ``payload``."""
    program, data = expected
    if program_digest() != program:
        raise DaskError(
            f"the Dask worker on {os.uname().nodename} (pid {os.getpid()}) runs another version "
            f"of Heirs of Lenin ({__version__}, rules {RULES_VERSION}, source digest "
            f"{program_digest()[:12]}); install the same version as the client"
        )
    if hashlib.sha256(payload).hexdigest() != data:
        raise DaskError("the scenario data reached a Dask worker changed; run it again")
    return task(pickle.loads(payload), index)


def dask_map(
    target: Dask,
    task: Callable[[Any, int], R],
    shared: Any,
    count: int,
    done: Callable[[int, R], None] | None = None,
) -> list[R]:
    """``[task(shared, 0), ..., task(shared, count - 1)]`` computed on the cluster. ``task``
    must be a module-level function (it is pickled by reference); ``shared`` is sent once to
    every worker. ``done(index, answer)`` is called as each task's answer arrives."""
    from distributed import as_completed

    payload = pickle.dumps(shared)
    expected = (program_digest(), hashlib.sha256(payload).hexdigest())
    with _client(target) as client:
        scattered = client.scatter(payload, broadcast=True)
        futures = client.map(
            _checked_task,
            [task] * count,
            [scattered] * count,
            [expected] * count,
            range(count),
            pure=False,
        )
        index_of = {future.key: index for index, future in enumerate(futures)}
        try:
            completed = as_completed(futures)
            while not completed.is_empty():
                raise_if_stopped()
                batch = completed.next_batch(block=False)
                if not batch:
                    time.sleep(POLL_SECONDS)
                for future in batch:
                    if future.status == "error":
                        raise future.exception()
                    if done is not None:
                        done(index_of[future.key], future.result())
            return list(client.gather(futures))
        except BaseException:
            client.cancel(futures, force=True)
            raise


@contextmanager
def _client(target: Dask) -> Iterator[Any]:
    """A client of the named scheduler (or of a local cluster started for the command),
    closed, with the cluster, when the work ends or fails."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError(
            "--dask needs Dask's distributed scheduler: pip install 'heirs-of-lenin[dask]'"
        ) from None
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = None
    try:
        if target.address == "local":
            cluster = LocalCluster(
                n_workers=os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.CRITICAL,
            )
            client = Client(cluster)
        else:
            client = Client(target.address, timeout=CONNECT_SECONDS)
    except BaseException as error:
        if cluster is not None:
            cluster.close()
        if isinstance(error, Exception):  # not reached, refused, a TLS address without
            # certificates, a name no resolver takes, a peer that speaks no Dask (its garbage
            # read as a frame of exabytes): all are the address's fault, said in one line
            reason = (str(error).splitlines() or [type(error).__name__])[0][:200]
            raise DaskError(
                f"--dask {target.address[:100]}: cannot reach the scheduler ({reason})"
            ) from None
        raise
    try:
        raise_if_stopped()
        yield client
    except KeyboardInterrupt:
        if cluster is not None:
            _kill_local_workers()
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _kill_local_workers() -> None:
    """Stopped by a signal: end this machine's worker processes at once, since their work is
    thrown away. Closing the cluster gracefully would wait for each worker to finish the
    chunk it is playing (seconds on a busy machine)."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join(timeout=1.0)
