"""The window's library is pygame-ce, not pygame (both install as ``pygame``)."""

import pygame


def test_pygame_is_the_community_edition() -> None:
    assert getattr(pygame, "IS_CE", False)
