"""The measures of a long analysis's points kept in its output folder as they come, so that a
run stopped by a crash, a signal or a lost cluster goes on where it stopped when the same
command is given again.

The file (``.sensitivity-partial.npz`` in ``--out-dir``) holds a digest of everything that
decides the points' measures (the design, the scenario's hash and the program's digest), a
flag and a row of measures per point. It is written atomically at most every
``SAVE_SECONDS`` and once more at the end, and removed when the analysis is written. A file
that does not match the design, or cannot be read, is set aside with a warning: the points
are played again, never mixed with another design's.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.analysis.dask_pool import program_digest
from game.boundary.files import read_input
from game.boundary.refusal import Refused
from game.fileio import write_atomic

PARTIAL = ".sensitivity-partial.npz"
SAVE_SECONDS = 30.0
MAX_PARTIAL_BYTES = 512 * 1024 * 1024

FloatArray = NDArray[np.float64]


def design_digest(settings: dict[str, Any], scenario_sha256: str) -> str:
    """A digest of what decides the points' measures."""
    text = json.dumps([settings, scenario_sha256, program_digest()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


class KeptPoints:
    """The points played so far: ``done`` (P,) and ``rows`` (P, K)."""

    def __init__(self, folder: Path, digest: str, points: int, measures: int) -> None:
        self.path = folder / PARTIAL
        self.digest = digest
        self.done = np.zeros(points, dtype=bool)
        self.rows = np.zeros((points, measures))
        self.saved_at = time.monotonic()
        if self.path.exists():
            self._resume()

    def _resume(self) -> None:
        """Take the kept points if the file is this design's; otherwise say why not."""
        try:
            kept = np.load(io.BytesIO(read_input(self.path, MAX_PARTIAL_BYTES, "kept points")))
            same = str(kept["digest"]) == self.digest and kept["rows"].shape == self.rows.shape
        except (Refused, OSError, ValueError, KeyError) as error:
            print(
                f"warning: {self.path} cannot be read ({error}); starting afresh", file=sys.stderr
            )
            return
        if not same:
            print(f"warning: {self.path} is another analysis's; starting afresh", file=sys.stderr)
            return
        self.done = kept["done"].astype(bool)
        self.rows = kept["rows"].astype(np.float64)

    def remaining(self) -> list[int]:
        """The points still to play, in order."""
        return [int(i) for i in np.flatnonzero(~self.done)]

    def add(self, index: int, row: FloatArray) -> None:
        """Keep one point's measures; write the file if the last write is old enough."""
        self.rows[index] = row
        self.done[index] = True
        if time.monotonic() - self.saved_at >= SAVE_SECONDS:
            self.save()

    def save(self) -> None:
        buffer = io.BytesIO()
        np.savez(buffer, digest=np.array(self.digest), done=self.done, rows=self.rows)
        write_atomic(self.path, buffer.getvalue())
        self.saved_at = time.monotonic()

    def finish(self) -> None:
        """The analysis is written: the kept points are no longer needed."""
        self.path.unlink(missing_ok=True)
