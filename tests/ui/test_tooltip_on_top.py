"""A button's tooltip stays readable: the keyboard's focus frame, drawn after pygame_gui's
widgets, is not drawn through a tooltip that covers it (as it was on the new-game screen: the
scenario's tooltip crossed by the frame of the focused "You lead" selector below it)."""

from __future__ import annotations

from game.ui import flow

from .conftest import Driver


def test_the_focus_frame_does_not_run_through_a_tooltip(driver: Driver) -> None:
    d = driver
    flow.new_game(d.app)
    d.step()
    screen = d.app.screen
    assert screen is not None
    scenario = next(e.element for e in screen.entries if e.element.text.startswith("Scenario"))
    lead = next(e for e in screen.entries if e.element.text.startswith("You lead"))
    screen.focus = screen.entries.index(lead)
    tip = d.app.manager.create_tool_tip(
        text=str(scenario.tool_tip_text),
        position=(scenario.rect.centerx, scenario.rect.bottom),
        hover_distance=(0, 4),
        parent_element=scenario,
        object_id=None,
    )
    d.step(1)
    block = tip.text_block
    assert block is not None and block.image is not None
    frame = lead.element.rect.inflate(6, 6)
    top_edge = [(x, frame.top + dy) for x in range(frame.left, frame.right) for dy in range(3)]
    covered = [p for p in top_edge if block.rect.collidepoint(p)]
    opaque = {
        p: colour
        for p in covered
        if (colour := block.image.get_at((p[0] - block.rect.x, p[1] - block.rect.y))).a == 255
    }
    assert len(opaque) > 30, "the tooltip lies over the focused button's frame"
    assert {p: d.app.window.get_at(p) for p in opaque} == opaque, "the tooltip is drawn on top"
