"""``python -m game``: the command line entry point."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
