"""A counterfactual's claim keeps what historians expect apart from what the model answers;
where the two differ the claim must say why."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.scenario.models import Expectation


def test_a_claim_that_differs_from_the_historians_needs_its_reason() -> None:
    with pytest.raises(ValidationError, match="give the reason"):
        Expectation(measure="split", direction="same", historians="up")
    explained = Expectation(
        measure="split", direction="same", historians="up", reason="the machine holds"
    )
    assert explained.historians == "up"


def test_a_claim_that_agrees_with_the_historians_needs_no_reason() -> None:
    assert Expectation(measure="split", direction="up", historians="up").reason is None
    assert Expectation(measure="split", direction="up").historians is None
