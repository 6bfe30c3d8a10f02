"""How the Settings page is built: a column of sections, each a heading, a short note
and a form of rows. Every control gets a visible label joined to it (`setBuddy`: the
mnemonic focuses it, screen readers read it), an accessible name, and a description
that is its tooltip too. Sliders report a change when released or at once when moved
with the keyboard, so dragging one does not write the settings file at every pixel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.theme import SPACE


class SettingsForm:
    """Builds the page's column; `quiet()` is True while the page shows settings it
    was given, so the controls' changes then are not reported."""

    def __init__(self, quiet: Callable[[], bool]) -> None:
        self.quiet = quiet
        self.column = QVBoxLayout()
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(SPACE["xs"])
        self.form = QFormLayout()  # the section being built
        #: Each row's label and the field beside it, through every section.
        self.rows: list[tuple[QLabel, QWidget]] = []
        #: Each slider, the label that shows its value, and how a value is shown.
        self.value_labels: list[tuple[QSlider, QLabel, Callable[[int], str]]] = []

    def section(self, title: str, explanation: str) -> None:
        """A heading, a short explanation under it, and a form for the section's rows."""
        heading = QLabel(title)
        heading.setProperty("role", "subheading")
        heading.setAccessibleName(title)
        note = QLabel(explanation)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        note.setAccessibleName(explanation)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setHorizontalSpacing(SPACE["l"])
        self.form.setVerticalSpacing(SPACE["s"])
        self.column.addSpacing(SPACE["xl"])
        self.column.addWidget(heading)
        self.column.addWidget(note)
        self.column.addSpacing(SPACE["m"])
        self.column.addLayout(self.form)

    def row(self, text: str, buddy: QWidget, field: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setAccessibleName(buddy.accessibleName())
        self.form.addRow(label, field or buddy)
        self.rows.append((label, field or buddy))
        return label

    def combo(
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
        describe(combo, name, description)
        combo.currentIndexChanged.connect(
            lambda index: None if self.quiet() or index < 0 else chosen(combo.itemData(index))
        )
        self.row(text, combo)
        return combo

    def slider(
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
        describe(slider, name, description)
        value_label = QLabel(show(slider.value()))
        value_label.setAccessibleName(name)
        value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        slider.sliderMoved.connect(lambda value: value_label.setText(show(value)))
        slider.valueChanged.connect(lambda value: value_label.setText(show(value)))
        slider.valueChanged.connect(lambda value: None if self.quiet() else chosen(value))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(SPACE["m"])
        row_layout.addWidget(slider, 1)
        row_layout.addWidget(value_label)
        self.row(text, slider, row)
        self.value_labels.append((slider, value_label, show))
        return slider, value_label

    def show_values(self) -> None:
        """Each slider's value in its label (after values were set quietly)."""
        for slider, value_label, show in self.value_labels:
            value_label.setText(show(slider.value()))

    def fit_to_font(self, metrics: QFontMetrics) -> None:
        """Sizes that follow the font, so again whenever it changes (the text size):
        value labels wide enough for the widest text any of them shows, so the sliders
        end together and nothing shifts as one moves; sliders tall enough for their
        handle; row labels as wide as the widest (the sections line up) and as tall as
        their control (each sits level with it)."""
        if not self.rows:
            return
        widest = max(
            metrics.horizontalAdvance(show(value))
            for slider, _, show in self.value_labels
            for value in range(slider.minimum(), slider.maximum() + 1)
        )
        for slider, value_label, _ in self.value_labels:
            value_label.setFixedWidth(widest + SPACE["s"])
            slider.setMinimumHeight(round(metrics.height() * 1.6))
        label_width = max(label.sizeHint().width() for label, _ in self.rows)
        for label, field in self.rows:  # one label column through every section
            label.setMinimumSize(label_width, field.sizeHint().height())


def describe(widget: QWidget, name: str, description: str) -> None:
    """The accessible name and description; the description is the tooltip too."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)


def select(combo: QComboBox, data: Any) -> None:
    """Select the item holding `data`, told apart by type too (False is not 0 here)."""
    for index in range(combo.count()):
        held = combo.itemData(index)
        if held == data and type(held) is type(data):
            combo.setCurrentIndex(index)
            return
