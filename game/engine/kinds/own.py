"""The kinds of action a faction takes on its own account, with no target: waiting,
publishing, the resignation gambit, the appeal outside the party, recanting, lobbying the
Central Committee and shifting its line."""

from __future__ import annotations

import numpy as np

from game.engine import query
from game.engine.kinds.base import ActionKind, BoolArray, IntArray, Seat, Words
from game.engine.kinds.tabling import no_body_left, table
from game.engine.procedure import still_decidable
from game.engine.spec import CENSURED, EXILED, RECANTED, GameSpec
from game.engine.state import (
    DECLARATION_BROKEN,
    DECLARATION_KEPT,
    IDEOLOGY,
    LEGITIMACY,
    POPULARITY,
    PRESTIGE,
    UNITY,
    State,
)
from game.engine.tracks import add_stat, add_unity, shift_sympathy

SHIFT_LIMIT = 0.95  # a line this far out cannot be shifted further that way


def every(seat: Seat, actions: IntArray) -> BoolArray:
    """(B, n): the kind's own rules forbid nothing."""
    return np.ones((seat.state.batch, len(actions)), dtype=bool)


def no_reason(seat: Seat, action: int) -> str:
    """The kind's own rules forbid nothing: only the cost or the leader's standing can."""
    return ""


def recantable(status: IntArray) -> BoolArray:
    """Statuses from which a figure can recant: censured, expelled or exiled."""
    return (status >= CENSURED) & (status <= EXILED)


def _pass(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Waiting while others fight: the mediator's reward for patience, only to a faction still
    in play (leader in the party, no split)."""
    if spec.on("mediator"):
        g = g[query.leader_active(spec, state)[g, f] & ~state.split[g]]
        calm = 1.0 - state.tracks[g, UNITY]
        add_stat(state, g, f, PRESTIGE, spec.rules.k["patience_prestige"] * calm)


def _publish(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Write as Lenin's faithful interpreter: legitimacy, a little prestige."""
    k = spec.rules.k
    if spec.on("legitimacy"):
        gap = 1.0 - state.stats[g, f, LEGITIMACY]
        add_stat(state, g, f, LEGITIMACY, k["publish_legitimacy"] * gap)
    add_stat(state, g, f, PRESTIGE, k["publish_prestige"])


def _resign_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """Only the General Secretary, with no motion tabled, while a session could still vote on
    keeping him."""
    spec, state, f = seat.spec, seat.state, seat.f
    ok = spec.on("mediator") and spec.general_secretary >= 0
    holds = (
        query.holds_office(state, spec.general_secretary) == f
        if ok
        else np.zeros(state.batch, bool)
    )
    decidable = still_decidable(spec, state.turn, spec.actions.motion[actions])
    return (holds & (state.tabled[:, f] < 0))[:, None] & decidable[None, :]


def _resign_reason(seat: Seat, action: int) -> str:
    spec, state, f = seat.spec, seat.state, seat.f
    if not spec.on("mediator") or spec.general_secretary < 0:
        return "In this scenario the resignation gambit is not possible."
    if query.holds_office(state, spec.general_secretary)[0] != f:
        return "Only the General Secretary can offer to resign."
    if state.tabled[0, f] >= 0:
        return "You have already tabled a motion for the next session."
    return no_body_left(spec, state, int(spec.actions.motion[action]))


def _appeal_legal(seat: Seat, actions: IntArray) -> BoolArray:
    return every(seat, actions) & seat.spec.on("outside_popularity")


def _appeal_reason(seat: Seat, action: int) -> str:
    if seat.spec.on("outside_popularity"):
        return ""
    return "In this scenario only party bodies count."


def _appeal(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Go over the party's head to the army and the streets: sympathy where popularity
    reaches, a breach of discipline (which breaks a declaration of submission), a blow to
    unity."""
    k = spec.rules.k
    pop = state.stats[g, f, POPULARITY]
    for r in range(len(spec.regions)):
        shift_sympathy(state, g, np.full(g.size, r), f, k["appeal_sympathy"] * pop)
    state.breaches[g, f] += 1.0
    kept = state.declared[g, f] == DECLARATION_KEPT
    state.declared[g[kept], f] = DECLARATION_BROKEN
    strongest = np.argmax(
        np.where(np.arange(spec.n_factions) == f, -1.0, query.weight(spec, state)[g]), axis=1
    )
    add_unity(spec, state, g, -k["appeal_unity"] * query.clash(spec, state, g, f, strongest))
    add_stat(state, g, f, POPULARITY, k["appeal_popularity"])


def _recant_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """(B, 1): some living figure of the faction is censured, expelled or exiled."""
    state = seat.state
    mine = (state.figure_faction == seat.f) & state.alive
    return (mine & recantable(state.status)).any(axis=1)[:, None]  # type: ignore[no-any-return]


def _recant_reason(seat: Seat, action: int) -> str:
    state = seat.state
    mine = (state.figure_faction[0] == seat.f) & state.alive[0]
    if (mine & recantable(state.status[0])).any():
        return ""
    if (mine & (state.status[0] == RECANTED) & ~state.in_party[0]).any():
        return "Your expelled people have recanted already: they wait for a vote to readmit them."
    return "None of your people is censured or expelled."


def _recant(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Confess one's errors to stay in (or get back into) the party."""
    k = spec.rules.k
    mine = (state.figure_faction[g] == f) & state.alive[g] & recantable(state.status[g])
    status = state.status[g]
    status[mine] = RECANTED
    state.status[g] = status
    state.has_recanted[g] |= mine
    state.breaches[g, f] = 0.0
    add_stat(state, g, f, PRESTIGE, -k["recant_prestige"])
    add_stat(state, g, f, LEGITIMACY, -k["recant_prestige"])
    state.grievance[g, :, f] *= k["recant_forgiveness"]


def _lobby(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Work on the uncommitted members of the Central Committee."""
    n_f = spec.n_factions
    moved = state.cc_share[g, n_f] * spec.rules.k["lobby"] * (0.5 + state.stats[g, f, PRESTIGE])
    state.cc_share[g, n_f] -= moved
    state.cc_share[g, f] += moved


def _shift_kind(side: str, sign: float) -> ActionKind:
    """Shifting the line one step to the left (``sign`` -1) or the right (+1)."""
    toward = {
        "left": "Move your line toward the plan, industry and world revolution.",
        "right": "Move your line toward the NEP and peace with the peasantry.",
    }
    news = {
        "left": "{who} turns left: industry, the plan, the world revolution.",
        "right": "{who} turns right: the NEP and peace with the village.",
    }

    def legal(seat: Seat, actions: IntArray) -> BoolArray:
        return (sign * seat.state.stats[:, seat.f, IDEOLOGY] < SHIFT_LIMIT)[:, None]

    def reason(seat: Seat, action: int) -> str:
        if sign * float(seat.state.stats[0, seat.f, IDEOLOGY]) >= SHIFT_LIMIT:
            return f"Your line is already as far {side} as it goes."
        return ""

    def effect(
        spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
    ) -> None:
        step = sign * spec.rules.k["shift_step"]
        state.stats[g, f, IDEOLOGY] = np.clip(state.stats[g, f, IDEOLOGY] + step, -1.0, 1.0)

    return ActionKind(
        f"shift_{side}",
        "shift",
        "once",
        legal,
        reason,
        effect,
        Words(f"Shift {side}", "Shift line", toward[side], news[side]),
    )


KINDS = (
    ActionKind(
        "pass",
        "pass",
        "once",
        every,
        no_reason,
        _pass,
        Words(
            "Wait",
            "Wait",
            "Do nothing this round. While the others fight, patience earns a little prestige.",
            None,
        ),
        while_out=True,
    ),
    ActionKind(
        "publish",
        "publish",
        "once",
        every,
        no_reason,
        _publish,
        Words(
            "Publish",
            "Publish",
            "Write as Lenin's faithful interpreter: legitimacy as his heir, and a little prestige.",
            "{who} publishes a new exposition of Lenin's teaching.",
        ),
    ),
    ActionKind(
        "resign",
        "resign",
        "once",
        _resign_legal,
        _resign_reason,
        table,
        Words(
            "Offer to resign",
            "Resign?",
            "The General Secretary's gambit: offer to step down and let the next plenum of "
            "the Central Committee, which elects him, vote on keeping him.",
            "The leader of {who} offers to step down as General Secretary.",
            "Keep the General Secretary, who has offered to resign",
        ),
        tables="confirm_secretary",
    ),
    ActionKind(
        "appeal",
        "appeal",
        "once",
        _appeal_legal,
        _appeal_reason,
        _appeal,
        Words(
            "Appeal outside the party",
            "Appeal",
            "Go over the party's head to the army and the streets: sympathy where your "
            "popularity reaches, but a breach of discipline and a blow to unity.",
            "{who} appeals over the party's head to the army and the streets!",
        ),
    ),
    ActionKind(
        "recant",
        "recant",
        "once",
        _recant_legal,
        _recant_reason,
        _recant,
        Words(
            "Recant",
            "Recant",
            "Confess your errors: your censured or expelled people recant and lose face; old "
            "grudges soften. The expelled may be taken back if a session votes to readmit them.",
            "The men of {who} confess their errors before the party.",
        ),
        while_out=True,
    ),
    ActionKind(
        "lobby",
        "lobby",
        "once",
        every,
        no_reason,
        _lobby,
        Words(
            "Lobby the CC",
            "Lobby CC",
            "Work on the uncommitted members of the Central Committee.",
            "{who} works the corridors of the Central Committee.",
        ),
    ),
    _shift_kind("left", -1.0),
    _shift_kind("right", 1.0),
)
