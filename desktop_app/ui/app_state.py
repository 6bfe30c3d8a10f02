"""The one change channel: what the app holds now, and a signal when any of it changes.

Settings, the library, the journal and the plans each have one owner that changes
them through this object; pages read what they show from here and subscribe to the
signals, so they refresh themselves. Nothing reaches into a page to refresh it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.storage.settings import Settings
from desktop_app.ui.i18n import ui_language

if TYPE_CHECKING:
    from desktop_app.core.library import Library
    from desktop_app.storage.journal import Journal
    from desktop_app.storage.plans import PlanStore


class AppState(QObject):
    #: The settings were changed (the new Settings).
    settings_changed = Signal(object)
    #: The library was read again (the new Library).
    library_changed = Signal(object)
    #: The journal was opened, closed, or written to: what it holds may differ.
    journal_changed = Signal()
    #: A plan was added, changed or archived.
    plans_changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library: Library | None = None
        self.journal: Journal | None = None
        self.plans: PlanStore | None = None

    @property
    def language(self) -> str:
        """The language of Attune's words and, when they have it, of practices."""
        return ui_language(self.settings.language)

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.settings_changed.emit(settings)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.library_changed.emit(library)

    def set_journal(self, journal: Journal | None) -> None:
        self.journal = journal
        self.journal_changed.emit()

    def journal_written(self) -> None:
        self.journal_changed.emit()

    def plans_written(self) -> None:
        self.plans_changed.emit()

    def source_of(self, practice_id: str) -> str:
        """Where a practice came from, as the journal keeps it."""
        entry = self.library.practices.get(practice_id) if self.library is not None else None
        return entry.source.label if entry is not None else "file"
