"""One practice of a plan in the plan form: which practice, how long, how often, an
optional reminder and a note."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.plan_loader import DAY_NAMES
from desktop_app.core.plan_writer import PlanItemDraft, When
from desktop_app.core.summaries import PracticeSummary
from desktop_app.ui.shared_words import day_names, length_text, long_day_names, rough_length
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import Combo, as_tall_as, make_label, no_enter, set_names

#: How often, as the "How often" picker offers it (the data of each choice).
_DAILY, _WEEKDAYS, _DAYS, _PER_WEEK = "daily", "weekdays", "days", "per_week"


class PlanItemRow(QFrame):
    """One practice of the plan: which, how long, how often, a reminder and a note."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self, practices: list[tuple[str, PracticeSummary | None]], language: str, number: int
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.language = language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        outer.setSpacing(SPACE["s"])

        self.practice = Combo()
        for practice_id, practice in practices:
            title = practice.title.get(language) if practice else practice_id
            self.practice.addItem(title, practice_id)
        self._practices = dict(practices)
        self.length = Combo()
        self.practice.currentIndexChanged.connect(self._fill_lengths)
        first = QHBoxLayout()
        first.setSpacing(SPACE["s"])
        self._practice_label = self._label(self.tr("Practice"), self.practice)
        first.addWidget(self._practice_label)
        first.addWidget(self.practice, 3)
        first.addSpacing(SPACE["s"])
        first.addWidget(self._label(self.tr("Length"), self.length))
        first.addWidget(self.length, 2)
        # Widths by share only, so every row lines up whatever its texts.
        for combo in (self.practice, self.length):
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        outer.addLayout(first)

        self.often = Combo()
        self.often.addItem(self.tr("Every day"), _DAILY)
        self.often.addItem(self.tr("Weekdays"), _WEEKDAYS)
        self.often.addItem(self.tr("Chosen days"), _DAYS)
        self.often.addItem(self.tr("Some days a week"), _PER_WEEK)
        self.day_boxes = [QCheckBox(text) for text in day_names()]
        # A picker rather than a spin box: the same look and keys as the others.
        self.per_week = Combo()
        self.per_week.addItem(self.tr("once a week"), 1)
        self.per_week.addItem(self.tr("twice a week"), 2)
        for times in range(3, 8):
            self.per_week.addItem(self.tr("%1 times a week").replace("%1", str(times)), times)
        self.per_week.setCurrentIndex(2)
        second = QHBoxLayout()
        second.setSpacing(SPACE["s"])
        second.addWidget(self._label(self.tr("How often"), self.often))
        second.addWidget(self.often)
        self.days = QWidget()
        days_layout = QHBoxLayout(self.days)
        days_layout.setContentsMargins(SPACE["s"], 0, 0, 0)
        days_layout.setSpacing(SPACE["s"])
        for box in self.day_boxes:
            days_layout.addWidget(box)
            box.toggled.connect(self.changed)
        second.addWidget(self.days)
        second.addWidget(self.per_week)
        second.addStretch(1)
        outer.addLayout(second)

        self.reminder = QCheckBox(self.tr("A reminder at"))
        self.at = QTimeEdit(QTime(8, 0))
        self.at.setDisplayFormat("HH:mm")
        self.at.setMinimumWidth(self.at.fontMetrics().horizontalAdvance("00:00") + 3 * SPACE["m"])
        self.at.setEnabled(False)
        self.reminder.toggled.connect(self.at.setEnabled)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note, if you like: when or how"))
        as_tall_as(self.at, self.note)
        self.remove = no_enter(QPushButton(self.tr("Remove")))
        self.remove.setProperty("role", "quiet")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        third = QHBoxLayout()
        third.setSpacing(SPACE["s"])
        third.addWidget(self.reminder)
        third.addWidget(self.at)
        third.addSpacing(SPACE["m"])
        third.addWidget(self._label(self.tr("Note"), self.note))
        third.addWidget(self.note, 1)
        third.addWidget(self.remove)
        outer.addLayout(third)

        self.often.currentIndexChanged.connect(self._show_schedule)
        for signal in (self.practice.currentIndexChanged, self.often.currentIndexChanged):
            signal.connect(self.changed)
        self.renumber(number)
        self._fill_lengths()
        self._show_schedule()

    # --- what the row holds -------------------------------------------------------------

    def practice_id(self) -> str:
        return str(self.practice.currentData())

    def when(self) -> When:
        kind = self.often.currentData()
        if kind == _DAYS:
            return tuple(
                d for d, box in zip(DAY_NAMES, self.day_boxes, strict=True) if box.isChecked()
            )
        if kind == _PER_WEEK:
            return int(self.per_week.currentData())
        return str(kind)

    def draft(self) -> PlanItemDraft:
        at = self.at.time().toPython() if self.reminder.isChecked() else None
        assert at is None or isinstance(at, time)
        length = self.length.currentData()
        return PlanItemDraft(
            self.practice_id(),
            float(length) if length is not None else None,
            self.when(),
            time(at.hour, at.minute) if at else None,
            self.note.text().strip(),
        )

    def set_draft(self, item: PlanItemDraft) -> None:
        index = self.practice.findData(item.practice)
        if index < 0:  # a practice this library lacks: keep it, by its id
            self.practice.addItem(item.practice, item.practice)
            index = self.practice.count() - 1
        self.practice.setCurrentIndex(index)
        if item.length is not None:
            found = self.length.findData(item.length)
            if found < 0:
                self.length.addItem(length_text(item.length), item.length)
                found = self.length.count() - 1
            self.length.setCurrentIndex(found)
        when = item.when
        if isinstance(when, tuple):
            self.often.setCurrentIndex(self.often.findData(_DAYS))
            for name, box in zip(DAY_NAMES, self.day_boxes, strict=True):
                box.setChecked(name in when)
        elif isinstance(when, int):
            self.often.setCurrentIndex(self.often.findData(_PER_WEEK))
            self.per_week.setCurrentIndex(max(0, self.per_week.findData(when)))
        else:
            self.often.setCurrentIndex(max(0, self.often.findData(when)))
        self.reminder.setChecked(item.at is not None)
        if item.at is not None:
            self.at.setTime(QTime(item.at.hour, item.at.minute))
        self.note.setText(item.note)

    def missing(self) -> str | None:
        """What must still be chosen in this row, in words; None when nothing."""
        if self.often.currentData() == _DAYS and not self.when():
            return self.tr("Tick at least one day for practice %1.").replace("%1", str(self.number))
        return None

    def focus_chain(self) -> list[QWidget]:
        """The row's fields in reading order, for the dialog's tab order."""
        return [
            self.practice,
            self.length,
            self.often,
            *self.day_boxes,
            self.per_week,
            self.reminder,
            self.at,
            self.note,
            self.remove,
        ]

    def renumber(self, number: int) -> None:
        """Names say which practice they belong to, so a screen reader can tell rows apart."""
        self.number = number
        n = str(number)

        def named(text: str) -> str:
            return text.replace("%1", n)

        self.setAccessibleName(named(self.tr("Practice %1 of the plan")))
        self.setAccessibleDescription(self.tr("Which practice, how long and how often"))
        set_names(self.practice, named(self.tr("Practice %1")), self.tr("Which practice to do"))
        set_names(
            self.length, named(self.tr("Length of practice %1")), self.tr("How long it lasts")
        )
        set_names(
            self.often, named(self.tr("How often, practice %1")), self.tr("How often to do it")
        )
        for day, box in zip(long_day_names(), self.day_boxes, strict=True):
            set_names(
                box, named(day + self.tr(", practice %1")), self.tr("Ticked: do it on this day")
            )
        set_names(
            self.per_week,
            named(self.tr("Times a week, practice %1")),
            self.tr("How many times a week, on any days"),
        )
        set_names(
            self.reminder,
            named(self.tr("A reminder, practice %1")),
            self.tr("Ticked: a gentle reminder at the time beside it"),
        )
        set_names(self.at, named(self.tr("Reminder time, practice %1")), self.tr("Time of day"))
        set_names(self.note, named(self.tr("Note for practice %1")), self.tr("Optional"))
        set_names(
            self.remove, named(self.tr("Remove practice %1")), self.tr("Take it out of the plan")
        )

    # --- inside the row ----------------------------------------------------------------

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = make_label(text, "muted", wrap=False)
        label.setBuddy(buddy)
        set_names(label, text, self.tr("Label"))
        return label

    def _fill_lengths(self) -> None:
        practice = self._practices.get(self.practice_id())
        self.length.clear()
        if practice is not None and practice.lengths:
            for seconds in practice.lengths:
                self.length.addItem(length_text(seconds), seconds)
        else:
            own = practice.fixed if practice is not None else None
            text = (
                self.tr("Its own: about %1").replace("%1", rough_length(own))
                if own
                else self.tr("Its own length")
            )
            self.length.addItem(text, None)
        # One choice is no choice: leave it out of the tab order.
        self.length.setEnabled(self.length.count() > 1)

    def _show_schedule(self) -> None:
        kind = self.often.currentData()
        self.days.setVisible(kind == _DAYS)
        self.per_week.setVisible(kind == _PER_WEEK)
