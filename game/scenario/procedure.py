"""The party's procedure as the scenario states it: which bodies may decide a motion, and the
majority each needs. Shared by the cross-reference checks and the compiler."""

from __future__ import annotations

from game.engine.spec import SANCTION_KINDS
from game.scenario.models import Scenario


def deciding_bodies(scenario: Scenario, kind: str, office: str | None = None) -> dict[str, str]:
    """The session kinds with the power to decide a motion of ``kind`` (for remove_office,
    about ``office``; without one, the bodies that may remove any holder), each with the
    majority it needs; empty if no body has the power."""
    rule = scenario.procedure.get(kind)  # type: ignore[call-overload]
    if rule is None:
        return {}
    bodies = dict(rule.bodies)
    if kind == "remove_office" and office is not None:
        filled = next((o.filled_by for o in scenario.offices if o.id == office), [])
        bodies = {body: needed for body, needed in bodies.items() if body in filled}
    return bodies


def milder(fallback: str, kind: str) -> bool:
    """Whether sanction ``fallback`` is milder than sanction ``kind`` (SANCTION_KINDS runs
    from the mildest to the harshest)."""
    if fallback not in SANCTION_KINDS or kind not in SANCTION_KINDS:
        return False
    return SANCTION_KINDS.index(fallback) < SANCTION_KINDS.index(kind)
