"""Quiet colours for practice YAML: keys, comments, quoted text, durations and numbers.

Line by line, with one piece of state carried between lines: the indent of a key that
opened a block of text (`|` or `>`), so the words of a long `say:` are not mistaken
for keys.
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop_app.ui import theme

_KEY: Final = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w-]*|\"[^\"]*\"|'[^']*')\s*:(?=\s|$)")
_DASH: Final = re.compile(r"^\s*(-)(?=\s|$)")
_QUOTED: Final = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?")
_NUMBER: Final = re.compile(r"(?<![\w.-])(?:\d+(?:\.\d+)?[hms]?)+(?![\w.])")
_BLOCK_START: Final = re.compile(r":\s*[|>][+-]?\d*\s*$")
_OUTSIDE: Final = -1  # block state when not inside a block of text


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    made = QTextCharFormat()
    made.setForeground(QColor(colour))
    if bold:
        made.setFontWeight(QFont.Weight.DemiBold)
    made.setFontItalic(italic)
    return made


class YamlHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.restyle()

    def restyle(self) -> None:
        """Take the colours of the current theme (after a theme change)."""
        p = theme.current()
        self.key = _format(p.accent, bold=True)
        self.comment = _format(p.muted, italic=True)
        self.quoted = _format(p.text)
        self.number = _format(p.warning)
        self.dash = _format(p.muted, bold=True)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        indent = len(text) - len(text.lstrip(" "))
        block_indent = self.previousBlockState()
        if block_indent != _OUTSIDE and (not text.strip() or indent > block_indent):
            self.setCurrentBlockState(block_indent)  # words of a text block
            return
        self.setCurrentBlockState(_OUTSIDE)
        comment_at = _comment_start(text)
        code = text[:comment_at]
        if comment_at < len(text):
            self.setFormat(comment_at, len(text) - comment_at, self.comment)
        value_from = 0
        if key := _KEY.match(code):
            self.setFormat(key.start(2), len(key.group(2)), self.key)
            value_from = key.end()
            if _BLOCK_START.search(code):
                # The text's lines are those indented past the key (not past the dash).
                self.setCurrentBlockState(key.start(2))
        if dash := _DASH.match(code):
            self.setFormat(dash.start(1), 1, self.dash)
        for quoted in _QUOTED.finditer(code, value_from):
            self.setFormat(quoted.start(), quoted.end() - quoted.start(), self.quoted)
        for number in _NUMBER.finditer(code, value_from):
            self.setFormat(number.start(), number.end() - number.start(), self.number)


def _comment_start(text: str) -> int:
    """Where a `#` comment begins (outside quotes, at the start or after a space)."""
    quote = ""
    for at, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and (at == 0 or text[at - 1] in " :-[{,"):
            quote = char
        elif char == "#" and (at == 0 or text[at - 1] in " \t"):
            return at
    return len(text)
