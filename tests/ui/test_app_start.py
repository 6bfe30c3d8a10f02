"""The window's start through the composition root (app.run_app), in this process: what
it sets going around the first page, with the sound device the only stand-in."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import app as composition
from desktop_app.audio import output
from desktop_app.ui.main_window import MainWindow


class Silent:
    device_rate = staticmethod(lambda: 16_000)


def test_the_collector_rests_until_the_first_page_is_shown(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, bool] = {}
    before = set(qapp.topLevelWidgets())

    def run_the_start(app: QApplication) -> int:
        (window,) = [
            w for w in app.topLevelWidgets() if w not in before and isinstance(w, MainWindow)
        ]
        qtbot.addWidget(window)
        seen["before the first page"] = gc.isenabled()
        window.build_pages()  # what the first paint sets going
        seen["once it is shown"] = gc.isenabled()
        assert window.screens.currentWidget() is window.pages["library"]
        return 0

    monkeypatch.setattr(output, "SoundOutput", Silent)
    monkeypatch.setattr(QApplication, "exec", run_the_start)
    assert gc.isenabled()
    assert composition.run_app() == 0
    assert seen == {"before the first page": False, "once it is shown": True}
    assert gc.isenabled()


def test_the_collector_works_again_when_the_window_closes_before_its_first_page(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = set(qapp.topLevelWidgets())

    def close_at_once(app: QApplication) -> int:
        for window in app.topLevelWidgets():
            if window not in before and isinstance(window, MainWindow):
                qtbot.addWidget(window)
        assert not gc.isenabled()
        return 0

    monkeypatch.setattr(output, "SoundOutput", Silent)
    monkeypatch.setattr(QApplication, "exec", close_at_once)
    assert composition.run_app() == 0
    assert gc.isenabled()
