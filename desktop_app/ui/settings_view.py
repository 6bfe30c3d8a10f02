"""The Settings page: appearance, voice and volumes, saved as the person changes them.

The view holds a `Settings` and emits a new one through `changed` after every change
the person makes; the main window saves and applies it. `set_settings` and
`set_voices` refresh the controls without emitting. Every control has a visible label
joined to it (`setBuddy`: the mnemonic focuses it, screen readers read it), an
accessible name and description, and the tab order runs top to bottom. Sliders report
a change when released or at once when moved with the keyboard, so dragging one does
not write the settings file at every pixel.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.settings import Settings
from desktop_app.ui.i18n import LANGUAGE_NAMES, system_language
from desktop_app.ui.theme import SPACE

#: (voice id, name, languages), as the speech service lists them.
VoiceEntry = tuple[str, str, tuple[str, ...]]

#: The widest the page's column grows; wider lines are harder to read.
CONTENT_WIDTH: Final = 640
#: The data of the "Automatic" voice item.
AUTOMATIC: Final = ""


def speaks(voice: VoiceEntry, language: str) -> bool:
    """Whether a voice is for `language` (a primary subtag: "en"), by its language tags
    (`en-GB`, `en_US`) or, for espeak, the last part of its id (`gmw/nl`)."""
    voice_id, _, languages = voice
    tags = [*languages, voice_id.rsplit("/", 1)[-1]]
    return any(tag.strip().replace("_", "-").lower().split("-")[0] == language for tag in tags)


class SettingsView(QWidget):
    #: A new `Settings`, after every change the person makes.
    changed = Signal(object)
    #: The person confirmed "Delete all my data".
    erase_requested = Signal()
    #: "Start Attune when I log in" (Linux) was switched on or off.
    autostart_changed = Signal(bool)

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
        self._value_labels: list[tuple[QSlider, QLabel, Callable[[int], str]]] = []
        self._rows: list[tuple[QLabel, QWidget]] = []
        self.setAccessibleName(self.tr("Settings"))

        heading = QLabel(self.tr("Settings"))
        heading.setProperty("role", "heading")
        heading.setAccessibleName(self.tr("Settings"))
        intro = QLabel(self.tr("Changes take effect at once and are saved as you make them."))
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(SPACE["xs"])
        self._column.addWidget(heading)
        self._column.addWidget(intro)
        self._form = QFormLayout()  # the section being built

        # --- Appearance ---------------------------------------------------------------
        self._section(
            self.tr("Appearance"),
            self.tr("Text size can also be changed at any time with Ctrl+= and Ctrl+-."),
        )
        self.language_combo = self._combo(
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
        self.theme_combo = self._combo(
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
        self.zoom_slider, self.zoom_value = self._slider(
            self.tr("Te&xt size"),
            self.tr("Text size"),
            self.tr("How large text is throughout Attune, from 75% to 200%"),
            (75, 200, 5, 25),
            self._percent,
            lambda value: self._update(text_zoom=value / 100),
        )
        self.motion_combo = self._combo(
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
        self._section(
            self.tr("Voice"),
            self.tr("These are your defaults; you can still choose before each practice."),
        )
        self.narration_check = QCheckBox(self.tr("Read practices aloud"))
        self._describe(
            self.narration_check,
            self.tr("Narration"),
            self.tr("Whether practices are read aloud, unless you choose otherwise before one"),
        )
        self.narration_check.toggled.connect(lambda on: self._update(narration=on))
        self._row(self.tr("&Narration"), self.narration_check, self.narration_check)
        self.rate_slider, self.rate_value = self._slider(
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
            combo = self._combo(label, name, description, [], self._voice_chosen(language))
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            self.voice_combos[language] = combo

        # --- Volumes -------------------------------------------------------------------
        self._section(
            self.tr("Volumes"),
            self.tr(
                "These balance the sounds of a practice; your computer's own volume "
                "still sets how loud it is overall."
            ),
        )
        self.voice_volume_slider, self.voice_volume_value = self._slider(
            self.tr("&Voice"),
            self.tr("Voice volume"),
            self.tr("How loud the spoken words are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_voice=value / 100),
        )
        self.cues_volume_slider, self.cues_volume_value = self._slider(
            self.tr("&Bells and tones"),
            self.tr("Bells and tones volume"),
            self.tr("How loud the bells and breathing tones are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_cues=value / 100),
        )
        self.background_volume_slider, self.background_volume_value = self._slider(
            self.tr("Back&ground"),
            self.tr("Background volume"),
            self.tr("How loud background sounds, such as rain, are"),
            (0, 100, 5, 10),
            self._percent,
            lambda value: self._update(volume_background=value / 100),
        )

        # --- Journal ---------------------------------------------------------------------
        self._section(
            self.tr("Journal"),
            self.tr(
                "Streaks count the days in a row you practised. They are off unless you want "
                "them: many people find counting days more stressful than helpful."
            ),
        )
        self.streaks_check = QCheckBox(self.tr("Show days in a row in Insights"))
        self._describe(
            self.streaks_check,
            self.tr("Streaks"),
            self.tr("Show how many days in a row you practised"),
        )
        self.streaks_check.toggled.connect(lambda on: self._update(streaks=on))
        self._row(self.tr("Strea&ks"), self.streaks_check, self.streaks_check)

        # --- Starting with the computer ---------------------------------------------------
        self._section(self.tr("Reminders"), _login_help())
        self.autostart_check = QCheckBox(self.tr("Start Attune when I log in"))
        self._describe(
            self.autostart_check,
            self.tr("Start at login"),
            self.tr("Open Attune when you log in, so your plan's reminders can reach you"),
        )
        self.autostart_check.toggled.connect(self._autostart_toggled)
        self._row(self.tr("&Login"), self.autostart_check, self.autostart_check)
        self.autostart_check.setVisible(sys.platform.startswith("linux"))

        # --- For therapists ------------------------------------------------------------
        self._section(
            self.tr("For therapists"),
            self.tr(
                "Tools to write your own practices, make plans, and hand them over as a "
                "pack. They stay out of sight until you want them."
            ),
        )
        self.authoring_check = QCheckBox(self.tr("Show tools for writing practices and plans"))
        self._describe(
            self.authoring_check,
            self.tr("Tools for therapists"),
            self.tr(
                "Write a practice, Make a plan and Make a pack in the menu, and Edit in the Library"
            ),
        )
        self.authoring_check.toggled.connect(lambda on: self._update(authoring=on))
        self._row(self.tr("T&ools"), self.authoring_check, self.authoring_check)

        # --- Your data -----------------------------------------------------------------
        self._section(
            self.tr("Your data"),
            self.tr(
                "Everything Attune keeps stays on this computer. You can delete it all: "
                "your journal and its backups, unfinished reflections, the prepared voice "
                "and sounds, and these settings. Your own practice files are not touched."
            ),
        )
        self.erase_button = QPushButton(self.tr("Delete all my data…"))
        self._describe(
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
        self._describe(
            self.erase_now,
            self.tr("Delete everything"),
            self.tr("Delete the journal, caches and settings now"),
        )
        self.erase_now.clicked.connect(self._erase)
        self.erase_keep = QPushButton(self.tr("Keep my data"))
        self.erase_keep.setProperty("role", "primary")
        self._describe(self.erase_keep, self.tr("Keep my data"), self.tr("Delete nothing"))
        self.erase_keep.clicked.connect(self._keep)
        confirm_row.addWidget(confirm_text, 1)
        confirm_row.addWidget(self.erase_now)
        confirm_row.addWidget(self.erase_keep)
        self.erase_confirm.hide()
        self._column.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._column.addWidget(self.erase_confirm)

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
            self.autostart_check,
            self.authoring_check,
            self.erase_button,
        )
        self._layout_page()
        for before, after in zip(self.controls, self.controls[1:], strict=False):
            QWidget.setTabOrder(before, after)  # once all are in this window
        self.set_settings(settings)
        self._fit_to_font()

    # --- the public side ------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """Show `settings` without emitting `changed`."""
        self._settings = settings
        self._refreshing = True
        try:
            _select(self.language_combo, settings.language)
            _select(self.theme_combo, settings.theme)
            self.authoring_check.setChecked(settings.authoring)
            _select(self.motion_combo, settings.reduced_motion)
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
        for slider, value_label, show in self._value_labels:
            value_label.setText(show(slider.value()))

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

    def _section(self, title: str, explanation: str) -> None:
        """A heading, a short explanation under it, and a form for the section's rows."""
        heading = QLabel(title)
        heading.setProperty("role", "subheading")
        heading.setAccessibleName(title)
        note = QLabel(explanation)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        note.setAccessibleName(explanation)
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form.setHorizontalSpacing(SPACE["l"])
        self._form.setVerticalSpacing(SPACE["s"])
        self._column.addSpacing(SPACE["xl"])
        self._column.addWidget(heading)
        self._column.addWidget(note)
        self._column.addSpacing(SPACE["m"])
        self._column.addLayout(self._form)

    def _describe(self, widget: QWidget, name: str, description: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)

    def _row(self, text: str, buddy: QWidget, field: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setAccessibleName(buddy.accessibleName())
        self._form.addRow(label, field or buddy)
        self._rows.append((label, field or buddy))
        return label

    def _combo(
        self,
        text: str,
        name: str,
        description: str,
        items: list[tuple[str, Any]],
        chosen: Callable[[Any], None],
    ) -> QComboBox:
        combo = QComboBox()
        for item_text, data in items:
            combo.addItem(item_text, data)
        self._describe(combo, name, description)
        combo.currentIndexChanged.connect(
            lambda index: None if self._refreshing or index < 0 else chosen(combo.itemData(index))
        )
        self._row(text, combo)
        return combo

    def _slider(
        self,
        text: str,
        name: str,
        description: str,
        steps: tuple[int, int, int, int],
        show: Callable[[int], str],
        chosen: Callable[[int], None],
    ) -> tuple[QSlider, QLabel]:
        low, high, single, page = steps
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setSingleStep(single)
        slider.setPageStep(page)
        slider.setTracking(False)  # report on release, not at every pixel of a drag
        self._describe(slider, name, description)
        value_label = QLabel(show(slider.value()))
        value_label.setAccessibleName(name)
        value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        slider.sliderMoved.connect(lambda value: value_label.setText(show(value)))
        slider.valueChanged.connect(lambda value: value_label.setText(show(value)))
        slider.valueChanged.connect(lambda value: None if self._refreshing else chosen(value))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(SPACE["m"])
        row_layout.addWidget(slider, 1)
        row_layout.addWidget(value_label)
        self._row(text, slider, row)
        self._value_labels.append((slider, value_label, show))
        return slider, value_label

    def _layout_page(self) -> None:
        """The sections in a column of readable width, centred, in a scroll area."""
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        self._column.addStretch()
        column.setLayout(self._column)

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
        """Automatic, then the voices for each language (or every voice, under "Other
        voices", when none is for it), and a chosen voice that is not installed."""
        for language, combo in self.voice_combos.items():
            chosen = self._settings.voices.get(language, AUTOMATIC)
            was_refreshing, self._refreshing = self._refreshing, True
            try:
                combo.clear()
                combo.addItem(self.tr("Automatic"), AUTOMATIC)
                matching = [v for v in self._voices if speaks(v, language)]
                if matching:
                    for voice_id, name, _ in sorted(matching, key=lambda v: v[1].casefold()):
                        combo.addItem(name, voice_id)
                elif self._voices:
                    combo.insertSeparator(combo.count())
                    combo.addItem(self.tr("Other voices"), None)
                    model = combo.model()
                    if isinstance(model, QStandardItemModel):
                        header = model.item(combo.count() - 1)
                        header.setEnabled(False)
                    for voice_id, name, _ in sorted(self._voices, key=lambda v: v[1].casefold()):
                        combo.addItem(name, voice_id)
                if chosen != AUTOMATIC and combo.findData(chosen) < 0:
                    combo.addItem(self.tr("%1 (not found)").replace("%1", chosen), chosen)
                _select(combo, chosen)
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
        """Sizes that follow the font, so again whenever it changes (the text size):
        value labels wide enough for the widest text any of them shows, so the sliders
        end together and nothing shifts as one moves; sliders tall enough for their
        handle; row labels as wide as the widest (the sections line up) and as tall as
        their control (each sits level with it)."""
        if not getattr(self, "_rows", None):  # a font change while the page is being made
            return
        metrics = self.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(show(value))
            for slider, _, show in self._value_labels
            for value in range(slider.minimum(), slider.maximum() + 1)
        )
        for slider, value_label, _ in self._value_labels:
            value_label.setFixedWidth(widest + SPACE["s"])
            slider.setMinimumHeight(round(metrics.height() * 1.6))
        label_width = max(label.sizeHint().width() for label, _ in self._rows)
        for label, field in self._rows:  # one label column through every section
            label.setMinimumSize(label_width, field.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()
        super().changeEvent(event)


def _select(combo: QComboBox, data: Any) -> None:
    """Select the item holding `data`, told apart by type too (False is not 0 here)."""
    for index in range(combo.count()):
        held = combo.itemData(index)
        if held == data and type(held) is type(data):
            combo.setCurrentIndex(index)
            return


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
