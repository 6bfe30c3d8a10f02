"""The line above the pages: a problem (in the warning colour, until it is solved or
replaced), or news (quiet, and gone once the person moves on)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class NoticeLine(QLabel):
    def __init__(self, problem: str = "") -> None:
        super().__init__()
        self.setWordWrap(True)
        self.reword()
        #: What is shown is news, not a problem.
        self.news = False
        self.show_notice(problem)

    def reword(self) -> None:
        """Its name in the language of now."""
        self.setAccessibleName(self.tr("Notice"))

    def show_notice(self, text: str, *, news: bool = False) -> None:
        """Say `text` (nothing: the line goes)."""
        self.setText(text)
        self.setVisible(bool(text))
        self.setAccessibleDescription(text)
        self.news = news
        self.setProperty("role", "muted" if news else "warning")
        # Polished again only once it has been: its first polish reads the role anyway,
        # and style() before the window's first paint costs 4 ms (QStyle's enums).
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self.style().unpolish(self)
            self.style().polish(self)

    def show_news(self, text: str) -> None:
        self.show_notice(text, news=True)

    def read(self) -> None:
        """The person moved on: news said before has been read."""
        if self.news:
            self.show_notice("")
