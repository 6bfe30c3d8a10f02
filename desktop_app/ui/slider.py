"""The app's horizontal slider (the length before a practice, a question's scale)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from desktop_app.ui.theme import SPACE


class Slider(QSlider):
    """A horizontal slider tall enough for the theme's handle and focus ring, so the
    handle is never clipped. The mouse wheel moves it only when it has the focus:
    scrolling a page over a slider must not answer a question by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def handle_rect(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._roomy(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._roomy(super().minimumSizeHint())

    def _roomy(self, size: QSize) -> QSize:
        self.ensurePolished()
        return QSize(
            size.width(), max(size.height(), self.handle_rect().height() + 2 * SPACE["xs"])
        )
