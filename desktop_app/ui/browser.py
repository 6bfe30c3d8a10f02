"""The master–detail browser that the Library and the Journal are made of.

Left, a search field, a row of filters, a count and the list (with a "nothing
matches" page that clears them); right, the chosen item in a `DetailsPane`, or a hint
while nothing is chosen. `Browser` lays these out and gives both screens one keyboard
behaviour: Ctrl+F searches, Down (or Enter) in the search field goes into the list and
Up from its first row back, Enter or a double click chooses a row.

The words are the screens' own: each passes its texts in, already translated, so every
text keeps the one translation it has in the screen's context.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import (
    SearchField,
    centred_page,
    make_label,
    no_match_page,
    scroll_pane,
)

#: Quiet scroll bars, and the details pane's focus ring. Colours are palette roles,
#: set by the theme. Each screen adds its own rules.
BROWSER_STYLE: Final = """
QScrollBar:vertical { background: transparent; width: 12px; margin: 2px 2px 2px 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 4px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: palette(placeholder-text); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QScrollArea#details { background: transparent; border: 2px solid transparent;
    border-radius: 10px; }
QScrollArea#details:focus { border-color: palette(highlight); }
QWidget#detailsContent { background: transparent; }
"""


def tab_chain(widgets: Iterable[QWidget]) -> None:
    """Tab goes through `widgets` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def refill(combo: QComboBox, everything: str, items: Iterable[tuple[str, str]]) -> None:
    """New choices, `everything` first, then (label, key) each; the current one stays
    chosen when it is still there. No signal: nothing the person chose has changed."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, key in items:
        combo.addItem(label, key)
    found = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, found))
    combo.blockSignals(False)


def kind_choices(present: Iterable[str]) -> list[tuple[str, str]]:
    """(label, kind) for a kind filter: the kinds present, in the library's order, then
    any others by id."""
    names = kind_names()
    order = list(names)
    kinds = sorted(set(present), key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(names.get(k, k.replace("-", " ").capitalize()), k) for k in kinds]


class ItemList(QListView):
    """The list: Enter or a double click chooses the current row (`chosen`); Up from the
    first row goes back to the search field (`move_up`)."""

    chosen = Signal(QModelIndex)
    move_up = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

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
            self.setCurrentIndex(index)
            self.chosen.emit(index)
            return
        super().mouseDoubleClickEvent(event)


class DetailsPane(QWidget):
    """The chosen item: its title and a muted line about it over a `body`, scrolling
    together in `area` (which takes focus, so the arrow keys scroll), and a `footer`
    row of buttons below. The owner names `area` and fills `body` and `footer`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = make_label("", "heading")
        self.meta_label = make_label("", "muted")
        heading = QVBoxLayout()
        heading.setSpacing(SPACE["xs"])
        heading.addWidget(self.title_label)
        heading.addWidget(self.meta_label)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(SPACE["m"])

        content = QWidget()
        content.setObjectName("detailsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(SPACE["s"], SPACE["xs"], SPACE["m"], SPACE["m"])
        column.setSpacing(SPACE["m"])
        column.addLayout(heading)
        column.addLayout(self.body)
        column.addStretch()
        self.area = scroll_pane(content, "details", "", "")

        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(SPACE["s"] + 2, SPACE["m"], 0, 0)  # 2: the focus ring
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.area, 1)
        layout.addLayout(self.footer)


class Browser(QWidget):
    """A screen that browses: the browser on `pages` page 0 and, on page 1, the screen's
    own page for when there is nothing at all. `frame` holds the pages; a screen may
    add a notice above them or a line below.

    A subclass words `search_field` (`_search_words`), makes its filters, its list
    (`_set_list`) and its details, and lays them out with `_browser_page`. It says what
    happens with `_filters_changed` (a filter was chosen), `_filters_cleared` (all
    were cleared), `_choose` (a row was chosen: Enter, a double click) and
    `_current_changed` (another row became the current one).
    """

    _list: ItemList

    def __init__(self, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(BROWSER_STYLE + style)
        self.search_field = SearchField()
        self.search_field.move_down.connect(self._enter_list)
        self.count_label = make_label("", "muted", wrap=False)
        self.pages = QStackedWidget()
        self.frame = QVBoxLayout(self)
        self.frame.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["m"])
        self.frame.setSpacing(SPACE["s"])
        self.frame.addWidget(self.pages, 1)
        self._filters_row: tuple[QComboBox, ...] = ()

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

    # --- what a screen says ---------------------------------------------------------

    def _filters_changed(self) -> None:
        raise NotImplementedError

    def _filters_cleared(self) -> None:
        raise NotImplementedError

    def _choose(self, index: QModelIndex) -> None:
        raise NotImplementedError

    def _current_changed(self, current: QModelIndex) -> None:
        raise NotImplementedError

    # --- public ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_filters(self) -> None:
        """Every filter back to "all" and the search emptied, then the search field
        has the focus."""
        for combo in self._filters_row:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self._filters_cleared()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building -------------------------------------------------------------------

    def _search_words(self, placeholder: str, name: str, description: str) -> None:
        self.search_field.setPlaceholderText(placeholder)
        self.search_field.setAccessibleName(name)
        self.search_field.setAccessibleDescription(description)

    def _set_list(
        self, item_list: ItemList, message: str, clear_text: str, clear_description: str
    ) -> None:
        """Browse `item_list`: `list_pages` shows it, or, when a search or filters match
        nothing, the `message` and `clear_button`, which clears them."""
        self._list = item_list
        item_list.selectionModel().currentChanged.connect(self._current_changed)
        item_list.chosen.connect(self._choose)
        item_list.move_up.connect(self.focus_search)
        self.list_pages, self.clear_button = no_match_page(
            item_list, message, clear_text, clear_description, self.clear_filters
        )

    def _browser_page(
        self,
        filters: Sequence[QComboBox],
        details: QWidget,
        *,
        widths: tuple[int, int],
        under_list: QWidget | None = None,
    ) -> QWidget:
        """The search field and `filters` over the count and the list (and `under_list`),
        beside `details`; `widths` shares the room between the two."""
        self._filters_row = tuple(filters)
        row = QHBoxLayout()
        row.setSpacing(SPACE["s"])
        for combo in filters:
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        row.addStretch()

        left = QVBoxLayout()
        left.setSpacing(SPACE["s"])
        left.addWidget(self.search_field)
        left.addLayout(row)
        left.addSpacing(SPACE["xs"])
        left.addWidget(self.count_label)
        left.addWidget(self.list_pages, 1)
        if under_list is not None:
            left.addWidget(under_list)

        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(SPACE["xl"])
        columns.addLayout(left, widths[0])
        columns.addWidget(details, widths[1])
        return page

    @staticmethod
    def _details_pages(hint: str, keys: str, *chosen: QWidget) -> QStackedWidget:
        """Page 0 says what to do while nothing is chosen (`hint`, and the `keys` that
        do it); `chosen` are the next pages."""
        nothing = QWidget()
        layout = QVBoxLayout(nothing)
        layout.setContentsMargins(SPACE["s"], SPACE["xl"], SPACE["m"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(make_label(hint, "subheading"))
        layout.addWidget(make_label(keys, "muted"))
        layout.addStretch()
        pages = QStackedWidget()
        pages.addWidget(nothing)
        for page in chosen:
            pages.addWidget(page)
        return pages

    @staticmethod
    def _empty_page(*lines: QWidget) -> QWidget:
        """The page for when there is nothing at all: `lines` in a calm column."""
        column = QWidget()
        column.setMaximumWidth(SPACE["xl"] * 14)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        for line in lines:
            layout.addWidget(line)
        return centred_page(column)

    def _tab_order(self, *rest: QWidget) -> None:
        """Tab goes through the search field, the filters, the list, the clear button,
        then `rest`."""
        chain = (self.search_field, *self._filters_row, self._list, self.clear_button, *rest)
        tab_chain(chain)

    # --- reacting -------------------------------------------------------------------

    def _enter_list(self) -> None:
        model = self._list.model()
        if model.rowCount() == 0:
            return
        if not self._list.currentIndex().isValid():
            self._list.setCurrentIndex(model.index(0, 0))
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)
