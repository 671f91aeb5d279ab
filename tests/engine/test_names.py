"""A figure's surname, as every screen and news line shows it, for any name a scenario can
give (the fuzz found a blank one that crashed the engine)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.engine.names import surname


@given(st.text(max_size=40))
def test_a_surname_is_the_last_word_or_the_name_itself(name: str) -> None:
    words = name.split()
    assert surname(name) == (words[-1] if words else name)


def test_the_usual_names() -> None:
    assert surname("Joseph Stalin") == "Stalin"
    assert surname("Zinoviev") == "Zinoviev"
    assert surname("  ") == "  "
