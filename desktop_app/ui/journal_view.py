"""The Journal screen: "Entries" (`JournalView`, in `journal_entries`) and "Insights"
(`InsightsView`) side by side as two tabs, with an "Export…" button whose dialog
lives elsewhere.

The Journal is made of: `journal_entries` (the entries, a `browser` as the Library
is), `journal_reading` (reading them a page at a time, and searching),
`journal_rows` (a row and its words), `journal_delegate` (a row painted as a card),
`journal_entry_pane` (the chosen entry, to read and change) and `journal_text` (text
helpers).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal import Journal
from desktop_app.storage.settings import Settings
from desktop_app.ui.app_state import AppState
from desktop_app.ui.insights_view import InsightsView
from desktop_app.ui.journal_entries import JournalView
from desktop_app.ui.theme import SPACE


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

    def follow(self, state: AppState) -> None:
        """Show what is new whenever `state`'s journal is written to, and days in a row
        as its settings say."""
        self.set_streaks(state.settings.streaks)
        self._state = state
        state.journal_changed.connect(self._journal_changed)
        state.settings_changed.connect(self._settings_changed)

    def _journal_changed(self) -> None:
        if self._state.journal is self.journal:  # another journal gets a page of its own
            self.refresh()

    def _settings_changed(self, settings: Settings) -> None:
        self.set_streaks(settings.streaks)

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
