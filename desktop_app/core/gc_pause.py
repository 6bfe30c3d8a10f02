"""Pausing Python's cyclic garbage collector around bulk work.

Loading a library creates hundreds of thousands of small objects that live on, and
almost no cyclic garbage. Each automatic collection walks the ever larger heap, so a
scan gets slower per file as it goes (1.5 ms per practice at 100 files, 2.2 ms at
10,000). Paused, the cost per file stays flat and the scan is about a third faster.
Reference counting still frees everything that is not part of a cycle.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
