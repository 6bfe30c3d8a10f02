"""Where something stands in its source file. Its own module: the library's summaries
and problems carry positions, and reading them back from the load cache should not
load every model class."""

from __future__ import annotations

from typing import NamedTuple


class Pos(NamedTuple):
    """Where something stands in its source file (1-based line and column)."""

    line: int = 0
    col: int = 0
