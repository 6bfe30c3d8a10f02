"""Reading files from disk with a size limit and a clear message when that fails, and
only ever a regular file: a FIFO or a device put where a file was expected would hang
the reader (a FIFO blocks until someone writes) or never end (`/dev/zero`)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotARegularFile(OSError):
    """A FIFO, a socket or a device where a file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a pipe or a device)", str(path))


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, only when it is a regular file (a link to one is
    fine). It is looked at before it is opened, so a FIFO or a device is never opened,
    and looked at again through the open file. (Only someone who may already change
    the person's files could swap a FIFO in between the two.) Raises
    IsADirectoryError for a folder, NotARegularFile for anything else that is not a
    file, and OSError as `open` does."""
    _check_regular(path.stat().st_mode, path)
    handle = path.open("rb")
    try:
        _check_regular(os.fstat(handle.fileno()).st_mode, path)
    except BaseException:
        handle.close()
        raise
    return handle


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path` (at most `limit` of them)."""
    with open_regular(path) as handle:
        return handle.read() if limit is None else handle.read(limit)


def _check_regular(mode: int, path: Path) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    raise NotARegularFile(path)


def read_limited(path: Path, file: str) -> bytes:
    """The bytes of `path`; a file over the limit is refused before it is read."""
    # Here, not at the top: the settings read files too, before the window's first
    # paint, which the practices' model and YAML need not hold up.
    from desktop_app.core.model import Pos
    from desktop_app.core.problems import InvalidFile, Problem
    from desktop_app.core.yaml_tree import MAX_FILE_BYTES, too_large

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise too_large(file, size)
        # The file may have grown meanwhile: read one byte more than allowed.
        return read_regular(path, MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        message = "this is a folder, not a file"
    except NotARegularFile:
        message = "this is not a regular file (a pipe or a device); Attune reads only files"
    except FileNotFoundError:
        message = "file not found"
    except PermissionError:
        message = "permission denied: cannot read this file"
    except OSError as error:
        message = f"cannot read this file: {error.strerror or error}"
    raise InvalidFile([Problem(file, Pos(1, 1), message)])
