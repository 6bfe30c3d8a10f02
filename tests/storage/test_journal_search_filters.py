"""Search narrowed by practice, kind and dates: real journal files, the filters applied
in the query as `entries()` applies them, newest first, the limit counted after them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage.journal import Journal, StoredAnswer
from tests.storage.test_journal import T0, session, time_zone


def note(text: str) -> tuple[StoredAnswer, ...]:
    return (StoredAnswer("note", "after", "text", "What did you notice?", text, text),)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "data" / "journal.sqlite3")
    yield opened
    opened.close()


def found(journal: Journal, text: str, **filters: Any) -> list[int]:
    return [hit.entry.id for hit in journal.search(text, **filters)]


def test_each_filter_keeps_exactly_its_hits_newest_first(journal: Journal) -> None:
    with time_zone("America/New_York"):
        local = datetime(2024, 5, 10, 23, 30).astimezone()  # 03:30 UTC on the 11th

        def add(practice_id: str, kind: str, hours: float, text: str = "calm sea") -> int:
            started = local + timedelta(hours=hours)
            return journal.add(
                session(
                    practice_id=practice_id,
                    practice_kind=kind,
                    started_at=started,
                    ended_at=started + timedelta(minutes=5),
                    answers=note(text),
                )
            )

        a = add("box", "breathing", 0)
        b = add("ground", "grounding", 1)  # 00:30 on the 11th, local
        c = add("box", "breathing", 72)  # the 13th
        d = add("scan", "body scan", 24)  # the 11th
        add("box", "breathing", 48, text="storm")  # the 12th: matches no search below

        assert found(journal, "calm") == [c, d, b, a]
        assert found(journal, "calm", practice_id="box") == [c, a]
        assert found(journal, "calm", kind="grounding") == [b]
        assert found(journal, "calm", practice_id="box", kind="grounding") == []
        # Dates are local and both ends are included.
        assert found(journal, "calm", since=date(2024, 5, 10), until=date(2024, 5, 10)) == [a]
        assert found(journal, "calm", since=date(2024, 5, 11), until=date(2024, 5, 11)) == [d, b]
        assert found(journal, "calm", since=date(2024, 5, 11)) == [c, d, b]
        assert found(journal, "calm", until=date(2024, 5, 11)) == [d, b, a]
        assert found(journal, "calm", practice_id="box", since=date(2024, 5, 12)) == [c]
        assert found(journal, "calm", practice_id="nothing") == []
        assert found(journal, "storm", practice_id="ground") == []


def test_the_limit_counts_only_hits_that_pass_the_filters(journal: Journal) -> None:
    """The wanted practice's entries are the oldest, behind 30 newer hits of another
    one: far more than five times the limit, which the Journal view used to fetch."""
    wanted = [
        journal.add(session(practice_id="box", started_at=T0 + timedelta(hours=n)))
        for n in range(4)
    ]
    for n in range(30):
        journal.add(session(practice_id="scan", started_at=T0 + timedelta(days=1, hours=n)))
    assert found(journal, "shoulders", limit=2, practice_id="box") == wanted[:1:-1]
    assert found(journal, "shoulders", limit=10, practice_id="box") == wanted[::-1]
    assert found(journal, "shoulders", limit=0, practice_id="box") == []
    assert len(found(journal, "shoulders", limit=2)) == 2


def test_filtered_hits_keep_their_entries_and_snippets(journal: Journal) -> None:
    journal.add(session(practice_id="scan", answers=note("My shoulders dropped.")))
    kept = journal.add(
        session(
            practice_id="box",
            started_at=T0 - timedelta(days=1),
            answers=note("The shoulders rose, then dropped."),
        )
    )
    hits = journal.search("shoulders", practice_id="box")
    assert [hit.entry for hit in hits] == [journal.get(kept)]
    assert hits[0].snippets == ("The [[shoulders]] rose, then dropped.",)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"practice_id": "practice-1"},
        {"kind": "grounding"},
        {"since": date(2024, 3, 6)},
        {"until": date(2024, 3, 5)},
        {"since": date(2024, 3, 5), "until": date(2024, 3, 7), "kind": "breathing"},
        {"practice_id": "practice-2", "kind": "breathing"},
    ],
)
def test_filters_choose_what_entries_chooses(journal: Journal, filters: dict[str, Any]) -> None:
    """Every entry holds the word searched for, so a filtered search finds the very
    entries that `entries()` lists with the same filters, in the same order."""
    for n in range(40):
        journal.add(
            session(
                practice_id=f"practice-{n % 3}",
                practice_kind=("breathing", "grounding")[n % 2],
                started_at=T0 + timedelta(hours=5 * n),
                answers=note(f"Evening number {n}."),
            )
        )
    listed = [entry.id for entry in journal.entries(**filters)]
    assert found(journal, "evening", **filters) == listed
    assert found(journal, "evening", limit=3, **filters) == listed[:3]


def test_the_filters_are_part_of_the_query(journal: Journal) -> None:
    """One statement picks the hits with the filters and the limit: no hit of another
    practice is read to be thrown away afterwards."""
    for n in range(20):
        journal.add(session(practice_id=("box", "scan")[n % 2], started_at=T0 + timedelta(n)))
    statements: list[str] = []
    connection = journal._conn
    assert connection is not None
    connection.set_trace_callback(statements.append)
    try:
        hits = journal.search("shoulders", limit=3, practice_id="box")
    finally:
        connection.set_trace_callback(None)
    assert [hit.entry.practice_id for hit in hits] == ["box"] * 3
    (picking,) = [s for s in statements if "search MATCH" in s]
    assert "practice_id = 'box'" in picking and picking.rstrip().endswith("LIMIT 3")
    (reading,) = [s for s in statements if s.startswith("SELECT id, uid,")]
    listed = re.search(r"WHERE id IN \(([^)]*)\)", reading)
    assert listed is not None and len(listed.group(1).split(",")) == 3
