"""The scenario format and the engine name the same statuses, tracks, motion kinds and
mechanisms, in the same order (the engine indexes them by position)."""

from __future__ import annotations

import typing

from game.engine import spec
from game.scenario import models


def test_statuses_tracks_and_motion_kinds_match_the_engine() -> None:
    """Each Literal of the models lists exactly the engine's tuple, in order."""
    assert typing.get_args(models.Status) == spec.STATUSES
    assert typing.get_args(models.Track) == spec.TRACKS
    assert typing.get_args(models.MotionKind) == spec.MOTION_KINDS
    assert typing.get_args(models.FactionStat) == spec.FACTION_STATS
    assert typing.get_args(models.TestamentState) == spec.TESTAMENT_STATES


def test_mechanism_switches_match_the_engine() -> None:
    """Every mechanism the engine asks about can be switched in a scenario, and no other."""
    assert tuple(models.Mechanisms.model_fields) == spec.MECHANISMS


def test_personality_traits_match_the_engine() -> None:
    """The AI reads the personality traits by position."""
    assert tuple(models.Personality.model_fields) == spec.PERSONALITY_TRAITS
