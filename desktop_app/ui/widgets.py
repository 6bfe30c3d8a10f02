"""Small widgets shared by the screens, so each looks and behaves one way."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import theme
from desktop_app.ui.theme import SPACE


class SearchField(QLineEdit):
    """Down (or Enter) moves into the list; Escape clears the search."""

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class Combo(QComboBox):
    """A combo box with a thin chevron in the muted colour instead of the style's
    boxed arrow button."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # Here, not at the top: QStyle's enums take 4 ms to make, which the window's
        # first paint need not wait for.
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        del event
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.subControls &= ~QStyle.SubControl.SC_ComboBoxArrow
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(theme.current().muted), 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        x = self.width() - SPACE["m"] - 0.5
        y = self.height() / 2
        # Two lines, not drawPolyline(list): PySide 6.11.s list overload has been seen to
        # crash once other tests had run (a jump to a stale converter).
        painter.drawLine(QPointF(x - 4, y - 2), QPointF(x, y + 2))
        painter.drawLine(QPointF(x, y + 2), QPointF(x + 4, y - 2))


def set_names(widget: QWidget, name: str, description: str) -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def as_tall_as(edit: QWidget, field: QLineEdit) -> None:
    """The style sheet leaves date and time boxes at the style's height; match the fields."""
    field.ensurePolished()
    edit.setMinimumHeight(field.sizeHint().height())


def no_enter(button: QPushButton) -> QPushButton:
    """Enter in a field must never press a button of the dialog by accident."""
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


def action_button(
    text: str,
    description: str,
    act: Callable[[], object] | None = None,
    *,
    role: str | None = None,
) -> QPushButton:
    """A button named for screen readers (its text, without "…"), described, with
    the description as its tooltip too; `act` is what a click does."""
    button = QPushButton(text)
    if role:
        button.setProperty("role", role)
    set_names(button, text.rstrip("…"), description)
    button.setToolTip(description)
    if act is not None:
        button.clicked.connect(lambda: act())
    return button


def filter_combo(name: str, description: str) -> Combo:
    """A filter above a list: named and described, as wide as its longest choice."""
    combo = Combo()
    set_names(combo, name, description)
    combo.setToolTip(description)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def focus_painter(widget: QWidget) -> tuple[QPainter, theme.Palette]:
    """A painter for a drawn widget, with the focus ring already drawn when it has
    focus (charts, the week row: they take focus and have no frame of their own)."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    palette = theme.current()
    if widget.hasFocus():
        painter.setPen(QPen(QColor(palette.accent), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1), 6, 6)
    return painter, palette


def make_label(
    text: str = "", role: str | None = None, *, wrap: bool = True, rich: bool = False
) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class GrowingTextEdit(QPlainTextEdit):
    """A text box that grows with what is written, up to `MAX_LINES`, then scrolls."""

    MIN_LINES = 3
    MAX_LINES = 8

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            # A fixed context: subclasses would look the words up under their own name.
            bar.setAccessibleName(QCoreApplication.translate("GrowingTextEdit", "Scroll"))
            bar.setAccessibleDescription(
                QCoreApplication.translate("GrowingTextEdit", "Scrolls what you wrote")
            )
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def lines(self) -> int:
        """Lines of text as laid out now (wrapped lines counted), within the limits."""
        # A plain text document's layout measures its height in lines.
        counted = round(self.document().documentLayout().documentSize().height())
        return max(self.MIN_LINES, min(self.MAX_LINES, counted))

    def _line_height(self) -> int:
        """One laid-out line: the font's line spacing, rounded up as the layout does."""
        return math.ceil(QFontMetricsF(self.font()).lineSpacing())

    def _fit(self) -> None:
        self.ensurePolished()
        frame = self.height() - self.contentsRect().height()
        margins = self.viewportMargins()
        text = self.lines() * self._line_height()
        self.setFixedHeight(
            text
            + 2  # without this slack a full box shows a scroll bar for one pixel
            + round(2 * self.document().documentMargin())
            + frame
            + margins.top()
            + margins.bottom()
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


def scroll_pane(content: QWidget, object_name: str, name: str, description: str) -> QScrollArea:
    """A borderless, vertically scrolling pane that can take focus (arrow keys scroll)."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.viewport().setAutoFillBackground(False)
    area.setAccessibleName(name)
    area.setAccessibleDescription(description)
    return area


def centred_page(column: QWidget) -> QWidget:
    """`column` in the middle of a page, a little above centre: for calm empty states."""
    middle = QHBoxLayout()
    middle.addStretch(1)
    middle.addWidget(column, 4)
    middle.addStretch(1)
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(SPACE["xl"], SPACE["xl"], SPACE["xl"], SPACE["xl"])
    outer.addStretch(2)
    outer.addLayout(middle)
    outer.addStretch(3)
    return page


def no_match_page(
    list_view: QWidget,
    message: str,
    clear_text: str,
    clear_description: str,
    clear: Callable[[], None],
) -> tuple[QStackedWidget, QPushButton]:
    """`list_view` on page 0 and, on page 1, what to show when a search or filter
    matches nothing: the `message` and a button that clears them (returned too, for
    the tab order). Texts come translated from the caller."""
    no_match = QWidget()
    layout = QVBoxLayout(no_match)
    layout.setContentsMargins(SPACE["m"], SPACE["xl"], SPACE["m"], SPACE["m"])
    layout.setSpacing(SPACE["m"])
    label = make_label(message)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    button = QPushButton(clear_text)
    button.setAccessibleName(clear_text)
    button.setAccessibleDescription(clear_description)
    button.clicked.connect(clear)
    layout.addWidget(label)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch()
    pages = QStackedWidget()
    pages.addWidget(list_view)
    pages.addWidget(no_match)
    return pages, button


def placeholder_page(title: str, text: str) -> QWidget:
    """A page that says what will be there, until it is made."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
    layout.setSpacing(SPACE["m"])
    for words, role in ((title, "heading"), (text, "muted")):
        label = make_label(words, role)
        label.setWordWrap(True)
        label.setAccessibleName(words)
        layout.addWidget(label)
    layout.addStretch()
    return page
