"""The party's procedure as the scenario states it: which bodies may decide a motion, and the
majority each needs. Shared by the cross-reference checks and the compiler."""

from __future__ import annotations

from game.scenario.models import Scenario

# Sanctions from the mildest to the harshest: a motion's fallback must be milder than it.
SEVERITY = ("condemn", "remove_politburo", "remove_cc", "expel", "exile", "deport")


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
    """Whether sanction ``fallback`` is milder than sanction ``kind``."""
    if fallback not in SEVERITY or kind not in SEVERITY:
        return False
    return SEVERITY.index(fallback) < SEVERITY.index(kind)
