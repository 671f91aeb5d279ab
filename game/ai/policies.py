"""AI policies: each turns a batch of positions into one legal action per game for a faction.

- ``random``: any legal action, uniformly.
- ``standard``: the personality's utilities plus the scenario's fixed noise.
- ``historical``: the standard utilities pulled, with weight H in [0, 1], toward what the
  faction really did in that period (the scenario's ``ai.historical`` stances). The outcomes
  stay the faction's own judgement: it recants, or accepts an alliance offered to it, only
  where the standard policy would, whatever the stance says.
- ``hard``: a lookahead that simulates the candidates ahead (``game.ai.lookahead``).

The difficulty levels are names for these: ``easy`` is the standard utilities with three times
the scenario's noise (the personality still shows, the blunders are frequent), ``normal`` is
``standard``, ``hard`` is the lookahead.

All chance comes from the counter-based generator keyed by (seed, run, turn, faction, round),
so a run's choices never depend on its batch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.ai.utility import OFFER_WORTH, Context, Scores, context, utilities
from game.engine import query
from game.engine.actions import legal_mask
from game.engine.rng import STREAM_AI, STREAM_HISTORY, coarse_uniform
from game.engine.spec import GameSpec, StanceSpec
from game.engine.state import IDEOLOGY, State

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

POLICY_NAMES = ("random", "standard", "historical", "easy", "normal", "hard")
HISTORICAL_SCALE = 4.0
UNIT_VARIANCE = 12.0**0.5
TIE_BREAK = 0.5
EASY_NOISE = 3.0


class Policy:
    """Chooses actions for one faction in a batch of games. ``ctx`` is the shared part of the
    utilities for this position, computed once for all factions."""

    name = "policy"

    def choose(
        self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context
    ) -> IntArray:
        raise NotImplementedError


def _draws(spec: GameSpec, state: State, faction: int, rnd: int) -> NDArray[np.float32]:
    """(B, A) uniform draws for one faction's choice this round."""
    slot = (rnd * spec.n_factions + faction) * spec.actions.size
    return coarse_uniform(
        state.seed, state.run_index, state.turn, STREAM_AI, spec.actions.size, slot
    )


def _best_legal(scores: NDArray[np.floating[Any]], legal: NDArray[np.bool_]) -> IntArray:
    floor = np.array(-np.inf, dtype=scores.dtype)
    return np.argmax(np.where(legal, scores, floor), axis=1)  # type: ignore[no-any-return]


def best_wanted(
    scores: NDArray[np.floating[Any]], legal: NDArray[np.bool_], faction: int, ctx: Context
) -> IntArray:
    """(B,): the best legal action that is no motion the faction does not want carried: the
    best legal one, passed over while it is unwanted (``pass`` always qualifies)."""
    choice = _best_legal(scores, legal)
    bad = np.flatnonzero(~ctx.wanted.test(faction, choice))
    if bad.size == 0:
        return choice
    legal = legal[bad]
    while bad.size:
        legal[np.arange(bad.size), choice[bad]] = False
        choice[bad] = _best_legal(scores[bad], legal)
        still = ~ctx.wanted.test(faction, choice)[bad]
        bad, legal = bad[still], legal[still]
    return choice


class RandomPolicy(Policy):
    name = "random"

    def choose(
        self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context
    ) -> IntArray:
        return _best_legal(_draws(spec, state, faction, rnd), legal_mask(spec, state, faction))


@dataclass(frozen=True)
class StandardPolicy(Policy):
    """The personality's utilities plus the scenario's noise, times ``noise_scale``."""

    noise_scale: float = 1.0
    name = "standard"

    def scores(self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context) -> Scores:
        """(B, A): utilities with the scenario's noise added (uniform, unit variance)."""
        noise = _draws(spec, state, faction, rnd)
        noise -= np.float32(0.5)
        noise *= np.float32(UNIT_VARIANCE * spec.ai_noise * self.noise_scale)
        noise += utilities(spec, state, faction, ctx)
        return noise

    def choose(
        self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context
    ) -> IntArray:
        scores = self.scores(spec, state, faction, rnd, ctx)
        return best_wanted(scores, legal_mask(spec, state, faction), faction, ctx)


@dataclass
class HistoricalPolicy(Policy):
    """Standard play pulled toward the historical record by ``historicity`` in [0, 1]. The
    stance may pull a faction toward what it did, proposing an alliance included; the
    outcomes it cannot script: recanting and accepting an alliance offered to it are taken
    exactly when the standard policy, with the same draws, would take them. Since two
    proposals made in the same round form the alliance, a proposal is made only where the
    faction would accept the other's offer if it stood (the standard policy, offered it,
    would take it): no alliance forms that either side's own judgement refuses."""

    historicity: float
    name = "historical"

    def choose(
        self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context
    ) -> IntArray:
        base = StandardPolicy().scores(spec, state, faction, rnd, ctx)
        legal = legal_mask(spec, state, faction)
        own = best_wanted(base, legal, faction, ctx)
        rows = query.rows(state)
        judged = judgements(spec, state, faction)
        ally = spec.actions.block("ally")
        refused = np.zeros_like(judged)
        refused[:, ally] = base[:, ally] + OFFER_WORTH < base[rows, own][:, None]
        pull = historical_bonus(spec, state, faction, rnd)
        h = self.historicity
        scores = (1.0 - h) * base + h * (pull + 0.05 * base)
        pulled = best_wanted(scores, legal & ~judged & ~refused, faction, ctx)
        return np.where(judged[rows, own], own, pulled)


def judgements(spec: GameSpec, state: State, faction: int) -> NDArray[np.bool_]:
    """(B, A): the actions that are outcomes, not strategy: recanting, and proposing an
    alliance to a faction whose offer to us stands (which forms the alliance)."""
    space = spec.actions
    out = np.zeros((state.batch, space.size), dtype=bool)
    out[:, space.block("recant")] = True
    ally = space.block("ally")
    out[:, ally] = query.open_offers(state)[:, space.arg[ally], faction]
    return out


def active_stance(spec: GameSpec, faction: int, turn: int) -> StanceSpec | None:
    """The faction's historical stance for this turn, if the scenario gives one."""
    for stance in spec.stances[faction]:
        if stance.first_turn <= turn <= stance.last_turn:
            return stance
    return None


def historical_bonus(spec: GameSpec, state: State, faction: int, rnd: int) -> FloatArray:
    """(B, A): a bonus for the actions the faction really took in this period, and for
    moving its line toward where it really stood. The heaviest actions come first; actions of
    equal weight take turns at random, and lighter ones are fallbacks when those are not
    possible."""
    space = spec.actions
    bonus = np.zeros((state.batch, space.size))
    stance = active_stance(spec, faction, state.turn)
    if stance is None:
        return bonus
    top = max(p.weight for p in stance.patterns)
    order = coarse_uniform(
        state.seed,
        state.run_index,
        state.turn,
        STREAM_HISTORY,
        len(stance.patterns),
        (rnd * spec.n_factions + faction) * 16,
    )
    for i, pattern in enumerate(stance.patterns):
        block = space.block(pattern.kind)
        args = space.arg[block]
        hit = np.ones(len(args), dtype=bool) if pattern.arg < 0 else args == pattern.arg
        value = HISTORICAL_SCALE * (pattern.weight / top) + TIE_BREAK * order[:, i]
        bonus[:, block] += np.where(hit[None, :], value[:, None], 0.0)
    if stance.ideology is not None:
        gap = stance.ideology - state.stats[:, faction, IDEOLOGY]
        bonus[:, space.block("shift_left")] += np.where(gap < -0.1, HISTORICAL_SCALE, -1.0)[:, None]
        bonus[:, space.block("shift_right")] += np.where(gap > 0.1, HISTORICAL_SCALE, -1.0)[:, None]
    return bonus


def make_policy(name: str, historicity: float) -> Policy:
    """A policy by name: random, standard, historical, or a difficulty (easy, normal, hard)."""
    from game.ai.lookahead import LookaheadPolicy  # it builds on this module's policies

    if name == "random":
        return RandomPolicy()
    if name in ("standard", "normal"):
        return StandardPolicy()
    if name == "easy":
        return StandardPolicy(noise_scale=EASY_NOISE)
    if name == "historical":
        return HistoricalPolicy(historicity)
    if name == "hard":
        return LookaheadPolicy()
    raise ValueError(f"unknown AI policy {name!r}; choose from {', '.join(POLICY_NAMES)}")


@dataclass
class PolicySet:
    """One policy per faction: what ``--ai`` describes."""

    policies: tuple[Policy, ...]

    def choose_all(self, spec: GameSpec, state: State, rnd: int) -> IntArray:
        """(B, F): every faction's action for this round, all chosen from the same position."""
        ctx = context(spec, state)
        return np.stack(
            [p.choose(spec, state, f, rnd, ctx) for f, p in enumerate(self.policies)], axis=1
        )


def parse_ai(text: str, factions: tuple[str, ...], historicity: float) -> PolicySet:
    """Read ``--ai``: one name for all (``standard``) or per faction
    (``stalin=historical,default=standard``). Raises ValueError with a readable message."""
    chosen: dict[str, str] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            raise ValueError(f"--ai {text[:60]!r} has an empty entry: name a policy in each")
        key, _, value = part.partition("=") if "=" in part else ("default", "", part)
        key = key.strip()
        if key in chosen:
            named = "a policy for every faction" if key == "default" else f"{key!r}"
            raise ValueError(f"--ai names {named} twice: give each faction one policy")
        chosen[key] = value.strip()
    unknown = set(chosen) - set(factions) - {"default"}
    if unknown:
        raise ValueError(
            f"--ai names no faction {sorted(unknown)[0]!r}; factions: " + ", ".join(factions)
        )
    default = chosen.get("default", "standard")
    names: Mapping[str, str] = {f: chosen.get(f, default) for f in factions}
    return PolicySet(tuple(make_policy(names[f], historicity) for f in factions))
