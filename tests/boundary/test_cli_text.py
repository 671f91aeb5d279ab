"""The command line's words, found by the adversarial sweep of issue 11: each refused as a
usage or input error (exit 2, one line, no traceback) before any work. An empty entry in
``--ai`` or a faction named twice in ``--factions`` was silently taken, a sweep step of
``nan`` raised ``decimal.InvalidOperation``, a Dask address that fails other than by a
refused connection (TLS without certificates, a malformed IPv6 address, a host name no
resolver takes) ended in a traceback, and ``--out /dev/stdout`` (a link of /proc to a pipe)
was taken for a new file, then failed with exit 1."""

from __future__ import annotations

import pytest

from .contract import assert_refused, run

MINIMAL = "tests/scenario/minimal.yaml"
SIMULATE = ("simulate", MINIMAL, "--runs", "2", "--jobs", "1", "--quiet")
REFUSED = [
    ((*SIMULATE, "--ai", "stalin=hard,,trotsky=random"), "has an empty entry"),
    ((*SIMULATE, "--ai", ""), "has an empty entry"),
    (("duel", MINIMAL, "--runs", "2", "--factions", "stalin,stalin"), "names a faction twice"),
    (("sweep", MINIMAL, "--param", "rules.vote.bias=0..1:nan"), "the step 'nan' is not a number"),
    ((*SIMULATE, "--dask", "tls://127.0.0.1:1"), "cannot reach the scheduler"),
    ((*SIMULATE, "--dask", "tcp://[::1"), "cannot reach the scheduler"),
    ((*SIMULATE, "--dask", "tcp://" + "a" * 300 + ":1"), "cannot reach the scheduler"),
    ((*SIMULATE, "--out", "/dev/stdout"), "is a FIFO"),
    ((*SIMULATE, "--csv", "/proc/self/fd/1"), "is a FIFO"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=[" ".join(a)[-40:] for a, _ in REFUSED])
def test_a_bad_word_is_refused_in_one_line(argv: tuple[str, ...], message: str) -> None:
    done, seconds = run(*argv)
    lines = assert_refused(done, seconds)
    assert message in done.stderr, lines
    assert len([line for line in lines if not line.startswith(("usage:", " "))]) == 1
