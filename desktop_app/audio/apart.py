"""Work done in a short-lived child process.

A noise background is made with FFTs over the whole loop: for 45 s at 48 kHz some
90 MB for a moment, of which the process that made it keeps about a quarter for good
(the allocator holds on to freed memory). Made in a child that stores it in the sample
cache and ends, all of it goes back to the system, and the playing app reads only the
finished loop.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

logger = logging.getLogger(__name__)


def run_apart(work: Callable[..., None], *args: object) -> bool:
    """Run `work(*args)` in a child process (`work` must be importable by name, its
    arguments picklable). False when no child could do it: then it is not done."""
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            pool.submit(work, *args).result()
    except (BrokenProcessPool, OSError, RuntimeError):
        logger.warning("Work in a child process failed", exc_info=True)
        return False
    return True
