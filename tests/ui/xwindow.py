"""A real X display for window tests: Debian's Xvfb with the openbox window manager (as on a
desktop: it maps, focuses, decorates and resizes the window), the game started in it as a
process, xdotool to click and type into it, and ImageMagick's ``import`` to photograph it.

``XSession`` starts Xvfb on a free display (``-displayfd``) and openbox, and stops both (only
the processes it started) when the ``with`` block ends."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

TOOLS = ("Xvfb", "openbox", "xdotool", "import")


def missing_tools() -> list[str]:
    """The programs a real window test needs that this machine lacks."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XSession:
    """Xvfb and openbox on a free display; the game launched in it; xdotool's events."""

    def __init__(self, size: tuple[int, int] = (1280, 800)) -> None:
        self.size = size
        self.display = ""
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> XSession:
        read, write = os.pipe()
        screen = f"{self.size[0]}x{self.size[1]}x24"
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(xvfb)
        os.close(write)
        with os.fdopen(read) as stream:
            self.display = ":" + stream.readline().strip()
        wm = subprocess.Popen(
            ["openbox"], env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.processes.append(wm)
        time.sleep(0.5)  # openbox takes over the root window
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program run on this display (no dummy SDL drivers)."""
        env = {k: v for k, v in os.environ.items() if k != "SDL_VIDEODRIVER"}
        return {**env, "DISPLAY": self.display, "SDL_AUDIODRIVER": "dummy", **extra}

    def xdotool(self, *args: str, timeout: float = 30.0) -> str:
        """Run xdotool on this display; its output ('' if it failed or took too long: a
        window may vanish under it)."""
        try:
            done = subprocess.run(
                ["xdotool", *args],
                env=self.env(),
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return ""
        return done.stdout.strip()

    def window(self, game: subprocess.Popen[bytes], seconds: float = 60.0) -> str | None:
        """The game's window once it is mapped (activated, for the keyboard), or None if
        the game ended first or the time ran out. Found by the game's process id: SDL writes
        the title as UTF-8, which ``xdotool search --name`` does not read."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and game.poll() is None:
            found = self.xdotool("search", "--onlyvisible", "--pid", str(game.pid)).split()
            if found:
                self.xdotool("windowactivate", "--sync", found[-1], timeout=10)
                return found[-1]
            time.sleep(0.2)
        return None

    def shot(self, path: Path) -> Path:
        """A photograph of the whole display."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env(), check=True, timeout=30
        )
        return path
