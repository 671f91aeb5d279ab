"""Writing files so that nothing is ever damaged: every output of the program goes through
``write_atomic``.

- Only regular files are written. A character or block device, a FIFO, a socket, a folder or a
  symlink loop is refused with ``OutputRefused`` (one line naming the path).
- A symlink is followed: its target's content is replaced (atomically) and the link stays,
  as the shell's ``>`` and editors do. Replacing the link itself with a regular file, as this
  module once did, silently cut the link while its target kept the old content; refusing
  would break the common ``latest.json -> run-42.json``. Every check is made on the target, so
  a link to ``/dev/null`` or to one of the command's inputs is refused like the thing itself.
- The content goes to a temporary file in the target's folder, then a rename, so a reader
  (or a crash) sees the whole old file or the whole new one; the target keeps its mode.
- Temporary files of our own pattern (``.NAME.XXXXXXXX.tmp``) left by a write that was
  killed are removed when the same file is written next, and on demand for a folder
  (``clean_stale_temps``), if they are older than this process: a write still in progress
  in another process is never touched.
- ``-`` means standard output (``STDOUT``); ``check_outputs`` refuses, before any work, an
  output that is one of the command's inputs or another of its outputs (compared by file
  identity, so another name or a hard link of the same file counts).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import BinaryIO

STDOUT = Path("-")
STARTED = time.time()  # this module is imported as the program starts
_TEMP = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp's random part
_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
_data_stream: BinaryIO | None = None


class OutputRefused(OSError):
    """An output that must not be written; the message names it and says why."""


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to the regular file ``path`` (or standard output for ``-``) through a
    temporary file in the same folder and a rename, so readers see either the old file or the
    whole new one. Raises ``OutputRefused`` for a target that is not a regular file."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path == STDOUT:
        _write_stdout(raw)
        return
    target = output_target(path, create_folder=True)
    clean_stale_temps(target.parent, target.name)
    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def output_target(path: Path, create_folder: bool = False) -> Path:
    """The regular file that writing ``path`` replaces or creates: ``path`` with every symlink
    resolved. Raises ``OutputRefused`` if it is anything but a regular file, is read-only, or
    its folder is missing (unless ``create_folder``) or not writable."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = _existing_mode(path)
    except OSError as error:  # a symlink loop, a name too long, no permission
        reason = "a symlink loop" if error.errno == errno.ELOOP else error.strerror
        raise OutputRefused(f"{path}: cannot write there ({reason})") from None
    if mode is None:
        return _new_file(path, target, create_folder)
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        shown = f"{path} (a link to {target})" if target != Path(os.path.abspath(path)) else path
        raise OutputRefused(f"{shown} is {kind}; name a regular file or - for standard output")
    if not os.access(target, os.W_OK):
        raise OutputRefused(f"{path}: the file is read-only")
    _writable_folder(path, target.parent)
    return target


def _existing_mode(path: Path) -> int | None:
    """The mode of what ``path`` leads to when its real path names nothing: a link of /proc
    (``/dev/stdout``, ``/proc/self/fd/1``) to a pipe or a socket, whose real path is
    ``pipe:[123]``; None if nothing is there."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _new_file(path: Path, target: Path, create_folder: bool) -> Path:
    folder = target.parent
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise OutputRefused(f"{path}: the folder {folder} does not exist")
    _writable_folder(path, folder)
    return target


def _writable_folder(path: Path, folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputRefused(f"{path}: the folder {folder} is not writable")


def check_outputs(outputs: Sequence[tuple[str, Path | None]], inputs: Sequence[Path]) -> None:
    """Refuse, before any work, outputs (``(flag, path)``, None for one not asked for) that
    cannot be written (``output_target``), that are one of ``inputs`` or another output (by
    device and inode for existing files, by resolved path for new ones), or that send more
    than one output to standard output."""
    read = {_identity(path) for path in inputs} - {None}
    seen: dict[object, str] = {}
    for flag, path in outputs:
        if path is None:
            continue
        if path == STDOUT:
            key: object = STDOUT
        else:
            try:
                target = output_target(path)
            except OutputRefused as error:
                raise OutputRefused(f"{flag} {error}") from None
            key = _identity(target) or target
            if key in read:
                raise OutputRefused(f"{flag} {path} is an input of this command; name another")
        if key == STDOUT and key in seen:
            raise OutputRefused(f"{flag} -: {seen[key]} already writes to standard output")
        if key in seen:
            raise OutputRefused(f"{flag} {path}: {seen[key]} already writes there")
        seen[key] = flag


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of an existing file, symlinks followed; None if there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def clean_stale_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Remove temporary files of our own pattern from ``folder`` (for the file ``name`` only,
    if given) that are older than this process: regular files owned by us, not symlinks.
    Returns what was removed; a folder that cannot be listed is left alone."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMP.fullmatch(entry.name)
        if found is None or (name is not None and found["name"] != name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and _ours(info) and info.st_mtime < STARTED:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def _ours(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


@contextmanager
def data_on_stdout() -> Iterator[None]:
    """While active, outputs named ``-`` go to the real standard output and everything
    printed goes to standard error, so that the data piped on are not mixed with messages."""
    global _data_stream
    _data_stream = sys.stdout.buffer
    try:
        with redirect_stdout(sys.stderr):
            yield
    finally:
        _data_stream = None


def _write_stdout(raw: bytes) -> None:
    stream = _data_stream or sys.stdout.buffer
    sys.stdout.flush()
    stream.write(raw)
    stream.flush()


def _default_mode() -> int:
    """The mode a newly created file gets (0o666 less the umask); temporary files start 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
