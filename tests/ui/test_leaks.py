"""The check every UI test ends with (conftest): which windows a test left alive."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.leaks import delete_what_was_closed, described, open_windows, windows_made_since


def test_a_window_kept_alive_is_named_until_it_is_deleted() -> None:
    before = open_windows()
    kept = QWidget()
    kept.setObjectName("kept")
    unnamed = QDialog()
    assert described(windows_made_since(before)) == "QDialog, QWidget('kept')"
    kept.deleteLater()
    unnamed.deleteLater()
    delete_what_was_closed()
    assert windows_made_since(before) == []


def test_children_are_not_windows_of_their_own(qtbot: QtBot) -> None:
    before = open_windows()
    window = QWidget()
    qtbot.addWidget(window)
    QWidget(window)
    assert windows_made_since(before) == [window]


def test_windows_there_before_are_not_counted(qtbot: QtBot) -> None:
    earlier = QWidget()
    qtbot.addWidget(earlier)
    assert windows_made_since(open_windows()) == []
