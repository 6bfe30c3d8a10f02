"""One way for tests to make a journal session: a finished built-in breathing practice,
with only what a test cares about said at the call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from desktop_app.storage.journal import NewSession, StoredAnswer


def a_session(
    start: datetime,
    answers: Iterable[StoredAnswer] = (),
    *,
    minutes: float = 10,
    **changes: Any,
) -> NewSession:
    """Box breathing from `start`, practised to the end for `minutes` (its chosen length
    too); `changes` set any other field of NewSession."""
    seconds = minutes * 60
    built = NewSession(
        practice_id="box",
        practice_title="Box breathing",
        practice_kind="breathing",
        practice_version=1,
        source="built-in",
        language="en",
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        length=float(seconds),
        practised=float(seconds),
        completed=True,
        stopped_at_step=None,
        pauses=0,
        grounding_pauses=0,
        answers=tuple(answers),
    )
    return replace(built, **changes)
