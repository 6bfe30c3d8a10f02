"""The YAML editor: a long line wraps under its own indent, and that indent is layout,
not an edit (nothing to undo, the file not marked changed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock
from pytestqt.qtbot import QtBot

from desktop_app.ui.code_editor import CodeEditor, hanging_indent

LONG = "words " * 40

TEXT = f"""\
steps:
  # {LONG}
  - say: {LONG}
    - {LONG}
top: {LONG}
"""


@pytest.mark.parametrize(
    ("line", "width"),
    [
        ("  # a note", 4),
        ("    # a note", 6),
        ("## heading", 3),
        ("- say: hello", 2),
        ("    - - twice", 8),
        ("  - # both", 6),
        ("key: value", 0),
        ("    value", 4),
        ("", 0),
        ("    ", 0),
        ("  #", 0),
    ],
)
def test_hanging_indent(line: str, width: int) -> None:
    assert hanging_indent(line) == width


def lines_of(block: QTextBlock) -> list[float]:
    """Each drawn line's left edge, in pixels."""
    layout = block.layout()
    return [layout.lineAt(i).x() for i in range(layout.lineCount())]


@pytest.fixture
def editor(qtbot: QtBot) -> CodeEditor:
    shown = CodeEditor()
    qtbot.addWidget(shown)
    shown.resize(360, 600)
    shown.show()
    shown.setPlainText(TEXT)
    qtbot.waitExposed(shown)
    return shown


def test_a_long_line_wraps_under_its_own_text(editor: CodeEditor) -> None:
    char = editor.fontMetrics().horizontalAdvance(" ")
    document = editor.document()
    for number, chars in ((1, 4), (2, 4), (3, 6), (4, 0)):
        edges = lines_of(document.findBlockByNumber(number))
        assert len(edges) > 2, "the line is long enough to wrap"
        first, *wrapped = edges
        assert all(edge - first == pytest.approx(chars * char) for edge in wrapped)


def test_the_indent_is_not_an_edit(editor: CodeEditor, qtbot: QtBot) -> None:
    document = editor.document()
    assert not document.isModified()
    assert not document.isUndoAvailable()
    assert editor.toPlainText() == TEXT


def test_each_undo_and_redo_changes_the_text(editor: CodeEditor, qtbot: QtBot) -> None:
    """Setting a margin is a step on Qt's undo stack; Ctrl+Z and Ctrl+Shift+Z step over
    those, so no key press seems to do nothing, and the margins come back with the text."""
    document = editor.document()
    char = editor.fontMetrics().horizontalAdvance(" ")
    editor.activateWindow()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    typed = ["  # " + LONG, "\n", "- more"]
    for part in typed:
        if part == "\n":
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(editor, part)
    done = editor.toPlainText()
    first, *wrapped = lines_of(document.lastBlock().previous())
    assert wrapped and wrapped[0] - first == pytest.approx(4 * char)
    assert document.isModified()

    texts = [editor.toPlainText()]
    while document.isUndoAvailable():
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert editor.toPlainText() != texts[-1], "an undo that changed nothing"
        texts.append(editor.toPlainText())
    assert texts[-1] == TEXT
    assert not document.isModified()

    while document.isRedoAvailable():
        before = editor.toPlainText()
        qtbot.keyClick(
            editor,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert editor.toPlainText() != before, "a redo that changed nothing"
    assert editor.toPlainText() == done
    first, *wrapped = lines_of(document.lastBlock().previous())
    assert wrapped and wrapped[0] - first == pytest.approx(4 * char)


def test_enter_keeps_the_indent_and_the_new_line_hangs_its_own(
    editor: CodeEditor, qtbot: QtBot
) -> None:
    editor.activateWindow()
    editor.setFocus()
    editor.setTextCursor(editor.cursor_at(2, 10_000))  # the end of the long comment
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "short")
    block = editor.textCursor().block()
    assert block.text() == "  short"
    assert block.blockFormat().leftMargin() == 2 * editor.fontMetrics().horizontalAdvance(" ")


def test_go_to_before_the_editor_is_shown_centres_the_line_once_it_is(qtbot: QtBot) -> None:
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("".join(f"line{n}: {n}\n" for n in range(1, 301)))
    editor.go_to(150)
    editor.resize(400, 300)
    editor.show()
    qtbot.waitExposed(editor)
    middle = editor.viewport().height() / 2
    qtbot.waitUntil(lambda: abs(editor.cursorRect().center().y() - middle) < 20)
    assert editor.position() == (150, 1)
