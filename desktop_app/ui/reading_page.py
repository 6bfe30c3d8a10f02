"""The page Before and After are read on: a column at most `CONTENT_WIDTH` wide,
centred, on a scrolling page; and labels named for assistive technology by their text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.ui.theme import SPACE

#: The widest a column of reading and answering gets, in px: lines stay easy to follow.
CONTENT_WIDTH = 640


def make_label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A label with a theme role (heading, subheading, muted, warning), named for
    assistive technology by its text."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setAccessibleName(text)
    return label


def set_label(label: QLabel, text: str, role: str | None = None) -> None:
    """Change a label's text (and role, re-applying the style sheet when it changes)."""
    label.setText(text)
    label.setAccessibleName(text)
    if role is not None and label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


class CentredColumn(QWidget):
    """Lays its children out in a column at most `CONTENT_WIDTH` wide, centred.

    Inside a scroll area the column is centred on the scroll area, scroll bar included,
    so it lines up with a footer below it whether or not the page scrolls.
    """

    def __init__(
        self, top: int = SPACE["xl"], bottom: int = SPACE["l"], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._top = top
        self._bottom = bottom
        #: The widget to centre on (a scroll area); None for itself.
        self.reference: QWidget | None = None
        self.column = QVBoxLayout(self)
        self.column.setSpacing(SPACE["m"])
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        outer = self.reference.width() if self.reference is not None else width
        left = max(SPACE["l"], (outer - CONTENT_WIDTH) // 2)
        right = max(SPACE["l"], width - CONTENT_WIDTH - left)
        self.column.setContentsMargins(left, self._top, right, self._bottom)


def scroll_page(content: QWidget) -> QScrollArea:
    """A frameless, vertically scrolling page holding `content` (a `CentredColumn`)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # "questions": the catalogue's context for these words, from where they were first.
    for bar in (scroll.verticalScrollBar(), scroll.horizontalScrollBar()):
        bar.setAccessibleName(QCoreApplication.translate("questions", "Scroll"))
        bar.setAccessibleDescription(QCoreApplication.translate("questions", "Scrolls the page"))
    scroll.setWidget(content)
    if isinstance(content, CentredColumn):
        content.reference = scroll
    return scroll
