"""A crash or a failed write at every step of a plan's import: the old plan and state
or the new ones, never the new text still archived nor the old one unarchived."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from desktop_app.storage.paths import AppPaths, default_paths
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.recovery import recover
from tests.crash import crash_steps
from tests.storage.test_crash_recovery import KIND_IDS, KINDS, leftovers


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()


PLAN = """\
attune: plan/1
id: first-weeks
title: {title}
language: en
from: Dr. Test
items:
  - practice: box-breathing
    when: daily
"""


def plan_state(store: PlanStore) -> tuple[str, dt.date, bool] | None:
    stored = store.get("first-weeks")
    if stored is None:
        return None
    return stored.plan.title.get("en"), stored.imported_on, stored.archived


@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_a_plan_import_stopped_at_any_write(paths: AppPaths, kill: bool) -> None:
    """The plan's file and its state (import date, archived) are two files: a
    re-import of an archived plan must never show the new text still archived, nor
    the old text unarchived."""
    store = PlanStore(paths.plans, today=lambda: dt.date(2025, 3, 9))
    first = dt.date(2025, 3, 1)

    def prepare() -> None:
        for path in paths.plans.glob("*") if paths.plans.exists() else []:
            path.unlink()
        PlanStore(paths.plans, today=lambda: first).import_plan(
            PLAN.format(title="Old").encode(), display="plan.yaml"
        )
        store.archive("first-weeks")

    def operation() -> None:
        store.import_plan(PLAN.format(title="New").encode(), display="plan.yaml")

    for step in crash_steps(operation, prepare=prepare, kill=kill):
        recover(paths)
        assert plan_state(store) in (("Old", first, True), ("New", first, False)), step
        assert leftovers(paths.plans) == [], step


@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_a_first_plan_import_stopped_at_any_write(paths: AppPaths, kill: bool) -> None:
    store = PlanStore(paths.plans, today=lambda: dt.date(2025, 3, 9))

    def prepare() -> None:
        for path in paths.plans.glob("*") if paths.plans.exists() else []:
            path.unlink()

    def operation() -> None:
        store.import_plan(PLAN.format(title="New").encode(), display="plan.yaml")

    for step in crash_steps(operation, prepare=prepare, kill=kill):
        recover(paths)
        state = plan_state(store)
        assert state is None or state[::2] == ("New", False), step
        assert leftovers(paths.plans) == [], step


def test_the_next_start_writes_a_pending_state_or_drops_it(paths: AppPaths) -> None:
    store = PlanStore(paths.plans, today=lambda: dt.date(2025, 3, 9))
    store.import_plan(PLAN.format(title="Old").encode(), display="plan.yaml")
    store.archive("first-weeks")
    state = paths.plans / "first-weeks.state.json"
    archived = state.read_bytes()
    # Cut short after the plan: a pending state for the plan on disk is written.
    new = PLAN.format(title="New").encode()
    digest = hashlib.sha256(new).hexdigest()
    (paths.plans / "first-weeks.pending.json").write_text(
        json.dumps({"imported_on": "2025-03-01", "archived": False, "plan": digest})
    )
    (paths.plans / "first-weeks.yaml").write_bytes(new)
    assert plan_state(store) == ("New", dt.date(2025, 3, 1), False)  # read so at once
    recover(paths)
    assert state.read_text() == '{"imported_on": "2025-03-01", "archived": false}\n'
    assert sorted(p.name for p in paths.plans.iterdir()) == [
        "first-weeks.state.json",
        "first-weeks.yaml",
    ]
    # Cut short before the plan: dropped, the state as it was.
    state.write_bytes(archived)
    (paths.plans / "first-weeks.pending.json").write_text(
        '{"imported_on": "2025-03-01", "archived": false, "plan": "0123"}'
    )
    recover(paths)
    assert state.read_bytes() == archived
    assert plan_state(store) == ("New", dt.date(2025, 3, 9), True)
    # A state whose plan is gone (a removal cut short) goes too.
    (paths.plans / "first-weeks.yaml").unlink()
    recover(paths)
    assert list(paths.plans.iterdir()) == []
