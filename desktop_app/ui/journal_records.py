"""Turning a finished session and its answers into what the journal stores."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from desktop_app.core.answers import Answer, describe
from desktop_app.core.model import Ask, Practice, Question, Repeat, Step
from desktop_app.storage.journal import NewSession, StoredAnswer
from desktop_app.ui.player_view import PlayerResult
from desktop_app.ui.session_choice import SessionChoice


def questions_of(practice: Practice) -> dict[tuple[str, str], Question]:
    """Every question of a practice by (when, id)."""
    found: dict[tuple[str, str], Question] = {}
    for question in practice.reflection.before:
        found[("before", question.id)] = question
    for question in practice.reflection.after:
        found[("after", question.id)] = question
    for question in _asks(practice.steps):
        found[("during", question.id)] = question
    return found


def _asks(steps: Sequence[Step]) -> Iterator[Question]:
    for step in steps:
        if isinstance(step, Ask):
            yield step.question
        elif isinstance(step, Repeat):
            yield from _asks(step.steps)


def stored(
    practice: Practice, answers: Sequence[Answer], language: str
) -> tuple[StoredAnswer, ...]:
    """Answers with the question as it was asked and the answer in words."""
    questions = questions_of(practice)
    result = []
    for answer in answers:
        question = questions.get((answer.when, answer.question_id))
        if question is None:
            continue
        result.append(
            StoredAnswer(
                question_id=answer.question_id,
                when=answer.when,
                kind=answer.kind,
                prompt=question.prompt.get(language),
                value=answer.value,
                display=describe(question, answer.value, language),
            )
        )
    return tuple(result)


def new_session(
    practice: Practice,
    choice: SessionChoice,
    result: PlayerResult,
    source: str,
    answers: Sequence[Answer] = (),
) -> NewSession:
    local = datetime.now().astimezone().tzinfo
    return NewSession(
        practice_id=practice.id,
        practice_title=practice.title.get(choice.language),
        practice_kind=practice.kind,
        practice_version=practice.version,
        source=source,
        language=choice.language,
        started_at=datetime.fromtimestamp(result.started_at, local),
        ended_at=datetime.fromtimestamp(result.ended_at, local),
        length=choice.length,
        practised=result.practised,
        completed=result.completed,
        stopped_at_step=result.stopped_at,
        pauses=result.pauses,
        grounding_pauses=result.grounding_pauses,
        answers=stored(practice, [*choice.before, *result.during, *answers], choice.language),
    )
