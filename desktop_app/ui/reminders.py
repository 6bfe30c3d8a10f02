"""Plan reminders on the desktop: a quiet tray message at an item's `at` time.

`ReminderService.check()` asks `core.reminders.due_reminders` what is due now, shows
each as a system tray message when the desktop has a tray (otherwise it only emits
`reminder`), emits `reminder` either way, and records it as shown today in a small
JSON file, so a restart does not remind twice the same day:

    {"shown": {"<plan-id>#<index>": "YYYY-MM-DD"},
     "snoozed": {"<plan-id>#<index>": "<ISO aware datetime>"}}

Written atomically (a temporary file, then `os.replace`), readable by the user only
(0600). A missing or unreadable file counts as empty. `start()` checks at once and
then every 60 seconds; tests call `check()` with a fake clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from desktop_app.core.files import open_regular
from desktop_app.core.reminders import Reminder, due_reminders
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private
from desktop_app.ui.app_icon import app_icon

if TYPE_CHECKING:  # the schedule loads the practice model: started reminders need neither
    from desktop_app.core.schedule import DayItem

CHECK_INTERVAL_MS: Final = 60_000
_MAX_STATE_BYTES: Final = 256 * 1024


class ReminderService(QObject):
    #: A `core.reminders.Reminder` that has just been shown (or would have been).
    reminder = Signal(object)
    #: "Open Attune" chosen in the tray menu, or the tray message clicked.
    open_requested = Signal()

    def __init__(
        self,
        clock_now: Callable[[], dt.datetime],
        items: Callable[[], Sequence[DayItem]],
        state_file: Path,
        titles: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = clock_now
        self._items = items
        self._titles = titles
        self.state_file = state_file
        self._shown, self._snoozed = _read_state(state_file)
        #: The reminder shown last and not yet snoozed or dismissed; the tray menu's
        #: Snooze and Dismiss act on it. At most one is visible at a time.
        self.current: Reminder | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self.open_action = QAction(self)
        self.snooze_action = QAction(self)
        self.dismiss_action = QAction(self)
        self.word_actions()
        self.open_action.triggered.connect(self.open_requested)
        self.snooze_action.triggered.connect(self._snooze_current)
        self.dismiss_action.triggered.connect(self._dismiss_current)
        self._update_actions()
        self._tray: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None

    def word_actions(self) -> None:
        """The tray menu's words, in the language of now (again after a change)."""
        self.open_action.setText(self.tr("Open Attune"))
        self.snooze_action.setText(self.tr("Snooze 10 minutes"))
        self.dismiss_action.setText(self.tr("Dismiss"))

    # --- running -------------------------------------------------------------------------

    def start(self) -> None:
        """Check now, then every minute."""
        self.check()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._tray is not None:
            self._tray.hide()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def check(self) -> list[Reminder]:
        """Show what is due now; returns it."""
        now = self._now()
        due = due_reminders(self._items(), now, self._shown, self._snoozed)
        if not due:
            return []
        today = now.date().isoformat()
        for found in due:
            self._shown[found.key] = today
            self._snoozed.pop(found.key, None)
        self._save(now)
        for found in due:
            self.current = found
            self._update_actions()
            self._show(found)
            self.reminder.emit(found)
        return due

    def snooze(self, key: str, minutes: int = 10) -> None:
        """Show the same reminder again in `minutes`."""
        now = self._now()
        self._snoozed[key] = now + dt.timedelta(minutes=minutes)
        self._shown[key] = now.date().isoformat()
        self._save(now)
        self._forget(key)

    def dismiss(self, key: str) -> None:
        """No more reminders for this item today."""
        now = self._now()
        self._snoozed.pop(key, None)
        self._shown[key] = now.date().isoformat()
        self._save(now)
        self._forget(key)

    # --- tray ----------------------------------------------------------------------------

    def message(self, found: Reminder) -> str:
        return (
            self.tr("Time for %1, as planned for %2.")
            .replace("%1", self._titles(found.practice_id))
            .replace("%2", f"{found.at:%H:%M}")
        )

    def _show(self, found: Reminder) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = self._ensure_tray()
        tray.showMessage("Attune", self.message(found), tray.icon(), 10_000)

    def _ensure_tray(self) -> QSystemTrayIcon:
        if self._tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            if icon.isNull():  # run without run_app (a test, an embedding): still Attune's
                icon = app_icon()
            if icon.isNull():  # the icon's files are missing from this install
                style = QApplication.style()
                icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip("Attune")
            # A menu can only have a widget for a parent, and this is no widget: it goes
            # when the service goes instead (the tray does not own its context menu).
            self._menu = QMenu()
            self.destroyed.connect(self._menu.deleteLater)
            self._menu.addAction(self.open_action)
            self._menu.addSeparator()
            self._menu.addAction(self.snooze_action)
            self._menu.addAction(self.dismiss_action)
            self._tray.setContextMenu(self._menu)
            self._tray.messageClicked.connect(self.open_requested)
        self._tray.show()
        return self._tray

    def _snooze_current(self) -> None:
        if self.current is not None:
            self.snooze(self.current.key)

    def _dismiss_current(self) -> None:
        if self.current is not None:
            self.dismiss(self.current.key)

    def _forget(self, key: str) -> None:
        if self.current is not None and self.current.key == key:
            self.current = None
            self._update_actions()

    def _update_actions(self) -> None:
        self.snooze_action.setEnabled(self.current is not None)
        self.dismiss_action.setEnabled(self.current is not None)

    # --- state file ----------------------------------------------------------------------

    def _save(self, now: dt.datetime) -> None:
        """Keep only today's shown entries and snoozes still ahead or from today."""
        today = now.date().isoformat()
        self._shown = {k: v for k, v in self._shown.items() if v == today}
        self._snoozed = {
            k: v for k, v in self._snoozed.items() if v > now or v.date().isoformat() == today
        }
        data = {
            "shown": self._shown,
            "snoozed": {k: v.isoformat() for k, v in self._snoozed.items()},
        }
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        with contextlib.suppress(OSError):
            ensure_private_dir(self.state_file.parent)
            write_private(self.state_file, text.encode("utf-8"))


def _read_state(path: Path) -> tuple[dict[str, str], dict[str, dt.datetime]]:
    try:
        with open_regular(path) as handle:
            raw = handle.read(_MAX_STATE_BYTES + 1)
        data: Any = json.loads(raw.decode("utf-8"))
        shown = {str(k): str(v) for k, v in dict(data.get("shown", {})).items()}
        snoozed: dict[str, dt.datetime] = {}
        for key, value in dict(data.get("snoozed", {})).items():
            moment = dt.datetime.fromisoformat(str(value))
            if moment.tzinfo is not None:
                snoozed[str(key)] = moment
        return shown, snoozed
    except (OSError, ValueError, TypeError, AttributeError, RecursionError):
        return {}, {}
