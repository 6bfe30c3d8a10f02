"""Time as an injected dependency.

The session engine never sleeps and owns no timer: it asks a `Clock` what time it is.
The app hands it a `MonotonicClock`; tests and benchmarks hand it a `ManualClock`
and move time forward themselves, so no test ever waits for a practice to play.
"""

from __future__ import annotations

import math
import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """A monotonic source of seconds. Only differences between readings mean anything."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: `time.monotonic`, which wall-clock changes and sleep cannot move back."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that only moves when told to, for tests and benchmarks.

    Like a real monotonic clock it never goes back: `advance` by a negative amount or
    `set` to an earlier time is a mistake in the test and raises ValueError.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = _checked(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if _checked(seconds) < 0:
            raise ValueError(f"a monotonic clock cannot go back ({seconds} s)")
        self._now += seconds

    def set(self, t: float) -> None:
        if _checked(t) < self._now:
            raise ValueError(f"a monotonic clock cannot go back (from {self._now} to {t})")
        self._now = t


def _checked(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"clock time must be a finite number, got {value}")
    return float(value)
