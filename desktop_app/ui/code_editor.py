"""A plain-text editor for YAML: line numbers, spaces only (YAML refuses tabs), the
indent kept on Enter, and problems underlined with their message on hover."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop_app.core.problems import Problem
from desktop_app.ui import theme
from desktop_app.ui.theme import SPACE

INDENT: Final = "  "
#: A line after which the next is indented: `key:`, or a block of text `|`, `>-`, `|2+`.
_OPENS_BLOCK: Final = re.compile(r"(:|[|>][+-]?\d*[+-]?)$")


class _LineNumbers(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Practices are mostly sentences: wrapped, they can be read without scrolling
        # sideways (the line numbers stay with each line's start).
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Tab moves on to the next control, so the editor never traps the keyboard;
        # Enter keeps the indent and the Space bar does the rest.
        self.setTabChangesFocus(True)
        self.problems: tuple[Problem, ...] = ()
        #: (start, end, problem) of each underline, as character positions.
        self._marked: list[tuple[int, int, Problem]] = []
        self.numbers = _LineNumbers(self)
        self.blockCountChanged.connect(self._fit_numbers)
        self.updateRequest.connect(self._scroll_numbers)
        self._fit_numbers()

    # --- problems --------------------------------------------------------------------

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Underline each problem from its place to the end of the word there."""
        self.problems = tuple(problems)
        self._marked = []
        marks = []
        p = theme.current()
        for problem in self.problems:
            cursor = self.cursor_at(problem.pos.line, problem.pos.col)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor
            )
            if not cursor.hasSelection():
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor
                )
            if not cursor.hasSelection():  # at the end of a line: mark the character before
                cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = cursor
            look = QTextCharFormat()
            look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            colour = QColor(p.warning if problem.is_error else p.muted)
            look.setUnderlineColor(colour)
            colour.setAlpha(40)  # a faint tint too: a wavy line alone is easy to miss
            look.setBackground(colour)
            mark.format = look
            marks.append(mark)
            self._marked.append((cursor.selectionStart(), cursor.selectionEnd(), problem))
        self.setExtraSelections(marks)

    def problems_at(self, position: int) -> list[Problem]:
        """The problems underlined at character `position`."""
        return [problem for start, end, problem in self._marked if start <= position <= end]

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            here = self.problems_at(self.cursorForPosition(event.pos()).position())
            if here:
                QToolTip.showText(event.globalPos(), "\n".join(p.in_file() for p in here), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- places ------------------------------------------------------------------------

    def cursor_at(self, line: int, col: int) -> QTextCursor:
        """A cursor at 1-based `line`:`col`, kept inside the text."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        column = min(max(0, col - 1), max(0, block.length() - 1))
        cursor.setPosition(block.position() + column)
        return cursor

    def go_to(self, line: int, col: int = 1) -> None:
        """Put the text cursor at `line`:`col`, in view, and give the editor focus."""
        self.setTextCursor(self.cursor_at(line, col))
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def position(self) -> tuple[int, int]:
        """The text cursor's 1-based line and column."""
        cursor = self.textCursor()
        return cursor.blockNumber() + 1, cursor.positionInBlock() + 1

    # --- typing --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self.textCursor().insertText("\n" + self._next_indent())
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def _next_indent(self) -> str:
        """The indent for a new line: the current line's, deeper after `key:` or `- `."""
        cursor = self.textCursor()
        line = cursor.block().text()[: cursor.positionInBlock()]
        stripped = line.lstrip(" ")
        indent = " " * (len(line) - len(stripped))
        code = stripped.split(" #")[0].rstrip()
        if code.startswith("- "):
            indent += INDENT
        if _OPENS_BLOCK.search(code):
            indent += INDENT
        return indent

    # --- line numbers ----------------------------------------------------------------------

    def line_number_width(self) -> int:
        digits = max(3, len(str(self.blockCount())))
        return SPACE["s"] * 2 + self.fontMetrics().horizontalAdvance("9") * digits

    def _fit_numbers(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _scroll_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self.numbers.scroll(0, dy)
        else:
            self.numbers.update(0, rect.y(), self.numbers.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        inside = self.contentsRect()
        self.numbers.setGeometry(
            QRect(inside.left(), inside.top(), self.line_number_width(), inside.height())
        )

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        p = theme.current()
        painter = QPainter(self.numbers)
        painter.fillRect(event.rect(), QColor(p.window))
        flagged = {problem.pos.line for problem in self.problems if problem.is_error}
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        right = self.numbers.width() - SPACE["s"]
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible():
                number = block.blockNumber() + 1
                painter.setPen(QColor(p.warning if number in flagged else p.muted))
                painter.drawText(
                    QRect(0, top, right, height),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    str(number),
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()


def point_of(editor: CodeEditor, line: int, col: int) -> QPoint:
    """Where `line`:`col` is drawn in the editor's viewport (for tests and tooltips)."""
    return editor.cursorRect(editor.cursor_at(line, col)).center()
