"""Batches on a Dask cluster: the same answers as the local pool, and clear refusals."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from game.analysis.batch import RunConfig, run_batches, summarise
from game.analysis.dask_pool import Dask, DaskError, _checked_task, program_digest
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
