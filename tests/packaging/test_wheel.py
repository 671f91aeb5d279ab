"""The package as a user gets it: ``python -m build`` makes a wheel and an sdist, the wheel is
installed into a fresh virtual environment, and its ``heirs`` commands run from a folder
outside the checkout: ``--version``, ``validate`` on a file that extends a shipped scenario,
``simulate`` (the same results as the checkout's), ``schema --out``, ``scenarios export``, and
``play`` in a real X window (Xvfb), whose title screen is photographed and must be drawn with
the fonts of the installed package (the game process holds exactly those font files open).

This folder has no ``__init__.py`` on purpose: as a package named ``packaging`` it would hide
the ``packaging`` library that matplotlib and pip import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pygame
import pytest

from game import __version__
from game.resources import SCHEMA, shipped_scenarios

ROOT = Path(__file__).resolve().parents[2]
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansCondensed-Bold.ttf")
X_TOOLS = ("Xvfb", "xdotool", "import")
INSTALL_SECONDS = 600
WINDOW_SECONDS = 60.0


@dataclass(frozen=True)
class Installed:
    """The built distributions and the environment the wheel was installed into."""

    wheel: Path
    sdist: Path
    bin: Path
    site: Path  # the installed package's folder, game/
    user: Path  # a folder outside the checkout, the commands' working directory

    def heirs(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``heirs ARGS`` of the installed package, run in ``user``."""
        return subprocess.run(
            [str(self.bin / "heirs"), *args],
            cwd=self.user,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def _env(**extra: str) -> dict[str, str]:
    """The environment of a command of the installed package: nothing of the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SDL_VIDEODRIVER")}
    return {**env, "SDL_AUDIODRIVER": "dummy", **extra}


def _run(*args: str | Path, cwd: Path = ROOT) -> None:
    """Run a build or install step; fail with the end of its output if it fails."""
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=INSTALL_SECONDS,
        check=False,
    )
    assert done.returncode == 0, (args, done.stdout[-3000:], done.stderr[-3000:])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel and the sdist, install the wheel (with its dependencies, from the
    machine's package index and pip's cache) into a new virtual environment."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    _run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    env = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel, cwd=base)
    site = Path(
        subprocess.run(
            [str(python), "-c", "import game, pathlib; print(pathlib.Path(game.__file__).parent)"],
            cwd=base,
            env=_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    user = base / "user"
    user.mkdir()
    return Installed(wheel, sdist, env / "bin", site, user)


def test_the_wheel_and_the_sdist_carry_the_scenarios_and_the_fonts(installed: Installed) -> None:
    shipped = [*shipped_scenarios(), SCHEMA]
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {f"game/_data/scenarios/{name}" for name in shipped} <= names
    assert {f"game/_data/assets/fonts/{font}" for font in FONTS} <= names
    assert "game/resources.py" in names and not any(n.startswith("scenarios/") for n in names)
    with tarfile.open(installed.sdist) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {f"scenarios/{name}" for name in shipped} <= members
    assert {f"assets/fonts/{font}" for font in FONTS} | {"setup.py", "pyproject.toml"} <= members


def test_the_installed_commands_work_outside_the_checkout(installed: Installed) -> None:
    assert installed.site.is_relative_to(installed.bin.parent), installed.site
    assert not installed.user.is_relative_to(ROOT)
    version = installed.heirs("--version")
    assert version.stdout.strip() == f"heirs {__version__}", version
    (installed.user / "mine.yaml").write_text(
        "extends: builtin:1922_succession.yaml\ntitle: My variant\n"
    )
    (installed.user / "typo.yaml").write_text("extends: builtin:1922_sucession.yaml\n")
    checked = installed.heirs("validate", "mine.yaml", "typo.yaml")
    assert checked.returncode == 2 and checked.stdout == "ok: mine.yaml\n", checked
    assert checked.stderr == (
        "typo.yaml:1:10: extends: cannot extend 'builtin:1922_sucession.yaml': "
        "builtin:1922_sucession.yaml: no shipped scenario of that name "
        "('heirs scenarios list' names them)\n"
    )


def test_the_installed_simulate_gives_the_checkouts_results(installed: Installed) -> None:
    args = ("simulate", "--runs", "20", "--seed", "1", "--jobs", "1", "--quiet", "--out")
    done = installed.heirs(*args, "installed.json")
    assert done.returncode == 0, done.stderr
    ours = installed.user.parent / "checkout.json"
    _run(sys.executable, "-m", "game", *args, ours)
    installed_result = json.loads((installed.user / "installed.json").read_text())
    checkout_result = json.loads(ours.read_text())
    packaged = installed.site / "_data" / "scenarios" / "1922_succession.yaml"
    assert installed_result.pop("scenario") == str(packaged)
    checkout_result.pop("scenario")
    assert installed_result == checkout_result and installed_result["runs"] == 20


def test_the_installed_schema_and_export_write_where_asked(installed: Installed) -> None:
    refused = installed.heirs("schema")
    assert refused.returncode == 2 and "--out FILE" in refused.stderr
    assert installed.heirs("schema", "--out", "schema.json").returncode == 0
    committed = (ROOT / "scenarios" / SCHEMA).read_bytes()
    assert (installed.user / "schema.json").read_bytes() == committed
    assert installed.heirs("scenarios", "export", "mine", "--quiet").returncode == 0
    again = installed.heirs("scenarios", "export", "mine")
    assert again.returncode == 2 and "give --force to overwrite" in again.stderr
    exported = installed.heirs("validate", "mine/counterfactuals/lenin_lives.yaml")
    assert exported.returncode == 0, exported.stderr


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb display, stopped afterwards (only the process started here)."""
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI lacks {missing}: .ci/run installs them")
        pytest.skip(f"no {', '.join(missing)} on this machine")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as stream:
            yield ":" + stream.readline().strip()
    finally:
        _stop(xvfb)


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """End a process this test started, and wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _open_fonts(pid: int) -> set[Path]:
    """The font files process ``pid`` holds open."""
    fds = Path(f"/proc/{pid}/fd")
    found = set()
    for fd in fds.iterdir():
        try:
            target = Path(os.readlink(fd))
        except OSError:  # closed meanwhile
            continue
        if target.suffix == ".ttf":
            found.add(target)
    return found


def _drawn(shot: Path) -> bool:
    """Whether a photograph of the display shows a drawn screen, not a blank one: no colour
    covers more than 80 % of it, and text's anti-aliased edges give many colours."""
    pixels = pygame.surfarray.array3d(pygame.image.load(str(shot))).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    return len(colours) >= 100 and counts.max() < 0.8 * len(pixels)


def test_play_draws_the_title_with_the_packaged_fonts(
    installed: Installed, display: str, tmp_path: Path
) -> None:
    env = _env(DISPLAY=display, HEIRS_DATA_DIR=str(tmp_path / "data"))
    game = subprocess.Popen(
        [str(installed.bin / "heirs"), "play"],
        cwd=installed.user,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    shot = ROOT / "out" / "screens" / "wheel_title.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    try:
        drawn, fonts = False, set()
        deadline = time.monotonic() + WINDOW_SECONDS
        while not drawn and time.monotonic() < deadline and game.poll() is None:
            time.sleep(0.5)
            search = ["xdotool", "search", "--onlyvisible", "--pid", str(game.pid)]
            if subprocess.run(search, env=env, capture_output=True, check=False).stdout:
                subprocess.run(["import", "-window", "root", shot], env=env, check=True)
                drawn, fonts = _drawn(shot), _open_fonts(game.pid)
        assert game.poll() is None, game.communicate()[1][-3000:]
    finally:
        _stop(game)
    assert drawn, f"the title screen stayed blank ({shot})"
    assert fonts == {installed.site / "_data" / "assets" / "fonts" / font for font in FONTS}
