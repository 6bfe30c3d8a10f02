"""The library view: find a practice in a few keys, read about it, begin it.

Left, a search field, three filters and the list; right, the selected practice. The
layout and the keys are the `browser`'s, which the Journal shares; the rows are in
`library_rows`, the details pane in `library_details`, and what the search and the
filters keep is decided in `core.filters`.

Opening is cheap however large the library is: a row is described from the practice's
summary (`Entry.summary`, kept by the scan and the load cache); no practice is read in
full until it is chosen and its details shown. Up to `EAGER_LIMIT` practices are
simply indexed at once. A larger library starts with every entry in id order and
describes only the rows it paints; right after that, a zero-interval timer describes
the rest in slices of a few milliseconds (the window stays responsive), then sorts the
list by title and fills the kind and language filters with what is present: the rows
move once, about a tenth of a second after the window appears. Searching or
filtering before that simply finishes it at once. `set_library` indexes the new
library the same way while the old one stays on screen, then swaps, keeping the
selection, the search and the filters where they still apply.

A practice without lengths is as long as its fixed time (computed while indexing) and
is shown as "about 7m". The language filter lists the languages present and is shown
only when there are at least two.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCollator, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.filters import LENGTH_RANGES, PracticeFilters
from desktop_app.core.gc_pause import collection_paused
from desktop_app.core.library import Library, PracticeEntry
from desktop_app.ui.browser import Browser, ItemList, kind_choices, refill
from desktop_app.ui.library_details import PracticePane
from desktop_app.ui.library_problems import ProblemsDialog
from desktop_app.ui.library_rows import (
    ID_ROLE,
    PracticeDelegate,
    PracticeListModel,
    PracticeRow,
    RowInfo,
    describe,
)
from desktop_app.ui.library_text import language_name
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import filter_combo, make_label, set_names

#: Combo arrows, and the problems line's button. Colours are palette roles.
_LIBRARY_STYLE: Final = """
QComboBox::drop-down { border: none; width: 24px; }
QPushButton#problemsButton { padding-left: 6px; padding-right: 6px; }
"""
#: Up to this many practices are indexed at once (under 0.01 ms each), so the list is
#: sorted from its first paint; larger libraries are indexed after it, in slices.
EAGER_LIMIT: Final = 100
#: How long one slice of background indexing may keep the GUI thread.
INDEX_SLICE_SECONDS: Final = 0.006


class LibraryView(Browser):
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
        super().__init__(_LIBRARY_STYLE, parent)
        self.setAccessibleName(self.tr("Library"))
        self.language = language
        self.practices_folder = practices_folder
        self._library = library
        self._rows: list[PracticeRow] = []  # the indexed rows, sorted by title
        self._pending: list[PracticeRow] = []  # rows being indexed
        self._cursor = 0
        self._indexed = False
        self._dialog: ProblemsDialog | None = None
        self._kinds = kind_names()
        self._collator = QCollator(QLocale(language))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.model = PracticeListModel(self._describe, self)

        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(0)
        self._index_timer.timeout.connect(self._index_some)

        self.pages.addWidget(self._build_browser())
        self.pages.addWidget(self._build_empty_library())
        self.frame.addLayout(self._build_problems_row())
        self._tab_order(
            self.details.area,
            self.begin_button,
            self.edit_button,
            self.problems_button,
        )
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

    def show_problems(self) -> ProblemsDialog:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = ProblemsDialog(self._library, self)
        self._dialog.open()
        return self._dialog

    def set_authoring(self, on: bool) -> None:
        """Offer Edit / Adapt a copy (the tools for therapists) or not."""
        self.edit_button.setVisible(on)

    # --- building ------------------------------------------------------------------------

    def _build_browser(self) -> QWidget:
        self._search_words(
            self.tr("Search practices"),
            self.tr("Search practices"),
            self.tr(
                "Type to find practices by title, summary or tag. Press Down to go to the list."
            ),
        )
        self.search_field.textChanged.connect(self._filters_changed)

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

        self.practice_list = ItemList()
        self.practice_list.setModel(self.model)
        self.practice_list.setItemDelegate(PracticeDelegate(self.practice_list))
        self.practice_list.setUniformItemSizes(True)  # no row is decoded to be measured
        set_names(
            self.practice_list,
            self.tr("Practices"),
            self.tr("Press Enter to begin the selected practice"),
        )
        self.practice_list.verticalScrollBar().setAccessibleName(self.tr("Scroll the practices"))
        self._set_list(
            self.practice_list,
            self.tr("No practices match. Clear the search or filters."),
            self.tr("Clear search and filters"),
            self.tr("Show every practice again"),
        )

        self.details = PracticePane(self.language, self._kinds)
        self.begin_button = self.details.begin_button
        self.begin_button.clicked.connect(self._choose_current)
        self.edit_button = self.details.edit_button
        self.edit_button.clicked.connect(self._edit_current)
        # Page 2, blank: nothing is listed, and the list says what to do.
        self.details_pages = self._details_pages(
            self.tr("Choose a practice to read about it here."),
            self.tr(
                "Ctrl+F searches, the arrow keys move through the list, "
                "and Enter begins the practice you have chosen."
            ),
            self.details,
            QWidget(),
        )
        return self._browser_page(
            (self.kind_filter, self.length_filter, self.language_filter),
            self.details_pages,
            widths=(4, 5),
        )

    def _build_empty_library(self) -> QWidget:
        """No practices at all: where to put practice files, calmly."""
        lines: list[QWidget] = [make_label(self.tr("No practices yet"), "heading")]
        self.folder_label: QLabel | None = None
        if self.practices_folder is not None:
            lines.append(
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
            lines.append(card)
        else:
            lines.append(
                make_label(
                    self.tr(
                        "Practice files (.yaml) that you put in your practices folder appear here."
                    )
                )
            )
        lines.append(
            make_label(
                self.tr("Your therapist may have given you some, or you can write your own."),
                "muted",
            )
        )
        return self._empty_page(*lines)

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

    # --- indexing ------------------------------------------------------------------------

    def _start(self, library: Library, *, first: bool) -> None:
        self._library = library
        self._index_timer.stop()
        # Id order until the titles are known: ids are usually close to the titles.
        self._pending = [PracticeRow(library.practices[k]) for k in sorted(library.practices)]
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

        def by_title(a: PracticeRow, b: PracticeRow) -> int:
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
        refill(self.kind_filter, self.tr("All kinds"), kind_choices(i.kind for i in infos))
        languages = sorted({code for i in infos for code in i.languages}, key=language_name)
        refill(
            self.language_filter,
            self.tr("All languages"),
            [(language_name(code), code) for code in languages],
        )
        self.language_filter.setVisible(
            len(languages) > 1 or self.language_filter.currentIndex() > 0
        )

    def _describe(self, entry: PracticeEntry) -> RowInfo:
        return describe(entry, self.language, self._kinds)

    # --- filtering ------------------------------------------------------------------------

    def _filters(self) -> PracticeFilters:
        return PracticeFilters.typed(
            self.search_field.text(),
            kind=self.kind_filter.currentData(),
            length=self.length_filter.currentData(),
            language=self.language_filter.currentData(),
        )

    def _filters_changed(self) -> None:
        if not self._indexed:
            self.finish_indexing()  # filters itself once done
        else:
            self._apply_filters()

    def _filters_cleared(self) -> None:
        self._apply_filters()

    def _apply_filters(self, *, keep_scroll: bool = False) -> None:
        """Show the rows that pass the filters, keeping the selected practice when it
        is still shown; `keep_scroll` for a new library, where nothing was asked for."""
        keep = self.selected_id()
        scroll = self.practice_list.verticalScrollBar().value()
        filters = self._filters()
        if filters.active:
            rows = [r for r in self._rows if r.info is not None and filters.matches(r.info)]
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
            text = self.tr("%n practices", "", total)
        else:
            text = self.tr("%2 of %1 practices").replace("%2", str(shown)).replace("%1", str(total))
        self.count_label.setText(text)

    def _show_problems_line(self) -> None:
        failed = len(self._library.failures)
        noted = len(self._library.warnings)
        if failed:
            text = self.tr("%n files could not be loaded", "", failed)
        elif noted:
            text = self.tr("%n notes about your practice files", "", noted)
        else:
            text = ""
        self.problems_label.setText(f"{text} ·" if text else "")
        self.problems_label.setVisible(bool(text))
        self.problems_button.setVisible(bool(text))

    # --- selection and choosing -----------------------------------------------------------

    def _current_changed(self, current: QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is None:
            self.details.show_nothing()
            # The hint, unless nothing is listed: then the list says what to do.
            self.details_pages.setCurrentIndex(0 if self.model.rowCount() else 2)
            return
        self.details.show_practice(entry)
        self.details_pages.setCurrentIndex(1)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.practice_chosen.emit(str(index.data(ID_ROLE)))

    def _choose_current(self) -> None:
        self._choose(self.practice_list.currentIndex())

    def _edit_current(self) -> None:
        index = self.practice_list.currentIndex()
        if index.isValid():
            self.edit_requested.emit(str(index.data(ID_ROLE)))
