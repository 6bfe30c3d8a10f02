"""Imported plans on disk: a verbatim copy and a small state file each."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from desktop_app.core.model import Daily
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.plans import PlanStore

PLAN = """\
attune: plan/1
id: first-weeks
title: Weeks 1–2
language: en
from: Your therapist
items:
  - practice: box-breathing
    when: daily   # a comment, kept in the copy
"""

OTHER = PLAN.replace("first-weeks", "another").replace("daily", "weekdays")

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.date(2026, 12, 1))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plans"


@pytest.fixture
def store(folder: Path, clock: Clock) -> PlanStore:
    return PlanStore(folder, today=clock)


def state_of(folder: Path, plan_id: str) -> object:
    return json.loads((folder / f"{plan_id}.state.json").read_text(encoding="utf-8"))


def test_importing_keeps_a_verbatim_copy_and_the_import_date(
    store: PlanStore, folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "from-my-therapist.yaml"
    source.write_text(PLAN, encoding="utf-8")
    plan = store.import_plan(source)
    assert plan.id == "first-weeks" and plan.items[0].when == Daily()
    stored = folder / "first-weeks.yaml"
    assert plan.source == stored
    assert stored.read_bytes() == source.read_bytes()
    assert state_of(folder, "first-weeks") == {"imported_on": "2026-12-01", "archived": False}
    [entry] = store.plans()
    assert entry.plan == plan
    assert (entry.imported_on, entry.archived, entry.path) == (
        dt.date(2026, 12, 1),
        False,
        stored,
    )


def test_importing_bytes(store: PlanStore, folder: Path) -> None:
    plan = store.import_plan(OTHER.encode())
    assert plan.id == "another"
    assert (folder / "another.yaml").read_text(encoding="utf-8") == OTHER


@posix_only
def test_the_folder_and_files_are_private(store: PlanStore, folder: Path) -> None:
    store.import_plan(PLAN.encode())
    store.archive("first-weeks")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert sorted(p.name for p in folder.iterdir()) == [
        "first-weeks.state.json",
        "first-weeks.yaml",
    ]


def test_a_plan_with_problems_is_refused_and_nothing_is_stored(
    store: PlanStore, folder: Path
) -> None:
    broken = PLAN.replace("when: daily", "when: sometimes")
    with pytest.raises(InvalidFile, match="when"):
        store.import_plan(broken.encode(), display="homework.yaml")
    with pytest.raises(InvalidFile, match="plan"):
        store.import_plan(b"attune: practice/1\nid: x\n")
    assert not folder.exists() or not any(folder.iterdir())
    assert store.plans() == []


def test_a_missing_file_is_refused(store: PlanStore, tmp_path: Path) -> None:
    with pytest.raises(InvalidFile, match="file not found"):
        store.import_plan(tmp_path / "nothing.yaml")


def test_replacing_a_plan_keeps_its_import_date(
    store: PlanStore, folder: Path, clock: Clock
) -> None:
    store.import_plan(PLAN.encode())
    store.archive("first-weeks")
    clock.day = dt.date(2026, 12, 9)
    newer = PLAN.replace("Weeks 1–2", "Weeks 1–3")
    store.import_plan(newer.encode())
    [entry] = store.plans()
    assert entry.imported_on == dt.date(2026, 12, 1)
    assert entry.plan.title.get("en") == "Weeks 1–3"
    assert not entry.archived  # imported again: back in use
    assert (folder / "first-weeks.yaml").read_text(encoding="utf-8") == newer
    store.import_plan(OTHER.encode())
    assert [(p.plan.id, p.imported_on) for p in store.plans()] == [
        ("another", dt.date(2026, 12, 9)),
        ("first-weeks", dt.date(2026, 12, 1)),
    ]


def test_archive_and_unarchive(store: PlanStore, folder: Path) -> None:
    store.import_plan(PLAN.encode())
    store.import_plan(OTHER.encode())
    store.archive("first-weeks")
    assert [p.plan.id for p in store.plans()] == ["another"]
    every = store.plans(include_archived=True)
    assert [(p.plan.id, p.archived) for p in every] == [
        ("another", False),
        ("first-weeks", True),
    ]
    assert state_of(folder, "first-weeks") == {"imported_on": "2026-12-01", "archived": True}
    store.unarchive("first-weeks")
    assert [p.plan.id for p in store.plans()] == ["another", "first-weeks"]
    got = store.get("first-weeks")
    assert got is not None and not got.archived
    assert store.get("nothing") is None


def test_remove_deletes_the_copy_and_its_state(store: PlanStore, folder: Path) -> None:
    store.import_plan(PLAN.encode())
    store.remove("first-weeks")
    assert store.plans(include_archived=True) == []
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("action", ["archive", "unarchive", "remove"])
@pytest.mark.parametrize("plan_id", ["nothing", "../escape", ""])
def test_unknown_plans_are_a_key_error(store: PlanStore, action: str, plan_id: str) -> None:
    store.import_plan(PLAN.encode())
    with pytest.raises(KeyError):
        getattr(store, action)(plan_id)


def test_an_empty_or_missing_folder_has_no_plans(store: PlanStore, folder: Path) -> None:
    assert store.plans() == []
    assert not folder.exists()


def test_a_stored_plan_that_no_longer_loads_is_left_out_with_its_problems(
    store: PlanStore, folder: Path
) -> None:
    store.import_plan(PLAN.encode())
    store.import_plan(OTHER.encode())
    (folder / "another.yaml").write_text("attune: plan/1\nid: [\n", encoding="utf-8")
    assert [p.plan.id for p in store.plans()] == ["first-weeks"]
    assert store.problems and all("another.yaml" in p.file for p in store.problems)


def test_a_missing_or_broken_state_file_is_survived(store: PlanStore, folder: Path) -> None:
    store.import_plan(PLAN.encode())
    store.import_plan(OTHER.encode())
    (folder / "first-weeks.state.json").write_text("{not json", encoding="utf-8")
    (folder / "another.state.json").unlink()
    modified = dt.date.fromtimestamp((folder / "another.yaml").stat().st_mtime)
    entries = store.plans()
    assert [(p.plan.id, p.archived) for p in entries] == [
        ("another", False),
        ("first-weeks", False),
    ]
    assert entries[0].imported_on == modified
    store.archive("another")  # writes a fresh state file
    assert state_of(folder, "another") == {
        "imported_on": modified.isoformat(),
        "archived": True,
    }
    # Replacing a plan whose state is unreadable gives it today's date.
    store.import_plan(PLAN.encode())
    assert state_of(folder, "first-weeks") == {"imported_on": "2026-12-01", "archived": False}


def test_other_files_in_the_folder_are_ignored(store: PlanStore, folder: Path) -> None:
    store.import_plan(PLAN.encode())
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    (folder / "Not A Slug.yaml").write_text(PLAN, encoding="utf-8")
    (folder / ".tmp123.tmp").write_text("x", encoding="utf-8")
    assert [p.plan.id for p in store.plans()] == ["first-weeks"]
    assert store.problems == []


def test_a_failed_write_leaves_no_trace_of_a_new_plan(
    store: PlanStore, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_plan(OTHER.encode())
    real_replace = Path.replace

    def failing_replace(self: Path, target: Path) -> Path:
        if Path(target).name == "first-weeks.yaml":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        store.import_plan(PLAN.encode())
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == ["another.state.json", "another.yaml"]
    assert [p.plan.id for p in store.plans()] == ["another"]
