"""The two panes beside the practice editor's text: the problems, and the outline of
steps with their start times. Activating a row in either asks to jump to its place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.authoring import Check
from desktop_app.core.durations import format_clock, format_duration
from desktop_app.core.problems import Problem
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

#: Where a row points in the text: (line, column).
_PLACE = Qt.ItemDataRole.UserRole


def clock(seconds: float | None) -> str:
    """A start time as the player's clock will show it; a dash where there is none."""
    return "–" if seconds is None else format_clock(seconds)


class ProblemsPane(QWidget):
    jump = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["xs"])
        self.heading = make_label(self.tr("Problems"), "subheading")
        self.heading.setAccessibleName(self.tr("Problems"))
        self.summary = make_label("", "muted")
        self.summary.setAccessibleName(self.tr("Problems found"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Problems, with line and column"))
        self.list.setAccessibleDescription(
            self.tr("Enter or a click goes to the place in the text")
        )
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        self.list.clear()
        for problem in problems:
            text = problem.in_file()
            item = QListWidgetItem(text)
            item.setData(_PLACE, (problem.pos.line, problem.pos.col))
            item.setToolTip(text)
            self.list.addItem(item)
        errors = sum(p.is_error for p in problems)
        if not problems:
            self.summary.setText(self.tr("None. The practice is ready to preview."))
        elif errors:
            self.summary.setText(self.tr("%n things to fix before it can be played.", "", errors))
        else:
            self.summary.setText(self.tr("Nothing to fix; a note worth reading."))
        self.list.setVisible(bool(problems))

    def _activated(self, item: QListWidgetItem) -> None:
        line, col = item.data(_PLACE)
        self.jump.emit(line, col)


class OutlinePane(QWidget):
    jump = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["xs"])
        heading = make_label(self.tr("Outline"), "subheading")
        heading.setAccessibleName(self.tr("Outline"))
        self.note = make_label("", "muted")
        self.note.setAccessibleName(self.tr("About the outline"))
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Outline of the steps and when each begins"))
        self.tree.setAccessibleDescription(self.tr("Enter or a click goes to the step in the text"))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)

    def show_check(self, check: Check) -> None:
        """The outline of a valid practice; after an error the last one stays, marked."""
        if check.practice is None:
            if self.tree.topLevelItemCount():
                self.note.setText(
                    self.tr("As it was before the last change; it follows again once fixed.")
                )
            else:
                self.note.setText(self.tr("It appears once the practice has no problems."))
            self.note.setVisible(True)
            self.tree.setEnabled(self.tree.topLevelItemCount() > 0)
            return
        self.tree.setEnabled(True)
        self.tree.clear()
        if check.too_long is not None:
            self.note.setText(
                self.tr(
                    "With its repeats this practice has %1 steps and breaths: too many to "
                    "outline while you type. attune timeline shows it in full."
                ).replace("%1", f"{check.too_long:,}")
            )
            self.note.setVisible(True)
            return
        columns = [
            self.tr("at %1").replace("%1", format_duration(length))
            if length is not None
            else self.tr("starts")
            for length in check.lengths
        ]
        self.tree.setColumnCount(2 + len(columns))  # fewer lengths than before: fewer columns
        self.tree.setHeaderLabels([self.tr("line"), self.tr("step"), *columns])
        for row in check.outline:
            what = f"{row.action}: {row.what}" if row.what else row.action
            item = QTreeWidgetItem(
                [str(row.line), "    " * row.depth + what, *(clock(s) for s in row.starts)]
            )
            item.setData(0, _PLACE, (row.line, 1))
            item.setToolTip(1, what)
            self.tree.addTopLevelItem(item)
        total = QTreeWidgetItem(["", self.tr("ends (timed total)"), *map(clock, check.totals)])
        font = total.font(1)
        font.setBold(True)
        for column in range(total.columnCount()):
            total.setFont(column, font)
        self.tree.addTopLevelItem(total)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        waits = any(row.action in ("wait", "ask") for row in check.outline)
        self.note.setText(
            self.tr("Times leave out waiting at Continue and at questions.") if waits else ""
        )
        self.note.setVisible(waits)

    def _activated(self, item: QTreeWidgetItem) -> None:
        place = item.data(0, _PLACE)
        if place is not None:
            self.jump.emit(*place)
