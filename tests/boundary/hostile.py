"""Hostile files made at test time (a git tree cannot hold a pipe or a device): one maker per
kind, each making ``name`` in a folder and returning the path to hand to an entry point."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[Path, str], Path]


def fifo(folder: Path, name: str) -> Path:
    """A named pipe: opening it for reading would wait for a writer for ever."""
    path = folder / name
    os.mkfifo(path)
    return path


def device(folder: Path, name: str) -> Path:
    """A link, named like an input file, to ``/dev/zero``: reading it never ends."""
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def folder(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir()
    return path


def loop(folder: Path, name: str) -> Path:
    """Two links naming each other."""
    first, second = folder / name, folder / f".{name}.other"
    first.symlink_to(second.name)
    second.symlink_to(first.name)
    return first


def dangling(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to(f"nowhere.{name}")
    return path


def missing(folder: Path, name: str) -> Path:
    return folder / name


def long_name(folder: Path, name: str) -> Path:
    """A file name longer than any file system allows (Errno 36)."""
    return folder / ("n" * 300 + name)


def too_large(folder: Path, name: str) -> Path:
    """A sparse file of 64 MiB: larger than any input's limit, refused before it is read."""
    path = folder / name
    with path.open("wb") as stream:
        stream.truncate(64 * 2**20)
    return path


def not_utf8(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b'{"title": "caf\xe9"}\n')
    return path


def empty(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def system_file(folder: Path, name: str) -> Path:
    """A link, named like an input file, to a system file whose content must never be
    repeated in a message."""
    path = folder / name
    path.symlink_to("/etc/passwd")
    return path


MAKERS: dict[str, Maker] = {
    "fifo": fifo,
    "device": device,
    "folder": folder,
    "loop": loop,
    "dangling": dangling,
    "missing": missing,
    "long_name": long_name,
    "too_large": too_large,
    "not_utf8": not_utf8,
    "empty": empty,
    "system_file": system_file,
}
