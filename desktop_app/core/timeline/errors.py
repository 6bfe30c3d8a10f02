"""Why a practice cannot be laid out."""

from __future__ import annotations


class TimelineError(ValueError):
    """A practice cannot be laid out at the requested length."""

    def __init__(
        self, message: str, *, length: float | None = None, shortfall: float | None = None
    ) -> None:
        super().__init__(message)
        self.length = length
        self.shortfall = shortfall
