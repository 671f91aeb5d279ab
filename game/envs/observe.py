"""What a learning agent sees: one fixed-length float32 vector per faction, for a whole batch.

The vector is read from the engine's ``State`` with the batch axis first, shape (B, D), and
is told from the faction's own seat: the factions come in seat order starting with the
faction itself (``(f + k) % F`` for k = 0..F-1), so the same weights can learn any seat.
Every entry is scaled into [-1, 1] and clipped there, so the observation space is a bounded
``Box``. The layout, in order (``layout`` gives the names and sizes):

======================  =====================  =============================================
block                   size                   what
======================  =====================  =============================================
clock                   2                      quarter / quarters, action round / rounds
tracks                  4                      unity, mood, Lenin's health, economy
testament               5                      one-hot: hidden .. published
split                   1                      the party has split (the game is over)
factions                F x 16                 per faction, own seat first: influence / 20,
                                               prestige, legitimacy, popularity, ideology;
                                               leader active, leader neutralised; Politburo
                                               seat share, office power share, Central
                                               Committee share, machine share (members in
                                               regions its secretaries run); allied with us;
                                               our grievance against it, its against us;
                                               breaches of discipline (clipped at 1); a
                                               motion tabled
leader_status           F x 7                  one-hot of each faction's leader's status
                                               (active .. readmitted), own seat first
offices                 O x (F + 1)            one-hot of the holder's faction (seat order),
                                               last column: vacant or unaligned
secretaries             R x (F + 1)            one-hot of each region's secretary's faction,
                                               last column: nobody's
members                 R                      each region's share of the party's members
sympathy                R                      the share of each region's members leaning
                                               to us
policies                P                      adopted
unaligned_cc            1                      the Central Committee's unaligned share
======================  =====================  =============================================
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.spec import STATUSES, TESTAMENT_STATES, GameSpec
from game.engine.state import INFLUENCE, State
from game.engine.tracks import MAX_INFLUENCE

Float32Array = NDArray[np.float32]
FloatArray = NDArray[np.float64]

PER_FACTION = 16


def layout(spec: GameSpec) -> list[tuple[str, int]]:
    """The observation's blocks in order, with their lengths: they sum to ``size(spec)``."""
    f, o, r = spec.n_factions, len(spec.offices), len(spec.regions)
    return [
        ("clock", 2),
        ("tracks", 4),
        ("testament", len(TESTAMENT_STATES)),
        ("split", 1),
        ("factions", f * PER_FACTION),
        ("leader_status", f * len(STATUSES)),
        ("offices", o * (f + 1)),
        ("secretaries", r * (f + 1)),
        ("members", r),
        ("sympathy", r),
        ("policies", len(spec.policies)),
        ("unaligned_cc", 1),
    ]


def size(spec: GameSpec) -> int:
    """D, the length of one faction's observation."""
    return sum(n for _, n in layout(spec))


def encode(spec: GameSpec, state: State, faction: int, rnd: int) -> Float32Array:
    """(B, D): faction ``faction``'s view of every game at action round ``rnd``."""
    n_f = spec.n_factions
    seats = (faction + np.arange(n_f)) % n_f  # our seat first
    b = state.batch
    clock = np.array([state.turn / spec.turns, rnd / spec.rules.actions_per_turn])
    blocks: list[FloatArray] = [
        np.broadcast_to(clock, (b, 2)),
        state.tracks,
        _one_hot(state.testament, len(TESTAMENT_STATES)),
        state.split[:, None].astype(np.float64),
        _factions(spec, state, faction, seats).reshape(b, -1),
        _one_hot(state.status[:, spec.faction_leader[seats]], len(STATUSES)).reshape(b, -1),
        _owned(query.office_faction(state), seats).reshape(b, -1),
        _owned(state.secretary, seats).reshape(b, -1),
        query.member_shares(state),
        state.sympathy[:, :, faction],
        state.adopted.astype(np.float64),
        state.cc_share[:, n_f:],
    ]
    out = np.concatenate(blocks, axis=1, dtype=np.float32)
    return np.clip(out, -1.0, 1.0, out=out)


def _factions(spec: GameSpec, state: State, faction: int, seats: NDArray[np.int64]) -> FloatArray:
    """(B, F, 16): each faction's numbers, in seat order from ``faction``."""
    stats = state.stats[:, seats, :].copy()
    stats[:, :, INFLUENCE] /= MAX_INFLUENCE
    seated = query.politburo_seats(spec, state)
    seat_share = seated / np.maximum(state.politburo.sum(axis=1), 1)[:, None]
    offices = query.office_power(spec, state) / max(float(spec.office_power.sum()), 1e-9)
    runs = state.secretary[:, :, None] == np.arange(spec.n_factions)[None, None, :]
    machines = (runs * query.member_shares(state)[:, :, None]).sum(axis=1)
    columns = [
        query.leader_active(spec, state),
        query.leader_neutralised(spec, state),
        seat_share,
        offices,
        state.cc_share[:, : spec.n_factions],
        machines,
        state.alliance[:, faction, :],
        state.grievance[:, faction, :],
        state.grievance[:, :, faction],
        np.minimum(state.breaches, 1.0),
        state.tabled >= 0,
    ]
    rest = np.stack([np.asarray(c, dtype=np.float64)[:, seats] for c in columns], axis=2)
    return np.concatenate([stats, rest], axis=2)


def _one_hot(values: NDArray[np.int64], n: int) -> FloatArray:
    """(..., n): ``values`` (...) as one-hot rows; values outside 0..n-1 give zeros."""
    hot: FloatArray = (values[..., None] == np.arange(n)).astype(np.float64)
    return hot


def _owned(owner: NDArray[np.int64], seats: NDArray[np.int64]) -> FloatArray:
    """(B, K, F + 1): each thing's owning faction as a one-hot in seat order; the last
    column is for nobody (-1)."""
    hot = (owner[:, :, None] == seats[None, None, :]).astype(np.float64)
    return np.concatenate([hot, (owner < 0)[:, :, None].astype(np.float64)], axis=2)
