"""What the Library's search and filters keep, and where the Journal's time ranges begin.

Plain rules, no Qt: the screens read their filter boxes into `PracticeFilters` and
`EntryFilters` and ask these.

Searching ignores case and accents (`fold`): every word typed must be somewhere in a
practice's folded titles, summaries and tags. Lengths: a practice fits a length filter
when any of its lengths is in the range: "Up to 5 minutes" (≤ 5m), "5–15 minutes" (5m
to 15m, both included) or "Over 15 minutes" (> 15m).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Protocol

#: The length filters, shortest first (see `fits_length`).
LENGTH_RANGES: Final = ("short", "medium", "long")
#: The time ranges of the Journal's date filter (see `range_start`).
DATE_RANGES: Final = ("week", "month", "year")
#: Lengths are sums of floats: 5 minutes may come out a hair over 300 seconds.
_TOLERANCE: Final = 1e-6


def fold(text: str) -> str:
    """Text for matching: case and accents ignored (`Café` and `cafe` match)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fits_length(key: str, seconds: float) -> bool:
    """ "Up to 5 minutes", "5–15 minutes" (both ends included) or "Over 15 minutes"."""
    if key == "short":
        return seconds <= 300 + _TOLERANCE
    if key == "medium":
        return 300 - _TOLERANCE <= seconds <= 900 + _TOLERANCE
    return seconds > 900 + _TOLERANCE


def range_start(key: str | None, today: date) -> date | None:
    """The first day of "Last 7 days", "Last 30 days" (today included) or "This year"."""
    if key == "week":
        return today - timedelta(days=6)
    if key == "month":
        return today - timedelta(days=29)
    if key == "year":
        return date(today.year, 1, 1)
    return None


class Findable(Protocol):
    """What the Library's filters look at in a practice."""

    #: Folded titles (every translation), summaries and tags.
    @property
    def haystack(self) -> str: ...

    @property
    def kind(self) -> str: ...

    #: Its lengths, or its fixed time when it has none (empty when unknown).
    @property
    def durations(self) -> tuple[float, ...]: ...

    #: Primary language subtags it can be read and heard in.
    @property
    def languages(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class PracticeFilters:
    """The Library's search words (folded) and filters; None is "all"."""

    words: tuple[str, ...] = ()
    kind: str | None = None
    length: str | None = None
    language: str | None = None

    @classmethod
    def typed(
        cls, text: str, kind: str | None, length: str | None, language: str | None
    ) -> PracticeFilters:
        """The filters for `text` as typed in the search field."""
        return cls(tuple(fold(text).split()), kind, length, language)

    @property
    def active(self) -> bool:
        return bool(self.words or self.kind or self.length or self.language)

    def matches(self, practice: Findable) -> bool:
        if self.kind is not None and practice.kind != self.kind:
            return False
        if self.language is not None and self.language not in practice.languages:
            return False
        length = self.length
        if length is not None and not any(fits_length(length, s) for s in practice.durations):
            return False
        return all(word in practice.haystack for word in self.words)


@dataclass(frozen=True)
class EntryFilters:
    """The Journal's filters: one practice, one kind, entries since a day; None is "all"."""

    practice: str | None = None
    kind: str | None = None
    since: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.practice or self.kind or self.since)

    def query(self) -> dict[str, Any]:
        """The journal's keyword arguments for these filters."""
        return {"practice_id": self.practice, "kind": self.kind, "since": self.since}
