"""The person's settings: changed, saved, and put into effect (the look, text size,
starting at login). Pages that show a setting follow `AppState.settings_changed`."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.storage.settings import Settings, SettingsStore
from desktop_app.ui import theme
from desktop_app.ui.app_state import AppState
from desktop_app.ui.i18n import ui_language

ZOOM_STEP: Final = 0.1


class Preferences(QObject):
    #: A problem for the window's notice.
    problem = Signal(str)
    #: Attune's language was changed: everything on screen is to be made anew.
    relanguage_needed = Signal()
    #: The tools for therapists were switched on or off.
    authoring_changed = Signal(bool)

    def __init__(self, state: AppState, store: SettingsStore, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.store = store
        for keys, step in (
            ("Ctrl++", ZOOM_STEP),
            ("Ctrl+=", ZOOM_STEP),
            ("Ctrl+-", -ZOOM_STEP),
            ("Ctrl+0", 0.0),
        ):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(lambda s=step: self.zoom(s))

    def change(self, settings: Settings) -> None:
        old = self.state.settings
        self.state.set_settings(settings)
        if (settings.theme, settings.text_zoom) != (old.theme, old.text_zoom):
            self.apply_look()
        if settings.authoring != old.authoring:
            self.authoring_changed.emit(settings.authoring)
        self.save()
        if ui_language(settings.language) != ui_language(old.language):
            self.relanguage_needed.emit()

    def zoom(self, step: float) -> None:
        """Larger or smaller text (Ctrl++ and Ctrl+-), or as it was (Ctrl+0)."""
        zoom = self.state.settings.text_zoom
        zoom = 1.0 if step == 0 else min(2.0, max(0.75, round(zoom + step, 2)))
        self.change(replace(self.state.settings, text_zoom=zoom))

    def reset(self) -> None:
        """The defaults, shown and in effect; not saved (all data was just deleted)."""
        self.state.set_settings(Settings())
        self.apply_look()

    def apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            settings = self.state.settings
            theme.apply(app, theme.palette_for(settings.theme), settings.text_zoom)

    def save(self) -> None:
        try:
            self.store.save(self.state.settings)
        except OSError as error:
            self.problem.emit(
                self.tr(
                    "Your settings could not be saved (%1). They apply until you close Attune."
                ).replace("%1", error.strerror or str(error))
            )

    def set_autostart(self, on: bool) -> None:
        """Write or remove the XDG autostart entry (Linux)."""
        from desktop_app.storage import autostart  # here: the first paint needs none of it

        try:
            autostart.enable() if on else autostart.disable()
        except OSError as error:
            self.problem.emit(
                self.tr("Starting at login could not be changed (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )
