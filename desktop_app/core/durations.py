"""Durations as people write them (`90`, `2.5`, `"4s"`, `"1m30s"`, `"1h"`) and as we show them."""

from __future__ import annotations

import functools
import math
import re

_PARTS = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m)?(?:(?P<s>\d+(?:\.\d+)?)s)?$"
)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def parse_duration(value: str | int | float) -> float | None:
    """Seconds for a duration, or None when it is not one. Zero is allowed here;
    callers decide whether it is acceptable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):  # a tuple: checked faster than a union
        seconds = float(value)
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    text = value.strip()
    return _remembered_seconds(text) if len(text) <= _REMEMBERED_LENGTH else _seconds_of(text)


def _seconds_of(text: str) -> float | None:
    """`parse_duration` of a text."""
    if _NUMBER.match(text):
        return float(text)
    match = _PARTS.match(text)
    if not text or match is None:
        return None
    hours, minutes, secs = match.groups()
    return (
        (float(hours) * 3600 if hours else 0.0)
        + (float(minutes) * 60 if minutes else 0.0)
        + (float(secs) if secs else 0.0)
    )


#: A practice writes the same few short durations (`4s`, `1m`) over and over, and a
#: library scan reads thousands: short texts are remembered (so at most a few kB).
_REMEMBERED_LENGTH = 16
_remembered_seconds = functools.lru_cache(maxsize=1024)(_seconds_of)


def format_duration(seconds: float) -> str:
    """`1h2m`, `5m`, `1m30s`, `4s`, `2.5s`: short and exact to a tenth of a second."""
    if seconds < 0:
        return "-" + format_duration(-seconds)
    tenths = round(seconds * 10)
    hours, rest = divmod(tenths, 36000)
    minutes, rest = divmod(rest, 600)
    parts = []
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if rest or not parts:
        whole, tenth = divmod(rest, 10)
        parts.append(f"{whole}.{tenth}s" if tenth else f"{whole}s")
    return "".join(parts)


def format_clock(seconds: float) -> str:
    """`m:ss` (or `h:mm:ss`) for elapsed and remaining time."""
    total = max(0, math.floor(seconds + 1e-6))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
