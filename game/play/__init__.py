"""Playing a game at one machine: the match, saves and settings (no pygame)."""
