"""Damage told apart from the future: a real journal whose header bytes are damaged is
refused as damaged ("corrupt", so the backup is offered), never as "made by a newer
version"; a journal that a newer Attune really made is refused as newer; a healthy
one opens. Real SQLite files throughout, damaged byte by byte."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.storage.journal import Journal, JournalError, NewSession, StoredAnswer
from desktop_app.storage.journal.header import LAST_PLAUSIBLE_SCHEMA, SIZE, read_header
from tests.journal_sessions import a_session

T0 = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
#: Where SQLite keeps `PRAGMA user_version`, Attune's schema version.
USER_VERSION = range(60, 64)


def session(number: int) -> NewSession:
    return a_session(
        T0 + timedelta(hours=number),
        (StoredAnswer("note", "after", "text", "Noticed?", "calm", "calm"),),
        minutes=5,
    )


def _migrate_to_2(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE tags (name TEXT)")


class Future(Journal):
    """The next Attune: one migration more."""

    MIGRATIONS = (*Journal.MIGRATIONS, _migrate_to_2)
    SCHEMA_VERSION = 2


@pytest.fixture(scope="module")
def healthy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real journal with a few entries, closed (its log folded in); never changed."""
    path = tmp_path_factory.mktemp("healthy") / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many(session(n) for n in range(20))
    return path


@pytest.fixture
def healthy(healthy_file: Path) -> bytes:
    return healthy_file.read_bytes()


def written(folder: Path, data: bytes) -> Path:
    path = folder / "data" / "journal.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def damaged(data: bytes, changes: dict[int, int]) -> bytes:
    out = bytearray(data)
    for offset, value in changes.items():
        out[offset] = value
    return bytes(out)


def with_user_version(data: bytes, version: int) -> bytes:
    return data[:60] + version.to_bytes(4, "big", signed=True) + data[64:]


def refusal(path: Path, opener: type[Journal] = Journal) -> JournalError | None:
    """Why `Journal.open` refused the file (None: it opened), checking it left the
    file exactly as it was when it refused."""
    before = path.read_bytes()
    try:
        opener.open(path).close()
    except JournalError as error:
        assert path.read_bytes() == before
        return error
    return None


# --- the three cases -------------------------------------------------------------------


def test_a_healthy_journal_has_a_sound_header_and_opens(tmp_path: Path, healthy: bytes) -> None:
    path = written(tmp_path, healthy)
    header = read_header(path)
    assert header is not None
    assert header.problems() == []
    assert header.user_version == Journal.SCHEMA_VERSION
    assert refusal(path) is None
    with Journal.open(path) as journal:
        assert journal.count() == 20


def test_a_journal_a_newer_attune_made_says_newer(tmp_path: Path, healthy: bytes) -> None:
    path = written(tmp_path, healthy)
    Future.open(path).close()
    header = read_header(path)
    assert header is not None and header.problems() == []
    error = refusal(path)
    assert error is not None and error.kind == "newer"
    assert "schema 2; this one reads 1" in str(error)


def test_the_junk_header_of_the_issue_is_damage_not_the_future(
    tmp_path: Path, healthy: bytes
) -> None:
    """SQLite's magic kept, every byte after it 0x01: user_version reads 16843009."""
    path = written(tmp_path, healthy[:16] + b"\x01" * (SIZE - 16) + healthy[SIZE:])
    header = read_header(path)
    assert header is not None and header.user_version == 16_843_009
    error = refusal(path)
    assert error is not None and error.kind == "corrupt"
    assert "damaged" in str(error) and "newer" not in str(error)
    with pytest.raises(JournalError) as caught:
        Journal.open_read_only(path)
    assert caught.value.kind == "corrupt"


@pytest.mark.parametrize(
    ("offset", "value", "why"),
    [
        (16, 0x03, "page size"),  # 0x0310: not a power of two
        (18, 7, "file format versions"),
        (19, 0, "file format versions"),
        (21, 65, "payload fractions"),
        (23, 31, "payload fractions"),
        (47, 9, "schema format"),
        (59, 4, "text encoding"),
        (80, 1, "bytes 72 to 91"),
        (95, 0xEE, "change counter"),
    ],
)
def test_a_damaged_header_saying_newer_is_refused_as_damaged(
    tmp_path: Path, healthy: bytes, offset: int, value: int, why: str
) -> None:
    """Damage anywhere in the header, and a later schema version in it: damaged."""
    data = damaged(with_user_version(healthy, 7), {offset: value})
    path = written(tmp_path, data)
    header = read_header(path)
    assert header is not None
    assert any(why in problem for problem in header.problems()), header.problems()
    error = refusal(path)
    assert error is not None and error.kind == "corrupt"
    assert why in error.detail


@pytest.mark.parametrize("version", [-1, LAST_PLAUSIBLE_SCHEMA + 1, 16_843_009])
def test_a_version_no_attune_makes_is_damage(tmp_path: Path, healthy: bytes, version: int) -> None:
    """Set through SQLite, so the rest of the header is sound: the number alone is wrong."""
    path = written(tmp_path, healthy)
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {version}")
    raw.close()
    error = refusal(path)
    assert error is not None and error.kind == "corrupt"
    assert f"schema version {version}" in error.detail


def test_a_plausible_later_version_in_a_sound_header_is_newer(
    tmp_path: Path, healthy: bytes
) -> None:
    """The number alone cannot tell a flipped bit from a later Attune: a sound header
    with a version an Attune could make is taken at its word."""
    path = written(tmp_path, with_user_version(healthy, LAST_PLAUSIBLE_SCHEMA))
    error = refusal(path)
    assert error is not None and error.kind == "newer"


# --- any damage ----------------------------------------------------------------------


@given(
    changes=st.dictionaries(
        st.integers(16, SIZE - 1).filter(lambda offset: offset not in USER_VERSION),
        st.integers(0, 255),
        min_size=1,
        max_size=6,
    ),
    version=st.sampled_from([1, 2, 7, 16_843_009]),
)
def test_damage_outside_the_version_is_never_taken_for_the_future(
    healthy_file: Path, changes: dict[int, int], version: int
) -> None:
    """Any bytes of the header changed (the version kept or made later): the journal
    opens, or is refused as damaged; "newer" only for a header that is still sound."""
    data = damaged(with_user_version(healthy_file.read_bytes(), version), changes)
    with tempfile.TemporaryDirectory() as folder:
        path = written(Path(folder), data)
        error = refusal(path)
        header = read_header(path)
    assert header is not None
    if error is not None and error.kind == "newer":
        assert header.problems() == [] and 1 < version <= LAST_PLAUSIBLE_SCHEMA
    else:
        assert error is None or error.kind == "corrupt", (error.kind, error.detail)
