"""Shared helpers for the engine tests: the scenario files present, cached compiled specs,
batched play with per-turn hashes, random legal choosers and the state invariants."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import Phase
from numpy.typing import NDArray

from game.ai.policies import parse_ai
from game.analysis.runs import Loaded, load
from game.engine.actions import legal_mask
from game.engine.query import OUT_STATUSES, leader_active
from game.engine.record import GameRecord, record_game
from game.engine.spec import STATUSES, GameSpec
from game.engine.state import (
    ECONOMY,
    IDEOLOGY,
    INFLUENCE,
    LEGITIMACY,
    LENIN_HEALTH,
    MOOD,
    POPULARITY,
    PRESTIGE,
    UNITY,
    State,
    initial_state,
)
from game.engine.tracks import MAX_INFLUENCE
from game.engine.turn import Chooser, begin_turn, play, resolve_turn, take_actions
from game.scenario.compile import compile_scenario

IntArray = NDArray[np.int64]

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "scenario" / "minimal.yaml"
WIDE = Path(__file__).resolve().parent / "data" / "wide.yaml"
CAMPAIGN = ROOT / "scenarios" / "1922_succession.yaml"
SCENARIO_FILES = (MINIMAL, WIDE, CAMPAIGN)
POLICIES = ("standard", "random", "historical")
HISTORICITY = 0.6
SEED, N = 11, 24  # the shared batch: runs 0..N-1 of SEED
RUN = 7  # the run replayed alone
EPS = 1e-9
# Whole games are slow: hypothesis tests that play them report the first failing example
# rather than spend minutes shrinking seeds.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


def scenario_params() -> list[object]:
    """One ``pytest.param`` per scenario file; the campaign is skipped while it is not written."""
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=pytest.mark.skipif(not path.exists(), reason=f"{path.name} not written yet"),
        )
        for path in SCENARIO_FILES
    ]


def small_scenario_params() -> list[object]:
    """The two small scenarios, for tests too slow to run many examples of the campaign."""
    return scenario_params()[:2]


def campaign_params() -> list[object]:
    """The campaign alone (skipped while it is not written)."""
    return scenario_params()[2:]


def present_scenarios() -> list[Path]:
    """The scenario files that exist now."""
    return [path for path in SCENARIO_FILES if path.exists()]


@cache
def loaded(path: Path) -> Loaded:
    """The scenario at ``path``, loaded and compiled once per test session."""
    return load(path)


def spec_of(path: Path) -> GameSpec:
    """The scenario's compiled spec (cached)."""
    return loaded(path).spec


@cache
def spec_with(path: Path, off: frozenset[str] = frozenset()) -> GameSpec:
    """The scenario compiled with the mechanisms in ``off`` switched off, through the model."""
    model = loaded(path).source.model
    mechanisms = model.mechanisms.model_copy(update=dict.fromkeys(off, False))
    return compile_scenario(model.model_copy(update={"mechanisms": mechanisms}))


def chooser(spec: GameSpec, ai: str, historicity: float = HISTORICITY) -> Chooser:
    """The engine's chooser for an ``--ai`` text: every faction's action, (B, F), per round."""
    return parse_ai(ai, spec.factions, historicity).choose_all


def uniform_legal(spec: GameSpec, state: State, faction: int, rng: np.random.Generator) -> IntArray:
    """(B,): an action drawn uniformly from the faction's legal mask with numpy's own generator
    (independent of the engine's counter-based draws)."""
    legal = legal_mask(spec, state, faction)
    return np.argmax(np.where(legal, rng.random(legal.shape), -1.0), axis=1)


def mixed_chooser(
    spec: GameSpec, kinds: list[str], seed: int, historicity: float = HISTORICITY
) -> Chooser:
    """A chooser with one kind per faction (cycling through ``kinds``): an AI policy name, or
    ``legal`` for a uniformly random legal action."""
    per_faction = [kinds[f % len(kinds)] for f in range(spec.n_factions)]
    text = ",".join(
        f"{fid}={'random' if kind == 'legal' else kind}"
        for fid, kind in zip(spec.factions, per_faction, strict=True)
    )
    ai = chooser(spec, text, historicity)
    rng = np.random.default_rng(seed)

    def choose(spec: GameSpec, state: State, rnd: int) -> IntArray:
        choices = ai(spec, state, rnd)
        for f, kind in enumerate(per_faction):
            if kind == "legal":
                choices[:, f] = uniform_legal(spec, state, f, rng)
        return choices

    return choose


@dataclass
class Played:
    """A finished batch: its final state, the actions taken (B, turns, rounds, F) and the row
    hashes after every turn, one list per turn."""

    state: State
    history: IntArray
    hashes: list[list[str]]


def play_runs(spec: GameSpec, seed: int, runs: list[int], choose: Chooser) -> Played:
    """Play the games ``runs`` of ``seed`` as one batch, keeping each turn's row hashes."""
    state = initial_state(spec, seed, np.array(runs, dtype=np.int64))
    hashes: list[list[str]] = []
    history = play(spec, state, choose, on_turn=lambda s: hashes.append(s.row_hashes()))
    return Played(state, history, hashes)


@cache
def full_batch(path: Path, ai: str) -> Played:
    """Runs 0..N-1 of SEED played as one batch with the policy text ``ai`` (cached)."""
    spec = spec_of(path)
    return play_runs(spec, SEED, list(range(N)), chooser(spec, ai))


@cache
def recorded(path: Path, ai: str) -> tuple[GameRecord, State]:
    """Run RUN of SEED played alone and recorded (cached: callers copy before changing)."""
    source = loaded(path)
    spec = source.spec
    return record_game(spec, source.sha256, SEED, RUN, ai, HISTORICITY, chooser(spec, ai))


@cache
def snapshots(path: Path, seed: int = 5, runs: int = 8) -> tuple[State, ...]:
    """The states of a batch of random games at the start and after every turn. Cached and
    shared: callers must ``copy()`` before changing one."""
    spec = spec_of(path)
    state = initial_state(spec, seed, np.arange(runs))
    out = [state.copy()]
    choose = chooser(spec, "random")
    while state.turn < spec.turns:
        step_turn(spec, state, choose)
        out.append(state.copy())
    return tuple(out)


def step_turn(
    spec: GameSpec,
    state: State,
    choose: Chooser,
    after_begin: Callable[[State], None] | None = None,
    after_round: Callable[[State, IntArray, IntArray], None] | None = None,
) -> None:
    """One quarter, as ``turn.play`` steps it, with hooks after ``begin_turn`` and after each
    round (given the choices and the actions taken)."""
    begin_turn(spec, state)
    if after_begin is not None:
        after_begin(state)
    for rnd in range(spec.rules.actions_per_turn):
        choices = choose(spec, state, rnd)
        taken = take_actions(spec, state, choices)
        if after_round is not None:
            after_round(state, choices, taken)
    resolve_turn(spec, state)


# --- Invariants. ---------------------------------------------------------------------------


def _bad(label: str, mask: NDArray[np.bool_]) -> list[str]:
    """``[label and the games concerned]`` if ``mask`` (B, ...) is true anywhere, else ``[]``."""
    if not mask.any():
        return []
    return [f"{label} in games {np.flatnonzero(mask.reshape(mask.shape[0], -1).any(axis=1))}"]


def value_violations(spec: GameSpec, state: State) -> list[str]:
    """Every range, sum and shape invariant of a state that holds at any moment of play."""
    out: list[str] = []
    for name, value in vars(state).items():
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            out += _bad(f"{name} not finite", ~np.isfinite(value))
    stats = state.stats
    influence = stats[..., INFLUENCE]
    out += _bad("influence outside [0, 20]", (influence < 0) | (influence > MAX_INFLUENCE))
    for stat, label in ((PRESTIGE, "prestige"), (LEGITIMACY, "legitimacy"), (POPULARITY, "pop")):
        out += _bad(f"{label} outside [0, 1]", (stats[..., stat] < 0) | (stats[..., stat] > 1))
    out += _bad("ideology outside [-1, 1]", np.abs(stats[..., IDEOLOGY]) > 1)
    tracks = state.tracks
    for track, label in ((UNITY, "unity"), (LENIN_HEALTH, "lenin_health"), (ECONOMY, "economy")):
        out += _bad(f"{label} outside [0, 1]", (tracks[:, track] < 0) | (tracks[:, track] > 1))
    out += _bad("mood outside [-1, 1]", np.abs(tracks[:, MOOD]) > 1)
    out += _bad("negative sympathy", state.sympathy < 0)
    out += _bad("sympathy sums above 1", state.sympathy.sum(axis=2) > 1 + EPS)
    out += _bad("negative CC share", state.cc_share < 0)
    out += _bad("CC shares do not sum to 1", np.abs(state.cc_share.sum(axis=1) - 1) > EPS)
    out += _bad("members not positive", ~(state.members > 0))
    out += _bad("recruits outside [0, 1]", (state.recruits < 0) | (state.recruits > 1))
    out += _bad("alliance not symmetric", state.alliance != state.alliance.transpose(0, 2, 1))
    diagonal = np.arange(spec.n_factions)
    out += _bad("allied with itself", state.alliance[:, diagonal, diagonal])
    no_offer = initial_state(spec, 0, np.arange(1)).offer[0, 0, 0]
    out += _bad("offer to itself", state.offer[:, diagonal, diagonal] != no_offer)
    out += _bad("grievance outside [0, 1]", (state.grievance < 0) | (state.grievance > 1))
    out += _bad("negative breaches", state.breaches < 0)
    n_f, n_g = spec.n_factions, len(spec.figures)
    out += _bad("bad figure faction", (state.figure_faction < -1) | (state.figure_faction >= n_f))
    out += _bad("bad status", (state.status < 0) | (state.status >= len(STATUSES)))
    out += _bad("bad office holder", (state.holder < -1) | (state.holder >= n_g))
    out += _bad("bad secretary", (state.secretary < -1) | (state.secretary >= n_f))
    out += _bad("CC size not positive", state.cc_size <= 0)
    out += _bad("Politburo size not positive", state.politburo_size <= 0)
    return out


def out_of_party(state: State) -> NDArray[np.bool_]:
    """(B, G): expelled, exiled, deported, or not in the party."""
    return ~state.in_party | np.isin(state.status, OUT_STATUSES)


def seat_violations(state: State, gone: NDArray[np.bool_], label: str) -> list[str]:
    """Figures marked ``gone`` (B, G) hold no office, no Politburo seat and no CC seat."""
    rows = np.arange(state.batch)[:, None]
    holder = state.holder
    holds_gone = (holder >= 0) & gone[rows, np.maximum(holder, 0)]
    return (
        _bad(f"{label} figure holds an office", holds_gone)
        + _bad(f"{label} figure on the Politburo", gone & state.politburo)
        + _bad(f"{label} figure on the Central Committee", gone & state.cc_member)
    )


def only_pass_or_recant(spec: GameSpec, state: State, faction: int) -> NDArray[np.bool_]:
    """(B,): the faction may do nothing but pass or recant."""
    legal = legal_mask(spec, state, faction)
    allowed = np.zeros(spec.actions.size, dtype=bool)
    allowed[spec.actions.block("pass")] = True
    allowed[spec.actions.block("recant")] = True
    return ~(legal & ~allowed[None, :]).any(axis=1)  # type: ignore[no-any-return]


def inactive_leaders(spec: GameSpec, state: State) -> NDArray[np.bool_]:
    """(B, F): the faction's leader is dead or out of the party."""
    return ~leader_active(spec, state)  # type: ignore[no-any-return]
