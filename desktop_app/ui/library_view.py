"""The library view: find a practice in a few keys, read about it, begin it.

Left, a search field, three filters and the list; right, the selected practice.

Opening is cheap however large the library is. `Entry.item` unpickles a practice
(about 0.1 ms; with what a row needs, about 0.2 ms). Up to `EAGER_LIMIT` practices are
simply indexed at once. A larger library starts with every entry in id order and
decodes only the rows it paints; right after that, a zero-interval timer decodes the
rest in slices of a few milliseconds (the window stays responsive), then sorts the
list by title and fills the kind and language filters with what is present: the rows
move once, about a tenth of a second after the window appears. Searching or
filtering before that simply finishes it at once. `set_library` indexes the new
library the same way while the old one stays on screen, then swaps, keeping the
selection, the search and the filters where they still apply.

Lengths: a practice matches a length filter when any of its lengths is in the range:
"Up to 5 minutes" (≤ 5m), "5–15 minutes" (5m to 15m, both included) or "Over 15
minutes" (> 15m). A practice without lengths is as long as its fixed time, from
`time_budget(practice).fixed` (about 0.07 ms a practice, so it is computed while
indexing); it is shown as "about 7m". The language filter lists the languages
present and is shown only when there are at least two.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.gc_pause import collection_paused
from desktop_app.core.library import Entry, Library
from desktop_app.core.model import PRACTICE_KINDS, Practice, spoken_languages
from desktop_app.core.plan_loader import load_pack_manifest
from desktop_app.core.problems import InvalidFile
from desktop_app.core.text import Text, primary_subtag
from desktop_app.core.timeline import time_budget
from desktop_app.ui import theme
from desktop_app.ui.i18n import LANGUAGE_NAMES
from desktop_app.ui.shared_words import kind_names, lengths_text, rough_length
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import (
    SearchField,
    centred_page,
    filter_combo,
    make_label,
    no_match_page,
    scroll_pane,
)

SUBTITLE_ROLE: Final = Qt.ItemDataRole.UserRole + 1
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 2

#: The length filters, shortest first (see `fits_length`).
LENGTH_RANGES: Final = ("short", "medium", "long")
#: Quiet scroll bars and combo arrows. Colours are palette roles, set by the theme.
_LOCAL_STYLE: Final = """
QScrollBar:vertical { background: transparent; width: 12px; margin: 2px 2px 2px 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 4px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: palette(placeholder-text); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QComboBox::drop-down { border: none; width: 24px; }
QPushButton#problemsButton { padding-left: 6px; padding-right: 6px; }
QScrollArea#practiceDetails { background: transparent; border: 2px solid transparent;
    border-radius: 10px; }
QScrollArea#practiceDetails:focus { border-color: palette(highlight); }
QWidget#detailsContent { background: transparent; }
"""
#: Up to this many practices are indexed at once (about 0.2 ms each), so the list is
#: sorted from its first paint; larger libraries are indexed after it, in slices.
EAGER_LIMIT: Final = 100
#: How long one slice of background indexing may keep the GUI thread.
INDEX_SLICE_SECONDS: Final = 0.006
_TOLERANCE: Final = 1e-6


# --- text helpers -------------------------------------------------------------------


def fold(text: str) -> str:
    """Text for matching: case and accents ignored (`Café` and `cafe` match)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def rich_text(text: str) -> str:
    """The practice formats' text (paragraphs, *emphasis*, **strong**) as QLabel rich
    text. HTML is escaped first, so a practice can never inject markup."""
    paragraphs = [" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text)]
    blocks = []
    for paragraph in (p for p in paragraphs if p):
        escaped = html.escape(paragraph)
        escaped = _STRONG.sub(r"<b>\1</b>", escaped)
        escaped = _EMPHASIS.sub(r"<i>\1</i>", escaped)
        blocks.append(escaped)
    gap = SPACE["s"] + SPACE["xs"]
    return "".join(
        f'<p style="margin-top:0; margin-bottom:{0 if last else gap}px; line-height:135%">'
        f"{block}</p>"
        for last, block in ((i == len(blocks) - 1, b) for i, b in enumerate(blocks))
    )


def language_name(code: str) -> str:
    """`Nederlands` for `nl`: each language in its own words, so everyone finds theirs
    whatever language Attune is in; the code itself when Qt does not know it."""
    if code in LANGUAGE_NAMES:  # Qt would say "American English"
        return LANGUAGE_NAMES[code]
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


# --- rows ---------------------------------------------------------------------------


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


class _Row:
    """A library entry and, once it has been needed, what it shows."""

    __slots__ = ("entry", "info")

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.info: RowInfo | None = None


class PracticeListModel(QAbstractListModel):
    """The rows on show. Describing a row decodes its practice, so that happens only
    when the row is painted, searched or sorted."""

    def __init__(self, describe: Callable[[Entry], RowInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self._describe = describe
        self._rows: list[_Row] = []

    def info(self, row: _Row) -> RowInfo:
        if row.info is None:
            row.info = self._describe(row.entry)
        return row.info

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [row.entry.id for row in self._rows]

    def row_of(self, practice_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.entry.id == practice_id:
                return number
        return -1

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


class _RowDelegate(QStyledItemDelegate):
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


# --- small widgets --------------------------------------------------------------------


class _PracticeList(QListView):
    """Enter or a double click chooses the current row; Up from the first row goes
    back to the search field."""

    chosen = Signal(QModelIndex)
    move_up = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.chosen.emit(self.currentIndex())
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.move_up.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(index)
            return
        super().mouseDoubleClickEvent(event)


class ProblemsDialog(QDialog):
    """Every problem of every file that could not be loaded, as `file:line:col: …`,
    and, separately, the notes about clashing ids. The text can be selected and copied."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems in practice files"))
        self.setAccessibleName(self.tr("Problems in practice files"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["s"])

        self.failures_text: QPlainTextEdit | None = None
        self.warnings_text: QPlainTextEdit | None = None
        if library.failures:
            count = len(library.failures)
            layout.addWidget(
                make_label(
                    self.tr("1 file could not be loaded")
                    if count == 1
                    else self.tr("%1 files could not be loaded").replace("%1", str(count)),
                    "subheading",
                )
            )
            layout.addWidget(
                make_label(
                    self.tr("Fix these lines and save; the library updates by itself."),
                    "muted",
                )
            )
            blocks = ["\n".join(str(p) for p in failure.problems) for failure in library.failures]
            self.failures_text = self._text(
                "\n\n".join(blocks),
                self.tr("Problems"),
                self.tr("Each problem as file:line:column: what is wrong"),
            )
            layout.addWidget(self.failures_text, 3)
        if library.warnings:
            if library.failures:
                layout.addSpacing(SPACE["s"])
            layout.addWidget(make_label(self.tr("Notes"), "subheading"))
            layout.addWidget(
                make_label(
                    self.tr("Practices that share an id: only one of them is used."), "muted"
                )
            )
            self.warnings_text = self._text(
                "\n".join(str(w) for w in library.warnings),
                self.tr("Notes"),
                self.tr("Practices that share an id, as file:line:column: note"),
            )
            layout.addWidget(self.warnings_text, 1)

        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close this list of problems"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.close_button)
        layout.addSpacing(SPACE["s"])
        layout.addLayout(row)

    def _text(self, text: str, name: str, description: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        return box


# --- the view -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filters:
    words: tuple[str, ...] = ()
    kind: str | None = None
    length: str | None = None
    language: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.words or self.kind or self.length or self.language)


class LibraryView(QWidget):
    """Search, filter and browse the library; choose a practice to begin.

    `practice_chosen(id)` is emitted on Enter in the list, a double click, or Begin….
    """

    practice_chosen = Signal(str)
    #: Open the practice in the editor: one's own file itself, any other as a copy.
    edit_requested = Signal(str)

    def __init__(
        self,
        library: Library,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        practices_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Library"))
        self.setStyleSheet(_LOCAL_STYLE)
        self.language = language
        self.practices_folder = practices_folder
        self._library = library
        self._rows: list[_Row] = []  # the indexed rows, sorted by title
        self._pending: list[_Row] = []  # rows being indexed
        self._cursor = 0
        self._indexed = False
        self._dialog: ProblemsDialog | None = None
        self._shown_id: str | None = None
        self._kinds = kind_names()
        self._collator = QCollator(QLocale(language))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.model = PracticeListModel(self._describe, self)

        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(0)
        self._index_timer.timeout.connect(self._index_some)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_browser())
        self.pages.addWidget(self._build_empty_library())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._build_problems_row())
        self._set_tab_order()
        for combo in (self.kind_filter, self.length_filter, self.language_filter):
            combo.currentIndexChanged.connect(self._filters_changed)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_search)

        self._start(library, first=True)

    # --- public ------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        return self._library

    @property
    def is_indexed(self) -> bool:
        """Whether every practice has been read for sorting and filtering."""
        return self._indexed

    def set_library(self, library: Library) -> None:
        """Show `library`, keeping the selected practice, the search and the filters
        where they still apply. The current list stays until the new one is ready."""
        self._start(library, first=False)

    def finish_indexing(self) -> None:
        """Read every remaining practice now (searching and filtering need them all)."""
        if self._indexed:
            return
        self._index_timer.stop()
        with collection_paused():  # once for all, rather than once per practice
            for row in self._pending[self._cursor :]:
                self.model.info(row)
        self._cursor = len(self._pending)
        self._install()

    def visible_ids(self) -> list[str]:
        return self.model.ids()

    def selected_id(self) -> str | None:
        index = self.practice_list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select(self, practice_id: str) -> bool:
        row = self.model.row_of(practice_id)
        if row < 0:
            return False
        self.practice_list.setCurrentIndex(self.model.index(row))
        return True

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_filters(self) -> None:
        for combo in (self.kind_filter, self.length_filter, self.language_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self._apply_filters()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problems(self) -> ProblemsDialog:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = ProblemsDialog(self._library, self)
        self._dialog.open()
        return self._dialog

    # --- building ------------------------------------------------------------------------

    def _build_browser(self) -> QWidget:
        self.search_field = SearchField()
        self.search_field.setPlaceholderText(self.tr("Search practices"))
        self.search_field.setAccessibleName(self.tr("Search practices"))
        self.search_field.setAccessibleDescription(
            self.tr(
                "Type to find practices by title, summary or tag. Press Down to go to the list."
            )
        )
        self.search_field.textChanged.connect(self._filters_changed)
        self.search_field.move_down.connect(self._enter_list)

        self.kind_filter = filter_combo(self.tr("Kind"), self.tr("Show practices of one kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        self.length_filter = filter_combo(
            self.tr("Length"), self.tr("Show practices that fit the time you have")
        )
        self.length_filter.addItem(self.tr("Any length"), None)
        for key, label in zip(
            LENGTH_RANGES,
            (self.tr("Up to 5 minutes"), self.tr("5–15 minutes"), self.tr("Over 15 minutes")),
            strict=True,
        ):
            self.length_filter.addItem(label, key)
        self.language_filter = filter_combo(
            self.tr("Language"), self.tr("Show practices in one language")
        )
        self.language_filter.addItem(self.tr("All languages"), None)
        self.language_filter.hide()  # shown once the library has more than one language
        filters = QHBoxLayout()
        filters.setSpacing(SPACE["s"])
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.length_filter)
        filters.addWidget(self.language_filter)
        filters.addStretch()

        self.count_label = make_label("", "muted", wrap=False)

        self.practice_list = _PracticeList()
        self.practice_list.setModel(self.model)
        self.practice_list.setItemDelegate(_RowDelegate(self.practice_list))
        self.practice_list.setUniformItemSizes(True)  # no row is decoded to be measured
        self.practice_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.practice_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.practice_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.practice_list.setAccessibleName(self.tr("Practices"))
        self.practice_list.verticalScrollBar().setAccessibleName(self.tr("Scroll the practices"))
        self.practice_list.setAccessibleDescription(
            self.tr("Press Enter to begin the selected practice")
        )
        self.practice_list.selectionModel().currentChanged.connect(self._current_changed)
        self.practice_list.chosen.connect(self._choose_index)
        self.practice_list.move_up.connect(self.focus_search)

        self.list_pages, self.clear_button = no_match_page(
            self.practice_list,
            self.tr("No practices match. Clear the search or filters."),
            self.tr("Clear search and filters"),
            self.tr("Show every practice again"),
            self.clear_filters,
        )

        left = QVBoxLayout()
        left.setSpacing(SPACE["s"])
        left.addWidget(self.search_field)
        left.addLayout(filters)
        left.addSpacing(SPACE["xs"])
        left.addWidget(self.count_label)
        left.addWidget(self.list_pages, 1)

        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE["xl"])
        row.addLayout(left, 4)
        row.addWidget(self._build_details(), 5)
        return page

    def _build_details(self) -> QWidget:
        self.title_label = make_label("", "heading")
        self.meta_label = make_label("", "muted")
        self.summary_label = make_label("")
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary_label.setFont(font)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label = make_label("", rich=True)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety_card = QFrame()
        self.safety_card.setProperty("role", "card")
        safety = QVBoxLayout(self.safety_card)
        safety.setContentsMargins(SPACE["m"] + SPACE["xs"], SPACE["m"], SPACE["m"], SPACE["m"])
        safety.setSpacing(SPACE["s"])
        safety.addWidget(make_label(self.tr("Before you start"), "subheading"))
        self.safety_label = make_label("", rich=True)
        self.safety_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        safety.addWidget(self.safety_label)
        self.credits_label = make_label("", "muted")
        self.origin_label = make_label("", "muted")

        content = QWidget()
        content.setObjectName("detailsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(SPACE["s"], SPACE["xs"], SPACE["m"], SPACE["m"])
        column.setSpacing(SPACE["m"])
        heading = QVBoxLayout()
        heading.setSpacing(SPACE["xs"])
        heading.addWidget(self.title_label)
        heading.addWidget(self.meta_label)
        column.addLayout(heading)
        column.addWidget(self.summary_label)
        column.addWidget(self.description_label)
        column.addWidget(self.safety_card)
        facts = QVBoxLayout()
        facts.setSpacing(SPACE["xs"])
        facts.addWidget(self.credits_label)
        facts.addWidget(self.origin_label)
        column.addLayout(facts)
        column.addStretch()

        self.details_area = scroll_pane(
            content,
            "practiceDetails",
            self.tr("Practice details"),
            self.tr("About the selected practice; use the arrow keys to scroll"),
        )

        self.begin_button = QPushButton(self.tr("Begin…"))
        self.begin_button.setProperty("role", "primary")
        self.begin_button.setAccessibleName(self.tr("Begin"))
        self.begin_button.setAccessibleDescription(
            self.tr("Get ready to begin the selected practice")
        )
        self.begin_button.clicked.connect(self._choose_current)
        self.begin_button.setMinimumWidth(SPACE["xl"] * 4)
        begin_row = QHBoxLayout()
        begin_row.setContentsMargins(SPACE["s"] + 2, SPACE["m"], 0, 0)  # 2: the focus border
        begin_row.addWidget(self.begin_button)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setProperty("role", "quiet")
        self.edit_button.setAccessibleName(self.tr("Edit"))
        self.edit_button.setAccessibleDescription(self.tr("Open this practice in the editor"))
        self.edit_button.clicked.connect(self._edit_current)
        begin_row.addWidget(self.edit_button)
        begin_row.addStretch()

        chosen = QWidget()
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.setContentsMargins(0, 0, 0, 0)
        chosen_layout.setSpacing(0)
        chosen_layout.addWidget(self.details_area, 1)
        chosen_layout.addLayout(begin_row)

        nothing = QWidget()
        nothing_layout = QVBoxLayout(nothing)
        nothing_layout.setContentsMargins(SPACE["s"], SPACE["xl"], SPACE["m"], SPACE["m"])
        nothing_layout.setSpacing(SPACE["s"])
        self.placeholder_label = make_label(self.tr("Choose a practice to read about it here."))
        self.placeholder_label.setProperty("role", "subheading")
        nothing_layout.addWidget(self.placeholder_label)
        nothing_layout.addWidget(
            make_label(
                self.tr(
                    "Ctrl+F searches, the arrow keys move through the list, "
                    "and Enter begins the practice you have chosen."
                ),
                "muted",
            )
        )
        nothing_layout.addStretch()

        self.details_pages = QStackedWidget()
        self.details_pages.addWidget(nothing)
        self.details_pages.addWidget(chosen)
        self.details_pages.addWidget(QWidget())
        return self.details_pages

    def _build_empty_library(self) -> QWidget:
        """No practices at all: where to put practice files, calmly."""
        column = QWidget()
        column.setMaximumWidth(SPACE["xl"] * 14)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        layout.addWidget(make_label(self.tr("No practices yet"), "heading"))
        self.folder_label: QLabel | None = None
        if self.practices_folder is not None:
            layout.addWidget(
                make_label(
                    self.tr("Practice files (.yaml) that you put in this folder appear here:")
                )
            )
            card = QFrame()
            card.setProperty("role", "card")
            inside = QVBoxLayout(card)
            inside.setContentsMargins(
                SPACE["m"], SPACE["s"] + SPACE["xs"], SPACE["m"], SPACE["s"] + SPACE["xs"]
            )
            self.folder_label = make_label(str(self.practices_folder))
            self.folder_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.folder_label.setAccessibleName(self.tr("Your practices folder"))
            self.folder_label.setAccessibleDescription(str(self.practices_folder))
            inside.addWidget(self.folder_label)
            layout.addWidget(card)
        else:
            layout.addWidget(
                make_label(
                    self.tr(
                        "Practice files (.yaml) that you put in your practices folder appear here."
                    )
                )
            )
        layout.addWidget(
            make_label(
                self.tr("Your therapist may have given you some, or you can write your own."),
                "muted",
            )
        )
        return centred_page(column)

    def _build_problems_row(self) -> QHBoxLayout:
        self.problems_label = make_label("", "muted", wrap=False)
        self.problems_button = QPushButton(self.tr("Show details"))
        self.problems_button.setProperty("role", "quiet")
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAccessibleName(self.tr("Show details of the problems"))
        self.problems_button.setAccessibleDescription(
            self.tr("List every problem found in your practice files")
        )
        self.problems_button.clicked.connect(self.show_problems)
        row = QHBoxLayout()
        row.setContentsMargins(0, SPACE["s"], 0, 0)
        row.setSpacing(SPACE["xs"])
        row.addWidget(self.problems_label)
        row.addWidget(self.problems_button)
        row.addStretch()
        return row

    def _set_tab_order(self) -> None:
        chain: Sequence[QWidget] = (
            self.search_field,
            self.kind_filter,
            self.length_filter,
            self.language_filter,
            self.practice_list,
            self.clear_button,
            self.details_area,
            self.begin_button,
            self.edit_button,
            self.problems_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- indexing ------------------------------------------------------------------------

    def _start(self, library: Library, *, first: bool) -> None:
        self._library = library
        self._index_timer.stop()
        # Id order until the titles are known: ids are usually close to the titles.
        self._pending = [_Row(library.practices[k]) for k in sorted(library.practices)]
        self._cursor = 0
        self._indexed = False
        if first:
            self.model.set_rows(self._pending)
            self._show_counts()
        self._show_problems_line()
        self.pages.setCurrentIndex(0 if library.practices or not first else 1)
        if len(self._pending) > EAGER_LIMIT:
            self._index_timer.start()
        else:
            self.finish_indexing()  # a few milliseconds: sorted from the first paint

    def _index_some(self) -> None:
        deadline = time.perf_counter() + INDEX_SLICE_SECONDS
        rows = self._pending
        with collection_paused():
            while self._cursor < len(rows):
                self.model.info(rows[self._cursor])
                self._cursor += 1
                if time.perf_counter() > deadline:
                    break
        if self._cursor < len(rows):
            self._index_timer.start()
        else:
            self._install()

    def _install(self) -> None:
        """Every pending row is described: sort them, refill the filters, show them."""
        info = self.model.info
        compare = self._collator.compare

        def by_title(a: _Row, b: _Row) -> int:
            first, second = info(a), info(b)
            return compare(first.title, second.title) or (first.id > second.id) - (
                first.id < second.id
            )

        self._rows = sorted(self._pending, key=functools.cmp_to_key(by_title))
        self._pending = []
        self._cursor = 0
        self._indexed = True
        self._fill_filters()
        self.pages.setCurrentIndex(0 if self._rows else 1)
        self._apply_filters(keep_scroll=True)

    def _fill_filters(self) -> None:
        infos = [row.info for row in self._rows if row.info is not None]
        present_kinds = {i.kind for i in infos}
        kinds = [k for k in PRACTICE_KINDS if k in present_kinds]
        kinds += sorted(present_kinds - set(PRACTICE_KINDS))
        self._refill(
            self.kind_filter,
            self.tr("All kinds"),
            [(self._kinds.get(k, k.replace("-", " ").capitalize()), k) for k in kinds],
        )
        languages = sorted({code for i in infos for code in i.languages}, key=language_name)
        self._refill(
            self.language_filter,
            self.tr("All languages"),
            [(language_name(code), code) for code in languages],
        )
        self.language_filter.setVisible(
            len(languages) > 1 or self.language_filter.currentIndex() > 0
        )

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        """New choices; the current one stays chosen when it is still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, key in items:
            combo.addItem(label, key)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def _describe(self, entry: Entry) -> RowInfo:
        practice = entry.item
        assert isinstance(practice, Practice)
        lengths = practice.lengths or self._fixed_time(practice)
        languages = tuple(dict.fromkeys(primary_subtag(c) for c in spoken_languages(practice)))
        if practice.lengths:
            shown_lengths = lengths_text(practice.lengths)
        elif lengths:
            shown_lengths = self.tr("about %1").replace("%1", rough_length(lengths[0]))
        else:
            shown_lengths = ""
        kind = self._kinds.get(practice.kind, practice.kind)
        subtitle = " · ".join(part for part in (kind, shown_lengths, ", ".join(languages)) if part)
        texts: list[Text] = [practice.title, practice.summary]
        haystack = "\n".join(
            [fold(value) for text in texts for _, value in text.translations]
            + [fold(tag) for tag in practice.tags]
        )
        return RowInfo(
            id=entry.id,
            title=practice.title.get(self.language),
            subtitle=subtitle,
            haystack=haystack,
            kind=practice.kind,
            durations=tuple(lengths),
            languages=languages,
        )

    @staticmethod
    def _fixed_time(practice: Practice) -> tuple[float, ...]:
        try:
            fixed = time_budget(practice, language=practice.language).fixed
        except (ValueError, ArithmeticError):
            return ()
        return (fixed,) if fixed > 0 else ()

    # --- filtering ------------------------------------------------------------------------

    def _filters(self) -> _Filters:
        return _Filters(
            words=tuple(fold(self.search_field.text()).split()),
            kind=self.kind_filter.currentData(),
            length=self.length_filter.currentData(),
            language=self.language_filter.currentData(),
        )

    def _filters_changed(self) -> None:
        if not self._indexed:
            self.finish_indexing()  # filters itself once done
        else:
            self._apply_filters()

    def _apply_filters(self, *, keep_scroll: bool = False) -> None:
        """Show the rows that pass the filters, keeping the selected practice when it
        is still shown; `keep_scroll` for a new library, where nothing was asked for."""
        keep = self.selected_id()
        scroll = self.practice_list.verticalScrollBar().value()
        filters = self._filters()
        if filters.active:
            rows = [r for r in self._rows if r.info is not None and _matches(r.info, filters)]
        else:
            rows = self._rows
        self.model.set_rows(list(rows))
        if keep_scroll:
            self.practice_list.verticalScrollBar().setValue(scroll)
        if keep is None or not self.select(keep):
            self._current_changed(QModelIndex())
        self.list_pages.setCurrentIndex(0 if rows or not self._rows else 1)
        self._show_counts(len(rows) if filters.active else None)

    def _show_counts(self, shown: int | None = None) -> None:
        total = len(self._library.practices)
        if shown is None:
            text = self.tr("1 practice") if total == 1 else self.tr("%1 practices")
        else:
            text = self.tr("%2 of %1 practices").replace("%2", str(shown))
        self.count_label.setText(text.replace("%1", str(total)))

    def _show_problems_line(self) -> None:
        failed = len(self._library.failures)
        noted = len(self._library.warnings)
        if failed:
            text = (
                self.tr("1 file could not be loaded")
                if failed == 1
                else self.tr("%1 files could not be loaded").replace("%1", str(failed))
            )
        elif noted:
            text = (
                self.tr("1 note about your practice files")
                if noted == 1
                else self.tr("%1 notes about your practice files").replace("%1", str(noted))
            )
        else:
            text = ""
        self.problems_label.setText(f"{text} ·" if text else "")
        self.problems_label.setVisible(bool(text))
        self.problems_button.setVisible(bool(text))

    # --- selection and choosing -----------------------------------------------------------

    def _enter_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.practice_list.currentIndex().isValid():
            self.practice_list.setCurrentIndex(self.model.index(0))
        self.practice_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_changed(self, current: QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is None:
            self._shown_id = None
            # The hint, unless nothing is listed: then the list says what to do.
            self.details_pages.setCurrentIndex(0 if self.model.rowCount() else 2)
            self.begin_button.setEnabled(False)
            self.edit_button.setEnabled(False)
            return
        self._show_details(entry)
        self.details_pages.setCurrentIndex(1)
        self.begin_button.setEnabled(True)
        self.edit_button.setEnabled(True)
        own = entry.source.kind == "user"
        self.edit_button.setText(self.tr("Edit…") if own else self.tr("Adapt a copy…"))
        self.edit_button.setAccessibleName(self.tr("Edit") if own else self.tr("Adapt a copy"))
        self.edit_button.setAccessibleDescription(
            self.tr("Open this practice in the editor")
            if own
            else self.tr("Open a copy in the editor, to save among your own practices")
        )

    def _show_details(self, entry: Entry) -> None:
        practice = entry.item
        assert isinstance(practice, Practice)
        language = self.language
        self.title_label.setText(practice.title.get(language))
        kind = self._kinds.get(practice.kind, practice.kind)
        if practice.lengths:
            lengths = lengths_text(practice.lengths)
        else:
            fixed = self._fixed_time(practice)
            lengths = self.tr("about %1").replace("%1", rough_length(fixed[0])) if fixed else ""
        names = ", ".join(
            dict.fromkeys(language_name(primary_subtag(c)) for c in spoken_languages(practice))
        )
        self.meta_label.setText(" · ".join(p for p in (kind, lengths, names) if p))
        self.summary_label.setText(practice.summary.get(language))
        self._set_rich(self.description_label, practice.description)
        self._set_rich(self.safety_label, practice.safety)
        self.safety_card.setVisible(practice.safety is not None)
        credits = []
        if practice.author:
            credits.append(self.tr("By %1").replace("%1", practice.author))
        if practice.license:
            credits.append(self.tr("Licence: %1").replace("%1", practice.license))
        self.credits_label.setText(" · ".join(credits))
        self.credits_label.setVisible(bool(credits))
        self.origin_label.setText(self.tr("From: %1").replace("%1", self._origin(entry)))
        if entry.id != self._shown_id:  # the same one, updated: stay where the reader is
            self.details_area.verticalScrollBar().setValue(0)
        self._shown_id = entry.id

    def _set_rich(self, label: QLabel, text: Text | None) -> None:
        label.setText(rich_text(text.get(self.language)) if text is not None else "")
        label.setVisible(text is not None)

    def _origin(self, entry: Entry) -> str:
        source = entry.source
        if source.kind == "built-in":
            return self.tr("built-in")
        if source.kind == "user":
            return self.tr("your practices")
        return self.tr("the pack “%1”").replace("%1", self._pack_title(source.root))

    @functools.cache  # noqa: B019 - one view, a few packs
    def _pack_title(self, folder: Path) -> str:
        """A pack's title as its maker gave it (its folder name if it cannot be read)."""
        try:
            return load_pack_manifest(folder / "pack.yaml").title.get(self.language)
        except (InvalidFile, OSError):
            return folder.name

    def _choose_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.practice_chosen.emit(str(index.data(ID_ROLE)))

    def _choose_current(self) -> None:
        self._choose_index(self.practice_list.currentIndex())

    def set_authoring(self, on: bool) -> None:
        """Offer Edit / Adapt a copy (the tools for therapists) or not."""
        self.edit_button.setVisible(on)

    def _edit_current(self) -> None:
        index = self.practice_list.currentIndex()
        if index.isValid():
            self.edit_requested.emit(str(index.data(ID_ROLE)))


def _matches(info: RowInfo, filters: _Filters) -> bool:
    if filters.kind is not None and info.kind != filters.kind:
        return False
    if filters.language is not None and filters.language not in info.languages:
        return False
    if filters.length is not None and not any(
        fits_length(filters.length, seconds) for seconds in info.durations
    ):
        return False
    return all(word in info.haystack for word in filters.words)


def fits_length(key: str, seconds: float) -> bool:
    """ "Up to 5 minutes", "5–15 minutes" (both ends included) or "Over 15 minutes"."""
    if key == "short":
        return seconds <= 300 + _TOLERANCE
    if key == "medium":
        return 300 - _TOLERANCE <= seconds <= 900 + _TOLERANCE
    return seconds > 900 + _TOLERANCE
