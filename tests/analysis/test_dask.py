"""Batches on a Dask cluster: the same answers as the local pool, and clear refusals."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest

from game.analysis.batch import RunConfig, run_batches, summarise
from game.analysis.dask_pool import Dask, DaskError, _checked_task, dask_map, program_digest
from game.analysis.runs import load

from .cli import CAMPAIGN, run_game


def _double(shared: int, index: int) -> int:
    return shared * index


def test_a_local_cluster_gives_the_local_pools_results() -> None:
    loaded = load(CAMPAIGN)
    arms = [
        (loaded.spec, RunConfig(str(CAMPAIGN), loaded.sha256, 7, 1300, "standard", 1.0)),
        (loaded.spec, RunConfig(str(CAMPAIGN), loaded.sha256, 8, 200, "random", 1.0)),
    ]
    here = run_batches(arms, 1)
    seen: list[float] = []
    there = run_batches(arms, Dask("local"), seen.append)
    for (spec, config), a, b in zip(arms, here, there, strict=True):
        assert np.array_equal(a.winner, b.winner)
        assert np.array_equal(a.reached, b.reached)
        assert json.dumps(summarise(spec, config, a)) == json.dumps(summarise(spec, config, b))
    assert sum(seen) == 1500  # every game reported to the progress bar once


def _square(_: None, index: int) -> int:
    time.sleep(0.005)  # long enough for the client to poll while the tasks are pending
    return index * index


def _resident_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc")
def test_thousands_of_tasks_come_back_in_order_without_swelling_the_client() -> None:
    """A sensitivity analysis sends one task a point (6,144 for the shipped design). Polling
    the set of pending futures with ``wait`` made the client grow at every poll with the
    number still pending (22 GB after 285 of those 6,144 points; 1.2 GB over these 2,000
    tasks). The answers must all arrive, once each, in order, and the client's memory grow
    by less than 250 MB."""
    before = _resident_bytes()
    told: dict[int, int] = {}
    answers = dask_map(Dask("local"), _square, None, 2000, told.__setitem__)
    assert answers == [i * i for i in range(2000)]
    assert told == {i: i * i for i in range(2000)}
    assert _resident_bytes() - before < 250 * 2**20


def test_a_worker_running_another_program_refuses() -> None:
    payload = b"\x80\x04K\x03."  # pickle of 3
    digest = hashlib.sha256(payload).hexdigest()
    assert _checked_task(_double, payload, (program_digest(), digest), 5) == 15
    with pytest.raises(DaskError, match="another version"):
        _checked_task(_double, payload, ("0" * 64, digest), 5)
    with pytest.raises(DaskError, match="changed"):
        _checked_task(_double, payload, (program_digest(), "0" * 64), 5)


@pytest.mark.parametrize(
    ("address", "says"),
    [("not an address", "give a scheduler address"), ("tcp://127.0.0.1:9", "cannot reach")],
)
def test_a_bad_address_is_one_line_and_exit_2(address: str, says: str, tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    done = run_game("simulate", "--runs", "10", "--dask", address, "--out", str(out), "--quiet")
    assert done.returncode == 2
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_an_address_is_checked_before_any_work() -> None:
    with pytest.raises(DaskError):
        Dask("http://example.org/scheduler")
    assert Dask("tcp://10.0.0.5:8786").address.endswith("8786")
