"""Reading an input file safely: what a path names is checked before a byte is read.

A path is resolved first (symbolic links followed, at most ``MAX_SYMLINKS`` of them; a loop
or a link to nothing is refused), then it must name a regular file (not a folder, a device, a
pipe or a socket: opening a FIFO would wait for ever, reading ``/dev/zero`` would never end)
no larger than the limit for its kind. The file is opened without blocking and checked again
through its descriptor, so a file swapped for a pipe in between is refused too, and never
more than the limit plus one byte is read. Every refusal names the path, never the content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from game.boundary.refusal import ROOT, Refused
from game.limits import MAX_PATH, MAX_SYMLINKS
from game.resources import is_builtin, resolve_name

NO_BUILTIN = "no shipped scenario of that name ('heirs scenarios list' names them)"
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC


def size_text(limit: int) -> str:
    """A size limit as people write it: ``2 MiB``, ``64 KiB``."""
    return f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 2**10} KiB"


def resolve_input(path: Path, what: str) -> Path:
    """The regular file ``path`` names, links followed; ``Refused`` naming ``path`` if it is
    missing, a loop of links, a folder or anything but a regular file. ``what`` says what the
    file should be, for the message ("a scenario file"). A ``builtin:`` name is the shipped
    file of that name (``game.resources``); one that names no shipped file is refused."""
    name = _usable_name(path, ROOT)
    path = resolve_name(path)
    if is_builtin(path):
        raise Refused.file(name, NO_BUILTIN)
    target = _follow(path)
    try:
        info = target.stat()
    except OSError as error:
        raise Refused.file(name, _reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused.file(name, f"is a directory, not {what}")
    if not stat.S_ISREG(info.st_mode):
        raise Refused.file(name, f"is not a regular file ({_kind(info.st_mode)}), not {what}")
    return target


def check_folder(path: Path, what: str) -> Path:
    """``path`` if it names a folder (links followed) or nothing yet (it is made when first
    written to); ``Refused`` naming it, with ``what`` as the message's path, for a file, a
    device, a loop of links or a link to nothing."""
    name = _usable_name(path, what)
    try:
        info = _follow(path).stat()
    except FileNotFoundError:
        return path
    except OSError as error:
        raise Refused.file(name, _reason(error), what) from None
    except Refused as error:
        raise Refused.file(name, error.reason, what) from None
    if not stat.S_ISDIR(info.st_mode):
        kind = "a file" if stat.S_ISREG(info.st_mode) else _kind(info.st_mode)
        raise Refused.file(name, f"is not a folder ({kind})", what)
    return path


def _usable_name(path: Path, where: str) -> str:
    """``path`` as text, if the system can look it up: not longer than ``MAX_PATH``
    characters and without a NUL (which no file name holds and ``os.stat`` rejects with a
    ``ValueError``); ``Refused`` naming it (``where`` is the message's path) otherwise."""
    name = str(path)
    if len(name) > MAX_PATH:
        raise Refused.file(
            name[:80] + "…", f"the file name is longer than {MAX_PATH} characters", where
        )
    if "\0" in name:
        raise Refused.file(name, "a file name cannot hold a NUL character", where)
    return name


def read_input(path: Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path`` names, at most ``limit`` of them (checked before
    reading and while reading); ``Refused`` naming the path for anything else."""
    name = str(path)
    target = resolve_input(path, what)
    try:
        fd = os.open(target, _OPEN_FLAGS)
    except OSError as error:
        raise Refused.file(name, _reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused.file(name, f"is not a regular file ({_kind(info.st_mode)}), not {what}")
        if info.st_size > limit:
            raise Refused.file(name, f"larger than {size_text(limit)}")
        raw = _read_at_most(fd, limit + 1)
    except OSError as error:
        raise Refused.file(name, _reason(error)) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise Refused.file(name, f"larger than {size_text(limit)}")
    return raw


def _read_at_most(fd: int, count: int) -> bytes:
    """Up to ``count`` bytes from ``fd`` (fewer at the end of the file)."""
    parts: list[bytes] = []
    left = count
    while left > 0:
        part = os.read(fd, min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _follow(path: Path) -> Path:
    """``path`` with every symbolic link along it followed; a loop, too many links or a link
    to nothing is refused."""
    current = Path(os.path.abspath(path))
    for _ in range(MAX_SYMLINKS):
        try:
            if not current.is_symlink():
                return current
            link = Path(os.readlink(current))
        except OSError as error:
            raise Refused.file(str(path), _reason(error)) from None
        current = Path(os.path.normpath(current.parent / link))
        if not current.exists() and not current.is_symlink():
            raise Refused.file(str(path), f"is a symbolic link to {link}, which does not exist")
    raise Refused.file(str(path), f"is a loop of symbolic links (more than {MAX_SYMLINKS})")


def _kind(mode: int) -> str:
    """What a file that is not regular is, in a word or two."""
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _reason(error: OSError) -> str:
    """An operating system error in a few words, without the path (the message names it)."""
    if error.errno == errno.ENOENT:
        return "no such file"
    if error.errno == errno.ELOOP:
        return f"is a loop of symbolic links (more than {MAX_SYMLINKS})"
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long for this system"
    if error.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot read it: permission denied"
    return f"cannot read it: {error.strerror or 'unknown error'}"
