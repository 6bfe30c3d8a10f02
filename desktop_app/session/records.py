"""A session and its answers as the journal keeps them: the record when it ends, and
the drafts that keep what is known while it plays and while its answers are typed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_app.core.answers import Answer, describe
from desktop_app.session.choice import SessionChoice
from desktop_app.storage.journal import NewSession, StoredAnswer

if TYPE_CHECKING:
    from desktop_app.core.model import Practice, Question, Step
    from desktop_app.session.run import SessionResult


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
    # Imported here: the window keeps drafts from its start without the practice model.
    from desktop_app.core.model import Ask, Repeat

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
    result: SessionResult,
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


# --- drafts ----------------------------------------------------------------------


def answers_payload(answers: Sequence[StoredAnswer]) -> list[dict[str, Any]]:
    """Answers as plain JSON for a draft (read back by `answers_from`)."""
    # Loaded when first needed: the window starts without the export formats.
    from desktop_app.storage.journal_export import answer_object

    return [answer_object(a) for a in answers]


def answers_from(payload: dict[str, object]) -> tuple[StoredAnswer, ...]:
    """Answers back from a draft; anything malformed is left out, never raised."""
    from desktop_app.storage.journal_export import answer_from_object

    items = payload.get("answers")
    found = (answer_from_object(item) for item in (items if isinstance(items, list) else []))
    return tuple(answer for answer in found if answer is not None)


def pending_payload(
    practice: Practice, choice: SessionChoice, source: str, started_at: datetime
) -> dict[str, object]:
    """What is known of a practice while it plays, with the answers before it."""
    return {
        "practice_id": practice.id,
        "practice_title": practice.title.get(choice.language),
        "practice_kind": practice.kind,
        "practice_version": practice.version,
        "source": source,
        "language": choice.language,
        "started_at": started_at.isoformat(),
        "length": choice.length,
        "answers": answers_payload(stored(practice, choice.before, choice.language)),
    }


def pending_session(payload: dict[str, object]) -> NewSession | None:
    """A practice that was under way when Attune closed, as stopped early at its start
    (None when the draft is malformed)."""
    try:
        started = datetime.fromisoformat(str(payload["started_at"]))
        length = payload.get("length")
        version = payload.get("practice_version")
        return NewSession(
            practice_id=str(payload["practice_id"]),
            practice_title=str(payload["practice_title"]),
            practice_kind=str(payload["practice_kind"]),
            practice_version=version if isinstance(version, int) else None,
            source=str(payload["source"]),
            language=str(payload["language"]),
            started_at=started,
            ended_at=started,
            length=float(length) if isinstance(length, int | float) else None,
            practised=0.0,
            completed=False,
            stopped_at_step=None,
            pauses=0,
            grounding_pauses=0,
            answers=answers_from(payload),
        )
    except (KeyError, TypeError, ValueError):
        return None
