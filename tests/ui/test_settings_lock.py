"""Settings' "Lock my journal": explained before anything is chosen, asks the window
to turn the lock on or off, and shows only what is (the dialog may be cancelled)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.storage.settings import Settings
from desktop_app.ui.settings_view import SettingsView


def test_the_switch_asks_and_shows_the_real_state(qtbot: QtBot) -> None:
    view = SettingsView(Settings())
    qtbot.addWidget(view)
    view.show()
    assert not view.lock_check.isChecked()  # off by default
    assert not view.change_passphrase_button.isEnabled()  # until the journal is locked
    asked: list[bool] = []
    view.journal_lock_requested.connect(asked.append)

    view.lock_check.setFocus()
    qtbot.keyClick(view.lock_check, Qt.Key.Key_Space)
    assert asked == [True]
    assert not view.lock_check.isChecked()  # not locked until the dialog has done it

    view.set_journal_locked(True)
    assert asked == [True]  # showing the state asks nothing
    assert view.lock_check.isChecked()
    assert view.change_passphrase_button.isEnabled()
    qtbot.keyClick(view.lock_check, Qt.Key.Key_Space)
    assert asked == [True, False]
    assert view.lock_check.isChecked()

    with qtbot.waitSignal(view.change_passphrase_requested, timeout=1000):
        view.change_passphrase_button.setFocus()
        qtbot.keyClick(view.change_passphrase_button, Qt.Key.Key_Space)


def test_the_risk_is_said_before_the_person_chooses(qtbot: QtBot) -> None:
    view = SettingsView(Settings())
    qtbot.addWidget(view)
    text = " ".join(label.text() for label in view.findChildren(QLabel))
    for words in (
        "a backup disk or a synced folder",
        "asks for your passphrase each time it starts",
        "recovery key, shown once",
        "forget both the passphrase and the recovery key, your journal is lost",
    ):
        assert words in text
    assert view.lock_check.accessibleName() == "Lock my journal"
    assert view.change_passphrase_button.accessibleName() == "Change passphrase"
