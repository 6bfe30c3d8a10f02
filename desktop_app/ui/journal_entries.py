"""The Journal's entries: what a person noticed after each practice, to look back on.

`JournalView` lists the entries by day, newest first, each as a quiet card (time,
practice, minutes practised, "stopped early", the before → after scale changes, the
first line of something written). Beside the list, the selected entry with every
answer; what was written can be changed and saved. Deleting an entry can be undone
for `UNDO_MS`. The layout and the keys are the `browser`'s, which the Library shares;
the rows are in `journal_rows`, painted by `journal_delegate`, read a page at a time
by `journal_reading`; the entry is in `journal_entry_pane`.

Filters (practice, kind, a time range) go to the journal's own query; searching uses
its full-text index and shows where the words were found, in bold.

Edits in progress are never thrown away: moving to another entry keeps what was typed
(it is shown again on return, marked "Not saved yet"), and when the journal cannot be
written the text stays in the editor with a calm notice. Scale, choice and feelings
answers are shown as they were given, read-only; only written answers can be changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton, QWidget

from desktop_app.core.filters import DATE_RANGES, EntryFilters, range_start
from desktop_app.storage.journal import Journal, JournalError, SessionEntry
from desktop_app.ui.browser import Browser, ItemList, kind_choices, refill
from desktop_app.ui.journal_delegate import EntryDelegate
from desktop_app.ui.journal_entry_pane import EntryPane
from desktop_app.ui.journal_reading import SEARCH_LIMIT, EntryReader
from desktop_app.ui.journal_rows import EntryDescriber, EntryListModel
from desktop_app.ui.journal_text import sentence, with_texts
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import filter_combo, make_label, set_names

#: Searching waits this long after the last key.
SEARCH_DELAY_MS: Final = 200
#: How long "Entry deleted · Undo" stays.
UNDO_MS: Final = 10_000

#: The list draws its own cards: no frame or background of its own.
_JOURNAL_STYLE: Final = """
QListView#journalEntries, QListView#journalEntries:focus {
    background: transparent; border: none; padding: 0;
}
"""


class _EntryList(ItemList):
    """The list of entries: Delete deletes the current one (it can be undone)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class JournalView(Browser):
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
        super().__init__(_JOURNAL_STYLE, parent)
        self.setAccessibleName(self.tr("Journal entries"))
        self.journal = journal
        self.language = language
        self._today = today
        self._describer = EntryDescriber(language, today, kind_names())
        self._reader = EntryReader(journal, self._describer)
        #: What was typed and not saved, by entry uid: kept when moving between entries.
        self._unsaved: dict[str, dict[str, str]] = {}
        self._deleted: SessionEntry | None = None
        self._search_text = ""

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
        self.frame.insertWidget(0, self.notice)

        self.pages.addWidget(self._build_browser())
        self.pages.addWidget(self._build_empty())
        self._tab_order(
            self.undo_button,
            self.pane.area,
            self.pane.save_button,
            self.pane.delete_button,
        )
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
            heading = rows[number].heading
            rows[number] = self._describer.describe(saved, heading, self._reader.text_for(saved))
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
        self._reader.snippets.pop(entry.uid, None)
        self.model.remove(number)
        self.model.replace_rows(self._describer.reheaded(self.model.rows))
        self._reader.total = max(0, self._reader.total - 1)
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
                .replace("%1", sentence(journal_problem(error)))
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
        self._search_words(
            self.tr("Search what you wrote"),
            self.tr("Search the journal"),
            self.tr(
                "Type to find entries by what you wrote, the questions or the practice. "
                "Press Down to go to the list."
            ),
        )
        self.search_field.textChanged.connect(self._search_typed)

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

        self.entry_list = _EntryList()
        self.entry_list.setObjectName("journalEntries")
        self.entry_list.setModel(self.model)
        self.entry_list.setItemDelegate(EntryDelegate(self.entry_list))
        self.entry_list.viewport().setAutoFillBackground(False)
        set_names(
            self.entry_list,
            self.tr("Entries"),
            self.tr(
                "Your entries by day, newest first. Enter opens one to read and change; "
                "Delete deletes it, and you can undo that."
            ),
        )
        self.entry_list.delete_pressed.connect(self.delete_current)
        self._set_list(
            self.entry_list,
            self.tr("No entries match. Clear the search or filters."),
            self.tr("Clear search and filters"),
            self.tr("Show every entry again"),
        )

        self.pane = EntryPane()
        self.pane.save_requested.connect(self.save_current)
        self.pane.delete_requested.connect(self.delete_current)
        self.pane.leave.connect(self._back_to_list)
        self.details_pages = self._details_pages(
            self.tr("Choose an entry to read it here."),
            self.tr(
                "Ctrl+F searches, the arrow keys move through the list, "
                "and Enter opens an entry so you can add to what you wrote."
            ),
            self.pane,
        )
        return self._browser_page(
            (self.practice_filter, self.kind_filter, self.date_filter),
            self.details_pages,
            widths=(5, 4),
            under_list=self._build_undo_bar(),
        )

    def _build_undo_bar(self) -> QFrame:
        self.undo_bar = QFrame()
        self.undo_bar.setProperty("role", "card")
        self.undo_label = make_label(self.tr("Entry deleted ·"), wrap=False)
        self.undo_label.setAccessibleName(self.tr("Entry deleted"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setProperty("role", "quiet")
        set_names(
            self.undo_button,
            self.tr("Undo delete"),
            self.tr("Bring back the entry you just deleted (Ctrl+Z)"),
        )
        self.undo_button.clicked.connect(self.undo_delete)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(SPACE["m"], SPACE["xs"], SPACE["xs"], SPACE["xs"])
        bar.setSpacing(SPACE["xs"])
        bar.addWidget(self.undo_label)
        bar.addWidget(self.undo_button)
        bar.addStretch()
        self.undo_bar.hide()
        return self.undo_bar

    def _build_empty(self) -> QWidget:
        self.empty_label = make_label(
            self.tr("Your reflections will appear here after your first practice."), "subheading"
        )
        self.empty_label.setAccessibleName(self.empty_label.text())
        return self._empty_page(
            self.empty_label,
            make_label(
                self.tr(
                    "After a practice you can write down what you noticed. Looking back "
                    "later can show you what helped. Your journal stays on this computer."
                ),
                "muted",
            ),
        )

    # --- reading -----------------------------------------------------------------------------

    def _filters(self) -> EntryFilters:
        return EntryFilters(
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
        refill(
            self.practice_filter,
            self.tr("All practices"),
            [(title, practice_id) for practice_id, title in practices],
        )
        refill(self.kind_filter, self.tr("All kinds"), kind_choices(kinds))

    def _reload(self, keep: str | None = None) -> None:
        """Show the first page for the search and filters; `keep` the entry with that uid
        chosen when it is still listed."""
        self._stash()
        try:
            rows, more = self._reader.read(
                self._filters(), self._search_text, lambda: self.model.rows, self._show_read_error
            )
        except JournalError as error:
            self._show_read_error(error)
            self.model.reset([], None)
        else:
            self.model.reset(rows, more)
            self._hide_notice()
        if keep is None or not self.select(keep, load=False):
            self._current_changed(QModelIndex())
        self._show_counts()
        self._show_page()

    def _show_counts(self) -> None:
        if self._search_text:
            found = self.model.rowCount()
            text = self.tr("%n entries found", "", found)
            if self._reader.search_full and found >= SEARCH_LIMIT:
                text = self.tr("The %1 closest matches").replace("%1", str(found))
        else:
            shown = self._reader.shown
            total = self._reader.total
            if shown is None:
                text = self.tr("%n entries", "", total)
            else:
                text = (
                    self.tr("%2 of %1 entries").replace("%2", str(shown)).replace("%1", str(total))
                )
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _show_page(self) -> None:
        nothing_at_all = (
            self._reader.total == 0 and self._deleted is None and not self.notice.isVisible()
        )
        self.pages.setCurrentIndex(1 if nothing_at_all else 0)
        self.list_pages.setCurrentIndex(0 if self.model.rowCount() or not self._reader.total else 1)

    # --- notices -----------------------------------------------------------------------------

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()

    def _reason(self, error: Exception) -> str:
        if isinstance(error, KeyError):  # gone since it was listed
            return self.tr("It is no longer in your journal.")
        if isinstance(error, JournalError):
            return sentence(journal_problem(error))
        return sentence(str(error))

    def _hide_notice(self) -> None:
        self.notice.hide()
        self.notice.setText("")

    def _show_read_error(self, error: JournalError) -> None:
        self._show_notice(
            self.tr("Your journal could not be read just now. %1")
            .replace("%1", sentence(journal_problem(error)))
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

    def _filters_cleared(self) -> None:
        self.search_timer.stop()
        self._search_text = ""
        self._reload(keep=self.selected_uid())

    def _enter_list(self) -> None:
        if self.search_timer.isActive():
            self._search_now()
        super()._enter_list()

    def _choose(self, index: QModelIndex) -> None:
        del index  # the current one, which Enter or the double click has made it
        self.open_current()

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
            self._describer.meta(row.entry),
            unsaved=self._unsaved.get(row.entry.uid),
            snippets=self._reader.snippets.get(row.entry.uid, ()),
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
