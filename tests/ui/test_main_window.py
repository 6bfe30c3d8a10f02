"""The first window: it lists the library, and every control has an accessible name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import open_library
from desktop_app.ui.main_window import MainWindow
from tests.helpers import MINIMAL_PRACTICE, write


def test_the_window_lists_the_library_and_counts_failures(
    qtbot: QtBot, _private_home: Path
) -> None:
    write(_private_home / "data" / "practices", "mine.yaml", MINIMAL_PRACTICE)
    write(_private_home / "data" / "practices", "bad.yaml", "attune: practice/1\n")
    window = MainWindow(open_library())
    qtbot.addWidget(window)
    window.show()
    titles = [
        window.practice_list.item(i).text().splitlines()[0]
        for i in range(window.practice_list.count())
    ]
    assert "Tiny" in titles and len(titles) >= 4
    status = [label.text() for label in window.findChildren(QLabel)]
    assert any(text.endswith("practices · 1 file could not be loaded") for text in status)


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    window = MainWindow(open_library())
    qtbot.addWidget(window)
    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QAbstractItemView | QLabel)
    ]
    assert controls
    assert all(w.accessibleName() for w in controls), [
        type(w).__name__ for w in controls if not w.accessibleName()
    ]
