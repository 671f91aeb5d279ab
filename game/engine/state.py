"""The state of a batch of games: numpy arrays with a leading batch axis B.

One set of rules steps one game (B = 1, for the window) or ten thousand (for a batch).
Nothing here depends on how many games are in the batch: every rule is elementwise along B,
so game i evolves the same whether it runs alone or inside any batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import EXPELLED, RECANTED, GameSpec

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

INFLUENCE, PRESTIGE, LEGITIMACY, POPULARITY, IDEOLOGY = range(5)
UNITY, MOOD, LENIN_HEALTH, ECONOMY = range(4)
NO_OFFER = -9
# State.declared: a faction's declaration of submission (``sessions.declare``)
NOT_DECLARED, DECLARATION_KEPT, DECLARATION_BROKEN = 0, 1, 2
OFFER_TURNS = 2  # a proposal stands for the turn it is made and the next


@dataclass
class State:
    """Everything that changes during play. Shapes are given per field."""

    seed: int
    run_index: IntArray  # (B,) which run of the seed each game is
    turn: int  # quarters since the scenario's start; the same for the whole batch
    stats: FloatArray  # (B, F, 5) influence, prestige, legitimacy, popularity, ideology
    breaches: FloatArray  # (B, F) open breaches of party discipline, decaying
    declared: IntArray  # (B, F) the faction's declaration of submission: NOT_DECLARED, KEPT, BROKEN
    human: BoolArray  # (B, F) played by a person here: no agenda item is moved in its name
    alliance: BoolArray  # (B, F, F) symmetric
    offer: IntArray  # (B, F, F) turn of the latest alliance proposal, proposer x addressee; -9 none
    grievance: FloatArray  # (B, F, F) holder x against
    members: FloatArray  # (B, R)
    recruits: FloatArray  # (B, R) share of recent recruits
    sympathy: FloatArray  # (B, R, F) share of members leaning to each faction
    secretary: IntArray  # (B, R) faction of the regional secretary, -1 nobody's
    figure_faction: IntArray  # (B, G)
    status: IntArray  # (B, G)
    in_party: BoolArray  # (B, G)
    has_recanted: BoolArray  # (B, G) has recanted at some point: such a leader stays beaten
    alive: BoolArray  # (B, G)
    politburo: BoolArray  # (B, G)
    cc_member: BoolArray  # (B, G)
    cc_share: FloatArray  # (B, F + 1) Central Committee by faction; last column unaligned
    holder: IntArray  # (B, O) figure holding each office, -1 vacant
    adopted: BoolArray  # (B, P)
    tracks: FloatArray  # (B, 4) unity, mood, lenin_health, economy
    testament: IntArray  # (B,)
    tabled: IntArray  # (B, F) the tabling action each faction has taken, -1 none
    passed: BoolArray  # (B, M) motions passed so far
    withdrawn: BoolArray  # (B, M) motions their mover withdrew, expecting to lose them
    put: BoolArray  # (B, M) motions put to a vote so far
    vote_yes: IntArray  # (B, M) yes votes at the motion's latest vote, 0 if never put
    vote_no: IntArray  # (B, M) no votes at the motion's latest vote
    held: BoolArray  # (B, S) sessions held
    fired: BoolArray  # (B, E) events fired
    reached: IntArray  # (B, C) turn each checkpoint was first reached, -1 not yet
    split: BoolArray  # (B,) the party split: the game is over and everyone lost
    cc_size: IntArray  # (B,)
    politburo_size: IntArray  # (B,)

    @property
    def batch(self) -> int:
        return int(self.run_index.shape[0])

    def copy(self) -> State:
        """A deep copy (the arrays are copied)."""
        values: dict[str, Any] = {f.name: _copy(getattr(self, f.name)) for f in fields(self)}
        return State(**values)

    def take(self, rows: IntArray) -> State:
        """The games at ``rows`` as a new batch."""
        values: dict[str, Any] = {
            f.name: getattr(self, f.name)[rows]
            if isinstance(getattr(self, f.name), np.ndarray)
            else getattr(self, f.name)
            for f in fields(self)
        }
        return State(**values)

    def row_hashes(self) -> list[str]:
        """A SHA-256 per game over every array, for checking replays turn by turn."""
        out = []
        for b in range(self.batch):
            digest = hashlib.sha256()
            digest.update(str(self.turn).encode())
            for f in fields(self):
                value = getattr(self, f.name)
                if isinstance(value, np.ndarray) and f.name != "run_index":
                    digest.update(np.ascontiguousarray(value[b]).tobytes())
            out.append(digest.hexdigest()[:16])
        return out


def _copy(value: object) -> object:
    return value.copy() if isinstance(value, np.ndarray) else value


def initial_state(spec: GameSpec, seed: int, run_indices: IntArray) -> State:
    """The scenario's starting position, repeated for each run in ``run_indices``."""
    b = int(run_indices.shape[0])

    def rep(array: np.ndarray) -> np.ndarray:
        return np.repeat(array[None, ...], b, axis=0).copy()

    n_f = spec.n_factions
    return State(
        seed=seed,
        run_index=run_indices.astype(np.int64),
        turn=0,
        stats=rep(spec.faction_stats.astype(np.float64)),
        breaches=np.zeros((b, n_f)),
        declared=np.full((b, n_f), NOT_DECLARED, dtype=np.int64),
        human=np.zeros((b, n_f), dtype=bool),
        alliance=rep(spec.alliance),
        offer=np.full((b, n_f, n_f), NO_OFFER, dtype=np.int64),
        grievance=rep(spec.grievance),
        members=rep(spec.region_members),
        recruits=rep(spec.region_recruits),
        sympathy=rep(spec.region_sympathy),
        secretary=rep(spec.region_secretary),
        figure_faction=rep(spec.figure_faction),
        status=rep(spec.figure_status),
        in_party=rep(spec.figure_status < EXPELLED),
        has_recanted=rep(spec.figure_status == RECANTED),
        alive=rep(spec.figure_alive),
        politburo=rep(spec.figure_politburo),
        cc_member=rep(spec.figure_cc),
        cc_share=rep(spec.cc_share),
        holder=rep(spec.office_holder),
        adopted=rep(spec.policy_adopted),
        tracks=rep(spec.tracks),
        testament=np.full(b, spec.testament, dtype=np.int64),
        tabled=np.full((b, n_f), -1, dtype=np.int64),
        passed=np.zeros((b, len(spec.motions)), dtype=bool),
        withdrawn=np.zeros((b, len(spec.motions)), dtype=bool),
        put=np.zeros((b, len(spec.motions)), dtype=bool),
        vote_yes=np.zeros((b, len(spec.motions)), dtype=np.int64),
        vote_no=np.zeros((b, len(spec.motions)), dtype=np.int64),
        held=np.zeros((b, len(spec.sessions)), dtype=bool),
        fired=np.zeros((b, len(spec.events)), dtype=bool),
        reached=np.full((b, len(spec.checkpoints)), -1, dtype=np.int64),
        split=np.zeros(b, dtype=bool),
        cc_size=np.full(b, spec.cc_size, dtype=np.int64),
        politburo_size=np.full(b, spec.politburo_size, dtype=np.int64),
    )


def mark_humans(spec: GameSpec, state: State, humans: Sequence[str]) -> None:
    """Mark the factions a person plays (by id) in every game of the batch
    (``State.human``); ValueError naming an id that is no faction of the scenario."""
    unknown = [h for h in humans if h not in spec.factions]
    if unknown:
        raise ValueError(f"no faction {unknown[0]!r}; factions: {', '.join(spec.factions)}")
    state.human[:, [spec.factions.index(h) for h in humans]] = True
