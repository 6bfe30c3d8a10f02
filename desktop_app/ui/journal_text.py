"""The Journal's text helpers: search snippets with their matches, the first line of
something written, and written answers put back into an entry."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Final

from desktop_app.storage.journal import SessionEntry, StoredAnswer

_MARKED = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_WHEN_ORDER: Final = {"after": 0, "during": 1, "before": 2}


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) runs: the journal marks matches "[[…]]"."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _MARKED.finditer(snippet):
        if match.start() > position:
            runs.append((snippet[position : match.start()], False))
        if match.group(1):
            runs.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        runs.append((snippet[position:], False))
    return runs


def highlight_html(snippet: str) -> str:
    """A snippet as rich text: HTML escaped first, then each match in <b>…</b>, so what
    a person wrote can never become markup."""
    return "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text)
        for text, matched in snippet_runs(" ".join(snippet.split()))
    )


def unmarked(snippet: str) -> str:
    return "".join(text for text, _ in snippet_runs(snippet))


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def written_line(entry: SessionEntry) -> str:
    """The first line of something written (after the practice first, then during,
    then before), or ""."""
    texts = sorted(
        (a for a in entry.answers if a.kind == "text" and isinstance(a.value, str)),
        key=lambda a: _WHEN_ORDER.get(a.when, 3),
    )
    for answer in texts:
        assert isinstance(answer.value, str)
        line = first_line(answer.value)
        if line:
            return line
    return ""


def short_name(question_id: str) -> str:
    """A question's id as a short word for a row: `in-touch` → "in touch"."""
    return question_id.replace("-", " ").replace("_", " ")


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def answer_key(answer: StoredAnswer) -> str:
    """An answer's place in its entry: one answer per question and moment."""
    return f"{answer.when}:{answer.question_id}"


def with_texts(answers: Sequence[StoredAnswer], texts: dict[str, str]) -> tuple[StoredAnswer, ...]:
    """`answers` with written answers replaced by `texts` (by `answer_key`); a text
    emptied is no answer at all (skipping stores nothing)."""
    result = []
    for answer in answers:
        key = answer_key(answer)
        if answer.kind == "text" and key in texts:
            text = texts[key].strip()
            if not text:
                continue
            answer = replace(answer, value=text, display=text)
        result.append(answer)
    return tuple(result)


def sentence(text: str) -> str:
    """An error's message as a sentence to go in the middle of a notice."""
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text
