"""The journal: real SQLite files in temporary folders, every field and answer kind,
filters, search, figures, drafts, migrations, and every way opening can go wrong."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.storage.journal import (
    Journal,
    JournalError,
    NewSession,
    ScaleChange,
    SessionEntry,
    StoredAnswer,
    fts_query,
    scale_changes,
)
from desktop_app.storage.journal import search as search_module
from desktop_app.storage.lock import sqlcipher
from tests.helpers import as_nobody
from tests.journal_sessions import a_session

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2024, 3, 4, 9, 30, 15, 123456, tzinfo=UTC)  # a Monday

ANSWERS = (
    StoredAnswer("calm", "before", "scale", "How calm are you?", 3, "3 of 10", 0, 10),
    StoredAnswer("feel", "before", "feelings", "How do you feel?", ("tense", "zó moe"), "tense, zó moe"),
    StoredAnswer("focus", "during", "scale", "Focus?", 4, "4 of 5", 1, 5),
    StoredAnswer("calm", "after", "scale", "How calm are you?", 7, "7 of 10", 0, 10),
    StoredAnswer("note", "after", "text", "What did you notice?", "My shoulders dropped.\nThen: “rest”.", "My shoulders dropped.\nThen: “rest”."),
    StoredAnswer("help", "after", "choice", "What helped?", (0, 2), "counting, the bell"),
    StoredAnswer("none", "after", "choice", "Anything else?", (), ""),
    StoredAnswer("nothing", "after", "feelings", "Feelings now?", (), ""),
)  # fmt: skip


def session(**changes: Any) -> NewSession:
    base = a_session(
        T0,
        ANSWERS,
        practice_version=3,
        ended_at=T0 + timedelta(minutes=5, seconds=2.5),
        length=300.0,
        practised=297.25,
        pauses=1,
    )
    return replace(base, **changes)


def new_fields(entry: NewSession) -> dict[str, Any]:
    return {f.name: getattr(entry, f.name) for f in fields(NewSession) if f.name != "uid"}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def journal(path: Path) -> Iterator[Journal]:
    opened = Journal.open(path)
    yield opened
    opened.close()


@contextlib.contextmanager
def time_zone(name: str) -> Iterator[None]:
    """Run with the local time zone set to `name` (POSIX)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX)")
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw_database(path: Path, *, user_version: int = 0, wal: bool = False) -> None:
    """A small database not made by Attune."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE future (x TEXT)")
    connection.executemany("INSERT INTO future VALUES (?)", [("x" * 100,)] * 200)
    connection.execute(f"PRAGMA user_version = {user_version}")
    connection.commit()
    connection.close()


# --- round trips ----------------------------------------------------------------------


def test_every_field_and_answer_kind_round_trips(journal: Journal) -> None:
    original = session(plan_item="week-1#2", stopped_at_step=4, completed=False, uid="import-1")
    entry_id = journal.add(original)
    entry = journal.get(entry_id)
    assert isinstance(entry, SessionEntry)
    assert entry.id == entry_id
    assert entry.uid == "import-1"
    assert new_fields(entry) == new_fields(original)
    # Times come back aware, in the local zone, at the same instant to the microsecond.
    assert entry.started_at.utcoffset() is not None
    assert entry.started_at == T0
    assert entry.started_at.microsecond == T0.microsecond


def test_answers_come_back_with_their_python_types(journal: Journal) -> None:
    entry = journal.get(journal.add(session()))
    assert entry is not None
    values = {(a.question_id, a.when): a.value for a in entry.answers}
    assert type(values["calm", "before"]) is int
    assert type(values["note", "after"]) is str
    assert values["help", "after"] == (0, 2)
    assert type(values["help", "after"]) is tuple
    assert all(type(v) is int for v in values["help", "after"])
    assert values["feel", "before"] == ("tense", "zó moe")
    assert all(type(v) is str for v in values["feel", "before"])
    assert values["none", "after"] == ()
    assert entry.answers == ANSWERS  # order kept too


def test_nullable_fields_and_a_naive_time_taken_as_local(journal: Journal) -> None:
    with time_zone("Europe/Amsterdam"):
        naive = datetime(2024, 7, 1, 22, 15)
        entry_id = journal.add(
            session(
                practice_version=None, length=None, started_at=naive, ended_at=naive, answers=()
            )
        )
        entry = journal.get(entry_id)
        assert entry is not None
        assert entry.practice_version is None
        assert entry.length is None
        assert entry.answers == ()
        assert entry.started_at == naive.astimezone()
        assert entry.started_at.utcoffset() == timedelta(hours=2)
        assert entry.started_at.replace(tzinfo=None) == naive  # shown in local time


def test_times_are_stored_as_utc_text(journal: Journal, path: Path) -> None:
    plus_two = timezone(timedelta(hours=2))
    journal.add(session(started_at=datetime(2024, 1, 1, 12, 0, tzinfo=plus_two)))
    with contextlib.closing(sqlite3.connect(path)) as raw:
        (stored,) = raw.execute("SELECT started_at FROM sessions").fetchone()
    assert stored == "2024-01-01T10:00:00.000000+00:00"


@pytest.mark.parametrize(
    "value",
    [1.5, True, None, {"a": 1}, (1, "a"), (True,), ((1,),), [1.0]],
    ids=repr,
)
def test_values_that_cannot_round_trip_are_refused(journal: Journal, value: object) -> None:
    bad = StoredAnswer("q", "after", "text", "Q?", value, "?")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="answer 2"):
        journal.add(session(answers=(ANSWERS[0], bad)))
    assert journal.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"practised": float("nan")}, "practised"),
        ({"length": float("inf")}, "length"),
        ({"pauses": 1.0}, "pauses"),
        ({"completed": 1}, "completed"),
        ({"uid": ""}, "uid"),
        ({"answers": (replace(ANSWERS[0], when=cast(Any, "later")),)}, "when"),
        ({"answers": (replace(ANSWERS[0], kind=cast(Any, "slider")),)}, "kind"),
    ],
)
def test_bad_sessions_are_refused_with_value_error(
    journal: Journal, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        journal.add(session(**changes))
    assert journal.count() == 0


def test_lists_are_kept_as_tuples(journal: Journal) -> None:
    answer = StoredAnswer("help", "after", "choice", "What helped?", [1, 2], "b, c")  # type: ignore[arg-type]
    entry = journal.get(journal.add(session(answers=(answer,))))
    assert entry is not None
    assert entry.answers[0].value == (1, 2)


def test_a_uid_already_there_is_not_added_again(journal: Journal) -> None:
    first = journal.add(session(uid="same"))
    again = journal.add(session(uid="same", practice_title="Changed"))
    assert again == first
    assert journal.count() == 1
    got = journal.get(first)
    assert got is not None and got.practice_title == "Box breathing"
    ids = journal.add_many([session(uid="same"), session(uid="other")])
    assert ids[0] == first
    assert journal.add_many([session(uid="same"), session(uid="other")]) == ids
    assert journal.count() == 2


def test_new_sessions_get_fresh_uids(journal: Journal) -> None:
    a = journal.get(journal.add(session()))
    b = journal.get(journal.add(session()))
    assert a is not None and b is not None
    assert a.uid != b.uid
    assert len(a.uid) == 32 and int(a.uid, 16) >= 0


def test_unknown_ids(journal: Journal) -> None:
    assert journal.get(12345) is None
    with pytest.raises(KeyError):
        journal.delete(12345)
    with pytest.raises(KeyError):
        journal.update_answers(12345, ANSWERS)


def test_answers_can_be_replaced(journal: Journal) -> None:
    entry_id = journal.add(session())
    new = (StoredAnswer("note", "after", "text", "Anything?", "A new thought about pelicans", "A new thought about pelicans"),)  # fmt: skip
    journal.update_answers(entry_id, new)
    entry = journal.get(entry_id)
    assert entry is not None and entry.answers == new
    assert [hit.entry.id for hit in journal.search("pelicans")] == [entry_id]
    assert journal.search("shoulders") == []  # the old text is no longer found


def test_a_closed_journal_says_so(path: Path) -> None:
    journal = Journal.open(path)
    journal.close()
    journal.close()  # twice is fine
    with pytest.raises(JournalError, match="closed"):
        journal.count()


def test_sessions_survive_reopening(path: Path) -> None:
    with Journal.open(path) as journal:
        entry_id = journal.add(session())
    with Journal.open(path) as journal:
        entry = journal.get(entry_id)
        assert entry is not None and entry.answers == ANSWERS


# --- delete and restore ----------------------------------------------------------------


def test_delete_returns_the_entry_and_restore_brings_it_back(journal: Journal, path: Path) -> None:
    keep = journal.add(session(practice_title="Keep me"))
    entry_id = journal.add(session(started_at=T0 + timedelta(days=1)))
    deleted = journal.delete(entry_id)
    assert deleted.id == entry_id
    assert deleted.answers == ANSWERS
    assert journal.get(entry_id) is None
    assert journal.count() == 1
    assert [h.entry.id for h in journal.search("shoulders")] == [keep]
    with contextlib.closing(sqlite3.connect(path)) as raw:
        orphans = raw.execute(
            "SELECT count(*) FROM answers WHERE session_id = ?", (entry_id,)
        ).fetchone()[0]
    assert orphans == 0

    restored_id = journal.restore(deleted)
    assert restored_id == entry_id  # its old id was still free
    restored = journal.get(restored_id)
    assert restored == deleted
    assert [h.entry.id for h in journal.search("shoulders")] == [entry_id, keep]
    assert journal.restore(deleted) == entry_id  # twice: no duplicate
    assert journal.count() == 2


def test_restore_takes_a_new_id_when_the_old_one_is_taken(journal: Journal) -> None:
    entry_id = journal.add(session())
    deleted = journal.delete(entry_id)
    other = journal.add(session())  # SQLite may hand out the same id again
    restored_id = journal.restore(deleted)
    restored = journal.get(restored_id)
    assert restored is not None
    assert restored.uid == deleted.uid
    assert restored.answers == deleted.answers
    assert journal.count() == 2
    assert other != restored_id


def test_deleted_words_are_gone_from_the_files(journal: Journal, path: Path) -> None:
    secret = "Xylophonequartz"
    text = f"I told nobody about {secret}."
    note = StoredAnswer("note", "after", "text", "Notes", text, text)
    for n in range(30):
        journal.add(session(answers=(note,) if n == 7 else ANSWERS))
    entry_id = next(e.id for e in journal.entries() if e.answers == (note,))
    journal.save_draft("entry-x", {"text": secret})
    journal.clear_draft("entry-x")
    journal.delete(entry_id)
    on_disk = b"".join(
        p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)
    )
    assert secret.encode() not in on_disk
    assert secret.lower().encode() not in on_disk  # not even as an index token


# --- filters ---------------------------------------------------------------------------


def test_entries_newest_first_with_limit_and_offset(journal: Journal) -> None:
    ids = [journal.add(session(started_at=T0 + timedelta(hours=n))) for n in range(5)]
    assert [e.id for e in journal.entries()] == ids[::-1]
    assert [e.id for e in journal.entries(limit=2)] == ids[:2:-1][:2]
    assert [e.id for e in journal.entries(limit=2, offset=2)] == [ids[2], ids[1]]
    assert journal.entries(limit=0) == []
    assert journal.count() == 5


def test_filters_by_practice_kind_and_dates(journal: Journal) -> None:
    with time_zone("America/New_York"):
        local = datetime(2024, 5, 10, 23, 30).astimezone()  # 03:30 UTC on the 11th
        a = journal.add(session(practice_id="a", practice_kind="breathing", started_at=local))
        b = journal.add(
            session(
                practice_id="b", practice_kind="grounding", started_at=local + timedelta(hours=1)
            )
        )
        c = journal.add(
            session(
                practice_id="a", practice_kind="breathing", started_at=local + timedelta(days=3)
            )
        )

        def ids(**filters: Any) -> list[int]:
            found = [e.id for e in journal.entries(**filters)]
            assert journal.count(**filters) == len(found)
            return found

        assert ids(practice_id="a") == [c, a]
        assert ids(kind="grounding") == [b]
        assert ids(practice_id="a", kind="grounding") == []
        # Dates are local and both ends are included.
        assert ids(since=date(2024, 5, 10), until=date(2024, 5, 10)) == [a]
        assert ids(since=date(2024, 5, 11), until=date(2024, 5, 11)) == [b]
        assert ids(since=date(2024, 5, 11)) == [c, b]
        assert ids(until=date(2024, 5, 11)) == [b, a]
        assert ids(practice_id="a", since=date(2024, 5, 12)) == [c]
        assert ids(practice_id="nothing") == []


def test_practice_ids_give_the_latest_title(journal: Journal) -> None:
    journal.add(session(practice_id="box", practice_title="Box (old)", started_at=T0))
    journal.add(
        session(practice_id="box", practice_title="Box breathing", started_at=T0 + timedelta(1))
    )
    journal.add(session(practice_id="scan", practice_title="a body scan", started_at=T0))
    assert journal.practice_ids() == [("scan", "a body scan"), ("box", "Box breathing")]


# --- search ----------------------------------------------------------------------------


def test_search_finds_titles_prompts_and_answers_with_marked_snippets(journal: Journal) -> None:
    entry_id = journal.add(session())
    other = journal.add(session(practice_title="Grounding 5-4-3-2-1", answers=()))
    for text, column_text in [
        ("shoulders", "My [[shoulders]] dropped."),
        ("counting", "[[counting]], the bell"),
        ("noticE", "What did you [[notice]]?"),
        ("zo moe", "[[zó]] [[moe]]"),  # diacritics do not matter
        ("shoul", "My [[shoulders]]"),  # the last word is a prefix
    ]:
        hits = journal.search(text)
        assert [h.entry.id for h in hits] == [entry_id], text
        assert any(column_text in s for s in hits[0].snippets), (text, hits[0].snippets)
    hits = journal.search("breathing")
    assert [h.entry.id for h in hits] == [entry_id]
    assert hits[0].snippets == ("Box [[breathing]]",)
    assert [h.entry.id for h in journal.search("grounding")] == [other]
    assert journal.search("shoul dropped") == []  # only the last word is a prefix
    assert [h.entry.id for h in journal.search("dropped shoul")] == [entry_id]
    assert "\n" not in " ".join(journal.search("shoulders")[0].snippets)


def test_search_finds_text_answers_beyond_their_display(journal: Journal) -> None:
    answer = StoredAnswer(
        "note", "after", "text", "Notes", "the whole long story of aardvarks", "the whole…"
    )
    entry_id = journal.add(session(answers=(answer,)))
    assert [h.entry.id for h in journal.search("aardvarks")] == [entry_id]


def test_search_is_newest_first_and_limited(journal: Journal) -> None:
    ids = [journal.add(session(started_at=T0 + timedelta(days=n))) for n in range(5)]
    assert [h.entry.id for h in journal.search("breathing")] == ids[::-1]
    assert [h.entry.id for h in journal.search("breathing", limit=2)] == ids[:2:-1][:2]
    assert journal.search("breathing", limit=0) == []
    hit = journal.search("breathing")[0]
    assert hit.entry == journal.get(ids[-1])


AWKWARD = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed',
    "*",
    "**",
    "shoul*",
    "NEAR",
    "NEAR(a b)",
    "a NEAR b",
    "AND",
    "OR NOT",
    "NOT shoulders",
    "-shoulders",
    "+",
    "^start",
    "col:shoulders",
    "title:box",
    "{title prompts}: box",
    "(",
    ")",
    "a OR (b",
    "'; DROP TABLE sessions; --",
    "\x00",
    "\x02\x03",
    "🙂",
    "😀 shoulders",
    "日本語",
    "ümlaut ß İ",
    "a" * 5000,
    "[[shoulders]]",
    "\\",
    "%_",
]


@pytest.mark.parametrize("text", AWKWARD, ids=repr)
def test_awkward_search_text_never_raises(journal: Journal, text: str) -> None:
    journal.add(session())
    hits = journal.search(text)
    assert isinstance(hits, list)
    assert journal.count() == 1


def test_awkward_search_text_is_taken_as_words(journal: Journal) -> None:
    entry_id = journal.add(session(practice_title="NEAR the sea AND OR NOT"))
    for text in ["NEAR", "near the", "AND", "OR", "NOT", "-shoulders", '"shoulders', "shoulders*"]:
        assert [h.entry.id for h in journal.search(text)] == [entry_id], text
    assert journal.search("") == []
    assert journal.search("* ** ()") == []


@given(text=st.text(max_size=40))
def test_any_search_text_never_raises(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    journal = _shared_journal(tmp_path_factory)
    assert isinstance(journal.search(text), list)


_SHARED: dict[str, Journal] = {}


def _shared_journal(factory: pytest.TempPathFactory) -> Journal:
    if "j" not in _SHARED or _SHARED["j"]._conn is None:
        _SHARED["j"] = Journal.open(factory.mktemp("fuzz") / "journal.sqlite3")
        _SHARED["j"].add(session())
    return _SHARED["j"]


@pytest.fixture(autouse=True, scope="module")
def _close_shared() -> Iterator[None]:
    yield
    for journal in _SHARED.values():
        journal.close()
    _SHARED.clear()


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("") is None
    assert fts_query(" * ( ) ") is None
    assert fts_query('say "hi" NEAR') == '"say" """hi""" "NEAR"*'


# --- figures ---------------------------------------------------------------------------


def test_minutes_per_week_local_mondays_with_empty_weeks(journal: Journal) -> None:
    with time_zone("Europe/Amsterdam"):
        sunday_late = datetime(2024, 3, 10, 23, 30).astimezone()  # 22:30 UTC, still Sunday here
        monday_early = datetime(2024, 3, 11, 0, 30).astimezone()  # Sunday 23:30 UTC
        journal.add(session(started_at=sunday_late, practised=600.0))
        journal.add(session(started_at=monday_early, practised=120.0))
        journal.add(session(started_at=monday_early + timedelta(days=6), practised=60.0))
        journal.add(session(started_at=datetime(2024, 2, 1, 12).astimezone(), practised=6000.0))
        weeks = journal.minutes_per_week(4, today=date(2024, 3, 20))
    assert weeks == [
        (date(2024, 2, 26), 0.0),
        (date(2024, 3, 4), 10.0),
        (date(2024, 3, 11), 3.0),
        (date(2024, 3, 18), 0.0),
    ]
    assert all(day.weekday() == 0 for day, _ in weeks)
    assert journal.minutes_per_week(0) == []
    assert len(journal.minutes_per_week()) == 12
    assert journal.minutes_per_week()[-1][0] <= date.today()


def test_practices_by_kind(journal: Journal) -> None:
    assert journal.practices_by_kind() == {}
    for kind in ["breathing", "grounding", "breathing", "body scan", "breathing", "grounding"]:
        journal.add(session(practice_kind=kind))
    assert journal.practices_by_kind() == {"breathing": 3, "grounding": 2, "body scan": 1}
    assert list(journal.practices_by_kind()) == ["breathing", "grounding", "body scan"]


def scales(*pairs: tuple[str, str, int]) -> tuple[StoredAnswer, ...]:
    return tuple(
        StoredAnswer(q, when, "scale", f"{q}?", value, f"{value} of 10")  # type: ignore[arg-type]
        for q, when, value in pairs
    )


def test_average_change(journal: Journal) -> None:
    journal.add(
        session(practice_id="box", answers=scales(("calm", "before", 2), ("calm", "after", 6)))
    )
    journal.add(
        session(practice_id="box", answers=scales(("calm", "before", 5), ("calm", "after", 3)))
    )
    # Two scales in one session: that session's change is their mean (+3, +1 → +2).
    journal.add(
        session(
            practice_id="scan",
            practice_title="Body scan",
            answers=scales(
                ("a", "before", 1), ("b", "before", 5), ("a", "after", 4), ("b", "after", 6)
            ),
        )
    )
    # Not counted: different ids, only before, a text answer, a "during" scale.
    journal.add(
        session(practice_id="box", answers=scales(("calm", "before", 2), ("tense", "after", 9)))
    )
    journal.add(
        session(practice_id="box", answers=scales(("calm", "before", 2), ("calm", "during", 9)))
    )
    journal.add(session(practice_id="grounding", answers=ANSWERS[4:5]))
    assert journal.average_change() == [
        ("scan", "Body scan", 2.0, 1),
        ("box", "Box breathing", 1.0, 2),
    ]


def test_scale_changes() -> None:
    entry = session(answers=ANSWERS)
    assert scale_changes(entry) == (ScaleChange("calm", "How calm are you?", 3, 7, 0, 10),)
    # Without a stored range: read from "7 of 5"-like displays, else 0–10, widened.
    unranged = scales(("x", "before", 2), ("x", "after", 4))
    assert scale_changes(session(answers=unranged)) == (ScaleChange("x", "x?", 2, 4, 0, 10),)
    odd = (
        StoredAnswer("y", "before", "scale", "Y?", -3, "-3"),
        StoredAnswer("y", "after", "scale", "Y?", 12, "12"),
    )
    assert scale_changes(session(answers=odd)) == (ScaleChange("y", "Y?", -3, 12, -3, 12),)
    of_seven = (
        StoredAnswer("z", "before", "scale", "Z?", 1, "1 van 7"),
        StoredAnswer("z", "after", "scale", "Z?", 6, "6 van 7"),
    )
    assert scale_changes(session(answers=of_seven)) == (ScaleChange("z", "Z?", 1, 6, 0, 7),)
    assert scale_changes(session(answers=())) == ()


# --- drafts ----------------------------------------------------------------------------


def test_drafts_are_saved_replaced_cleared_and_durable(path: Path) -> None:
    with Journal.open(path) as journal:
        assert journal.drafts() == {}
        journal.save_draft("entry-1", {"note": "half a thou", "n": 1})
        journal.save_draft("entry-1", {"note": "half a thought ✓", "n": 2, "list": [1, "a"]})
        journal.save_draft("new", {})
        journal.clear_draft("missing")  # nothing to clear is fine
    with Journal.open(path) as journal:
        assert journal.drafts() == {
            "entry-1": {"note": "half a thought ✓", "n": 2, "list": [1, "a"]},
            "new": {},
        }
        journal.clear_draft("entry-1")
        assert journal.drafts() == {"new": {}}


def test_a_draft_must_be_json(journal: Journal) -> None:
    with pytest.raises(TypeError):
        journal.save_draft("k", {"when": datetime.now()})
    with pytest.raises(ValueError):
        journal.save_draft("k", {"x": float("nan")})
    assert journal.drafts() == {}


# --- the file --------------------------------------------------------------------------


def test_pragmas(journal: Journal, path: Path) -> None:
    connection = journal._conn
    assert connection is not None

    def pragma(name: str) -> object:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("secure_delete") == 1
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("user_version") == Journal.SCHEMA_VERSION == 1
    with contextlib.closing(sqlite3.connect(path)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # kept in the file


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077, 0o277])
def test_folder_and_files_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "data" / "inner" / "journal.sqlite3"
    old = os.umask(umask)
    try:
        with Journal.open(path) as journal:
            journal.add(session())
            files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(f.exists() for f in files)
            assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
            assert mode(path.parent) == 0o700
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_existing_files_and_folder_lose_access_by_others(path: Path) -> None:
    Journal.open(path).close()
    path.parent.chmod(0o755)
    path.chmod(0o644)
    with Journal.open(path):
        assert mode(path) == 0o600
        assert mode(Path(f"{path}-wal")) == 0o600
        assert mode(path.parent) == 0o700


def test_fts5_missing_is_said_clearly(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "_FTS5_AVAILABLE", False)
    with pytest.raises(JournalError, match="FTS5") as caught:
        Journal.open(path)
    assert caught.value.kind == "other"
    assert not path.exists()


# --- refusing what cannot be used --------------------------------------------------------


@pytest.mark.parametrize("wal", [False, True])
def test_a_newer_journal_is_refused_and_left_byte_identical(path: Path, wal: bool) -> None:
    raw_database(path, user_version=7, wal=wal)
    path.chmod(0o644)
    before = file_bytes(path.parent)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert caught.value.kind == "newer"
    assert str(caught.value) == (
        "Your journal was made by a newer version of Attune (schema 7; this one reads 1). "
        "It was not changed. Please use the newer Attune."
    )
    assert file_bytes(path.parent) == before
    assert mode(path) == 0o644  # not even its permissions


def test_a_journal_opened_by_a_newer_attune_is_then_refused(path: Path) -> None:
    Journal.open(path).close()
    Future.open(path).close()
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert caught.value.kind == "newer"
    assert path.read_bytes() == before


def corrupt_middle(path: Path) -> None:
    """Garbage over whole pages in the middle of the file."""
    size = path.stat().st_size
    page = 4096
    pages = size // page
    assert pages >= 6, "the database should have several pages"
    with path.open("r+b") as handle:
        handle.seek((pages // 2) * page)
        handle.write(bytes((n * 131 + 7) % 251 for n in range(2 * page)))


def filled_journal(path: Path, sessions: int = 150) -> None:
    with Journal.open(path) as journal:
        journal.add_many(session(started_at=T0 + timedelta(hours=n)) for n in range(sessions))
    assert not Path(f"{path}-wal").exists()  # folded in at close


@pytest.mark.parametrize(
    "damage",
    ["middle", "truncated", "text", "zeros-header"],
)
def test_a_damaged_journal_is_reported_and_left_alone(path: Path, damage: str) -> None:
    filled_journal(path)
    if damage == "middle":
        corrupt_middle(path)
    elif damage == "truncated":
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.truncate(size // 2)
    elif damage == "text":
        path.write_text("these are not the pages you are looking for\n" * 100)
    else:
        data = bytearray(path.read_bytes())
        data[:100] = bytes(100)
        path.write_bytes(bytes(data))
    before = file_bytes(path.parent)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert caught.value.kind == "corrupt", caught.value.detail
    assert "damaged" in str(caught.value)
    after = file_bytes(path.parent)
    # The damaged file itself is never written; a read-only look may leave an -shm.
    assert after[path.name] == before[path.name]
    assert set(after) - set(before) <= {f"{path.name}-shm", f"{path.name}-wal"}


SCHEMA = sorted(
    (kind, name)
    for kind, name in Journal.expected_schema(Journal.SCHEMA_VERSION)
    if not name.startswith("sqlite_autoindex_")  # part of its table: not dropped alone
)


def test_the_expected_schema_comes_from_the_migrations() -> None:
    schema = Journal.expected_schema(Journal.SCHEMA_VERSION)
    assert {("table", "answers"), ("table", "search"), ("trigger", "sessions_unindex")} <= schema
    assert ("table", "search_data") in schema  # FTS5's own tables too
    assert Journal.expected_schema(0) == frozenset()


@pytest.mark.parametrize(("kind", "name"), SCHEMA, ids=[name for _, name in SCHEMA])
def test_a_journal_missing_part_of_its_schema_is_damaged(path: Path, kind: str, name: str) -> None:
    """quick_check looks at pages, not at what the schema should hold: a journal
    without its answers table passed it, then failed every read."""
    filled_journal(path, 20)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute(f'DROP {kind.upper()} "{name}"')
        assert raw.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    before = file_bytes(path.parent)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert caught.value.kind == "corrupt"  # so the app offers its repair
    assert "damaged" in str(caught.value)
    assert f"no {kind} {name}" in caught.value.detail
    after = file_bytes(path.parent)
    assert after[path.name] == before[path.name]
    assert set(after) - set(before) <= {f"{path.name}-shm", f"{path.name}-wal"}


def test_a_journal_left_mid_transaction_in_rollback_mode_is_rolled_back(
    path: Path, tmp_path: Path
) -> None:
    """A read-only look cannot roll back a hot journal; the checks then run on the
    writing connection, and the unfinished change is undone."""
    filled_journal(path, 300)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = DELETE")
    writer.execute("PRAGMA cache_size = 1")  # spill changed pages into the file
    writer.execute("BEGIN")
    writer.execute("UPDATE sessions SET practice_title = 'half done'")
    crashed = tmp_path / "crashed" / "journal.sqlite3"
    crashed.parent.mkdir()
    for suffix in ("", "-journal"):
        shutil.copy2(f"{path}{suffix}", f"{crashed}{suffix}")
    writer.execute("ROLLBACK")
    writer.close()
    with Journal.open(crashed) as journal:
        assert journal.count() == 300
        assert {e.practice_title for e in journal.entries()} == {"Box breathing"}
    with contextlib.closing(sqlite3.connect(crashed)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_log_without_its_database_is_reported_and_kept(path: Path, tmp_path: Path) -> None:
    Journal.open(path).close()
    live = sqlite3.connect(path, isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    with Journal.open(path) as journal:
        journal.add(session())
        orphan = tmp_path / "orphan" / "journal.sqlite3"
        orphan.parent.mkdir()
        shutil.copy2(f"{path}-wal", f"{orphan}-wal")
    live.close()
    before = file_bytes(orphan.parent)
    with pytest.raises(JournalError) as caught:
        Journal.open(orphan)
    assert caught.value.kind == "corrupt"
    assert "missing" in str(caught.value)
    assert file_bytes(orphan.parent) == before


def test_locked_by_another_connection(path: Path) -> None:
    Journal.open(path).close()
    holder = sqlcipher.connect(path)  # the journal's own SQLite: it sees its locks
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(JournalError) as caught:
            Journal.open(path)
        waited = time.monotonic() - started
        assert caught.value.kind == "locked"
        assert "in use by another program" in str(caught.value)
        assert waited >= 1.5  # it waited for the other program before saying so
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Journal.open(path).close()  # free again


def test_a_save_while_locked_says_locked_and_keeps_nothing_half(
    journal: Journal, path: Path
) -> None:
    holder = sqlcipher.connect(path)  # the journal's own SQLite: it sees its locks
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(JournalError) as caught:
            journal.add(session())
        assert caught.value.kind == "locked"
        assert "could not be saved" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert journal.count() == 0
    journal.add(session())
    assert journal.count() == 1


def test_a_full_disk_says_full_and_keeps_nothing_half(journal: Journal) -> None:
    connection = journal._conn
    assert connection is not None
    journal.add(session())
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    long_text = "many words about the day " * 4000
    big = StoredAnswer("note", "after", "text", "Notes", long_text, long_text)
    with pytest.raises(JournalError) as caught:
        journal.add(session(answers=(big,)))
    assert caught.value.kind == "full"
    assert str(caught.value).startswith("The disk is full, so your journal could not be saved.")
    assert journal.count() == 1
    connection.execute("PRAGMA max_page_count = 1073741823")
    journal.add(session(answers=(big,)))
    assert journal.count() == 2


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.skipif(
    os.name == "posix" and os.geteuid() == 0,
    reason="run as root, which ignores file permissions; the same is checked as 'nobody' by "
    "test_read_only_gives_readonly_as_another_user",
)
@pytest.mark.parametrize("what", ["folder", "file", "new-in-folder"])
def test_read_only_gives_readonly(path: Path, what: str) -> None:
    _read_only_case(path, what)


def _read_only_case(path: Path, what: str) -> None:
    """Shared by the test above and the child process run as another user."""
    if what == "new-in-folder":
        path.parent.mkdir(mode=0o500)
    else:
        with Journal.open(path) as journal:
            journal.add(session())
        if what == "folder":
            path.parent.chmod(0o500)
        else:
            path.chmod(0o400)
    before = file_bytes(path.parent)
    try:
        with pytest.raises(JournalError) as caught:
            Journal.open(path)
        assert caught.value.kind == "readonly", caught.value.detail
        assert "read-only" in str(caught.value)
        if what != "file":
            assert file_bytes(path.parent) == before
        else:
            assert path.read_bytes() == before[path.name]
    finally:
        path.parent.chmod(0o700)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="only needed when running as root"
)
@pytest.mark.parametrize("what", ["folder", "file", "new-in-folder"])
def test_read_only_gives_readonly_as_another_user(what: str) -> None:
    """Root ignores permissions, so as root the same test runs in a forked child that
    has become 'nobody'."""
    as_nobody(
        "attune-readonly-",
        lambda folder: _read_only_case(folder / "data" / "journal.sqlite3", what),
    )


# --- migrations --------------------------------------------------------------------------

CALLS: list[str] = []


def _migrate_to_2(connection: sqlite3.Connection) -> None:
    # Counted on the journal's file only: `Journal.expected_schema` also runs the
    # migrations, once, on an empty database in memory.
    if connection.execute("PRAGMA database_list").fetchone()[2]:
        CALLS.append(f"in transaction: {connection.in_transaction}")
    connection.execute("ALTER TABLE sessions ADD COLUMN mood TEXT")
    connection.execute("UPDATE sessions SET mood = 'fine'")
    connection.execute("CREATE TABLE tags (name TEXT)")


def _failing_migration(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE half_done (x)")
    connection.execute("UPDATE sessions SET practice_title = 'ruined'")
    raise RuntimeError("a bug in the migration")


class Future(Journal):
    MIGRATIONS = (*Journal.MIGRATIONS, _migrate_to_2)
    SCHEMA_VERSION = 2


class Broken(Journal):
    MIGRATIONS = (*Journal.MIGRATIONS, _failing_migration)
    SCHEMA_VERSION = 2


def user_version(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def test_a_migration_runs_once_in_one_transaction(path: Path) -> None:
    CALLS.clear()
    with Journal.open(path) as journal:
        journal.add(session())
    assert user_version(path) == 1
    with Future.open(path) as journal:
        assert CALLS == ["in transaction: True"]
        assert journal.count() == 1
        connection = journal._conn
        assert connection is not None
        assert connection.execute("SELECT mood FROM sessions").fetchall() == [("fine",)]
    Future.open(path).close()
    assert CALLS == ["in transaction: True"]  # not again
    assert user_version(path) == 2


def test_a_new_journal_runs_every_migration(path: Path) -> None:
    CALLS.clear()
    with Future.open(path) as journal:
        journal.add(session())
        assert journal.count() == 1
    assert CALLS == ["in transaction: True"]
    assert user_version(path) == 2


def test_a_failing_migration_changes_nothing(path: Path) -> None:
    with Journal.open(path) as journal:
        journal.add(session())
    with pytest.raises(JournalError) as caught:
        Broken.open(path)
    assert caught.value.kind == "other"
    assert "It was not changed" in str(caught.value)
    assert "a bug in the migration" in caught.value.detail
    assert user_version(path) == 1
    with contextlib.closing(sqlite3.connect(path)) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        titles = raw.execute("SELECT practice_title FROM sessions").fetchall()
    assert "half_done" not in tables
    assert titles == [("Box breathing",)]
    with Journal.open(path) as journal:
        assert journal.count() == 1


def test_migrations_and_version_must_agree(path: Path) -> None:
    class Wrong(Journal):
        SCHEMA_VERSION = 2

    with pytest.raises(RuntimeError):
        Wrong.open(path)


# --- backup ------------------------------------------------------------------------------


def test_backup_to_makes_a_private_standalone_copy(journal: Journal, tmp_path: Path) -> None:
    journal.add(session())
    target = tmp_path / "copies" / "copy.sqlite3"
    journal.backup_to(target)
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]
    with contextlib.closing(sqlite3.connect(target)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    with Journal.open(target) as copy:
        assert [e.uid for e in copy.entries()] == [e.uid for e in journal.entries()]
        assert copy.search("shoulders")


def test_backup_is_consistent_while_another_connection_writes(path: Path, tmp_path: Path) -> None:
    with Journal.open(path) as journal:
        journal.add_many(session(started_at=T0 + timedelta(minutes=n)) for n in range(200))
    stop = threading.Event()
    written = [0]
    problems: list[BaseException] = []

    def writer() -> None:
        try:
            with Journal.open(path) as other:
                while not stop.is_set():
                    other.add(session())
                    written[0] += 1
        except BaseException as error:  # reported by the main thread
            problems.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    counts = []
    try:
        with Journal.open(path) as journal:
            deadline = time.monotonic() + 10
            while written[0] < 5 and time.monotonic() < deadline:
                time.sleep(0.005)
            for n in range(8):
                target = tmp_path / "copies" / f"copy-{n}.sqlite3"
                journal.backup_to(target)
                with contextlib.closing(sqlite3.connect(target)) as raw:
                    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                    sessions = raw.execute("SELECT count(*) FROM sessions").fetchone()[0]
                    answers = raw.execute("SELECT count(*) FROM answers").fetchone()[0]
                    documents = raw.execute("SELECT count(*) FROM search").fetchone()[0]
                    raw.execute("INSERT INTO search (search) VALUES ('integrity-check')")
                assert answers == sessions * len(ANSWERS)  # no session without its answers
                assert documents == sessions
                counts.append(sessions)
    finally:
        stop.set()
        thread.join()
    assert problems == []
    assert written[0] > 0
    assert counts == sorted(counts) and counts[-1] > 200  # the writer went on meanwhile


def test_a_backup_never_holds_half_a_transaction(
    journal: Journal, path: Path, tmp_path: Path
) -> None:
    journal.add(session(uid="whole"))
    other = sqlcipher.connect(path)  # the journal's own SQLite: it sees its locks
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO sessions (uid, practice_id, practice_title, practice_kind, source, "
            "language, started_at, ended_at, practised, completed, pauses, grounding_pauses) "
            "VALUES ('half', 'p', 'P', 'k', 's', 'en', 'x', 'x', 1, 1, 0, 0)"
        )
        journal.backup_to(tmp_path / "during.sqlite3")  # while the other is mid-transaction
        other.execute("COMMIT")
    finally:
        other.close()
    journal.backup_to(tmp_path / "after.sqlite3")
    with contextlib.closing(sqlite3.connect(tmp_path / "during.sqlite3")) as raw:
        assert raw.execute("SELECT uid FROM sessions").fetchall() == [("whole",)]
    with contextlib.closing(sqlite3.connect(tmp_path / "after.sqlite3")) as raw:
        assert sorted(raw.execute("SELECT uid FROM sessions").fetchall()) == [("half",), ("whole",)]


def test_a_journal_is_usable_from_two_threads(journal: Journal) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                journal.add(session())
                journal.entries(limit=5)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert journal.count() == 60
