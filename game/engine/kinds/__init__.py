"""The registry of action kinds: every kind of action a faction can take, declared once.

Each kind is one ``ActionKind`` (``base``): its legality, with the reason it gives in words
when it forbids an action; its effect; its chance (the odds in words when its outcome is
drawn, so that a forecast does not play out the dice on a copy); its family, which names the
field of ``rules.action_costs`` it pays and its category on the board; how the action space
lists its options and what their argument names; the motion it tables, if any; and its words
for the player (its title in lists, its label on the board, its explanation, its line in the
news, the title of the motion it tables). The declarations live by theme in ``own`` (no
target), ``regions``, ``rivals`` (factions and figures) and ``tabling`` (motions); their
order here is the order of the action space.

Everything else reads the registry: ``game.engine.actions`` (legality and effects),
``game.engine.explain`` (titles, explanations, reasons), ``game.engine.forecast`` (chance),
``game.play.news`` and ``game.ui.board_text`` (words), ``game.scenario.compile`` (the
layout of the action space, the tabled motions, the costs, the historical stances' patterns)
and ``game.scenario.references`` (which patterns a stance may name).

The AI's utilities are not here: the engine must not import ``game.ai``, and a utility is
the AI's judgement, not a rule. ``game.ai.utility`` keeps them in ``UTILITIES``, keyed by
the same names, and refuses to import while a kind lacks one; ``utilities`` fills each kind's
block from it, so no score is left unset. ``tests/engine/test_action_registry.py`` ties the
two together: every kind has each entry, every text renders, every illegal action has its
reason and every utility varies over positions of the campaign.

A new kind touches at most four files: its declaration in one of the theme modules, its
utility in ``game/ai/utility.py`` and, if it pays a new family's cost, that cost in
``ActionCosts`` (``game/scenario/models.py``) and the schema exported from it
(``scenarios/scenario.schema.json``, by ``python -m game schema``). A kind that lists its
options in a new way, or tables a new kind of motion, needs the compiler (and the votes) too.
"""

from __future__ import annotations

from game.engine.kinds import own, regions, rivals, tabling
from game.engine.kinds.base import ActionKind

REGISTRY: tuple[ActionKind, ...] = (*own.KINDS, *regions.KINDS, *rivals.KINDS, *tabling.KINDS)
KINDS: dict[str, ActionKind] = {kind.name: kind for kind in REGISTRY}
FALLBACK = "pass"  # what an impossible choice becomes: always legal, whatever it costs
if len(KINDS) != len(REGISTRY) or FALLBACK not in KINDS:
    raise ValueError("action kinds must have distinct names, and include the fallback")


def family(kind: str) -> str:
    """The family a kind belongs to (its cost and its category on the board):
    ``motion_expel`` -> ``motion``, ``shift_left`` -> ``shift``."""
    return KINDS[kind].family


def pattern_name(kind: str) -> str:
    """How a historical stance names the kind: its name, or ``motion:<motion kind>`` for a
    kind of the motion family."""
    return f"motion:{KINDS[kind].tables}" if family(kind) == "motion" else kind
