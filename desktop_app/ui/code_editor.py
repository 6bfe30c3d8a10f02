"""A plain-text editor for YAML: line numbers, spaces only (YAML refuses tabs), the
indent kept on Enter, problems underlined with their message on hover, and a long line
wrapped under its own indent (and under the text of a `# ` comment or `- ` item).

It is a QTextEdit holding plain text, not a QPlainTextEdit, because only the rich
document layout honours a block's margins: a wrapped line's indent is the block's left
margin, with a negative first-line indent to bring the first line back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from desktop_app.core.problems import Problem
from desktop_app.ui import theme
from desktop_app.ui.theme import SPACE

INDENT: Final = "  "
#: A line after which the next is indented: `key:`, or a block of text `|`, `>-`, `|2+`.
_OPENS_BLOCK: Final = re.compile(r"(:|[|>][+-]?\d*[+-]?)$")
#: What a wrapped line goes under: the indent, then any `- ` and `# ` markers.
_HANG: Final = re.compile(r" *(?:- +)*(?:#+ *)?")


def hanging_indent(line: str) -> int:
    """How many characters a wrapped part of `line` is indented: under the text that
    follows the indent and any `- ` or `# ` before it; none for a line of nothing else."""
    width = _HANG.match(line).end()  # type: ignore[union-attr]  # the pattern matches ""
    return width if width < len(line) else 0


class _LineNumbers(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.editor.paint_line_numbers(event)


class CodeEditor(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted text comes in plain
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Practices are mostly sentences: wrapped, they can be read without scrolling
        # sideways (the line numbers stay with each line's start).
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # Tab moves on to the next control, so the editor never traps the keyboard;
        # Enter keeps the indent and the Space bar does the rest.
        self.setTabChangesFocus(True)
        self.problems: tuple[Problem, ...] = ()
        #: (start, end, problem) of each underline, as character positions.
        self._marked: list[tuple[int, int, Problem]] = []
        self._centre_when_shown = False
        self.numbers = _LineNumbers(self)
        document = self.document()
        document.blockCountChanged.connect(self._fit_numbers)
        document.contentsChange.connect(self._hang_changed)
        document.documentLayout().update.connect(lambda _: self.numbers.update())
        self.verticalScrollBar().valueChanged.connect(lambda _: self.numbers.update())
        self._fit_numbers()

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlainText(text)
        self._hang_all()
        # Setting the indents is layout, not an edit: nothing to undo, nothing changed.
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)

    def blockCount(self) -> int:  # noqa: N802 - as QPlainTextEdit names it
        return self.document().blockCount()

    # --- wrapped lines under their indent -----------------------------------------------

    def _hang_all(self) -> None:
        block = self.document().begin()
        while block.isValid():
            self._hang(block)
            block = block.next()

    def _hang_changed(self, position: int, _removed: int, added: int) -> None:
        if self.document().availableRedoSteps():
            return  # an undo or redo: it brings back the margins it took away
        document = self.document()
        block = document.findBlock(position)
        last = document.findBlock(position + added)
        while block.isValid():
            self._hang(block)
            if block == last:
                break
            block = block.next()

    def _hang(self, block: QTextBlock) -> None:
        """Give `block` the margin its wrapped lines go under."""
        width = hanging_indent(block.text()) * self.fontMetrics().horizontalAdvance(" ")
        shape = block.blockFormat()
        if shape.leftMargin() == width and shape.textIndent() == -width:
            return
        shape.setLeftMargin(width)
        shape.setTextIndent(-width)
        # Signals held: the margin is layout, not a change of the text.
        was = self.document().blockSignals(True)
        try:
            QTextCursor(block).setBlockFormat(shape)
        finally:
            self.document().blockSignals(was)

    # --- undo and redo, past the margins -----------------------------------------------
    # A margin set after an edit is a step of its own on the document's undo stack (Qt
    # cannot join it to typed text); these step over such steps, so each undo or redo
    # changes the text, as people expect.

    def undo(self) -> None:
        document, text = self.document(), self.toPlainText()
        while document.isUndoAvailable():
            document.undo()
            if self.toPlainText() != text:
                return

    def redo(self) -> None:
        document, text = self.document(), self.toPlainText()
        while document.isRedoAvailable():
            document.redo()
            if self.toPlainText() != text:
                break
        if document.isRedoAvailable():  # the margin that followed this edit, if that is next
            text = self.toPlainText()
            document.redo()
            if self.toPlainText() != text:
                document.undo()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            step = {"edit-undo": self.undo, "edit-redo": self.redo}.get(action.objectName())
            if step is not None:
                action.triggered.disconnect()
                action.triggered.connect(step)
        menu.exec(event.globalPos())
        menu.deleteLater()

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
        """Put the text cursor at `line`:`col`, in the middle of the view where it can
        be, and give the editor focus."""
        self.setTextCursor(self.cursor_at(line, col))
        self._centre_when_shown = not self.isVisible()  # only then is the view's size known
        self._centre_cursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _centre_cursor(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect().center().y() - self.viewport().height() // 2)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._centre_when_shown:
            self._centre_when_shown = False
            QTimer.singleShot(0, self._centre_cursor)  # after the first layout at this size

    def position(self) -> tuple[int, int]:
        """The text cursor's 1-based line and column."""
        cursor = self.textCursor()
        return cursor.blockNumber() + 1, cursor.positionInBlock() + 1

    # --- typing --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
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
        layout = self.document().documentLayout()
        scrolled = self.verticalScrollBar().value()
        block = self.cursorForPosition(QPoint(0, 0)).block()  # the first one in view
        right = self.numbers.width() - SPACE["s"]
        while block.isValid():
            first_line = block.layout().lineAt(0)
            top = layout.blockBoundingRect(block).top() + first_line.y() - scrolled
            if top > event.rect().bottom():
                break
            number = block.blockNumber() + 1
            painter.setPen(QColor(p.warning if number in flagged else p.muted))
            painter.drawText(
                QRect(0, round(top), right, round(first_line.height())),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(number),
            )
            block = block.next()
        painter.end()


def point_of(editor: CodeEditor, line: int, col: int) -> QPoint:
    """Where `line`:`col` is drawn in the editor's viewport (for tests and tooltips)."""
    return editor.cursorRect(editor.cursor_at(line, col)).center()
