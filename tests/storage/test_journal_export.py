"""Journal exports, written from a real journal file and read back: every format shows
what was chosen and nothing that was left out."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage.document import Document
from desktop_app.storage.journal import Journal, NewSession, SessionEntry, StoredAnswer
from desktop_app.storage.journal_export import (
    CSV_COLUMNS,
    JournalImportError,
    Selection,
    answer_from_object,
    read_json,
    to_csv,
    to_document,
    to_json,
    to_markdown,
)

CET = timezone(timedelta(hours=1))
NOW = datetime(2025, 3, 12, 18, 0, tzinfo=CET)

SETTLED_BEFORE = StoredAnswer(
    "settled", "before", "scale", "How settled do you feel?", 3, "3 of 10", 0, 10
)
SETTLED_AFTER = StoredAnswer(
    "settled", "after", "scale", "How settled do you feel?", 6, "6 of 10", 0, 10
)
NOTICED = StoredAnswer(
    "noticed",
    "after",
    "text",
    "What did you notice?",
    "My shoulders let go.\nThen the *old* thought came back.",
    "My shoulders let go.\nThen the *old* thought came back.",
)
FEELINGS = StoredAnswer(
    "feelings", "after", "feelings", "How do you feel now?", ("calm", "rested"), "calm, rested"
)
SECRET = StoredAnswer("private", "during", "text", "Anything else?", "Bluebottle", "Bluebottle")
CHOICE = StoredAnswer("where", "before", "choice", "Where do you feel it?", (0, 2), "chest, belly")


def session(
    start: datetime,
    *,
    practice_id: str = "box",
    title: str = "Box breathing",
    answers: tuple[StoredAnswer, ...] = (),
    completed: bool = True,
    practised: float = 600.0,
    uid: str | None = None,
) -> NewSession:
    return NewSession(
        practice_id=practice_id,
        practice_title=title,
        practice_kind="breathing",
        practice_version=2,
        source="built-in",
        language="en",
        started_at=start,
        ended_at=start + timedelta(seconds=practised + 30),
        length=600.0,
        practised=practised,
        completed=completed,
        stopped_at_step=None if completed else 4,
        pauses=1,
        grounding_pauses=0 if completed else 1,
        plan_item=None,
        answers=answers,
        uid=uid,
    )


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal" / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def entries(journal: Journal) -> list[SessionEntry]:
    """Two days: a completed box breathing with every kind of answer, and a body scan
    stopped early; returned newest first, as the journal gives them."""
    journal.add(
        session(
            datetime(2025, 3, 3, 8, 15, tzinfo=CET),
            answers=(SETTLED_BEFORE, CHOICE, SECRET, SETTLED_AFTER, NOTICED, FEELINGS),
        )
    )
    journal.add(
        session(
            datetime(2025, 3, 4, 21, 5, tzinfo=CET),
            practice_id="scan",
            title="Body scan",
            completed=False,
            practised=192.4,
            answers=(SETTLED_BEFORE,),
        )
    )
    return journal.entries()


def first(entries: list[SessionEntry]) -> SessionEntry:
    return min(entries, key=lambda entry: entry.started_at)


# --- Markdown --------------------------------------------------------------------


def test_markdown_is_a_calm_document_of_days_entries_changes_and_answers(
    entries: list[SessionEntry],
) -> None:
    assert to_markdown(entries, tz=CET) == (
        "# Attune journal\n"
        "\n"
        "3 March 2025 to 4 March 2025 · 2 entries\n"
        "\n"
        "## Monday 3 March 2025\n"
        "\n"
        "### Box breathing · 08:15\n"
        "\n"
        "Practised 10m · completed  \n"
        "settled 3 → 6\n"
        "\n"
        "*Before*\n"
        "\n"
        "- **How settled do you feel?** 3 of 10\n"
        "- **Where do you feel it?** chest, belly\n"
        "\n"
        "*During*\n"
        "\n"
        "- **Anything else?** Bluebottle\n"
        "\n"
        "*After*\n"
        "\n"
        "- **How settled do you feel?** 6 of 10\n"
        "- **What did you notice?** My shoulders let go.  \n"
        "  Then the \\*old\\* thought came back.\n"
        "- **How do you feel now?** calm, rested\n"
        "\n"
        "## Tuesday 4 March 2025\n"
        "\n"
        "### Body scan · 21:05\n"
        "\n"
        "Practised 3m12s of 10m · stopped early · 1 pause for grounding\n"
        "\n"
        "*Before*\n"
        "\n"
        "- **How settled do you feel?** 3 of 10\n"
    )


def test_markdown_days_follow_the_time_zone(entries: list[SessionEntry]) -> None:
    text = to_markdown(entries, tz=timezone(timedelta(hours=5)))
    assert "## Wednesday 5 March 2025\n\n### Body scan · 01:05" in text


def test_markdown_keeps_the_persons_text_as_text(journal: Journal) -> None:
    tricky = (
        "# not a heading\n- not a list\n1. not numbered\n\n<b>not html</b> [no](link) `x` &amp;"
    )
    answer = StoredAnswer("t", "after", "text", "Notes [*]", tricky, tricky)
    journal.add(session(datetime(2025, 3, 3, 9, 0, tzinfo=CET), title="# Title", answers=(answer,)))
    text = to_markdown(journal.entries(), tz=CET)
    assert "### \\# Title · 09:00" not in text  # a heading's text is not at a line start
    assert "### # Title · 09:00" in text
    assert (
        "- **Notes \\[\\*\\]** # not a heading  \n"
        "  \\- not a list  \n"
        "  1\\. not numbered\n"
        "\n"
        "  \\<b\\>not html\\</b\\> \\[no\\](link) \\`x\\` \\&amp;\n"
    ) in text


def test_markdown_of_nothing(journal: Journal) -> None:
    assert to_markdown([]) == "# Attune journal\n\nNo entries.\n"


# --- choosing --------------------------------------------------------------------


def test_selection_is_immutable_and_composable(entries: list[SessionEntry]) -> None:
    box = first(entries)
    everything = Selection.everything(entries)
    fewer = everything.without_answer(box.id, 2).without_entry(box.id)
    assert everything.includes(box) and everything.includes_answer(box, 2)
    assert not fewer.includes(box)
    again = fewer.with_entry(box.id)
    assert again.includes(box) and not again.includes_answer(box, 2)
    assert again.with_answer(box.id, 2) == everything


def test_chosen_gives_the_selected_entries_oldest_first_without_left_out_answers(
    entries: list[SessionEntry],
) -> None:
    box = first(entries)
    chosen = Selection.everything(entries).without_answer(box.id, 2).chosen(entries)
    assert [entry.practice_id for entry in chosen] == ["box", "scan"]
    assert SECRET not in chosen[0].answers
    assert len(chosen[0].answers) == len(box.answers) - 1


def left_out(entries: list[SessionEntry]) -> Selection:
    """Everything, but the box breathing's secret answer and its 'before' scale; the
    body scan not at all."""
    box = first(entries)
    return Selection(
        entry_ids=frozenset({box.id}),
        excluded=frozenset({(box.id, 0), (box.id, 2)}),  # SETTLED_BEFORE, SECRET
    )


def every_format(entries: list[SessionEntry], selection: Selection) -> dict[str, str]:
    texts = {
        "md": to_markdown(entries, selection, tz=CET),
        "csv": to_csv(entries, selection, tz=CET),
        "json": to_json(entries, selection, tz=CET, now=NOW),
    }
    texts["pages"] = document_text(to_document(entries, selection, tz=CET))
    return texts


def document_text(document: Document) -> str:
    """The words of a document for pages, a paragraph a line (tests/ui/test_pdf.py reads
    the PDF made of it back)."""
    return "\n".join("".join(span.text for span in block.spans) for block in document.blocks)


@pytest.mark.parametrize("kind", ["md", "csv", "json", "pages"])
def test_an_answer_left_out_appears_in_no_format(entries: list[SessionEntry], kind: str) -> None:
    text = every_format(entries, left_out(entries))[kind]
    assert "Bluebottle" not in text
    assert "Anything else?" not in text
    assert "Body scan" not in text  # an entry not chosen
    # With the 'before' answer gone, the change of that scale is gone too.
    assert "3 → 6" not in text and "3 of 10" not in text
    assert "My shoulders let go." in text
    assert "6 of 10" in text


def test_without_a_selection_everything_is_written(entries: list[SessionEntry]) -> None:
    for text in every_format(entries, Selection.everything(entries)).values():
        assert "Bluebottle" in text and "Body scan" in text


def test_nothing_shows_that_something_was_left_out(entries: list[SessionEntry]) -> None:
    """No positions or ids that would have gaps."""
    document = json.loads(to_json(entries, left_out(entries), now=NOW))
    entry = document["entries"][0]
    assert "id" not in entry and "position" not in entry["answers"][0]
    assert not any("position" in column or column == "id" for column in CSV_COLUMNS)


# --- CSV -------------------------------------------------------------------------


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_answer_with_the_entry_columns(entries: list[SessionEntry]) -> None:
    text = to_csv(entries, tz=CET)
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = csv_rows(text)
    assert len(rows) == 7  # six answers, then the body scan's one
    box = first(entries)
    assert rows[0] == {
        "entry_uid": box.uid,
        "date": "2025-03-03",
        "time": "08:15",
        "started_at": "2025-03-03T08:15:00+01:00",
        "ended_at": "2025-03-03T08:25:30+01:00",
        "practice_id": "box",
        "practice_title": "Box breathing",
        "practice_kind": "breathing",
        "practice_version": "2",
        "source": "built-in",
        "language": "en",
        "length_seconds": "600",
        "practised_seconds": "600",
        "completed": "yes",
        "stopped_at_step": "",
        "pauses": "1",
        "grounding_pauses": "0",
        "plan_item": "",
        "when": "before",
        "question_id": "settled",
        "kind": "scale",
        "prompt": "How settled do you feel?",
        "value": "3",
        "display": "3 of 10",
        "minimum": "0",
        "maximum": "10",
    }
    assert rows[1]["value"] == "[0, 2]"
    assert rows[4]["value"] == NOTICED.value  # the line break survives quoting
    assert rows[5]["value"] == '["calm", "rested"]'
    assert rows[6]["practised_seconds"] == "192.4"
    assert rows[6]["completed"] == "no" and rows[6]["stopped_at_step"] == "4"


def test_csv_row_for_an_entry_without_answers(journal: Journal) -> None:
    journal.add(session(datetime(2025, 3, 3, 9, 0, tzinfo=CET)))
    (row,) = csv_rows(to_csv(journal.entries()))
    assert row["practice_id"] == "box"
    assert row["when"] == row["prompt"] == row["value"] == ""


def test_csv_neutralises_formulas_but_keeps_numbers(journal: Journal) -> None:
    answers = (
        StoredAnswer("=cmd", "after", "text", '=HYPERLINK("x")', "+1+cmd|' /C calc'!A0", "@SUM(1)"),
        StoredAnswer("mood", "after", "scale", "-mood", -3, "-3 of 5", -5, 5),
        StoredAnswer("tab", "after", "text", "\tTabbed", "\rreturn", "plain = fine"),
    )
    journal.add(session(datetime(2025, 3, 3, 9, 0, tzinfo=CET), title="=1+2", answers=answers))
    rows = csv_rows(to_csv(journal.entries()))
    assert rows[0]["practice_title"] == "'=1+2"
    assert (rows[0]["question_id"], rows[0]["prompt"]) == ("'=cmd", '\'=HYPERLINK("x")')
    assert (rows[0]["value"], rows[0]["display"]) == ("'+1+cmd|' /C calc'!A0", "'@SUM(1)")
    assert (rows[1]["prompt"], rows[1]["display"]) == ("'-mood", "'-3 of 5")
    assert (rows[1]["value"], rows[1]["minimum"]) == ("-3", "-5")  # numbers stay numbers
    assert (rows[2]["prompt"], rows[2]["value"]) == ("'\tTabbed", "'\rreturn")
    assert rows[2]["display"] == "plain = fine"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or re.fullmatch(r"-\d+", cell), cell


# --- JSON ------------------------------------------------------------------------


def test_json_holds_every_field_typed(entries: list[SessionEntry]) -> None:
    document = json.loads(to_json(entries, tz=CET, now=NOW))
    assert list(document) == ["format", "version", "exported_at", "entries"]
    assert document["format"] == "attune-journal" and document["version"] == 1
    assert document["exported_at"] == "2025-03-12T18:00:00+01:00"
    box, scan = document["entries"]
    assert box == {
        "uid": first(entries).uid,
        "practice_id": "box",
        "practice_title": "Box breathing",
        "practice_kind": "breathing",
        "practice_version": 2,
        "source": "built-in",
        "language": "en",
        "started_at": "2025-03-03T08:15:00+01:00",
        "ended_at": "2025-03-03T08:25:30+01:00",
        "length": 600.0,
        "practised": 600.0,
        "completed": True,
        "stopped_at_step": None,
        "pauses": 1,
        "grounding_pauses": 0,
        "plan_item": None,
        "answers": [
            answer_object(SETTLED_BEFORE),
            answer_object(CHOICE),
            answer_object(SECRET),
            answer_object(SETTLED_AFTER),
            answer_object(NOTICED),
            answer_object(FEELINGS),
        ],
    }
    assert box["answers"][0]["value"] == 3 and box["answers"][1]["value"] == [0, 2]
    assert box["answers"][5]["value"] == ["calm", "rested"]
    assert scan["started_at"] == "2025-03-04T21:05:00+01:00"


def answer_object(answer: StoredAnswer) -> dict[str, Any]:
    value = list(answer.value) if isinstance(answer.value, tuple) else answer.value
    return {
        "question_id": answer.question_id,
        "when": answer.when,
        "kind": answer.kind,
        "prompt": answer.prompt,
        "value": value,
        "display": answer.display,
        "minimum": answer.minimum,
        "maximum": answer.maximum,
    }


def without_ids(entries: list[SessionEntry]) -> list[SessionEntry]:
    return sorted((replace(entry, id=0) for entry in entries), key=lambda e: e.started_at)


def test_json_round_trip_into_a_fresh_journal_gives_equal_entries(
    entries: list[SessionEntry], tmp_path: Path
) -> None:
    sessions = read_json(to_json(entries, tz=timezone(timedelta(hours=-7)), now=NOW))
    assert [s.uid for s in sessions] == [e.uid for e in sorted(entries, key=lambda e: e.started_at)]
    fresh = Journal.open(tmp_path / "fresh" / "journal.sqlite3")
    try:
        for new in sessions:
            fresh.add(new)
        assert without_ids(fresh.entries()) == without_ids(entries)
        for new in sessions:  # the same uids again: nothing is added
            fresh.add(new)
        assert fresh.count() == 2
    finally:
        fresh.close()


def test_read_json_gives_typed_values(entries: list[SessionEntry]) -> None:
    box = read_json(to_json(entries))[0]
    values = [answer.value for answer in box.answers]
    assert values == [3, (0, 2), "Bluebottle", 6, NOTICED.value, ("calm", "rested")]
    assert box.started_at.utcoffset() is not None
    assert box.started_at == datetime(2025, 3, 3, 8, 15, tzinfo=CET)


# --- reading bad files -----------------------------------------------------------


def good_document(entries: list[SessionEntry]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(to_json(entries, now=NOW))
    return document


def problems_of(document: object) -> list[str]:
    text = document if isinstance(document, str) else json.dumps(document)
    text = text.replace('"INFINITE"', "1e400")  # Python's json reads that as infinity
    with pytest.raises(JournalImportError) as caught:
        read_json(text)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return list(caught.value.problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{",
            "this is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2",
        ),
        ("", "this is not valid JSON: Expecting value at line 1, column 1"),
        ("[]", 'this is not an Attune journal export (it has no "format": "attune-journal")'),
        (
            '{"format": "something"}',
            'this is not an Attune journal export (it has no "format": "attune-journal")',
        ),
        ('{"format": "attune-journal"}', "version: expected a whole number from 1, got null"),
        (
            '{"format": "attune-journal", "version": "1"}',
            'version: expected a whole number from 1, got "1"',
        ),
        (
            '{"format": "attune-journal", "version": true}',
            "version: expected a whole number from 1, got true",
        ),
        (
            '{"format": "attune-journal", "version": 2, "entries": []}',
            "this export was made by a newer version of Attune (format version 2; this one "
            "reads version 1). Update Attune to import it.",
        ),
        (
            '{"format": "attune-journal", "format": "x"}',
            'this is not valid JSON: the key "format" appears twice in one object',
        ),
        ("[NaN]", "this is not valid JSON: NaN is not a number JSON allows"),
        ("[" * 100_000, "this is not valid JSON"),
    ],
)
def test_files_that_are_not_exports_are_refused_in_plain_words(text: str, message: str) -> None:
    assert problems_of(text) == [message]


def test_top_level_fields_are_checked(entries: list[SessionEntry]) -> None:
    document = good_document(entries)
    del document["exported_at"]
    document["entries"] = {}
    document["extra"] = 1
    assert problems_of(document) == [
        "extra: not a field of this format",
        "exported_at: missing",
        "entries: expected a list of entries, got an object",
    ]


def test_every_problem_names_its_entry_and_field(entries: list[SessionEntry]) -> None:
    document = good_document(entries)
    box, scan = document["entries"]
    del box["practice_id"]
    box["started_at"] = "yesterday"
    box["ended_at"] = "2025-03-03T08:25:30"  # no offset
    box["completed"] = "yes"
    box["pauses"] = -1
    box["grounding_pauses"] = 1.5
    box["practised"] = "INFINITE"
    box["length"] = 0
    box["uid"] = "has spaces"
    box["colour"] = "blue"
    box["answers"][0]["value"] = True
    box["answers"][1]["value"] = [0, "one"]
    box["answers"][2]["when"] = "later"
    box["answers"][3]["kind"] = "slider"
    del box["answers"][4]["display"]
    box["answers"][5]["value"] = "calm"
    box["answers"][5]["minimum"] = 0
    scan["ended_at"] = "2025-03-04T20:00:00+01:00"
    scan["practice_version"] = None  # allowed
    scan["answers"].append("not an answer")
    assert problems_of(document) == [
        "entries[1].colour: not a field of this format",
        "entries[1].practice_id: missing",
        "entries[1].uid: expected an id of 1 to 64 letters, digits, - or _, got 'has spaces'",
        'entries[1].started_at: expected an ISO 8601 time with its offset, like "2025-03-04T08:15:00+01:00", got "yesterday"',
        'entries[1].ended_at: expected an ISO 8601 time with its offset, like "2025-03-04T08:15:00+01:00", got "2025-03-03T08:25:30"',
        "entries[1].answers[1].value: expected a whole number for a scale answer, got true",
        "entries[1].answers[2].value: expected a list of option numbers (whole numbers from 0) for a choice answer, got a list",
        'entries[1].answers[3].when: expected one of "before", "during" or "after", got "later"',
        'entries[1].answers[4].kind: expected one of "scale", "text", "choice" or "feelings", got "slider"',
        "entries[1].answers[5].display: missing",
        'entries[1].answers[6].value: expected a list of feeling ids and words (text) for a feelings answer, got "calm"',
        "entries[1].answers[6].minimum: only a scale answer has a minimum; expected null",
        "entries[1].length: expected a number of seconds, more than 0, or null, got 0",
        "entries[1].practised: expected a number of seconds, from 0, got inf",
        'entries[1].completed: expected true or false, got "yes"',
        "entries[1].pauses: expected a whole number from 0, got -1",
        "entries[1].grounding_pauses: expected a whole number from 0, got 1.5",
        "entries[2].ended_at: the session ends before it starts",
        'entries[2].answers[2]: expected an answer (an object), got "not an answer"',
    ]


def test_an_entry_that_is_not_an_object(entries: list[SessionEntry]) -> None:
    document = good_document(entries)
    document["entries"].insert(0, [])
    assert problems_of(document) == ["entries[1]: expected an entry (an object), got a list"]


def test_many_problems_are_counted_not_all_listed(entries: list[SessionEntry]) -> None:
    document = good_document(entries)
    document["entries"] = [1] * 30
    with pytest.raises(JournalImportError) as caught:
        read_json(json.dumps(document))
    assert len(caught.value.problems) == 30
    lines = str(caught.value).splitlines()
    assert len(lines) == 21 and lines[-1] == "… and 10 more problems"


# --- the document for pages (the PDF) ---------------------------------------------


def test_the_document_for_pages_says_what_the_markdown_says(entries: list[SessionEntry]) -> None:
    document = to_document(entries, tz=CET)
    assert (document.title, document.footer) == ("Attune journal", "Attune journal")
    shown = [
        (block.style, tuple((span.text, span.bold) for span in block.spans), block.bullet)
        for block in document.blocks
    ]
    assert shown[:6] == [
        ("title", (("Attune journal", False),), False),
        ("meta", (("3 March 2025 to 4 March 2025 · 2 entries", False),), False),
        ("heading", (("Monday 3 March 2025", False),), False),
        ("subheading", (("Box breathing · 08:15", False),), False),
        ("meta", (("Practised 10m · completed", False),), False),
        ("body", (("settled 3 → 6", False),), False),
    ]
    assert (
        "body",
        (
            ("What did you notice?", True),
            (" My shoulders let go.\nThen the *old* thought came back.", False),
        ),
        True,
    ) in shown
    assert ("body", (("How do you feel now?", True), (" calm, rested", False)), True) in shown
    assert ("heading", (("Tuesday 4 March 2025", False),), False) in shown
    assert (
        "meta",
        (("Practised 3m12s of 10m · stopped early · 1 pause for grounding", False),),
        False,
    ) in shown


def test_an_answer_goes_to_json_and_back_as_it_was_also_from_an_older_draft() -> None:
    # `answer_object` here is this file's own statement of the format.
    for answer in (SETTLED_BEFORE, NOTICED):
        assert answer_from_object(answer_object(answer)) == answer
    older = {k: v for k, v in answer_object(NOTICED).items() if k not in ("minimum", "maximum")}
    assert answer_from_object(older) == NOTICED
    assert answer_from_object({"question_id": "x"}) is None
    assert answer_from_object("not an answer") is None
