"""The package list, which pyproject.toml cannot say: every ``game*`` package found, plus the
two data folders that the build maps from the top of the repository (pyproject.toml's
``package-dir``) into ``game/_data``. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["game*"]), "game._data.scenarios", "game._data.assets"])
