"""The Journal's row as it is painted: an entry as a quiet card under its day."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.ui import theme
from desktop_app.ui.journal_rows import ENTRY_ROLE, EntryRow
from desktop_app.ui.journal_text import snippet_runs
from desktop_app.ui.theme import RADIUS, SPACE


class EntryDelegate(QStyledItemDelegate):
    """An entry as a card (the day's heading above the first of each day): the time and
    the practice, a muted line of facts, and a line of what was written. Colours from
    the theme: surface, border, accent_soft when selected, an accent ring with focus."""

    PAD_X: Final = SPACE["m"]
    PAD_Y: Final = SPACE["s"] + SPACE["xs"]
    GAP: Final = SPACE["s"]

    @staticmethod
    def fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        bold = QFont(body)
        bold.setWeight(QFont.Weight.DemiBold)
        heading = QFont(bold)
        if body.pointSizeF() > 0:
            heading.setPointSizeF(body.pointSizeF() * 1.1)
        return body, bold, heading

    def _heading_height(self, heading: QFont) -> int:
        return SPACE["m"] + QFontMetrics(heading).height() + SPACE["s"]

    def _card_height(self, option: QStyleOptionViewItem, row: EntryRow) -> int:
        body, bold, _ = self.fonts(option)
        line = QFontMetrics(body).height()
        lines = QFontMetrics(bold).height() + SPACE["xs"] + line
        if row.text:
            lines += SPACE["xs"] + line
        return 2 * self.PAD_Y + lines

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(ENTRY_ROLE)
        if not isinstance(row, EntryRow):
            return QSize(0, 0)
        _, _, heading = self.fonts(option)
        height = self._card_height(option, row) + self.GAP
        if row.heading:
            height += self._heading_height(heading)
        return QSize(SPACE["xl"] * 6, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ENTRY_ROLE)
        if not isinstance(row, EntryRow):
            return
        palette = theme.current()
        body, bold, heading_font = self.fonts(option)
        body_metrics, bold_metrics = QFontMetrics(body), QFontMetrics(bold)
        rect = option.rect
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = rect.top()
        if row.heading:
            heading_metrics = QFontMetrics(heading_font)
            painter.setFont(heading_font)
            painter.setPen(QColor(palette.text))
            painter.drawText(
                rect.left() + SPACE["xs"],
                top + SPACE["m"] + heading_metrics.ascent(),
                heading_metrics.elidedText(
                    row.heading, Qt.TextElideMode.ElideRight, rect.width() - SPACE["s"]
                ),
            )
            top += self._heading_height(heading_font)

        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        width = 2.0 if focused else 1.0
        card = QRectF(rect.left(), top, rect.width(), self._card_height(option, row))
        card = card.adjusted(width / 2, width / 2, -width / 2 - 1, -width / 2)
        painter.setPen(QPen(QColor(palette.accent if focused else palette.border), width))
        painter.setBrush(QColor(palette.accent_soft if selected else palette.surface))
        painter.drawRoundedRect(card, RADIUS, RADIUS)

        left = rect.left() + self.PAD_X
        room = rect.width() - 2 * self.PAD_X
        y = top + self.PAD_Y
        painter.setFont(body)
        painter.setPen(QColor(palette.muted))
        painter.drawText(left, y + bold_metrics.ascent(), row.time)
        shift = body_metrics.horizontalAdvance(row.time) + SPACE["s"] + SPACE["xs"]
        painter.setFont(bold)
        painter.setPen(QColor(palette.text))
        title = bold_metrics.elidedText(
            row.entry.practice_title, Qt.TextElideMode.ElideRight, max(0, room - shift)
        )
        painter.drawText(left + shift, y + bold_metrics.ascent(), title)
        y += bold_metrics.height() + SPACE["xs"]
        painter.setFont(body)
        painter.setPen(QColor(palette.muted))
        painter.drawText(
            left,
            y + body_metrics.ascent(),
            body_metrics.elidedText(row.facts, Qt.TextElideMode.ElideRight, room),
        )
        if row.text:
            y += body_metrics.height() + SPACE["xs"]
            painter.setPen(QColor(palette.text))
            self._draw_runs(painter, snippet_runs(row.text), body, bold, left, y, room)
        painter.restore()

    @staticmethod
    def _draw_runs(
        painter: QPainter,
        runs: list[tuple[str, bool]],
        body: QFont,
        bold: QFont,
        left: int,
        top: int,
        room: int,
    ) -> None:
        """Runs of text, matches in bold, on one line, cut with "…" where it is full."""
        x = left
        for text, matched in runs:
            font = bold if matched else body
            metrics = QFontMetrics(font)
            text = text.replace("\n", " ")
            advance = metrics.horizontalAdvance(text)
            painter.setFont(font)
            if x + advance > left + room:
                painter.drawText(
                    x,
                    top + metrics.ascent(),
                    metrics.elidedText(text, Qt.TextElideMode.ElideRight, left + room - x),
                )
                return
            painter.drawText(x, top + metrics.ascent(), text)
            x += advance
