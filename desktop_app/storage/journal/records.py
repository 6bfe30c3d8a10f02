"""What the journal holds and gives back: sessions, their answers, search hits.

Times are timezone-aware `datetime`s (given back in the local time zone); a naive
`datetime` given to `Journal.add` is taken as local time.

`StoredAnswer` has two optional fields beyond the agreed API, `minimum` and
`maximum`: a scale's ends as asked, so that `scale_changes` can give them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.core.answers import AnswerValue, QuestionKind, When


@dataclass(frozen=True)
class StoredAnswer:
    question_id: str
    when: When
    kind: QuestionKind
    #: The question as shown at the time (in the language used).
    prompt: str
    #: Typed: scale int, text str, choice tuple[int, ...], feelings tuple[str, ...].
    value: AnswerValue
    #: Human-readable rendering: "7 of 10", "calm, tense", chosen options joined.
    display: str
    #: For a scale: its ends as asked (None: not known). Used by `scale_changes`.
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class NewSession:
    practice_id: str
    #: At the time, in the display language.
    practice_title: str
    practice_kind: str
    practice_version: int | None
    #: "built-in" | "your practices" | "pack <id>" | a path
    source: str
    language: str
    started_at: datetime
    ended_at: datetime
    #: The chosen length, in seconds.
    length: float | None
    #: Seconds actually practised.
    practised: float
    completed: bool
    stopped_at_step: int | None
    pauses: int
    grounding_pauses: int
    #: "<plan-id>#<item index>"
    plan_item: str | None = None
    answers: tuple[StoredAnswer, ...] = ()
    #: None: a new uuid4 hex is made. Given (an import): kept, and a second `add`
    #: with the same uid is ignored.
    uid: str | None = None


@dataclass(frozen=True, kw_only=True)
class SessionEntry(NewSession):
    id: int
    uid: str


@dataclass(frozen=True)
class ScaleChange:
    """One scale asked before and after the practice (the same question id)."""

    question_id: str
    prompt: str
    before: int
    after: int
    minimum: int
    maximum: int


@dataclass(frozen=True)
class SearchHit:
    entry: SessionEntry
    #: Matched passages with the matches wrapped in "[[" and "]]" (no HTML).
    snippets: tuple[str, ...]
