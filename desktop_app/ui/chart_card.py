"""A chart in a card: its title, a line about it, and the chart, or the same numbers
as a table at the press of "Show as a table"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.charts import Chart
from desktop_app.ui.insights_numbers import Bar
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label


def named_label(text: str = "", role: str | None = None) -> QLabel:
    """A wrapping plain-text label, named for assistive technology by its text."""
    label = make_label(text, role)
    label.setAccessibleName(text)
    return label


class ChartCard(QFrame):
    """A chart in a card: its title, a line about it, the chart (or its table), and
    "Show as a table"."""

    def __init__(
        self,
        title: str,
        chart: Chart,
        headers: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.chart = chart
        self.title = title
        chart.setAccessibleName(title)
        chart.setAccessibleDescription(self.tr("Nothing to show yet"))
        self.title_label = named_label(title, "subheading")
        self.caption = named_label("", "muted")
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        for column in range(1, len(headers)):  # numbers, right-aligned like their column
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("%1, as a table").replace("%1", title))
        self.table.setAccessibleDescription(self.tr("Nothing to show yet"))
        for part in (self.table.horizontalHeader(), self.table.verticalHeader()):
            part.setAccessibleName(self.tr("Columns"))
            part.setAccessibleDescription(", ".join(headers))
        for button in self.table.findChildren(QAbstractButton):
            button.setAccessibleName(self.tr("Whole table"))
            button.setAccessibleDescription(self.tr("The corner of the table"))
        self.empty_label = named_label("", "muted")
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # One of these three shows at a time (hidden ones take no room, unlike the
        # pages of a stacked widget, which all take the tallest's).
        self._views: tuple[QWidget, ...] = (chart, self.table, self.empty_label)
        self.toggle = QPushButton(self.tr("Show as a table"))
        self.toggle.setProperty("role", "quiet")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show %1 as a table").replace("%1", title))
        self.toggle.setAccessibleDescription(
            self.tr("Switch between the chart and a table of the same numbers")
        )
        self.toggle.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(self.title_label)
        layout.addWidget(self.caption)
        for view in self._views:
            layout.addWidget(view)
        self._show(chart)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.toggle)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()

    def show_data(
        self,
        bars: list[Bar],
        rows: Sequence[Sequence[str]],
        caption: str,
        description: str,
        empty: str = "",
    ) -> None:
        """The bars, the same as table rows, a line about them, and them in words;
        `empty` instead of the chart when there are no bars."""
        self.chart.set_bars(bars)
        self.chart.setAccessibleDescription(description)
        self.table.setAccessibleDescription(description)
        self.caption.setText(caption)
        self.caption.setAccessibleName(caption)
        self.caption.setVisible(bool(caption))
        self.table.setRowCount(len(rows))
        for number, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader().height()
        rows_height = sum(self.table.rowHeight(n) for n in range(len(rows)))
        self.table.setFixedHeight(min(header + rows_height + 4, SPACE["xl"] * 8))
        self.empty_label.setText(empty)
        self.empty_label.setAccessibleName(empty)
        has_bars = bool(bars)
        self.toggle.setVisible(has_bars)
        if not has_bars:
            self._show(self.empty_label)
        else:
            self._show(self.table if self.toggle.isChecked() else self.chart)

    def current(self) -> QWidget:
        """The chart, its table, or the line said when there is nothing to chart."""
        return self._current

    def _show(self, widget: QWidget) -> None:
        self._current = widget
        for view in self._views:
            view.setVisible(view is widget)

    def _toggled(self, table: bool) -> None:
        self.toggle.setText(self.tr("Show as a chart") if table else self.tr("Show as a table"))
        self.toggle.setAccessibleName(
            (self.tr("Show %1 as a chart") if table else self.tr("Show %1 as a table")).replace(
                "%1", self.title
            )
        )
        if self.chart.bars:
            self._show(self.table if table else self.chart)
