"""The notice line: a problem in the warning colour, news in the muted one, whether it
was made with its words or they came after it was on screen."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui import theme
from desktop_app.ui.notice import NoticeLine


def colour(notice: NoticeLine) -> str:
    return notice.palette().color(QPalette.ColorRole.WindowText).name()


def test_its_colour_follows_what_it_says_before_and_after_it_is_shown(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, theme.LIGHT)
    notice = NoticeLine("A problem said at the start")
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitExposed(notice)
    assert colour(notice) == QColor(theme.LIGHT.warning).name()
    notice.show_news("Something done")
    assert colour(notice) == QColor(theme.LIGHT.muted).name()
    notice.show_notice("A problem again")
    assert colour(notice) == QColor(theme.LIGHT.warning).name()
    assert notice.accessibleName() == "Notice" and notice.accessibleDescription() == (
        "A problem again"
    )
