"""The journal: what a person noticed after each practice, to look back on.

`JournalView` lists the entries by day, newest first, each as a quiet card (time,
practice, minutes practised, "stopped early", the before → after scale changes, the
first line of something written). Beside the list, the selected entry with every
answer; what was written can be changed and saved. Deleting an entry can be undone
for `UNDO_MS`.

Reading is lazy: `PAGE_SIZE` entries are read at a time (with their answers, in a few
milliseconds), and the list asks for the next page when it is scrolled to the end, so
opening a journal of years costs the same as one of a week. Filters (practice, kind,
a time range) go to the journal's own query; searching uses its full-text index and
shows where the words were found, in bold.

Edits in progress are never thrown away: moving to another entry keeps what was typed
(it is shown again on return, marked "Not saved yet"), and when the journal cannot be
written the text stays in the editor with a calm notice. Scale, choice and feelings
answers are shown as they were given, read-only; only written answers can be changed.

`JournalScreen` puts the entries and `InsightsView` side by side as two tabs, with an
"Export…" button whose dialog lives elsewhere.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
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

from desktop_app.storage.journal import (
    Journal,
    JournalError,
    SessionEntry,
    StoredAnswer,
    scale_changes,
)
from desktop_app.ui import theme
from desktop_app.ui.insights_view import InsightsView
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import RADIUS, SPACE
from desktop_app.ui.widgets import (
    GrowingTextEdit,
    SearchField,
    centred_page,
    filter_combo,
    make_label,
    no_match_page,
    scroll_pane,
)

#: Entries read at a time; the next page is read when the list is scrolled to its end.
PAGE_SIZE: Final = 200
#: Searching waits this long after the last key.
SEARCH_DELAY_MS: Final = 200
#: At most this many search results (the journal's best matches).
SEARCH_LIMIT: Final = 200
#: How long "Entry deleted · Undo" stays.
UNDO_MS: Final = 10_000

ENTRY_ROLE: Final = Qt.ItemDataRole.UserRole + 1

#: The time ranges of the date filter (see `range_start`).
DATE_RANGES: Final = ("week", "month", "year")

_LOCAL_STYLE: Final = """
QScrollBar:vertical { background: transparent; width: 12px; margin: 2px 2px 2px 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 4px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: palette(placeholder-text); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QListView#journalEntries, QListView#journalEntries:focus {
    background: transparent; border: none; padding: 0;
}
QScrollArea#entryDetails { background: transparent; border: 2px solid transparent;
    border-radius: 10px; }
QScrollArea#entryDetails:focus { border-color: palette(highlight); }
QWidget#entryContent { background: transparent; }
"""

_MARKED = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_WHEN_ORDER: Final = {"after": 0, "during": 1, "before": 2}


# --- text helpers -----------------------------------------------------------------------


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) runs: the journal marks matches "[[…]]"."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _MARKED.finditer(snippet):
        if match.start() > position:
            runs.append((snippet[position : match.start()], False))
        if match.group(1):
            runs.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        runs.append((snippet[position:], False))
    return runs


def highlight_html(snippet: str) -> str:
    """A snippet as rich text: HTML escaped first, then each match in <b>…</b>, so what
    a person wrote can never become markup."""
    return "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text)
        for text, matched in snippet_runs(" ".join(snippet.split()))
    )


def unmarked(snippet: str) -> str:
    return "".join(text for text, _ in snippet_runs(snippet))


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def written_line(entry: SessionEntry) -> str:
    """The first line of something written (after the practice first, then during,
    then before), or ""."""
    texts = sorted(
        (a for a in entry.answers if a.kind == "text" and isinstance(a.value, str)),
        key=lambda a: _WHEN_ORDER.get(a.when, 3),
    )
    for answer in texts:
        assert isinstance(answer.value, str)
        line = first_line(answer.value)
        if line:
            return line
    return ""


def short_name(question_id: str) -> str:
    """A question's id as a short word for a row: `in-touch` → "in touch"."""
    return question_id.replace("-", " ").replace("_", " ")


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def range_start(key: str | None, today: date) -> date | None:
    """The first day of "Last 7 days", "Last 30 days" (today included) or "This year"."""
    if key == "week":
        return today - timedelta(days=6)
    if key == "month":
        return today - timedelta(days=29)
    if key == "year":
        return date(today.year, 1, 1)
    return None


def answer_key(answer: StoredAnswer) -> str:
    """An answer's place in its entry: one answer per question and moment."""
    return f"{answer.when}:{answer.question_id}"


def with_texts(answers: Sequence[StoredAnswer], texts: dict[str, str]) -> tuple[StoredAnswer, ...]:
    """`answers` with written answers replaced by `texts` (by `answer_key`); a text
    emptied is no answer at all (skipping stores nothing)."""
    result = []
    for answer in answers:
        key = answer_key(answer)
        if answer.kind == "text" and key in texts:
            text = texts[key].strip()
            if not text:
                continue
            answer = replace(answer, value=text, display=text)
        result.append(answer)
    return tuple(result)


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntryRow:
    """What the list shows of one entry."""

    entry: SessionEntry
    day: date
    #: The day's heading, on the first entry of each day in the list ("" otherwise).
    heading: str
    time: str
    facts: str
    #: One line under the facts: the start of something written, or a search snippet
    #: with its matches marked "[[…]]".
    text: str
    #: All of it in words, for screen readers.
    spoken: str


class EntryListModel(QAbstractListModel):
    """The entries on show; asks `more` for the next page when the view reaches the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []
        self._more: Callable[[], tuple[list[EntryRow], bool]] | None = None

    @property
    def rows(self) -> list[EntryRow]:
        return self._rows

    def reset(
        self, rows: list[EntryRow], more: Callable[[], tuple[list[EntryRow], bool]] | None
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._more = more
        self.endResetModel()

    def row(self, number: int) -> EntryRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_of(self, uid: str) -> int:
        for number, row in enumerate(self._rows):
            if row.entry.uid == uid:
                return number
        return -1

    def replace_rows(self, rows: list[EntryRow]) -> None:
        """The same entries, described again (new headings or answers): sizes may change."""
        self.layoutAboutToBeChanged.emit()
        self._rows = rows
        self.layoutChanged.emit()

    def remove(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.isValid() or self._more is None:
            return
        rows, finished = self._more()
        if finished:
            self._more = None
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.entry.practice_title
        if role == ENTRY_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.spoken
        return None


class _EntryDelegate(QStyledItemDelegate):
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


# --- small widgets --------------------------------------------------------------------------


class _EntryList(QListView):
    """Enter or a double click opens the current entry; Delete deletes it (it can be
    undone); Up from the first entry goes back to the search field."""

    opened = Signal()
    delete_pressed = Signal()
    move_up = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.opened.emit()
            return
        if key == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_pressed.emit()
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.move_up.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentIndex(index)
            self.opened.emit()
            return
        super().mouseDoubleClickEvent(event)


class _Editor(GrowingTextEdit):
    """A written answer being edited; Escape goes back to the list."""

    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class EntryPane(QWidget):
    """One entry: what was practised, and every answer. Written answers are editors;
    the rest are shown as given."""

    save_requested = Signal()
    delete_requested = Signal()
    leave = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: SessionEntry | None = None
        self.editors: dict[str, QPlainTextEdit] = {}
        self._saved: dict[str, str] = {}
        self._dirty = False

        self.title_label = make_label("", "heading")
        self.meta_label = make_label("", "muted")
        self.found_label = make_label("", rich=True)
        self.found_label.hide()
        self.answers_box = QVBoxLayout()
        self.answers_box.setContentsMargins(0, 0, 0, 0)
        self.answers_box.setSpacing(SPACE["m"])

        content = QWidget()
        content.setObjectName("entryContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(SPACE["s"], SPACE["xs"], SPACE["m"], SPACE["m"])
        column.setSpacing(SPACE["m"])
        heading = QVBoxLayout()
        heading.setSpacing(SPACE["xs"])
        heading.addWidget(self.title_label)
        heading.addWidget(self.meta_label)
        column.addLayout(heading)
        column.addWidget(self.found_label)
        column.addLayout(self.answers_box)
        column.addStretch()

        self.area = scroll_pane(
            content,
            "entryDetails",
            self.tr("Journal entry"),
            self.tr("The chosen entry and every answer; use the arrow keys to scroll"),
        )

        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.save_button.setAccessibleDescription(
            self.tr("Keep what you changed in this entry (Ctrl+S)")
        )
        # Shown only with something to save (the theme draws a disabled button as an
        # enabled one); its room is kept, so nothing moves when it appears.
        self.save_button.setEnabled(False)
        self.save_button.setVisible(False)
        policy = self.save_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.save_button.setSizePolicy(policy)
        self.save_button.clicked.connect(self.save_requested)
        self.status_label = make_label("", "muted", wrap=False)
        self.delete_button = QPushButton(self.tr("Delete entry"))
        self.delete_button.setProperty("role", "quiet")
        self.delete_button.setAccessibleName(self.tr("Delete entry"))
        self.delete_button.setAccessibleDescription(
            self.tr("Remove this entry from your journal; you can undo it for a few seconds")
        )
        self.delete_button.clicked.connect(self.delete_requested)
        footer = QHBoxLayout()
        footer.setContentsMargins(SPACE["s"] + 2, SPACE["m"], 0, 0)  # 2: the focus border
        footer.setSpacing(SPACE["m"])
        footer.addWidget(self.save_button)
        footer.addWidget(self.status_label)
        footer.addStretch()
        footer.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.area, 1)
        layout.addLayout(footer)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_if_dirty)

    # --- public ----------------------------------------------------------------------------

    def show_entry(
        self,
        entry: SessionEntry,
        meta: str,
        *,
        unsaved: dict[str, str] | None = None,
        snippets: Sequence[str] = (),
    ) -> None:
        same = self.entry is not None and self.entry.uid == entry.uid
        self.entry = entry
        self.title_label.setText(entry.practice_title)
        self.title_label.setAccessibleName(entry.practice_title)
        self.meta_label.setText(meta)
        self.meta_label.setAccessibleName(meta)
        if snippets:
            found = self.tr("Found: %1").replace(
                "%1", " · ".join(highlight_html(s) for s in snippets)
            )
            self.found_label.setText(found)
            self.found_label.setAccessibleName(
                self.tr("Found: %1").replace("%1", " · ".join(unmarked(s) for s in snippets))
            )
        self.found_label.setVisible(bool(snippets))
        self._build_answers(entry)
        for key, text in (unsaved or {}).items():
            if key in self.editors:
                self.editors[key].setPlainText(text)
        self._update_dirty()
        self.status_label.setText(self.tr("Not saved yet") if self._dirty else "")
        if not same:
            self.area.verticalScrollBar().setValue(0)

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def unsaved(self) -> dict[str, str]:
        """The editors whose text differs from what is saved."""
        return {key: text for key, text in self.texts().items() if text != self._saved.get(key, "")}

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self, entry: SessionEntry) -> None:
        """`entry` (as now saved) is what the editors show."""
        self.entry = entry
        self._saved = self.texts()
        self._update_dirty()
        self.status_label.setText(self.tr("Saved"))

    def focus_first(self) -> None:
        target: QWidget = next(iter(self.editors.values()), self.area)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- inside ----------------------------------------------------------------------------

    def _section_title(self, when: str) -> str:
        return {
            "before": self.tr("Before you began"),
            "during": self.tr("During the practice"),
            "after": self.tr("Afterwards"),
        }.get(when, when)

    def _build_answers(self, entry: SessionEntry) -> None:
        while self.answers_box.count():
            item = self.answers_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.editors = {}
        self._saved = {}
        if not entry.answers:
            self.answers_box.addWidget(
                make_label(self.tr("No questions were answered in this practice."), "muted")
            )
            return
        chain: list[QWidget] = [self.area]
        for when in ("before", "during", "after"):
            answers = [a for a in entry.answers if a.when == when]
            if not answers:
                continue
            section = QWidget()
            box = QVBoxLayout(section)
            box.setContentsMargins(0, SPACE["xs"], 0, 0)
            box.setSpacing(SPACE["s"])
            title = make_label(self._section_title(when), "subheading")
            title.setAccessibleName(title.text())
            box.addWidget(title)
            for answer in answers:
                prompt = make_label(answer.prompt, "muted")
                prompt.setAccessibleName(answer.prompt)
                box.addWidget(prompt)
                if answer.kind == "text":
                    key = answer_key(answer)
                    editor = _Editor()
                    editor.setPlainText(str(answer.value))
                    editor.setAccessibleName(
                        self.tr("%1 (your answer)").replace("%1", answer.prompt)
                    )
                    editor.setAccessibleDescription(
                        self.tr("Change what you wrote, then save with Ctrl+S")
                    )
                    editor.textChanged.connect(self._update_dirty)
                    editor.escape.connect(self.leave)
                    prompt.setBuddy(editor)
                    self.editors[key] = editor
                    self._saved[key] = editor.toPlainText()
                    box.addWidget(editor)
                    chain.append(editor)
                    box.addSpacing(SPACE["xs"])
                else:
                    value = make_label(answer.display)
                    value.setAccessibleName(f"{answer.prompt}: {answer.display}")
                    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    box.addWidget(value)
                    box.addSpacing(SPACE["xs"])
            self.answers_box.addWidget(section)
        chain += [self.save_button, self.delete_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update_dirty(self) -> None:
        dirty = bool(self.unsaved())
        self.save_button.setEnabled(dirty)
        self.save_button.setVisible(dirty)
        if dirty and not self._dirty:
            self.status_label.setText(self.tr("Not saved yet"))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save_requested.emit()


# --- the view -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filters:
    practice: str | None = None
    kind: str | None = None
    since: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.practice or self.kind or self.since)


class JournalView(QWidget):
    """The journal's entries: search, filters, the list by day, the chosen entry.

    `changed` is emitted after an entry is saved, deleted or restored (so insights can
    be computed again).
    """

    changed = Signal()

    def __init__(
        self,
        journal: Journal,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal entries"))
        self.setStyleSheet(_LOCAL_STYLE)
        self.journal = journal
        self.language = language
        self._today = today
        self._locale = QLocale(language)
        self._kinds = kind_names()
        #: What was typed and not saved, by entry uid: kept when moving between entries.
        self._unsaved: dict[str, dict[str, str]] = {}
        #: Search snippets by entry uid, while searching.
        self._snippets: dict[str, tuple[str, ...]] = {}
        self._deleted: SessionEntry | None = None
        self._total = 0
        self._search_text = ""
        #: Entries passing the filters (None without filters); while searching, whether
        #: the search gave as many results as it may.
        self._shown: int | None = None
        self._search_full = False

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_now)
        #: Hides the undo bar; its interval may be shortened (tests).
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_MS)
        self.undo_timer.timeout.connect(self._forget_deleted)

        self.model = EntryListModel(self)
        self.notice = make_label("", "warning")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_browser())
        self.pages.addWidget(self._build_empty())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self._set_tab_order()

        for combo in (self.practice_filter, self.kind_filter, self.date_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self._undo_shortcut)

        self.refresh()

    # --- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the journal again (after a practice, an import…), keeping the search,
        the filters, the chosen entry and anything typed and not yet saved."""
        self._fill_filters()
        self._reload(keep=self.selected_uid())

    def selected_uid(self) -> str | None:
        row = self.model.row(self.entry_list.currentIndex().row())
        return row.entry.uid if row is not None else None

    def selected_entry(self) -> SessionEntry | None:
        row = self.model.row(self.entry_list.currentIndex().row())
        return row.entry if row is not None else None

    def visible_entries(self) -> list[SessionEntry]:
        """The entries in the list now (those read so far), top to bottom."""
        return [row.entry for row in self.model.rows]

    def select(self, uid: str, *, load: bool = True) -> bool:
        """Make the entry with `uid` the current one, reading further pages to find it
        when `load` is true."""
        number = self.model.row_of(uid)
        while number < 0 and load and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            number = self.model.row_of(uid)
        if number < 0:
            return False
        index = self.model.index(number)
        self.entry_list.setCurrentIndex(index)
        self.entry_list.scrollTo(index)
        return True

    def open_current(self) -> None:
        """Show the current entry and go into it (its first written answer)."""
        if self.selected_entry() is not None:
            self.pane.focus_first()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_filters(self) -> None:
        for combo in (self.practice_filter, self.kind_filter, self.date_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.search_timer.stop()
        self._search_text = ""
        self._reload(keep=self.selected_uid())
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_current(self) -> bool:
        """Save what was changed in the shown entry; on failure the text stays."""
        entry = self.pane.entry
        if entry is None:
            return False
        answers = with_texts(entry.answers, self.pane.texts())
        try:
            self.journal.update_answers(entry.id, answers)
            saved = self.journal.get(entry.id) or replace(entry, answers=answers)
        except (JournalError, KeyError) as error:
            self._show_notice(
                self.tr("Your changes could not be saved. %1 What you wrote is still here.")
                .replace("%1", self._reason(error))
                .strip()
            )
            return False
        self._hide_notice()
        self._unsaved.pop(entry.uid, None)
        self.pane.mark_saved(saved)
        number = self.model.row_of(entry.uid)
        if number >= 0:
            rows = list(self.model.rows)
            rows[number] = self._describe(saved, rows[number].heading, self._text_for(saved))
            self.model.replace_rows(rows)
        self.changed.emit()
        return True

    def delete_current(self) -> bool:
        """Delete the current entry; "Entry deleted · Undo" shows for `UNDO_MS`."""
        entry = self.selected_entry()
        if entry is None:
            return False
        number = self.entry_list.currentIndex().row()
        if self.pane.entry is not None and self.pane.entry.uid == entry.uid:
            self._stash()
        try:
            deleted = self.journal.delete(entry.id)
        except (JournalError, KeyError) as error:
            self._show_notice(
                self.tr("This entry could not be deleted. %1")
                .replace("%1", self._reason(error))
                .strip()
            )
            return False
        self._hide_notice()
        if self._deleted is not None:
            self._unsaved.pop(self._deleted.uid, None)  # the earlier one is gone for good
        self._deleted = deleted
        self._snippets.pop(entry.uid, None)
        self.model.remove(number)
        self.model.replace_rows(self._reheaded(self.model.rows))
        self._total = max(0, self._total - 1)
        if self.model.rowCount():
            self.entry_list.setCurrentIndex(
                self.model.index(min(number, self.model.rowCount() - 1))
            )
        else:
            self._current_changed(QModelIndex())
        self._show_counts()
        self._show_page()
        self.undo_bar.show()
        self.undo_timer.start()
        # Not left on the Delete button of the next entry, where another press would
        # delete that one too: back to the list, and said for screen readers.
        focused = QApplication.focusWidget()
        if focused is not None and self.pane.isAncestorOf(focused):
            self.entry_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._announce(self.tr("Entry deleted. Press Ctrl+Z to undo."))
        self.changed.emit()
        return True

    def undo_delete(self) -> bool:
        """Bring back the entry deleted last."""
        entry = self._deleted
        if entry is None:
            return False
        try:
            self.journal.restore(entry)
        except JournalError as error:
            self._show_notice(
                self.tr("The entry could not be brought back. %1")
                .replace("%1", _sentence(journal_problem(error)))
                .strip()
            )
            return False
        self._hide_notice()
        self._deleted = None
        self.undo_timer.stop()
        self.undo_bar.hide()
        self._reload(keep=entry.uid)
        self.entry_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return True

    # --- building ----------------------------------------------------------------------------

    def _build_browser(self) -> QWidget:
        self.search_field = SearchField()
        self.search_field.setPlaceholderText(self.tr("Search what you wrote"))
        self.search_field.setAccessibleName(self.tr("Search the journal"))
        self.search_field.setAccessibleDescription(
            self.tr(
                "Type to find entries by what you wrote, the questions or the practice. "
                "Press Down to go to the list."
            )
        )
        self.search_field.textChanged.connect(self._search_typed)
        self.search_field.move_down.connect(self._enter_list)

        self.practice_filter = filter_combo(
            self.tr("Practice"), self.tr("Show the entries of one practice")
        )
        self.practice_filter.addItem(self.tr("All practices"), None)
        self.kind_filter = filter_combo(self.tr("Kind"), self.tr("Show practices of one kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        self.date_filter = filter_combo(
            self.tr("Time"), self.tr("Show the entries of a recent stretch of time")
        )
        self.date_filter.addItem(self.tr("Any time"), None)
        for key, label in zip(
            DATE_RANGES,
            (self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("This year")),
            strict=True,
        ):
            self.date_filter.addItem(label, key)
        filters = QHBoxLayout()
        filters.setSpacing(SPACE["s"])
        filters.addWidget(self.practice_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.date_filter)
        filters.addStretch()

        self.count_label = make_label("", "muted", wrap=False)

        self.entry_list = _EntryList()
        self.entry_list.setObjectName("journalEntries")
        self.entry_list.setModel(self.model)
        self.entry_list.setItemDelegate(_EntryDelegate(self.entry_list))
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.viewport().setAutoFillBackground(False)
        self.entry_list.setAccessibleName(self.tr("Entries"))
        self.entry_list.setAccessibleDescription(
            self.tr(
                "Your entries by day, newest first. Enter opens one to read and change; "
                "Delete deletes it, and you can undo that."
            )
        )
        self.entry_list.selectionModel().currentChanged.connect(self._current_changed)
        self.entry_list.opened.connect(self.open_current)
        self.entry_list.delete_pressed.connect(self.delete_current)
        self.entry_list.move_up.connect(self.focus_search)

        self.list_pages, self.clear_button = no_match_page(
            self.entry_list,
            self.tr("No entries match. Clear the search or filters."),
            self.tr("Clear search and filters"),
            self.tr("Show every entry again"),
            self.clear_filters,
        )

        self.undo_bar = QFrame()
        self.undo_bar.setProperty("role", "card")
        self.undo_label = make_label(self.tr("Entry deleted ·"), wrap=False)
        self.undo_label.setAccessibleName(self.tr("Entry deleted"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setProperty("role", "quiet")
        self.undo_button.setAccessibleName(self.tr("Undo delete"))
        self.undo_button.setAccessibleDescription(
            self.tr("Bring back the entry you just deleted (Ctrl+Z)")
        )
        self.undo_button.clicked.connect(self.undo_delete)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(SPACE["m"], SPACE["xs"], SPACE["xs"], SPACE["xs"])
        bar.setSpacing(SPACE["xs"])
        bar.addWidget(self.undo_label)
        bar.addWidget(self.undo_button)
        bar.addStretch()
        self.undo_bar.hide()

        left = QVBoxLayout()
        left.setSpacing(SPACE["s"])
        left.addWidget(self.search_field)
        left.addLayout(filters)
        left.addSpacing(SPACE["xs"])
        left.addWidget(self.count_label)
        left.addWidget(self.list_pages, 1)
        left.addWidget(self.undo_bar)

        self.pane = EntryPane()
        self.pane.save_requested.connect(self.save_current)
        self.pane.delete_requested.connect(self.delete_current)
        self.pane.leave.connect(self._back_to_list)
        nothing = QWidget()
        nothing_layout = QVBoxLayout(nothing)
        nothing_layout.setContentsMargins(SPACE["s"], SPACE["xl"], SPACE["m"], SPACE["m"])
        nothing_layout.setSpacing(SPACE["s"])
        nothing_layout.addWidget(
            make_label(self.tr("Choose an entry to read it here."), "subheading")
        )
        nothing_layout.addWidget(
            make_label(
                self.tr(
                    "Ctrl+F searches, the arrow keys move through the list, "
                    "and Enter opens an entry so you can add to what you wrote."
                ),
                "muted",
            )
        )
        nothing_layout.addStretch()
        self.details_pages = QStackedWidget()
        self.details_pages.addWidget(nothing)
        self.details_pages.addWidget(self.pane)

        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE["xl"])
        row.addLayout(left, 5)
        row.addWidget(self.details_pages, 4)
        return page

    def _build_empty(self) -> QWidget:
        column = QWidget()
        column.setMaximumWidth(SPACE["xl"] * 14)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        self.empty_label = make_label(
            self.tr("Your reflections will appear here after your first practice."), "subheading"
        )
        self.empty_label.setAccessibleName(self.empty_label.text())
        layout.addWidget(self.empty_label)
        layout.addWidget(
            make_label(
                self.tr(
                    "After a practice you can write down what you noticed. Looking back "
                    "later can show you what helped. Your journal stays on this computer."
                ),
                "muted",
            )
        )
        return centred_page(column)

    def _set_tab_order(self) -> None:
        chain: Sequence[QWidget] = (
            self.search_field,
            self.practice_filter,
            self.kind_filter,
            self.date_filter,
            self.entry_list,
            self.clear_button,
            self.undo_button,
            self.pane.area,
            self.pane.save_button,
            self.pane.delete_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- reading -----------------------------------------------------------------------------

    def _filters(self) -> _Filters:
        return _Filters(
            practice=self.practice_filter.currentData(),
            kind=self.kind_filter.currentData(),
            since=range_start(self.date_filter.currentData(), self._today()),
        )

    def _fill_filters(self) -> None:
        try:
            practices = self.journal.practice_ids()
            kinds = self.journal.practices_by_kind()
        except JournalError as error:
            self._show_read_error(error)
            return
        self._refill(self.practice_filter, self.tr("All practices"), practices)
        order = list(self._kinds)
        present = sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order), k))
        self._refill(
            self.kind_filter,
            self.tr("All kinds"),
            [(k, self._kinds.get(k, k.replace("-", " ").capitalize())) for k in present],
        )

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: Sequence[tuple[str, str]]) -> None:
        """New choices, (key, label) each; the current one stays chosen when still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for key, label in items:
            combo.addItem(label, key)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def _reload(self, keep: str | None = None) -> None:
        """Show the first page for the search and filters; `keep` the entry with that uid
        chosen when it is still listed."""
        self._stash()
        filters = self._filters()
        try:
            self._total = self.journal.count()
            if self._search_text:
                rows = self._search_rows(filters)
                self.model.reset(rows, None)
            else:
                self._snippets = {}
                shown = self.journal.count(**self._query(filters)) if filters.active else None
                first, finished = self._page(filters, [])
                self.model.reset(first, None if finished else self._more(filters))
                self._shown = shown
        except JournalError as error:
            self._show_read_error(error)
            self.model.reset([], None)
        else:
            self._hide_notice()
        if keep is None or not self.select(keep, load=False):
            self._current_changed(QModelIndex())
        self._show_counts()
        self._show_page()

    def _query(self, filters: _Filters) -> dict[str, Any]:
        return {"practice_id": filters.practice, "kind": filters.kind, "since": filters.since}

    def _page(self, filters: _Filters, before: list[EntryRow]) -> tuple[list[EntryRow], bool]:
        entries = self.journal.entries(**self._query(filters), limit=PAGE_SIZE, offset=len(before))
        previous = before[-1].day if before else None
        rows = self._rows(entries, previous)
        return rows, len(entries) < PAGE_SIZE

    def _more(self, filters: _Filters) -> Callable[[], tuple[list[EntryRow], bool]]:
        def more() -> tuple[list[EntryRow], bool]:
            try:
                return self._page(filters, self.model.rows)
            except JournalError as error:
                self._show_read_error(error)
                return [], True

        return more

    def _search_rows(self, filters: _Filters) -> list[EntryRow]:
        limit = SEARCH_LIMIT * 5 if filters.active else SEARCH_LIMIT
        hits = self.journal.search(self._search_text, limit=limit)
        self._search_full = len(hits) >= limit
        kept = [
            hit
            for hit in hits
            if (filters.practice is None or hit.entry.practice_id == filters.practice)
            and (filters.kind is None or hit.entry.practice_kind == filters.kind)
            and (filters.since is None or local_day(hit.entry.started_at) >= filters.since)
        ][:SEARCH_LIMIT]
        kept.sort(key=lambda hit: hit.entry.started_at, reverse=True)
        self._snippets = {hit.entry.uid: hit.snippets for hit in kept}
        return self._rows([hit.entry for hit in kept], None)

    def _rows(self, entries: Sequence[SessionEntry], previous: date | None) -> list[EntryRow]:
        rows = []
        for entry in entries:
            day = local_day(entry.started_at)
            heading = self._day_heading(day) if day != previous else ""
            rows.append(self._describe(entry, heading, self._text_for(entry), day))
            previous = day
        return rows

    def _reheaded(self, rows: list[EntryRow]) -> list[EntryRow]:
        """Headings again, after a row has gone: one on the first entry of each day."""
        result = []
        previous: date | None = None
        for row in rows:
            heading = self._day_heading(row.day) if row.day != previous else ""
            result.append(row if heading == row.heading else replace(row, heading=heading))
            previous = row.day
        return result

    def _text_for(self, entry: SessionEntry) -> str:
        snippets = self._snippets.get(entry.uid)
        if snippets:
            return " ".join(snippets[0].split())
        return written_line(entry)

    # --- describing --------------------------------------------------------------------------

    def _day_heading(self, day: date) -> str:
        pattern = "dddd d MMMM" if day.year == self._today().year else "dddd d MMMM yyyy"
        return self._locale.toString(QDate(day.year, day.month, day.day), pattern)

    def _time(self, moment: datetime) -> str:
        local = moment.astimezone()
        return self._locale.toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )

    def _minutes(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("under a minute")
        minutes = round(seconds / 60)
        return (
            self.tr("1 minute")
            if minutes == 1
            else self.tr("%1 minutes").replace("%1", str(minutes))
        )

    def _facts(self, entry: SessionEntry, *, spoken: bool) -> list[str]:
        facts = [self._minutes(entry.practised)]
        if not entry.completed:
            facts.append(self.tr("stopped early"))
        for change in scale_changes(entry):
            name = short_name(change.question_id)
            if spoken:
                facts.append(
                    self.tr("%1 from %2 to %3")
                    .replace("%1", name)
                    .replace("%2", str(change.before))
                    .replace("%3", str(change.after))
                )
            else:
                facts.append(f"{name} {change.before} → {change.after}")
        return facts

    def _describe(
        self, entry: SessionEntry, heading: str, text: str, day: date | None = None
    ) -> EntryRow:
        day = day or local_day(entry.started_at)
        time = self._time(entry.started_at)
        facts = " · ".join(self._facts(entry, spoken=False))
        spoken = ", ".join(
            part
            for part in (
                self._day_heading(day),
                time,
                entry.practice_title,
                *self._facts(entry, spoken=True),
                unmarked(text),
            )
            if part
        )
        return EntryRow(entry, day, heading, time, facts, text, spoken)

    def _meta(self, entry: SessionEntry) -> str:
        """When (first line), and how it went (second)."""
        day = local_day(entry.started_at)
        when = f"{self._day_heading(day)} · {self._time(entry.started_at)}"
        parts = [self._minutes(entry.practised)]
        if not entry.completed:
            parts.append(self.tr("stopped early"))
        if entry.pauses:
            parts.append(
                self.tr("1 pause")
                if entry.pauses == 1
                else self.tr("%1 pauses").replace("%1", str(entry.pauses))
            )
        parts.append(self._kinds.get(entry.practice_kind, entry.practice_kind))
        return f"{when}\n{' · '.join(parts)}"

    def _show_counts(self) -> None:
        if self._search_text:
            found = self.model.rowCount()
            text = (
                self.tr("1 entry found")
                if found == 1
                else self.tr("%1 entries found").replace("%1", str(found))
            )
            if self._search_full and found >= SEARCH_LIMIT:
                text = self.tr("The %1 closest matches").replace("%1", str(found))
        else:
            shown = self._shown
            total = self._total
            if shown is None:
                text = self.tr("1 entry") if total == 1 else self.tr("%1 entries")
            else:
                text = self.tr("%2 of %1 entries").replace("%2", str(shown))
            text = text.replace("%1", str(total))
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _show_page(self) -> None:
        nothing_at_all = self._total == 0 and self._deleted is None and not self.notice.isVisible()
        self.pages.setCurrentIndex(1 if nothing_at_all else 0)
        self.list_pages.setCurrentIndex(0 if self.model.rowCount() or not self._total else 1)

    # --- notices -----------------------------------------------------------------------------

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()

    def _reason(self, error: Exception) -> str:
        if isinstance(error, KeyError):  # gone since it was listed
            return self.tr("It is no longer in your journal.")
        if isinstance(error, JournalError):
            return _sentence(journal_problem(error))
        return _sentence(str(error))

    def _hide_notice(self) -> None:
        self.notice.hide()
        self.notice.setText("")

    def _show_read_error(self, error: JournalError) -> None:
        self._show_notice(
            self.tr("Your journal could not be read just now. %1")
            .replace("%1", _sentence(journal_problem(error)))
            .strip()
        )

    # --- reacting ----------------------------------------------------------------------------

    def _search_typed(self, text: str) -> None:
        del text
        self.search_timer.start()

    def _search_now(self) -> None:
        self.search_timer.stop()
        self._search_text = self.search_field.text().strip()
        self._reload(keep=self.selected_uid())

    def _filters_changed(self) -> None:
        if self.search_timer.isActive():
            self._search_text = self.search_field.text().strip()
            self.search_timer.stop()
        self._reload(keep=self.selected_uid())

    def _enter_list(self) -> None:
        if self.search_timer.isActive():
            self._search_now()
        if self.model.rowCount() == 0:
            return
        if not self.entry_list.currentIndex().isValid():
            self.entry_list.setCurrentIndex(self.model.index(0))
        self.entry_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_to_list(self) -> None:
        self.entry_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def typed(self) -> dict[str, dict[str, str]]:
        """What was typed and not saved yet, per entry (to carry into a new view)."""
        self._stash()
        return dict(self._unsaved)

    def keep_typed(self, typed: dict[str, dict[str, str]]) -> None:
        """Take over what another view held unsaved; shown when its entry opens."""
        self._unsaved.update(typed)
        entry = self.pane.entry
        if entry is not None and entry.uid in typed:
            self._current_changed(self.entry_list.currentIndex())

    def _stash(self) -> None:
        """Keep what was typed in the shown entry, to show it again on return."""
        entry = self.pane.entry
        if entry is None:
            return
        unsaved = self.pane.unsaved()
        if unsaved:
            self._unsaved[entry.uid] = unsaved
        else:
            self._unsaved.pop(entry.uid, None)

    def _current_changed(self, current: QModelIndex) -> None:
        row = self.model.row(current.row()) if current.isValid() else None
        self._stash()
        if row is None:
            self.pane.entry = None
            self.details_pages.setCurrentIndex(0)
            return
        self.pane.show_entry(
            row.entry,
            self._meta(row.entry),
            unsaved=self._unsaved.get(row.entry.uid),
            snippets=self._snippets.get(row.entry.uid, ()),
        )
        self.details_pages.setCurrentIndex(1)

    def _announce(self, text: str) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.undo_label, text))

    def _undo_shortcut(self) -> None:
        if self.undo_bar.isVisible():
            self.undo_delete()

    def _forget_deleted(self) -> None:
        if self._deleted is not None:
            self._unsaved.pop(self._deleted.uid, None)
        self._deleted = None
        if self.undo_button.hasFocus():
            self.entry_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.undo_bar.hide()
        self._show_page()


def _sentence(text: str) -> str:
    """An error's message as a sentence to go in the middle of a notice."""
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text


# --- the screen ---------------------------------------------------------------------------------


class JournalScreen(QWidget):
    """The Journal screen: "Entries" and "Insights" as two tabs, and "Export…".

    The insights are computed when first shown, and again when shown after a change.
    """

    export_requested = Signal()

    def __init__(
        self,
        journal: Journal,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal"))
        self.journal = journal
        self.entries_button = self._tab(
            self.tr("Entries"), self.tr("Your entries by day: read, search and change them")
        )
        self.insights_button = self._tab(
            self.tr("Insights"), self.tr("Small charts of how much and what you practised")
        )
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setProperty("role", "quiet")
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setAccessibleDescription(
            self.tr("Save a copy of your journal as a file, for yourself or your therapist")
        )
        self.export_button.clicked.connect(self.export_requested)
        self.tabs = QButtonGroup(self)
        self.tabs.setExclusive(True)
        self.tabs.addButton(self.entries_button, 0)
        self.tabs.addButton(self.insights_button, 1)
        self.entries_button.setChecked(True)

        self.journal_view = JournalView(journal, language, today=today)
        self.insights_view = InsightsView(journal, language, today=today)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.journal_view)
        self.stack.addWidget(self.insights_view)
        self.tabs.idClicked.connect(self.stack.setCurrentIndex)
        self.journal_view.changed.connect(self.insights_view.mark_stale)

        bar = QHBoxLayout()
        bar.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], 0)
        bar.setSpacing(SPACE["xs"])
        bar.addWidget(self.entries_button)
        bar.addWidget(self.insights_button)
        bar.addStretch()
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.entries_button, self.insights_button)
        QWidget.setTabOrder(self.insights_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.journal_view.search_field)

    def _tab(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", "nav")
        button.setCheckable(True)
        # Checked tabs are bold: room for that, so the text never gets cut.
        bold = QFont(button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 2 * SPACE["m"] + 8)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        return button

    def set_streaks(self, on: bool) -> None:
        """Days in a row in Insights, only when the person switched them on."""
        self.insights_view.set_streaks(on)

    def refresh(self) -> None:
        """Read the journal again (after a practice was added, say)."""
        self.journal_view.refresh()
        if self.stack.currentWidget() is self.insights_view:
            self.insights_view.refresh()
        else:
            self.insights_view.mark_stale()

    def show_entries(self) -> None:
        self.entries_button.setChecked(True)
        self.stack.setCurrentIndex(0)

    def show_insights(self) -> None:
        self.insights_button.setChecked(True)
        self.stack.setCurrentIndex(1)
