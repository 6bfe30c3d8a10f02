"""Elastic time (formats.md, "Elastic time and lengths"): the chosen length checked
against what the practice needs, and the seconds beyond its fixed time shared among
its elastic parts. This is the only place elastic time is resolved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from desktop_app.core.durations import format_duration
from desktop_app.core.model import Flex, Practice
from desktop_app.core.timeline.errors import TimelineError
from desktop_app.core.timeline.measure import TimeBudget

#: How far a length may fall short of what it needs before we refuse it (float noise only).
_LENGTH_TOLERANCE: Final = 1e-6


def share_elastic_time(seconds: float, parts: Sequence[Flex]) -> tuple[float, ...]:
    """Share `seconds` among elastic parts by weight, none below its minimum.

    Water-filling: every part gets max(minimum, level × weight) for the one level at
    which the shares add up to `seconds`. That is what "give the parts whose share is
    below their minimum their minimum, share the rest among the others, repeat" ends
    with; sorting by minimum per weight finds it in one pass instead of many.
    Assumes `seconds` covers the minimums; if it does not, every part gets its minimum.
    """
    if not parts:
        return ()
    weights = [max(0.0, part.weight) for part in parts]
    if not any(weights):
        weights = [1.0] * len(parts)  # no part asks for more than another: share equally
    # Most demanding (minimum per weight) first: the parts pinned at their minimum, if any.
    order = sorted(range(len(parts)), key=lambda i: _demand(parts[i], weights[i]), reverse=True)
    free_weights = [0.0] * (len(order) + 1)  # weight of order[rank:], for each rank
    for rank in reversed(range(len(order))):
        free_weights[rank] = free_weights[rank + 1] + weights[order[rank]]
    pinned = 0.0
    for rank, index in enumerate(order):
        free_weight = free_weights[rank]
        level = (seconds - pinned) / free_weight if free_weight > 0 else 0.0
        if free_weight > 0 and level * weights[index] >= parts[index].minimum:
            # This part, and every less demanding one after it, gets at least its minimum.
            free = set(order[rank:])
            return tuple(
                level * weights[i] if i in free else parts[i].minimum for i in range(len(parts))
            )
        pinned += parts[index].minimum
    return tuple(part.minimum for part in parts)


def _demand(part: Flex, weight: float) -> float:
    """Minimum per unit of weight; a weightless part only ever gets its minimum."""
    if weight > 0:
        return part.minimum / weight
    return math.inf if part.minimum > 0 else -math.inf


def elastic_seconds(
    practice: Practice, length: float | None, budget: TimeBudget
) -> tuple[float | None, float]:
    """(length reported by the timeline, seconds shared among the elastic parts)."""
    chosen = length if length is not None else practice.default_length
    if chosen is None:
        return None, 0.0  # no lengths: the practice lasts its fixed time
    if not (math.isfinite(chosen) and chosen >= 0):
        raise TimelineError(f"length must be a finite number of seconds, got {chosen}")
    if budget.elastic_parts == 0:
        if abs(chosen - budget.fixed) > _LENGTH_TOLERANCE:
            raise TimelineError(
                f'"{practice.id}" has no elastic parts, so it always takes its fixed '
                f"{_describe(budget.fixed)}; it cannot last {_describe(chosen)}",
                length=chosen,
            )
        return chosen, 0.0
    needed = budget.fixed + budget.minimums
    shortfall = needed - chosen
    if shortfall > _LENGTH_TOLERANCE:
        raise TimelineError(
            f'{_describe(chosen)} is too short for "{practice.id}": the fixed parts take '
            f"{_describe(budget.fixed)} plus {_describe(budget.minimums)} of minimums "
            f"({_describe(shortfall)} more needed)",
            length=chosen,
            shortfall=shortfall,
        )
    return chosen, max(0.0, chosen - budget.fixed)


def _describe(seconds: float) -> str:
    """`5m`, `1m37.3s`, as in the validator's messages; rounded up to a tenth of a
    second, so a real shortfall never shows as `0s`."""
    return format_duration(math.ceil(seconds * 10 - 1e-6) / 10)
