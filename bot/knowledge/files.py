"""Reading the knowledge files: regular files only, each under a size limit.

A FIFO would block the reader forever and a symlink to /dev/zero would fill
memory, so a file is opened without blocking, checked with fstat, and read at
most to the limit. Every problem names the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from bot.errors import KnowledgeError

MAX_FILE_BYTES = 20 * 2**20  # far above any group's knowledge; a larger file is a mistake

Snapshot = Mapping[str, bytes]  # file name -> the bytes read, for the files that exist

_KINDS = {
    stat.S_ISFIFO: "a FIFO",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISSOCK: "a socket",
    stat.S_ISDIR: "a directory",
}


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS.items() if test(mode)), "not a plain file")


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file (symlinks to one are fine), or a KnowledgeError naming it."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise KnowledgeError([f"{path.name}: cannot be read ({exc.strerror})"]) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = _kind(info.st_mode)
            raise KnowledgeError([f"{path.name}: not a regular file ({kind}); only regular files are read"])
        if info.st_size > limit:
            raise KnowledgeError([_too_large(path, limit)])
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow while it is read
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise KnowledgeError([_too_large(path, limit)])
        return b"".join(chunks)
    except OSError as exc:
        raise KnowledgeError([f"{path.name}: cannot be read ({exc.strerror})"]) from None
    finally:
        os.close(descriptor)


def read_files(directory: Path, names: tuple[str, ...]) -> tuple[dict[str, bytes], list[str]]:
    """Every named file that exists, read once: (name -> bytes, problems). Missing files are left out."""
    found: dict[str, bytes] = {}
    problems: list[str] = []
    for name in names:
        path = directory / name
        if not os.path.lexists(path):
            continue
        try:
            found[name] = read_regular_file(path)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    return found, problems


def _too_large(path: Path, limit: int) -> str:
    return f"{path.name}: larger than the limit of {limit // 2**20} MB; is it the right file?"
