"""Before you begin: what the practice is, its safety note (with, when the active plans
give one, how to reach the therapist), the person's choices for this session, and the
practice's before-questions, with Begin and Back.

Every change to a choice is announced at once (`choices_changed`) so the speech can be
prepared while the person reads and answers; Begin is always enabled, and the caller
waits for the preparation when it has not finished (`set_preparing`, `set_ready`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import NOISE_BACKGROUNDS, Practice
from desktop_app.core.timeline import estimate_speech, time_budget
from desktop_app.session.choice import SessionChoice
from desktop_app.ui.chips import CHIP_STYLE, chip
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.questions import QuestionForm
from desktop_app.ui.reading_page import (
    CONTENT_WIDTH,
    CentredColumn,
    make_label,
    scroll_page,
    set_label,
)
from desktop_app.ui.shared_words import rough_length
from desktop_app.ui.slider import Slider
from desktop_app.ui.theme import SPACE

RATE_MIN, RATE_MAX = 0.5, 2.0

_EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)


def rich_text(value: str) -> str:
    """The practice-text Markdown subset (emphasis, strong, paragraphs) as label HTML;
    everything else is shown literally."""

    def paragraph(part: str) -> str:
        escaped = html.escape(" ".join(part.split()), quote=False)
        return _EMPHASIS.sub(
            lambda m: f"<b>{m.group(2)}</b>" if m.group(1) == "**" else f"<i>{m.group(2)}</i>",
            escaped,
        )

    parts = [p for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]
    return "".join(f"<p>{paragraph(p)}</p>" for p in parts)


def rich_label(value: str, role: str | None = None) -> QLabel:
    label = make_label("", role)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(rich_text(value))
    label.setAccessibleName(" ".join(value.replace("*", "").split()))
    return label


class BeforeView(QWidget):
    """The screen before a practice. Enter begins, Escape goes back."""

    choices_changed = Signal(object)  # SessionChoice, with no before-answers
    start_requested = Signal(object)  # SessionChoice, with the before-answers
    back_requested = Signal()

    def __init__(
        self,
        practice: Practice,
        *,
        language: str,
        narration: bool,
        rate: float,
        voices: Sequence[tuple[str, str]] = (),
        voice: str | None = None,
        background_volume: float = 0.5,
        length: float | None = None,
        support: tuple[tuple[str, str], ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.language = language
        title = practice.title.get(language)
        self.setAccessibleName(self.tr("Before you begin: %1").replace("%1", title))

        content = CentredColumn()
        column = content.column
        self.title_label = make_label(title, "heading")
        column.addWidget(self.title_label)
        self.summary_label = rich_label(practice.summary.get(language))
        column.addWidget(self.summary_label)
        self.estimate_label = make_label("", "muted")
        column.addWidget(self.estimate_label)

        # The safety note, when there is one, gently and before anything else; under it
        # whom to reach (`support`: (who, contact) of the active plans), on a card of
        # its own when the practice has no safety note.
        self.safety_card: QFrame | None = None
        self.support_card: QFrame | None = None
        self.support_labels: list[QLabel] = []
        if practice.safety is not None or support:
            card = QFrame()
            card.setProperty("role", "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], SPACE["m"])
            inner.setSpacing(SPACE["s"])
            if practice.safety is not None:
                card.setAccessibleName(self.tr("Before you start"))
                inner.addWidget(make_label(self.tr("Before you start"), "subheading"))
                inner.addWidget(rich_label(practice.safety.get(language)))
                self.safety_card = card
            else:
                card.setAccessibleName(self.tr("If you need support"))
            for who, contact in support:
                label = make_label(self.support_text(who, contact), "muted")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                inner.addWidget(label)
                self.support_labels.append(label)
            if support:
                self.support_card = card
            column.addSpacing(SPACE["s"])
            column.addWidget(card)

        # This session's choices.
        column.addSpacing(SPACE["s"])
        column.addWidget(make_label(self.tr("For this time"), "subheading"))
        choices = QFrame()
        choices.setProperty("role", "card")
        choices.setStyleSheet(CHIP_STYLE)
        form = QFormLayout(choices)
        form.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], SPACE["m"])
        form.setHorizontalSpacing(SPACE["l"])
        form.setVerticalSpacing(SPACE["m"])
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.choices_form = form

        # Length: one chip per length of the practice.
        self.length_group = QButtonGroup(self)
        self.length_group.setExclusive(True)
        self.length_buttons: list[QPushButton] = []
        lengths_row = QHBoxLayout()
        lengths_row.setSpacing(SPACE["s"])
        chosen_length = length if length in practice.lengths else practice.default_length
        for index, seconds in enumerate(practice.lengths):
            button = chip(self.format_length(seconds))
            button.setAccessibleName(self.spoken_length(seconds))
            button.setAccessibleDescription(
                self.tr("How long the practice takes this time; the arrow keys choose another")
            )
            button.setChecked(seconds == chosen_length)
            self.length_group.addButton(button, index)
            self.length_buttons.append(button)
            lengths_row.addWidget(button)
        lengths_row.addStretch(1)
        self.length_label = make_label(self.tr("Length"))
        if self.length_buttons:
            self.length_label.setBuddy(self.length_buttons[0])
        form.addRow(self.length_label, lengths_row)
        form.setRowVisible(lengths_row, bool(practice.lengths))

        # Narration, voice and pace.
        self.narration_box = QCheckBox(self.tr("Speak the guidance aloud"))
        self.narration_box.setChecked(narration)
        self.narration_box.setAccessibleName(self.tr("Speak the guidance aloud"))
        self.narration_box.setAccessibleDescription(
            self.tr("When off, the guidance is shown as text only")
        )
        form.addRow(make_label(self.tr("Voice guidance")), self.narration_box)

        self.voice_combo = QComboBox()
        self.voice_combo.addItem(self.tr("Automatic"), None)
        for voice_id, voice_name in voices:
            self.voice_combo.addItem(voice_name, voice_id)
        found = self.voice_combo.findData(voice) if voice is not None else -1
        self.voice_combo.setCurrentIndex(max(0, found))
        self.voice_combo.setAccessibleName(self.tr("Voice"))
        self.voice_combo.setAccessibleDescription(
            self.tr("The voice that speaks the guidance; Automatic picks one for the language")
        )
        popup = self.voice_combo.view()
        popup.setAccessibleName(self.tr("Voices"))
        popup.setAccessibleDescription(self.tr("The voices that can speak the guidance"))
        for bar in (popup.verticalScrollBar(), popup.horizontalScrollBar()):
            bar.setAccessibleName(self.tr("Scroll"))
            bar.setAccessibleDescription(self.tr("Scrolls the list of voices"))
        self.voice_label = make_label(self.tr("Voice"))
        form.addRow(self.voice_label, self.voice_combo)
        self._has_voices = bool(voices)

        self.rate_slider = Slider()
        self.rate_slider.setRange(round(RATE_MIN * 100), round(RATE_MAX * 100))
        self.rate_slider.setSingleStep(5)
        self.rate_slider.setPageStep(25)
        self.rate_slider.setTracking(False)
        # The values as given are kept until the person moves a slider, so the first
        # choice equals what the caller prepared for (sliders hold whole percents).
        self._rate = min(RATE_MAX, max(RATE_MIN, rate))
        self.rate_slider.setValue(round(self._rate * 100))
        self.rate_slider.setAccessibleName(self.tr("Speaking pace"))
        self.rate_value = make_label("", "muted", wrap=False)
        self.rate_value.setMinimumWidth(self.rate_value.fontMetrics().horizontalAdvance("0.00×  "))
        rate_row = self.rate_row = QHBoxLayout()
        rate_row.setSpacing(SPACE["s"])
        rate_row.addWidget(self.rate_slider, 1)
        rate_row.addWidget(self.rate_value)
        self.rate_label = make_label(self.tr("Speaking pace"))
        self.rate_label.setBuddy(self.rate_slider)
        form.addRow(self.rate_label, rate_row)

        # Background sound and its volume.
        # (None means "the practice's own"; for a practice without one, that is silence.)
        names = {
            "none": self.tr("None"),
            "pink-noise": self.tr("Pink noise"),
            "brown-noise": self.tr("Brown noise"),
            "rain": self.tr("Rain"),
        }
        options: list[tuple[str | None, str]] = []
        if practice.background is not None:
            options.append((None, self.tr("The practice's own")))
            options.append(("none", names["none"]))
        else:
            options.append((None, names["none"]))
        options.extend((key, names[key]) for key in NOISE_BACKGROUNDS)
        self.background_group = QButtonGroup(self)
        self.background_group.setExclusive(True)
        self.background_buttons: dict[str | None, QPushButton] = {}
        self._background_keys: list[str | None] = []
        background_flow = FlowLayout()
        for index, (key, text) in enumerate(options):
            button = chip(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(
                self.tr(
                    "Background sound: a soft sound underneath the practice, or none; "
                    "the arrow keys choose another"
                )
            )
            button.setChecked(index == 0)
            self.background_group.addButton(button, index)
            self.background_buttons[key] = button
            self._background_keys.append(key)
            background_flow.addWidget(button)
        background_label = make_label(self.tr("Background"))
        background_label.setBuddy(self.background_group.button(0))
        form.addRow(background_label, background_flow)
        self.volume_slider = Slider()
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(20)
        self.volume_slider.setTracking(False)
        self._volume = min(1.0, max(0.0, background_volume))
        self.volume_slider.setValue(round(self._volume * 100))
        self.volume_slider.setAccessibleName(self.tr("Background volume"))
        self.volume_value = make_label("", "muted", wrap=False)
        self.volume_value.setMinimumWidth(self.rate_value.minimumWidth())
        volume_row = self.volume_row = QHBoxLayout()
        volume_row.setSpacing(SPACE["s"])
        volume_row.addWidget(self.volume_slider, 1)
        volume_row.addWidget(self.volume_value)
        self.volume_label = make_label(self.tr("Volume"))
        self.volume_label.setBuddy(self.volume_slider)
        form.addRow(self.volume_label, volume_row)
        column.addWidget(choices)

        # The practice's before-questions.
        self.form: QuestionForm | None = None
        if practice.reflection.before:
            column.addSpacing(SPACE["s"])
            column.addWidget(make_label(self.tr("Checking in"), "subheading"))
            self.form = QuestionForm(practice.reflection.before, "before", language)
            column.addWidget(self.form)
        column.addStretch(1)

        self.scroll_area = scroll_page(content)

        # Footer: Back, the voice's preparation, Begin.
        footer = CentredColumn(top=SPACE["m"], bottom=SPACE["l"])
        row = QHBoxLayout()
        row.setSpacing(SPACE["m"])
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAutoDefault(True)
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAccessibleDescription(self.tr("Back to where you chose it (Escape)"))
        self.preparing_label = make_label("", "muted", wrap=False)
        self.preparing_bar = QProgressBar()
        self.preparing_bar.setTextVisible(False)
        self.preparing_bar.setFixedHeight(SPACE["xs"] + 2)
        self.preparing_bar.setAccessibleName(self.tr("Preparing the voice"))
        self.preparing_bar.setAccessibleDescription(
            self.tr("How much of the spoken guidance is ready")
        )
        self.preparing_bar.setMinimumWidth(CONTENT_WIDTH // 4)
        preparing = QVBoxLayout()
        preparing.setSpacing(SPACE["xs"])
        preparing.addStretch(1)
        preparing.addWidget(self.preparing_label)
        preparing.addWidget(self.preparing_bar)
        preparing.addStretch(1)
        self.preparing_label.hide()
        self.preparing_bar.hide()
        self.begin_button = QPushButton(self.tr("Begin"))
        self.begin_button.setProperty("role", "primary")
        self.begin_button.setDefault(True)
        self.begin_button.setAccessibleName(self.tr("Begin"))
        self.begin_button.setAccessibleDescription(self.tr("Start the practice (Enter)"))
        self.begin_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.begin_button.setMinimumWidth(
            self.begin_button.fontMetrics().horizontalAdvance(self.tr("Begin")) + 6 * SPACE["m"]
        )
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addLayout(preparing)
        row.addWidget(self.begin_button)
        footer.column.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(footer)

        self._sync_rows()
        self._show_rate()
        self._show_volume()
        self._show_estimate()
        self.length_group.idToggled.connect(self._on_exclusive_toggled)
        self.narration_box.toggled.connect(self._on_choice)
        self.voice_combo.currentIndexChanged.connect(self._on_choice)
        self.rate_slider.valueChanged.connect(self._on_rate)
        self.rate_slider.sliderMoved.connect(self._show_rate)
        self.volume_slider.sliderMoved.connect(self._show_volume)
        self.background_group.idToggled.connect(self._on_exclusive_toggled)
        self.volume_slider.valueChanged.connect(self._on_volume)
        self.back_button.clicked.connect(self.back_requested)
        self.begin_button.clicked.connect(self.begin)

    # --- the choice -------------------------------------------------------------------

    def support_text(self, who: str, contact: str) -> str:
        """ "If you need support: who — contact" (just the contact without a name)."""
        if who.strip():
            return self.tr("If you need support: %1 — %2").replace("%1", who).replace("%2", contact)
        return self.tr("If you need support: %1").replace("%1", contact)

    def choice(self) -> SessionChoice:
        """What is chosen now, with the before-answers given so far."""
        checked = self.length_group.checkedId()
        length = (
            self.practice.lengths[checked]
            if 0 <= checked < len(self.practice.lengths)
            else self.practice.default_length
        )
        return SessionChoice(
            practice_id=self.practice.id,
            length=length,
            narration=self.narration_box.isChecked(),
            voice=self.voice_combo.currentData(),
            rate=self._rate,
            background=self.background(),
            background_volume=self._volume,
            language=self.language,
            before=self.form.answers() if self.form is not None else (),
        )

    def background(self) -> str | None:
        """The chosen background: None for the practice's own, "none", or a noise."""
        checked = self.background_group.checkedId()
        return self._background_keys[checked] if checked >= 0 else None

    def begin(self) -> None:
        self.start_requested.emit(self.choice())

    # --- the voice's preparation ----------------------------------------------------

    def set_preparing(self, done: int, total: int) -> None:
        """Show how far the speech is prepared: "Preparing the voice… 12 of 40"."""
        if total <= 0:
            self.set_ready()
            return
        done = max(0, min(done, total))
        text = (
            self.tr("Preparing the voice… %1 of %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        set_label(self.preparing_label, text)
        self.preparing_bar.setRange(0, total)
        self.preparing_bar.setValue(done)
        self.preparing_label.show()
        self.preparing_bar.show()

    def set_ready(self) -> None:
        set_label(self.preparing_label, self.tr("Ready when you are."))
        self.preparing_label.show()
        self.preparing_bar.hide()

    # --- keys ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Only keys no control used reach here: Enter in a text box makes a new line.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.begin()
        elif event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)

    # --- internals -------------------------------------------------------------------

    def _on_exclusive_toggled(self, index: int, checked: bool) -> None:
        del index
        if checked:  # an exclusive switch unchecks one and checks another: report once
            self._on_choice()

    def _on_rate(self, value: int) -> None:
        self._rate = value / 100
        self._on_choice()

    def _on_volume(self, value: int) -> None:
        self._volume = value / 100
        self._on_choice()

    def _on_choice(self) -> None:
        self._sync_rows()
        self._show_rate()
        self._show_volume()
        self._show_estimate()
        self.choices_changed.emit(replace(self.choice(), before=()))

    def _sync_rows(self) -> None:
        """Show only the choices that matter now (the theme draws disabled controls as
        enabled ones, so they are hidden rather than greyed)."""
        narration = self.narration_box.isChecked()
        self.choices_form.setRowVisible(self.voice_combo, narration and self._has_voices)
        self.choices_form.setRowVisible(self.rate_row, narration)
        background = self.background()
        silent = background == "none" or (background is None and self.practice.background is None)
        self.choices_form.setRowVisible(self.volume_row, not silent)

    def _show_rate(self, position: int | None = None) -> None:
        value = (position if position is not None else self.rate_slider.value()) / 100
        text = f"{value:g}×"
        set_label(self.rate_value, text)
        self.rate_slider.setAccessibleDescription(
            self.tr("How fast the voice speaks: %1 of its normal pace, from 0.5 to 2").replace(
                "%1", text
            )
        )

    def format_length(self, seconds: float) -> str:
        """How a length is shown on its button: "5 min", "1 min 30 s", "45 s"."""
        minutes, secs = divmod(round(seconds), 60)
        if minutes and not secs:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
        return self.tr("%1 s").replace("%1", str(secs))

    def spoken_length(self, seconds: float) -> str:
        """The same in words, for a screen reader: "5 minutes"."""
        minutes, secs = divmod(round(seconds), 60)
        parts = []
        if minutes:
            parts.append(self.tr("%n minutes", "", minutes))
        if secs or not minutes:
            parts.append(self.tr("%n seconds", "", secs))
        return " ".join(parts)

    def _show_volume(self, position: int | None = None) -> None:
        value = position if position is not None else self.volume_slider.value()
        set_label(self.volume_value, self.tr("%1%").replace("%1", str(value)))
        self.volume_slider.setAccessibleDescription(
            self.tr("How loud the background sound is: %1 percent").replace("%1", str(value))
        )

    def _show_estimate(self) -> None:
        """ "About N min" for a practice without lengths, from the speech estimate."""
        if self.practice.lengths:
            self.estimate_label.hide()
            return
        try:
            rate = self.practice.narration_rate * self._rate
            budget = time_budget(self.practice, estimate_speech(rate), language=self.language)
        except ValueError:
            self.estimate_label.hide()
            return
        set_label(
            self.estimate_label, self.tr("About %1").replace("%1", rough_length(budget.fixed))
        )
        self.estimate_label.show()
