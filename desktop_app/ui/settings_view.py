"""The Settings page: appearance, voice and volumes, saved as the person changes them.

The view holds a `Settings` and emits a new one through `changed` after every change
the person makes; the main window saves and applies it. `set_settings` and
`set_voices` refresh the controls without emitting. The page is built with
`SettingsForm` (every control labelled, named and described; sliders report on
release), the voices offered come from `voice_choice`, and the tab order runs top to
bottom.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.settings import Settings
from desktop_app.ui.i18n import LANGUAGE_NAMES, system_language
from desktop_app.ui.settings_form import SettingsForm, describe, select
from desktop_app.ui.theme import SPACE
from desktop_app.ui.voice_choice import AUTOMATIC, VoiceEntry, fill_voices

#: The widest the page's column grows; wider lines are harder to read.
CONTENT_WIDTH: Final = 640


class SettingsView(QWidget):
    #: A new `Settings`, after every change the person makes.
    changed = Signal(object)
    #: The person confirmed "Delete all my data".
    erase_requested = Signal()
    #: "Start Attune when I log in" (Linux) was switched on or off.
    autostart_changed = Signal(bool)
    #: "Lock my journal" was switched: True to turn the lock on, False to turn it off.
    #: The switch shows the journal's real state again at once; the window opens the
    #: dialog that does it and calls `set_journal_locked` when it is done.
    journal_lock_requested = Signal(bool)
    #: "Change passphrase…" was pressed (only offered while the journal is locked).
    change_passphrase_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        voices: Sequence[VoiceEntry] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._voices: tuple[VoiceEntry, ...] = tuple(voices)
        self._refreshing = False
        self.form = SettingsForm(lambda: self._refreshing)
        self.setAccessibleName(self.tr("Settings"))

        heading = QLabel(self.tr("Settings"))
        heading.setProperty("role", "heading")
        heading.setAccessibleName(self.tr("Settings"))
        intro = QLabel(self.tr("Changes take effect at once and are saved as you make them."))
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())
        self.form.column.addWidget(heading)
        self.form.column.addWidget(intro)

        # --- Appearance ---------------------------------------------------------------
        self.form.section(
            self.tr("Appearance"),
            self.tr("Text size can also be changed at any time with Ctrl+= and Ctrl+-."),
        )
        self.language_combo = self.form.combo(
            self.tr("Lang&uage"),
            self.tr("Language"),
            self.tr(
                "The language of Attune's words, and of practices that have it; "
                "by default your computer's"
            ),
            [
                (
                    self.tr("Same as the system (%1)").replace(
                        "%1", LANGUAGE_NAMES[system_language()]
                    ),
                    "system",
                ),
                *((name, code) for code, name in LANGUAGE_NAMES.items()),
            ],
            lambda value: self._update(language=value),
        )
        self.theme_combo = self.form.combo(
            self.tr("&Theme"),
            self.tr("Theme"),
            self.tr("Light or dark colours, or the same as your computer"),
            [
                (self.tr("Same as the system"), "system"),
                (self.tr("Light"), "light"),
                (self.tr("Dark"), "dark"),
            ],
            lambda value: self._update(theme=value),
        )
        self.zoom_slider, self.zoom_value = self.form.slider(
            self.tr("Te&xt size"),
            self.tr("Text size"),
            self.tr("How large text is throughout Attune, from 75% to 200%"),
            (75, 200, 5, 25),
            self._percent,
            lambda value: self._update(text_zoom=value / 100),
        )
        self.motion_combo = self.form.combo(
            self.tr("&Motion"),
            self.tr("Motion"),
            self.tr(
                "Whether the breathing circle and other animations move less; "
                "by default this follows your computer's setting"
            ),
            [
                (self.tr("Same as the system"), None),
                (self.tr("Always reduce motion"), True),
                (self.tr("Don't reduce motion"), False),
            ],
            lambda value: self._update(reduced_motion=value),
        )

        # --- Voice ----------------------------------------------------------------------
        self.form.section(
            self.tr("Voice"),
            self.tr("These are your defaults; you can still choose before each practice."),
        )
        self.narration_check = QCheckBox(self.tr("Read practices aloud"))
        describe(
            self.narration_check,
            self.tr("Narration"),
            self.tr("Whether practices are read aloud, unless you choose otherwise before one"),
        )
        self.narration_check.toggled.connect(lambda on: self._update(narration=on))
        self.form.row(self.tr("&Narration"), self.narration_check, self.narration_check)
        self.rate_slider, self.rate_value = self.form.slider(
            self.tr("Speaking &pace"),
            self.tr("Speaking pace"),
            self.tr("How fast the voice speaks: from half to twice a practice's own pace"),
            (50, 200, 5, 25),
            self._pace,
            lambda value: self._update(speech_rate=value / 100),
        )
        self.voice_combos: dict[str, QComboBox] = {}
        for language, label, name, description in (
            (
                "en",
                self.tr("&English voice"),
                self.tr("English voice"),
                self.tr("The voice that reads practices in English"),
            ),
            (
                "nl",
                self.tr("&Dutch voice"),
                self.tr("Dutch voice"),
                self.tr("The voice that reads practices in Dutch"),
            ),
        ):
            combo = self.form.combo(label, name, description, [], self._voice_chosen(language))
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            self.voice_combos[language] = combo

        # --- Volumes -------------------------------------------------------------------
        self.form.section(
            self.tr("Volumes"),
            self.tr(
                "These balance the sounds of a practice; your computer's own volume "
                "still sets how loud it is overall."
            ),
        )
        self.voice_volume_slider, self.voice_volume_value = self.form.slider(
            self.tr("&Voice"),
            self.tr("Voice volume"),
            self.tr("How loud the spoken words are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_voice=value / 100),
        )
        self.cues_volume_slider, self.cues_volume_value = self.form.slider(
            self.tr("&Bells and tones"),
            self.tr("Bells and tones volume"),
            self.tr("How loud the bells and breathing tones are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_cues=value / 100),
        )
        self.background_volume_slider, self.background_volume_value = self.form.slider(
            self.tr("Back&ground"),
            self.tr("Background volume"),
            self.tr("How loud background sounds, such as rain, are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_background=value / 100),
        )

        # --- Journal ---------------------------------------------------------------------
        self.form.section(
            self.tr("Journal"),
            self.tr(
                "Streaks count the days in a row you practised. They are off unless you want "
                "them: many people find counting days more stressful than helpful."
            ),
        )
        self.streaks_check = QCheckBox(self.tr("Show days in a row in Insights"))
        describe(
            self.streaks_check,
            self.tr("Streaks"),
            self.tr("Show how many days in a row you practised"),
        )
        self.streaks_check.toggled.connect(lambda on: self._update(streaks=on))
        self.form.row(self.tr("Strea&ks"), self.streaks_check, self.streaks_check)

        # --- The journal lock ----------------------------------------------------------------
        self.form.section(
            self.tr("Privacy"),
            self.tr(
                "Locking encrypts your journal, its daily copies and your unsaved answers, "
                "so someone who opens this computer's account, a backup disk or a synced "
                "folder cannot read them. Attune then asks for your passphrase each time it "
                "starts. You get a recovery key, shown once, to write down or print. If you "
                "forget both the passphrase and the recovery key, your journal is lost, "
                "with no way back."
            ),
        )
        self.lock_check = QCheckBox(self.tr("Lock my journal"))
        describe(
            self.lock_check,
            self.tr("Lock my journal"),
            self.tr("Encrypt the journal with a passphrase; asks before anything changes"),
        )
        self.lock_check.toggled.connect(self._lock_toggled)
        self.form.row(self.tr("&Journal lock"), self.lock_check, self.lock_check)
        self.change_passphrase_button = QPushButton(self.tr("Change passphrase…"))
        describe(
            self.change_passphrase_button,
            self.tr("Change passphrase"),
            self.tr("Choose a new passphrase, with the current one or the recovery key"),
        )
        self.change_passphrase_button.clicked.connect(self.change_passphrase_requested)
        passphrase_row = QWidget()  # the button at its own width, not the column's
        passphrase_layout = QHBoxLayout(passphrase_row)
        passphrase_layout.setContentsMargins(0, 0, 0, 0)
        passphrase_layout.addWidget(self.change_passphrase_button)
        passphrase_layout.addStretch()
        self.form.row(self.tr("Passph&rase"), self.change_passphrase_button, passphrase_row)
        self._journal_locked = False
        self.change_passphrase_button.setEnabled(False)  # until the journal is locked

        # --- Starting with the computer ---------------------------------------------------
        self.form.section(self.tr("Reminders"), _login_help())
        self.autostart_check = QCheckBox(self.tr("Start Attune when I log in"))
        describe(
            self.autostart_check,
            self.tr("Start at login"),
            self.tr("Open Attune when you log in, so your plan's reminders can reach you"),
        )
        self.autostart_check.toggled.connect(self._autostart_toggled)
        self.form.row(self.tr("&Login"), self.autostart_check, self.autostart_check)
        self.autostart_check.setVisible(sys.platform.startswith("linux"))

        # --- For therapists ------------------------------------------------------------
        self.form.section(
            self.tr("For therapists"),
            self.tr(
                "Tools to write your own practices, make plans, and hand them over as a "
                "pack. They stay out of sight until you want them."
            ),
        )
        self.authoring_check = QCheckBox(self.tr("Show tools for writing practices and plans"))
        describe(
            self.authoring_check,
            self.tr("Tools for therapists"),
            self.tr(
                "Write a practice, Make a plan and Make a pack in the menu, and Edit in the Library"
            ),
        )
        self.authoring_check.toggled.connect(lambda on: self._update(authoring=on))
        self.form.row(self.tr("T&ools"), self.authoring_check, self.authoring_check)

        # --- Your data -----------------------------------------------------------------
        self.form.section(
            self.tr("Your data"),
            self.tr(
                "Everything Attune keeps stays on this computer. You can delete it all: "
                "your journal and its backups, unfinished reflections, the prepared voice "
                "and sounds, and these settings. Your own practice files are not touched."
            ),
        )
        self.erase_button = QPushButton(self.tr("Delete all my data…"))
        describe(
            self.erase_button,
            self.tr("Delete all my data"),
            self.tr("Asks once more before anything is deleted"),
        )
        self.erase_button.clicked.connect(self._ask_erase)
        self.erase_confirm = QFrame()
        self.erase_confirm.setProperty("role", "card")
        confirm_row = QHBoxLayout(self.erase_confirm)
        confirm_text = QLabel(self.tr("This deletes your journal for good. It cannot be undone."))
        confirm_text.setWordWrap(True)
        confirm_text.setAccessibleName(confirm_text.text())
        self.erase_now = QPushButton(self.tr("Delete everything"))
        describe(
            self.erase_now,
            self.tr("Delete everything"),
            self.tr("Delete the journal, caches and settings now"),
        )
        self.erase_now.clicked.connect(self._erase)
        self.erase_keep = QPushButton(self.tr("Keep my data"))
        self.erase_keep.setProperty("role", "primary")
        describe(self.erase_keep, self.tr("Keep my data"), self.tr("Delete nothing"))
        self.erase_keep.clicked.connect(self._keep)
        confirm_row.addWidget(confirm_text, 1)
        confirm_row.addWidget(self.erase_now)
        confirm_row.addWidget(self.erase_keep)
        self.erase_confirm.hide()
        self.form.column.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.column.addWidget(self.erase_confirm)

        self.controls: tuple[QWidget, ...] = (
            self.language_combo,
            self.theme_combo,
            self.zoom_slider,
            self.motion_combo,
            self.narration_check,
            self.rate_slider,
            *self.voice_combos.values(),
            self.voice_volume_slider,
            self.cues_volume_slider,
            self.background_volume_slider,
            self.streaks_check,
            self.lock_check,
            self.change_passphrase_button,
            self.autostart_check,
            self.authoring_check,
            self.erase_button,
        )
        self._layout_page()
        for before, after in zip(self.controls, self.controls[1:], strict=False):
            QWidget.setTabOrder(before, after)  # once all are in this window
        self._show(settings)
        self._fit_to_font()

    # --- the public side ------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """Show `settings` without emitting `changed` (the page's own change is
        shown already: it is not set again, so a list being used is left alone)."""
        if settings != self._settings:
            self._show(settings)

    def _show(self, settings: Settings) -> None:
        self._settings = settings
        self._refreshing = True
        try:
            select(self.language_combo, settings.language)
            select(self.theme_combo, settings.theme)
            self.authoring_check.setChecked(settings.authoring)
            select(self.motion_combo, settings.reduced_motion)
            self.zoom_slider.setValue(round(settings.text_zoom * 100))
            self.narration_check.setChecked(settings.narration)
            self.streaks_check.setChecked(settings.streaks)
            self.rate_slider.setValue(round(settings.speech_rate * 100))
            self.voice_volume_slider.setValue(round(settings.volume_voice * 100))
            self.cues_volume_slider.setValue(round(settings.volume_cues * 100))
            self.background_volume_slider.setValue(round(settings.volume_background * 100))
            self._fill_voices()
        finally:
            self._refreshing = False
        self.form.show_values()

    def set_voices(self, voices: Sequence[VoiceEntry]) -> None:
        """Offer these voices (the list may arrive after the page is made)."""
        self._voices = tuple(voices)
        self._refreshing = True
        try:
            self._fill_voices()
        finally:
            self._refreshing = False

    def set_autostart(self, on: bool) -> None:
        """Show whether Attune starts at login, without emitting."""
        self._refreshing = True
        try:
            self.autostart_check.setChecked(on)
        finally:
            self._refreshing = False

    def set_journal_locked(self, locked: bool) -> None:
        """Show whether the journal is locked, without emitting."""
        self._journal_locked = locked
        self._refreshing = True
        try:
            self.lock_check.setChecked(locked)
        finally:
            self._refreshing = False
        self.change_passphrase_button.setEnabled(locked)

    def _lock_toggled(self, on: bool) -> None:
        if self._refreshing:
            return
        # The switch says what is, not what was asked: the dialog may be cancelled.
        self.set_journal_locked(self._journal_locked)
        self.journal_lock_requested.emit(on)

    def _autostart_toggled(self, on: bool) -> None:
        if not self._refreshing:
            self.autostart_changed.emit(on)

    def _ask_erase(self) -> None:
        self.erase_confirm.show()
        self.erase_keep.setFocus()  # the safe choice has the focus

    def _keep(self) -> None:
        self.erase_confirm.hide()
        self.erase_button.setFocus()

    def _erase(self) -> None:
        self.erase_confirm.hide()
        self.erase_requested.emit()

    # --- building -------------------------------------------------------------------------

    def _layout_page(self) -> None:
        """The sections in a column of readable width, centred, in a scroll area."""
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        self.form.column.addStretch()
        column.setLayout(self.form.column)

        page = QWidget()
        page.setObjectName("settingsPage")
        page_layout = QHBoxLayout(page)
        page_layout.setContentsMargins(SPACE["xl"], SPACE["l"], SPACE["xl"], SPACE["xl"])
        page_layout.addStretch()
        page_layout.addWidget(column, 10)
        page_layout.addStretch()

        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        for bar, name in (
            (scroll.verticalScrollBar(), self.tr("Scroll the settings")),
            (scroll.horizontalScrollBar(), self.tr("Scroll the settings sideways")),
        ):
            bar.setAccessibleName(name)
            bar.setAccessibleDescription(self.tr("Shows the rest of the settings"))
        scroll.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- voices -----------------------------------------------------------------------

    def _fill_voices(self) -> None:
        for language, combo in self.voice_combos.items():
            was_refreshing, self._refreshing = self._refreshing, True
            try:
                chosen = self._settings.voices.get(language, AUTOMATIC)
                fill_voices(combo, self._voices, language, chosen)
            finally:
                self._refreshing = was_refreshing

    def _voice_chosen(self, language: str) -> Callable[[Any], None]:
        def chosen(voice_id: Any) -> None:
            if voice_id is None:  # the "Other voices" header
                return
            voices = dict(self._settings.voices)
            if voice_id == AUTOMATIC:
                voices.pop(language, None)
            else:
                voices[language] = str(voice_id)
            self._update(voices=voices)

        return chosen

    # --- changes ------------------------------------------------------------------------

    def _update(self, **change: Any) -> None:
        new = dataclasses.replace(self._settings, **change)
        if new != self._settings:
            self._settings = new
            self.changed.emit(new)

    def _percent(self, value: int) -> str:
        return self.tr("%1%").replace("%1", str(value))

    def _pace(self, value: int) -> str:
        """The pace in words and numbers: "Slower (0.75×)", "Normal (1.0×)"."""
        rate = self.locale().toString(value / 100, "f", 1 if value % 10 == 0 else 2)
        if value < 100:
            word = self.tr("Slower")
        elif value > 100:
            word = self.tr("Faster")
        else:
            word = self.tr("Normal")
        return self.tr("%1 (%2×)").replace("%1", word).replace("%2", rate)

    def _fit_to_font(self) -> None:
        form = getattr(self, "form", None)  # None: a font change while the page is made
        if form is not None:
            form.fit_to_font(self.fontMetrics())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()
        super().changeEvent(event)


def _login_help() -> str:
    """How to have Attune start at login, for this system: reminders only come while
    Attune runs."""
    if sys.platform == "win32":
        return QCoreApplication.translate(
            "SettingsView",
            "Reminders come while Attune is running. To start it when you log in, press "
            "Windows+R, type shell:startup and press Enter, then put a shortcut to Attune "
            "in the folder that opens.",
        )
    if sys.platform == "darwin":
        return QCoreApplication.translate(
            "SettingsView",
            "Reminders come while Attune is running. To start it when you log in, open "
            "System Settings, General, Login Items, and add Attune.",
        )
    return QCoreApplication.translate(
        "SettingsView",
        "Reminders come while Attune is running. Attune can start when you log in; most "
        "Linux desktops follow this setting.",
    )
