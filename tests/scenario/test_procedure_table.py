"""The campaign's procedure compiled: every agenda motion goes to a body with the power, the
unity resolution's two thirds apply at joint plenums, and offices and machines are wired."""

from __future__ import annotations

from pathlib import Path

from game.engine.spec import MOTION_KINDS, NO_POWER, SESSION_KINDS, TWO_THIRDS
from game.scenario.compile import compile_scenario
from game.scenario.loader import load_scenario

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def test_every_agenda_motion_and_fallback_is_put_to_a_body_with_the_power() -> None:
    spec = compile_scenario(load_scenario(CAMPAIGN).model)
    agenda = [m for m in spec.motions if m.session >= 0]
    assert any(m.fallback >= 0 for m in agenda)
    for motion in agenda:
        kind = spec.sessions[motion.session].kind
        assert motion.majority[kind] != NO_POWER, (motion.id, SESSION_KINDS[kind])


def test_unseating_or_expelling_needs_two_thirds_at_a_joint_plenum_only() -> None:
    """Point 7 of the unity resolution: two thirds of a joint CC-CCC plenum, or a congress;
    a plain plenum of the CC cannot do it."""
    spec = compile_scenario(load_scenario(CAMPAIGN).model)
    joint, plenum, congress = (
        SESSION_KINDS.index(k) for k in ("joint_plenum", "plenum", "congress")
    )
    for kind in ("remove_cc", "expel"):
        row = spec.procedure[MOTION_KINDS.index(kind)]
        assert (row[joint], row[plenum], row[congress] != NO_POWER) == (TWO_THIRDS, NO_POWER, True)


def test_the_general_secretary_is_filled_only_at_plenums_and_machines_have_bosses() -> None:
    spec = compile_scenario(load_scenario(CAMPAIGN).model)
    gensec = spec.office_filled_by[spec.general_secretary]
    assert [SESSION_KINDS[k] for k in gensec.nonzero()[0]] == ["plenum", "joint_plenum"]
    bosses = {spec.regions[r]: spec.offices[o] for r, o in enumerate(spec.region_boss) if o >= 0}
    assert bosses == {"leningrad": "leningrad_boss", "moscow": "moscow_committee"}
