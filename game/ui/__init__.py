"""The pygame front end: screens, widgets and theme. The only package that imports pygame."""

from __future__ import annotations

from game.ui.app import App, Options


def run(options: Options) -> int:
    """Open the window on the title screen (or straight into a loaded game, an exercise or
    a new game) and play."""
    import sys

    import pygame

    from game.fileio import clean_stale_temps
    from game.play.saves import saves_dir
    from game.play.settings import data_dir
    from game.ui import flow
    from game.ui.display import missing_display, quiet_audio

    clean_stale_temps(data_dir())  # left by a save or settings write that was killed
    clean_stale_temps(saves_dir())
    quiet_audio()
    pygame.init()
    problem = missing_display()
    if problem is not None:
        pygame.quit()
        print(f"heirs: error: {problem}", file=sys.stderr)
        return 1
    app = App(options)
    flow.title(app)
    if options.load is not None:
        flow.load_game(app, options.load)
    elif options.exercise is not None:
        flow.start_exercise(app, options.exercise)
    elif options.new:
        flow.new_game_now(app)
    return app.run()


__all__ = ["App", "Options", "run"]
