"""The measuring hook: `painted` on stdout at the first paint, only when asked for."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.first_paint import VARIABLE, quit_after_first_paint


def test_the_first_paint_is_announced_once(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    quits: list[str] = []
    assert quit_after_first_paint(window, {VARIABLE: "1"}, lambda: quits.append("quit"))
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: quits == ["quit"])
    assert capsys.readouterr().out == "painted\n"
    window.update()
    qtbot.wait(50)
    assert capsys.readouterr().out == ""  # the hook removed itself
    assert quits == ["quit"]


@pytest.mark.parametrize("environ", [{}, {VARIABLE: "0"}, {VARIABLE: ""}])
def test_nothing_is_installed_unless_asked(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], environ: dict[str, str]
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    quits: list[str] = []
    assert not quit_after_first_paint(window, environ, lambda: quits.append("quit"))
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert capsys.readouterr().out == ""
    assert quits == []
