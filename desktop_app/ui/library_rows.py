"""The Library's rows: what a practice shows in the list (from its summary: no practice
is read to be listed), the list model that describes a row only when it is needed, and
the row as it is painted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.core.filters import fold
from desktop_app.core.library import PracticeEntry
from desktop_app.core.summaries import PracticeSummary
from desktop_app.core.text import primary_subtag
from desktop_app.ui import theme
from desktop_app.ui.shared_words import lengths_text, rough_length
from desktop_app.ui.theme import SPACE

SUBTITLE_ROLE: Final = Qt.ItemDataRole.UserRole + 1
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class RowInfo:
    """Everything the list, the search and the filters need of one practice."""

    id: str
    title: str
    subtitle: str
    #: Folded titles (every translation), summaries and tags, for searching.
    haystack: str
    kind: str
    #: Its lengths, or its fixed time when it has none (empty when unknown).
    durations: tuple[float, ...]
    #: Primary language subtags it can be read and heard in.
    languages: tuple[str, ...]


class PracticeRow:
    """A library entry and, once it has been needed, what it shows."""

    __slots__ = ("entry", "info")

    def __init__(self, entry: PracticeEntry) -> None:
        self.entry = entry
        self.info: RowInfo | None = None


def length_words(practice: PracticeSummary) -> str:
    """Its lengths (`5, 10 min`), else "about 7 min" from its fixed time, else ""."""
    if practice.lengths:
        return lengths_text(practice.lengths)
    if practice.fixed:
        # The Library's words: the catalogue has them in its context.
        about = QCoreApplication.translate("LibraryView", "about %1")
        return about.replace("%1", rough_length(practice.fixed))
    return ""


def describe(entry: PracticeEntry, language: str, kinds: dict[str, str]) -> RowInfo:
    """A practice's row, in `language`, with the `kinds` named as people read them."""
    practice = entry.summary
    languages = tuple(dict.fromkeys(primary_subtag(c) for c in practice.spoken))
    kind = kinds.get(practice.kind, practice.kind)
    shown = (kind, length_words(practice), ", ".join(languages))
    haystack = "\n".join(
        [
            fold(value)
            for text in (practice.title, practice.summary)
            for _, value in text.translations
        ]
        + [fold(tag) for tag in practice.tags]
    )
    return RowInfo(
        id=entry.id,
        title=practice.title.get(language),
        subtitle=" · ".join(part for part in shown if part),
        haystack=haystack,
        kind=practice.kind,
        durations=practice.durations,
        languages=languages,
    )


class PracticeListModel(QAbstractListModel):
    """The rows on show, each described from its practice's summary when the row is
    first painted, searched or sorted."""

    def __init__(self, describe: Callable[[PracticeEntry], RowInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self._describe = describe
        self._rows: list[PracticeRow] = []

    def info(self, row: PracticeRow) -> RowInfo:
        if row.info is None:
            row.info = self._describe(row.entry)
        return row.info

    def set_rows(self, rows: list[PracticeRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def entry(self, row: int) -> PracticeEntry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [row.entry.id for row in self._rows]

    def row_of(self, practice_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.entry.id == practice_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.entry.id  # known without decoding
        if role == Qt.ItemDataRole.DisplayRole:
            return self.info(row).title
        if role == SUBTITLE_ROLE:
            return self.info(row).subtitle
        if role == Qt.ItemDataRole.AccessibleTextRole:
            info = self.info(row)
            return f"{info.title}, {info.subtitle}"
        return None


class PracticeDelegate(QStyledItemDelegate):
    """A row: the title, and under it a muted line (kind · lengths · languages).
    Colours come from the theme's palette: text, and muted."""

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFontMetrics, int]:
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        return title_font, QFontMetrics(title_font), option.fontMetrics.height()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        del index  # every row is the same height: no need to decode anything here
        _, title_metrics, line = self._metrics(option)
        height = 2 * SPACE["s"] + SPACE["xs"] + title_metrics.height() + line
        return QSize(SPACE["xl"] * 5, height + SPACE["xs"])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        title_font, title_metrics, line = self._metrics(opt)
        rect = opt.rect.adjusted(SPACE["m"] - SPACE["xs"], SPACE["s"], -SPACE["m"], -SPACE["s"])
        title = title_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            rect.width(),
        )
        subtitle = opt.fontMetrics.elidedText(
            str(index.data(SUBTITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        palette: QPalette = opt.palette
        painter.save()
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        top = QRect(rect.left(), rect.top(), rect.width(), title_metrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(opt.font)
        painter.setPen(QColor(theme.current().muted))
        below = QRect(rect.left(), top.bottom() + 1 + SPACE["xs"], rect.width(), line)
        painter.drawText(
            below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle
        )
        painter.restore()
