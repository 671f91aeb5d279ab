"""Counter-based random numbers: every draw is a hash of (seed, run index, turn, stream, slot).

A game's chances therefore never depend on which batch it runs in or in what order: run 4711
draws the same numbers alone as inside ten thousand. Only uint64 arithmetic is used, so the
bits are the same on every machine.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)

# Streams keep unrelated uses of randomness apart.
STREAM_AI = 1
STREAM_EVENT = 2
STREAM_VOTE = 3
STREAM_COURT = 4
STREAM_HISTORY = 5
STREAM_DEFECTION = 6


def _splitmix(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """SplitMix64's finaliser of ``x + GOLDEN``, worked in place on one new array."""
    x = x + GOLDEN
    shifted = np.empty_like(x)
    for shift, multiplier in ((30, MIX1), (27, MIX2)):
        x ^= np.right_shift(x, np.uint64(shift), out=shifted)
        x *= multiplier
    x ^= np.right_shift(x, np.uint64(31), out=shifted)
    return x


def _bits(
    seed: int, run_index: NDArray[np.int64], turn: int, stream: int, count: int, offset: int
) -> NDArray[np.uint64]:
    """(B, count) 64-bit hashes of (seed, run, turn, stream, counter)."""
    with np.errstate(over="ignore"):
        key = _splitmix(np.full(1, seed & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64))
        key = _splitmix(key ^ np.uint64((turn << 8) | stream))
        runs = _splitmix(run_index.astype(np.uint64)[:, None] ^ key)
        counters = np.arange(offset, offset + count, dtype=np.uint64)[None, :]
        return _splitmix(runs + counters * GOLDEN)


def uniform(
    seed: int, run_index: NDArray[np.int64], turn: int, stream: int, slots: int, offset: int = 0
) -> NDArray[np.float64]:
    """Uniform draws in [0, 1), shape (B, slots): one row per game, one column per slot."""
    bits = _bits(seed, run_index, turn, stream, slots, offset)
    return (bits >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)


def normal(
    seed: int, run_index: NDArray[np.int64], turn: int, stream: int, slots: int, offset: int = 0
) -> NDArray[np.float64]:
    """Approximately standard normal draws, shape (B, slots): the sum of four uniforms, rescaled.

    Built from arithmetic only (no transcendental functions), so results are bit-identical
    whatever the batch size or the machine's vector units.
    """
    u = uniform(seed, run_index, turn, stream, slots * 4, offset * 4).reshape(-1, slots, 4)
    return (u.sum(axis=2) - 2.0) * np.sqrt(3.0)  # type: ignore[no-any-return]


def coarse_uniform(
    seed: int, run_index: NDArray[np.int64], turn: int, stream: int, slots: int, offset: int = 0
) -> NDArray[np.float32]:
    """Uniform draws in [0, 1) at 16-bit resolution, shape (B, slots): four draws per hash,
    for the many low-stakes draws of AI noise. ``offset`` counts hashes, not draws."""
    bits = _bits(seed, run_index, turn, stream, -(-slots // 4), offset)
    quarters = bits.astype("<u8", copy=False).view("<u2")[:, :slots]
    return np.multiply(quarters, np.float32(1.0 / 65536.0), dtype=np.float32)  # type: ignore[no-any-return]
