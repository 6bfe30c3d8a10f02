"""The reminder service: a fake clock, real plan items, a real state file."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop_app.core.model import Plan
from desktop_app.core.plan_loader import read_plan
from desktop_app.core.reminders import Reminder
from desktop_app.core.schedule import DayItem, today
from desktop_app.ui.reminders import ReminderService

AMS = ZoneInfo("Europe/Amsterdam")

PLAN = b"""\
attune: plan/1
id: weeks
title: Weeks
language: en
from: Dr. X
starts: 2026-11-01
items:
  - practice: box-breathing
    when: daily
    at: "08:00"
  - practice: body-scan
    when: daily
"""

NO_TIMES = b"""\
attune: plan/1
id: quiet
title: Quiet
language: en
from: Dr. X
starts: 2026-11-01
items:
  - practice: box-breathing
    when: daily
"""


class World:
    """A fake clock and a journal of completed practices."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.now = dt.datetime(2026, 11, 30, 7, 0, tzinfo=AMS)
        self.done: list[tuple[str, dt.date]] = []

    def items(self) -> list[DayItem]:
        return today([self.plan], self.now.date(), self.done, {})

    def at(self, hh: int, mm: int = 0, *, days: int = 0) -> None:
        day = self.now.date() + dt.timedelta(days=days)
        self.now = dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=AMS)


@pytest.fixture
def world() -> World:
    return World(read_plan(PLAN, "weeks.yaml"))


def service(world: World, state: Path, qtbot: QtBot) -> tuple[ReminderService, list[Reminder]]:
    titles = {"box-breathing": "Box breathing", "body-scan": "Body scan"}
    result = ReminderService(lambda: world.now, world.items, state, titles.__getitem__)
    shown: list[Reminder] = []
    result.reminder.connect(shown.append)
    return result, shown


def test_fires_once_at_the_time_not_before(world: World, tmp_path: Path, qtbot: QtBot) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: the signal only
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(7, 59)
    assert reminders.check() == []
    world.at(8, 0)
    with qtbot.waitSignal(reminders.reminder, timeout=1000) as signal:
        reminders.check()
    assert signal.args == [Reminder("weeks#0", "weeks", 0, "box-breathing", dt.time(8, 0))]
    world.at(8, 1)
    assert reminders.check() == []
    world.at(22, 0)
    assert reminders.check() == []
    assert [r.key for r in shown] == ["weeks#0"]
    assert reminders.message(shown[0]) == "Time for Box breathing, as planned for 08:00."


def test_not_twice_the_same_day_after_a_restart(world: World, tmp_path: Path, qtbot: QtBot) -> None:
    state = tmp_path / "data" / "reminders.json"
    first, _ = service(world, state, qtbot)
    world.at(8, 5)
    assert len(first.check()) == 1
    assert json.loads(state.read_text("utf-8"))["shown"] == {"weeks#0": "2026-11-30"}
    if os.name == "posix":
        assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert [p.name for p in state.parent.iterdir()] == ["reminders.json"]
    again, shown = service(world, state, qtbot)
    world.at(9, 0)
    assert again.check() == []
    assert shown == []


def test_snooze_fires_again_after_ten_minutes(world: World, tmp_path: Path, qtbot: QtBot) -> None:
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(8, 0)
    reminders.check()
    reminders.snooze("weeks#0")
    assert reminders.current is None
    world.at(8, 9)
    assert reminders.check() == []
    # The snooze survives a restart too.
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(8, 10)
    assert [r.key for r in reminders.check()] == ["weeks#0"]
    world.at(8, 30)
    assert reminders.check() == []
    assert len(shown) == 1


def test_dismiss_stops_it_for_the_day_and_the_next_day_fires_again(
    world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(8, 0)
    reminders.check()
    reminders.snooze("weeks#0")
    reminders.dismiss("weeks#0")
    world.at(23, 59)
    assert reminders.check() == []
    world.at(7, 59, days=1)
    assert reminders.check() == []
    world.at(8, 0)
    assert [r.key for r in reminders.check()] == ["weeks#0"]
    assert len(shown) == 2


def test_done_before_the_time_no_reminder(world: World, tmp_path: Path, qtbot: QtBot) -> None:
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.done.append(("box-breathing", world.now.date()))
    world.at(8, 0)
    assert reminders.check() == []
    assert shown == []


def test_no_times_nothing_and_no_file(tmp_path: Path, qtbot: QtBot) -> None:
    world = World(read_plan(NO_TIMES, "quiet.yaml"))
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(23, 59)
    assert reminders.check() == []
    assert shown == [] and not (tmp_path / "reminders.json").exists()


def test_the_menu_actions_snooze_and_dismiss_the_current_reminder(
    world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    assert not reminders.snooze_action.isEnabled()
    world.at(8, 0)
    reminders.check()
    assert reminders.current == shown[0] and reminders.snooze_action.isEnabled()
    reminders.snooze_action.trigger()
    assert reminders.current is None and not reminders.dismiss_action.isEnabled()
    world.at(8, 10)
    reminders.check()
    reminders.dismiss_action.trigger()
    world.at(8, 30)
    assert reminders.check() == []
    with qtbot.waitSignal(reminders.open_requested, timeout=1000):
        reminders.open_action.trigger()
    assert [a.text() for a in (reminders.open_action, reminders.snooze_action)] == [
        "Open Attune",
        "Snooze 10 minutes",
    ]
    assert reminders.dismiss_action.text() == "Dismiss"


def test_an_unreadable_state_file_counts_as_empty(
    world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    state = tmp_path / "reminders.json"
    state.write_text("{not json", "utf-8")
    reminders, _ = service(world, state, qtbot)
    world.at(8, 0)
    assert len(reminders.check()) == 1
    assert json.loads(state.read_text("utf-8"))["shown"] == {"weeks#0": "2026-11-30"}


def test_start_checks_at_once_and_then_every_minute(
    world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(8, 0)
    reminders.start()
    assert reminders.running and len(shown) == 1
    reminders.stop()
    assert not reminders.running


def test_with_a_tray_the_message_shows_there_with_the_menu(
    world: World, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)  # no tray offscreen
    messages: list[str] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text, *rest: messages.append(text)
    )
    reminders, shown = service(world, tmp_path / "reminders.json", qtbot)
    world.at(8, 0)
    reminders.check()
    assert messages == ["Time for Box breathing, as planned for 08:00."] and len(shown) == 1
    tray = reminders.findChild(QSystemTrayIcon)
    assert tray is not None
    menu = tray.contextMenu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open Attune",
        "Snooze 10 minutes",
        "Dismiss",
    ]
    reminders.stop()
