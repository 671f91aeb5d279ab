"""Heirs of Lenin: the struggle to succeed Lenin, 1922-1929, as a game and a counterfactual lab."""

__version__ = "0.1.0"
