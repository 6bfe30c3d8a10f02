"""Reading files from disk with a size limit and a clear message when that fails."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.model import Pos
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.yaml_tree import MAX_FILE_BYTES, too_large


def read_limited(path: Path, file: str) -> bytes:
    """The bytes of `path`; a file over the limit is refused before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise too_large(file, size)
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)  # the file may have grown meanwhile
    except IsADirectoryError:
        message = "this is a folder, not a file"
    except FileNotFoundError:
        message = "file not found"
    except PermissionError:
        message = "permission denied: cannot read this file"
    except OSError as error:
        message = f"cannot read this file: {error.strerror or error}"
    raise InvalidFile([Problem(file, Pos(1, 1), message)])
